/**
 * A list question answered by an appendix's table ("những hoạt động nào, đơn vị nào chủ trì, thời gian ra sao")
 * cites the table, not one of its rows: every row names the columns' roles, and one row dated the year asked is
 * still one line of the table.
 */
import { describe, expect, it } from 'vitest';
import { selectSections } from '../../src/answer/select.ts';
import type { StoredDocument } from '../../src/core/types.ts';
import type { ResolvedIntent } from '../../src/retrieval/resolve-intent.ts';
import type { RankedSection } from '../../src/retrieval/search.ts';
import { rankedSection } from '../fakes/ranked-sections.ts';

const document = { id: 'd1', source: '2025-ke-hoach.txt', year: 2025 } as StoredDocument;
const rows = [
  { label: 'Phụ lục 1.1', heading: 'Lễ kỷ niệm 95 năm Ngày thành lập Đảng' },
  { label: 'Phụ lục 1.2', heading: 'Chương trình nghệ thuật "Mừng Đảng, mừng Xuân 2025"' },
  { label: 'Phụ lục 1.3', heading: 'Lễ kỷ niệm 75 năm Chiến thắng Khe Mây' },
];
const section = (label: string, score: number, heading: string, features: Record<string, number>, children: typeof rows = []) => {
  const r = rankedSection(document, label, '…', score);
  return { ...r, section: { ...r.section, heading }, features: { facetOwn: 0, facetClash: 0, ...features }, place: { children, ancestors: [], childBodies: [], bodies: [], bodyEntry: false } } as unknown as RankedSection;
};
const table = section('Phụ lục 1', 15.8, 'CÁC HOẠT ĐỘNG KỶ NIỆM TRỌNG TÂM NĂM 2025', { facetOwn: 0.33, facetClash: 0.5, listPart: 1 }, rows);
const ranked = [table, ...rows.map((row, i) => section(row.label, 10.7 - i, row.heading, { facetOwn: 1, facetClash: 0.25 }))];
const intent = {
  shape: 'list',
  folded: 'nhung hoat dong ky niem nao trong nam 2025, don vi nao chu tri, thoi gian ra sao? liet ke du.',
  facets: ['task', 'implementation', 'schedule'],
  bodies: [],
  values: [],
  mentionedYears: [2025],
  sectionRefs: [],
  numberKeys: [],
  years: [2025],
} as unknown as ResolvedIntent;

describe('a list question answered by a table', () => {
  it('cites the table, not a row that names the roles of its columns or the year asked', () => {
    expect(selectSections(ranked, intent).map((r) => r.section.label)).toEqual(['Phụ lục 1']);
  });

  it('still narrows a part naming other roles to the child that names only the asked one', () => {
    const part = section('I', 12, 'MỤC ĐÍCH, YÊU CẦU', { facetOwn: 0.5, facetClash: 0.5 }, [{ label: 'I.1', heading: 'Mục đích' }]);
    const child = section('I.1', 11, 'Mục đích', { facetOwn: 1, facetClash: 0 });
    const purpose = { ...intent, folded: 'muc dich la gi', facets: ['purpose'], mentionedYears: [], years: [] } as unknown as ResolvedIntent;
    expect(selectSections([part, child], purpose).map((r) => r.section.label)).toEqual(['I.1']);
  });
});

describe('groupings above articles', () => {
  it('are never cited: the article is, even when the chapter ranks above it', () => {
    const chapter = section('Chương II', 14, 'NHIỆM VỤ, QUYỀN HẠN', { facetOwn: 1, facetClash: 0 });
    const article = section('Điều 6', 12, 'Quyền hạn của Ban Chỉ đạo', { facetOwn: 1, facetClash: 0 });
    const rights = { ...intent, folded: 'ban chi dao duoc quyen lam nhung gi', facets: ['task'], mentionedYears: [], years: [] } as unknown as ResolvedIntent;
    expect(selectSections([chapter, article], rights).map((r) => r.section.label)).toEqual(['Điều 6']);
  });
});

describe('a list question for what a named body leads, in a table of assignments', () => {
  const led = (label: string, score: number, order: number, bodyMatch: number) => {
    const r = section(label, score, '…', { facetOwn: 1, bodyMatch });
    return { ...r, section: { ...r.section, order, parentLabel: 'Phụ lục' } } as unknown as RankedSection;
  };
  const assignments = section('Phụ lục', 16, 'BẢNG PHÂN CÔNG NHIỆM VỤ', { facetOwn: 1 }, rows);
  const candidates = [assignments, led('Phụ lục.13', 14.9, 14, 1), led('Phụ lục.8', 14.7, 9, 1), led('Phụ lục.3', 13, 4, 0), led('Phụ lục.1', 14.6, 2, 1)];
  const asked = { ...intent, folded: 'ban to chuc huyen uy chu tri nhung viec nao', facets: ['implementation'], bodies: ['ban-to-chuc'], mentionedYears: [], years: [] } as unknown as ResolvedIntent;

  it("cites every row the body leads, in the table's order, instead of the whole table", () => {
    expect(selectSections(candidates, asked).map((r) => r.section.label)).toEqual(['Phụ lục.1', 'Phụ lục.8', 'Phụ lục.13']);
  });

  it('leaves a question for one fact of one row, or naming no body, to the usual selection', () => {
    const deadline = { ...asked, shape: 'factoid', folded: 'ban to chuc tong hop ket qua han chot ngay nao' } as unknown as ResolvedIntent;
    expect(selectSections(candidates, deadline).map((r) => r.section.label)).not.toEqual(['Phụ lục.1', 'Phụ lục.8', 'Phụ lục.13']);
    expect(selectSections(candidates, { ...asked, bodies: [] } as unknown as ResolvedIntent).map((r) => r.section.label)).not.toContain('Phụ lục.8');
  });
});
