/** Reading issuer names into bodies and the chain above them, with real and fixture issuer strings. */
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/organisation/body-name.ts';

/** `name ^ parent` of each body of the chain, self first. */
function chain(issuer: string, place: string | null = null): string[] {
  return parseBody(issuer, place).map((b) => b.name);
}

describe('parseBody', () => {
  it('reads a province committee, its leadership words dropped, under Trung ương', () => {
    expect(chain('Ban Thường vụ Tỉnh ủy Lâm Giang', 'Lâm Giang')).toEqual(['Tỉnh ủy Lâm Giang', 'Trung ương']);
    expect(chain('Thường trực Tỉnh ủy Lâm Giang')).toEqual(['Tỉnh ủy Lâm Giang', 'Trung ương']);
    const [body] = parseBody('Tỉnh ủy Lâm Giang');
    expect(body).toMatchObject({ level: 'province', kind: 'committee', rank: 10, parentKey: 'trung uong' });
  });

  it('puts a Ban of a committee under that committee, one step lower', () => {
    const [ban, committee] = parseBody('Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Giang');
    expect(ban).toMatchObject({ name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Giang', kind: 'department', rank: 11, parentKey: 'tinh uy lam giang' });
    expect(committee?.name).toBe('Tỉnh ủy Lâm Giang');
  });

  it('takes the province of a Đảng ủy Khối or an organ from the document place when the name ends with "tỉnh"', () => {
    expect(chain('Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh', 'Lào Cai')).toEqual([
      'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Lào Cai',
      'Tỉnh ủy Lào Cai',
      'Trung ương',
    ]);
    expect(parseBody('Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh', 'Lào Cai')[0]?.rank).toBe(20);
    expect(chain('Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh', 'Trà Vinh')).toEqual([
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trà Vinh',
      'Tỉnh ủy Trà Vinh',
      'Trung ương',
    ]);
  });

  it('reads a provincial capital committee under the province of the same name, a centrally-run city as a province', () => {
    expect(chain('Thành ủy Bắc Kạn', 'Bắc Kạn')).toEqual(['Thành ủy Bắc Kạn', 'Tỉnh ủy Bắc Kạn', 'Trung ương']);
    expect(parseBody('Thành ủy Hà Nội')[0]).toMatchObject({ level: 'province', rank: 10 });
  });

  it('chains xã → huyện → tỉnh from the units the name gives', () => {
    expect(chain('Đảng ủy xã Tân Lập huyện Chợ Mới tỉnh Bắc Kạn')).toEqual([
      'Đảng ủy xã Tân Lập (huyện Chợ Mới)',
      'Huyện ủy Chợ Mới (tỉnh Bắc Kạn)',
      'Tỉnh ủy Bắc Kạn',
      'Trung ương',
    ]);
    expect(chain('Ban Chấp hành Đảng bộ huyện Đông Sơn Hà', 'Đông Sơn Hà')).toEqual(['Huyện ủy Đông Sơn Hà']);
  });

  it('keeps a committee whose place is unknown at its level, with no parent', () => {
    expect(parseBody('Ban Thường vụ Huyện ủy')).toEqual([{ key: 'huyen uy', name: 'Huyện ủy', kind: 'committee', level: 'district', rank: 20, parentKey: null }]);
    expect(parseBody('Đảng ủy Ban Quản lý Khu kinh tế')[0]).toMatchObject({ rank: 40, parentKey: null });
  });

  it('tells Cơ quan and Quản lý from quận when the name has accents', () => {
    expect(parseBody('Đảng ủy Ban Quản lý Khu kinh tế').map((b) => b.name)).toEqual(['Đảng ủy Ban Quản lý Khu kinh tế']);
  });

  it('reads names typed without accents and with abbreviations to the same identity', () => {
    expect(parseBody('TU Bac Kan')[0]?.key).toBe(parseBody('Tỉnh ủy Bắc Kạn')[0]?.key);
    expect(parseBody('btg tu bac kan')[0]?.key).toBe(parseBody('Ban Tuyên giáo Tỉnh ủy Bắc Kạn')[0]?.key);
    expect(parseBody('dang bo xa tan lap')[0]?.key).toBe(parseBody('Đảng ủy xã Tân Lập')[0]?.key);
  });

  it('reads central bodies under Trung ương', () => {
    expect(parseBody('Ban Tổ chức Trung ương')[0]).toMatchObject({ kind: 'central', rank: 1, parentKey: 'trung uong' });
    expect(chain('Ban Chấp hành Trung ương')).toEqual(['Trung ương']);
  });
});
