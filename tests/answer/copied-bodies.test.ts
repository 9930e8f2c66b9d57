/** Near-copies of several bodies: the highest-level one is quoted, the others named; the asker's chain decides first. */
import { describe, expect, it } from 'vitest';
import type { StoredDocument, StoredSection } from '../../src/core/types.ts';
import type { RankedSection } from '../../src/retrieval/search.ts';
import { buildDirectory } from '../../src/organisation/directory.ts';
import { unitChain } from '../../src/organisation/organisations.ts';
import { mentionOrder, othersText, settleBodies, settleCopies } from '../../src/answer/copied-bodies.ts';

const FOCUS = 'Tuyên truyền kết quả thực hiện Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống trong cán bộ, đảng viên.';
const OTHER = 'Tổ chức các hoạt động thông tin, tuyên truyền kỷ niệm các ngày lễ lớn của đất nước và của địa phương trong năm.';

function ranked(id: string, issuer: string, score: number, body = FOCUS): RankedSection {
  const document = { id, issuer, place: 'Bắc Kạn', source: `${id}.txt` } as StoredDocument;
  const section = { id: `${id}-s`, documentId: id, label: 'II.1', heading: 'Nội dung', body, fullText: body } as StoredSection;
  return { document, section, score, coverage: 0.8, citesNumber: false, features: {} as RankedSection['features'], place: null };
}

const COPIES = [
  ranked('xa', 'Đảng ủy xã Tân Lập huyện Chợ Mới tỉnh Bắc Kạn', 10),
  ranked('huyen', 'Huyện ủy huyện Chợ Mới tỉnh Bắc Kạn', 9.9),
  ranked('tinh', 'Ban Thường vụ Tỉnh ủy Bắc Kạn', 9.8),
  ranked('ban', 'Ban Tuyên giáo Tỉnh ủy Bắc Kạn', 9.7),
  ranked('na-ri', 'Huyện ủy huyện Na Rì tỉnh Bắc Kạn', 9.6),
  ranked('ba-be', 'Huyện ủy huyện Ba Bể tỉnh Bắc Kạn', 9.5),
  ranked('pac-nam', 'Huyện ủy huyện Pác Nặm tỉnh Bắc Kạn', 9.4),
  ranked('other', 'Huyện ủy huyện Bạch Thông tỉnh Bắc Kạn', 9.3, OTHER),
  ranked('low', 'Huyện ủy huyện Ngân Sơn tỉnh Bắc Kạn', 5),
];
const directory = buildDirectory(COPIES.map((r) => r.document));
const noUnit = () => false;

