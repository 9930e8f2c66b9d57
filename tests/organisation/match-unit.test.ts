/** The directory of a collection's bodies and matching what a user types against it. */
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../src/core/types.ts';
import { buildDirectory, chainText } from '../../src/organisation/directory.ts';
import { matchUnit } from '../../src/organisation/match-unit.ts';

function doc(id: string, issuer: string, place: string | null): StoredDocument {
  return { id, issuer, place } as StoredDocument;
}

const DOCUMENTS = [
  doc('bk-city', 'Thành ủy Bắc Kạn', 'Bắc Kạn'),
  doc('bk-ban', 'Ban Tuyên giáo Tỉnh ủy Bắc Kạn', 'Bắc Kạn'),
  doc('xa', 'Đảng ủy xã Tân Lập huyện Chợ Mới tỉnh Bắc Kạn', 'Bắc Kạn'),
  doc('huyen', 'Ban Thường vụ Huyện ủy huyện Chợ Mới tỉnh Bắc Kạn', 'Bắc Kạn'),
  doc('lc', 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh', 'Lào Cai'),
  doc('tw', 'Ban Tổ chức Trung ương', null),
  doc('other', 'Huyện ủy huyện Na Rì tỉnh Bắc Kạn', 'Bắc Kạn'),
];

describe('body directory', () => {
  const directory = buildDirectory(DOCUMENTS);

  it('knows the bodies the issuers imply, not only the issuers', () => {
    expect(directory.bodies.get('tinh uy bac kan')?.name).toBe('Tỉnh ủy Bắc Kạn');
    expect(directory.bodyOf('huyen')?.name).toBe('Huyện ủy Chợ Mới (tỉnh Bắc Kạn)');
    expect(chainText(directory, directory.bodyOf('xa')!.key)).toBe('Đảng ủy xã Tân Lập (huyện Chợ Mới) › Huyện ủy Chợ Mới (tỉnh Bắc Kạn) › Tỉnh ủy Bắc Kạn');
  });

  it("a xã's chain is its own body, its huyện, its tỉnh and the tỉnh's Ban, then central bodies; never a sibling huyện", () => {
    const links = directory.chain(directory.bodyOf('xa')!.key);
    const byName = new Map(links.map((l) => [l.body.name, l.distance]));
    expect(byName.get('Đảng ủy xã Tân Lập (huyện Chợ Mới)')).toBe(0);
    expect(byName.get('Huyện ủy Chợ Mới (tỉnh Bắc Kạn)')).toBe(1);
    expect(byName.get('Tỉnh ủy Bắc Kạn')).toBe(2);
    expect(byName.get('Ban Tuyên giáo Tỉnh ủy Bắc Kạn')).toBe(2.5);
    expect(byName.get('Ban Tổ chức Trung ương')).toBe(3);
    expect(byName.has('Huyện ủy Na Rì (tỉnh Bắc Kạn)')).toBe(false);
    expect(byName.has('Thành ủy Bắc Kạn')).toBe(false);
  });
});

describe('matchUnit', () => {
  const directory = buildDirectory(DOCUMENTS);
  const found = (typed: string) => {
    const m = matchUnit(directory, typed);
    return m.kind === 'found' ? m.body.name : m.kind;
  };

  it('finds a body typed without accents, with abbreviations or leadership words', () => {
    expect(found('dang uy xa tan lap')).toBe('Đảng ủy xã Tân Lập (huyện Chợ Mới)');
    expect(found('TU Bac Kan')).toBe('Tỉnh ủy Bắc Kạn');
    expect(found('btg tinh uy bac kan')).toBe('Ban Tuyên giáo Tỉnh ủy Bắc Kạn');
    expect(found('Ban Thường vụ Huyện ủy Chợ Mới')).toBe('Huyện ủy Chợ Mới (tỉnh Bắc Kạn)');
    expect(found('đảng ủy khối cơ quan doanh nghiệp tỉnh lào cai')).toBe('Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Lào Cai');
  });

  it('says a name is ambiguous and offers the bodies it could mean', () => {
    const m = matchUnit(directory, 'bac kan');
    expect(m.kind).toBe('ambiguous');
    const names = m.kind === 'ambiguous' ? m.candidates.map((b) => b.name) : [];
    expect(names).toEqual(expect.arrayContaining(['Tỉnh ủy Bắc Kạn', 'Thành ủy Bắc Kạn']));
    expect(names.length).toBeLessThanOrEqual(5);
  });

  it('says an unknown name is unknown, with the closest known bodies', () => {
    const m = matchUnit(directory, 'Huyện ủy Ba Bể');
    expect(m.kind).not.toBe('found');
    expect(matchUnit(directory, 'câu lạc bộ bóng đá')).toEqual({ kind: 'unknown', closest: [] });
  });
});