describe('settleCopies', () => {
  it('without a unit, quotes the highest-level body among equally good near-copies and names the others', () => {
    const { chosen, others } = settleCopies([COPIES[0]!, COPIES[1]!], COPIES, directory, noUnit);
    expect(chosen.map((r) => r.document.id)).toEqual(['tinh']);
    expect(others[0]).toBe('Ban Tuyên giáo Tỉnh ủy Bắc Kạn');
    expect(others).toEqual(expect.arrayContaining(['Huyện ủy Chợ Mới (tỉnh Bắc Kạn)', 'Đảng ủy xã Tân Lập (huyện Chợ Mới)', 'Huyện ủy Pác Nặm (tỉnh Bắc Kạn)']));
    // A different text, and a copy that answers much worse, are not "the same answer".
    expect(others.join()).not.toContain('Bạch Thông');
    expect(others.join()).not.toContain('Ngân Sơn');
  });

  it('names at most five bodies and counts the rest', () => {
    const text = othersText(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(text).toBe('Nội dung tương tự cũng có trong văn bản của: A; B; C; D; E (và 2 cơ quan khác).');
    expect(othersText([])).toBeNull();
  });

  it("keeps the asker's chain's documents and drops other bodies' sections, copies or not", () => {
    const chain = unitChain(directory, 'dang uy xa tan lap')!;
    const inChain = (r: RankedSection) => chain.closeness.has(r.document.id);
    const { chosen, others } = settleCopies([COPIES[0]!, COPIES[4]!, COPIES[7]!, COPIES[2]!], COPIES, directory, inChain);
    expect(chosen.map((r) => r.document.id)).toEqual(['xa', 'tinh']);
    expect(others).toEqual([]);
  });

  it('between bodies of one level, quotes the document the collection has held longest', () => {
    const older = ranked('old', 'Huyện ủy huyện Ba Bể tỉnh Bắc Kạn', 9.5);
    const newer = ranked('new', 'Huyện ủy huyện Na Rì tỉnh Bắc Kạn', 10);
    older.document.createdAt = new Date('2024-01-01');
    newer.document.createdAt = new Date('2025-01-01');
    const dir = buildDirectory([older.document, newer.document]);
    expect(settleCopies([newer], [newer, older], dir, noUnit).chosen.map((r) => r.document.id)).toEqual(['old']);
  });

  it('settles every quoted section, not only the first: each is quoted from the highest body saying it', () => {
    const list = [
      ranked('xa', 'Đảng ủy xã Tân Lập huyện Chợ Mới tỉnh Bắc Kạn', 10),
      ranked('huyen', 'Huyện ủy huyện Chợ Mới tỉnh Bắc Kạn', 9.9),
      ranked('na-ri', 'Huyện ủy huyện Na Rì tỉnh Bắc Kạn', 9.5, OTHER),
      ranked('ba-be', 'Huyện ủy huyện Ba Bể tỉnh Bắc Kạn', 9.4, OTHER),
      ranked('tinh', 'Ban Thường vụ Tỉnh ủy Bắc Kạn', 9.2, OTHER),
    ];
    const dir = buildDirectory(list.map((r) => r.document));
    const { chosen, others } = settleCopies([list[0]!, list[2]!, list[3]!], list, dir, noUnit);
    // The second point's copies, Na Rì's and Ba Bể's, give way to the Tỉnh ủy's; each text is quoted once.
    expect(chosen.map((r) => r.document.id)).toEqual(['huyen', 'tinh']);
    expect(others).toEqual(expect.arrayContaining(['Đảng ủy xã Tân Lập (huyện Chợ Mới)', 'Huyện ủy Na Rì (tỉnh Bắc Kạn)', 'Huyện ủy Ba Bể (tỉnh Bắc Kạn)']));
  });

  it('leaves a single answer alone', () => {
    expect(settleCopies([COPIES[7]!], COPIES, directory, noUnit)).toEqual({ chosen: [COPIES[7]], others: [] });
  });
});

describe('unitChain', () => {
  it('gives the own body 1, each step above less, and nothing outside the chain', () => {
    const chain = unitChain(directory, 'Đảng ủy xã Tân Lập')!;
    expect(chain.body.name).toBe('Đảng ủy xã Tân Lập (huyện Chợ Mới)');
    expect(chain.closeness.get('xa')).toBe(1);
    expect(chain.closeness.get('huyen')).toBeCloseTo(2 / 3);
    expect(chain.closeness.get('tinh')).toBe(0.5);
    expect(chain.closeness.get('ban')).toBeLessThan(0.5);
    expect(chain.closeness.has('na-ri')).toBe(false);
    expect(chain.relation.get(chain.body.key)).toBe('own');
    expect(unitChain(directory, 'câu lạc bộ')).toBeNull();
  });
});

describe('mentions of one text copied into many plans', () => {
  it('without a unit, orders equally scored mentions by level, and folds copies into one place naming the bodies', () => {
    const ordered = mentionOrder(COPIES, null, directory);
    expect(ordered[0]?.document.id).toBe('tinh');
    const { chosen, note } = settleBodies('mentions', null, ordered.slice(0, 5), ordered, directory);
    expect(chosen.map((r) => r.document.id)).toEqual(['tinh']);
    expect(note).toContain('Nội dung tương tự cũng có trong văn bản của: Ban Tuyên giáo Tỉnh ủy Bắc Kạn; Huyện ủy Chợ Mới (tỉnh Bắc Kạn); Huyện ủy Na Rì (tỉnh Bắc Kạn); Đảng ủy xã Tân Lập (huyện Chợ Mới).');
    expect(note).toContain('/donvi');
  });

  it("with a unit, the chain's mentions come first and the other bodies are named", () => {
    const chain = unitChain(directory, 'Đảng ủy xã Tân Lập')!;
    const ordered = mentionOrder(COPIES, chain, directory);
    expect(ordered.slice(0, 3).map((r) => r.document.id)).toEqual(['xa', 'huyen', 'tinh']);
    const { chosen, note } = settleBodies('mentions', chain, ordered.slice(0, 5), ordered, directory);
    expect(chosen.map((r) => r.document.id)).toEqual(['xa', 'huyen', 'tinh', 'ban']);
    expect(note).toBe('Còn được nhắc đến trong văn bản của: Huyện ủy Na Rì (tỉnh Bắc Kạn).');
  });
});
