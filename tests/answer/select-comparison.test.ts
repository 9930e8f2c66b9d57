/**
 * A comparison sets the same part of each plan side by side: the best-ranked part of each year's document, or,
 * when the question names a role and another part of that document plays it more, that part.
 */
import { describe, expect, it } from 'vitest';
import { selectSections } from '../../src/answer/select.ts';
import type { StoredDocument } from '../../src/core/types.ts';
import type { ResolvedIntent } from '../../src/retrieval/resolve-intent.ts';
import type { RankedSection } from '../../src/retrieval/search.ts';
import { rankedSection } from '../fakes/ranked-sections.ts';

const mttq = { id: 'd22', source: '2022-ke-hoach-mttq.txt', year: 2022 } as StoredDocument;
const huyen = { id: 'd23', source: '2023-ke-hoach-huyen-uy.txt', year: 2023 } as StoredDocument;
const part = (document: StoredDocument, label: string, score: number, features: Record<string, number>) =>
  ({ ...rankedSection(document, label, 'Tuyên truyền …', score), features: { facetOwn: 0, facetClash: 0, bodyMatch: 0, ...features } }) as unknown as RankedSection;
const intent = (facets: string[]) =>
  ({ shape: 'comparison', folded: 'noi dung trong diem nam 2023 so voi nam 2022 cua mat tran', facets, years: [2023, 2022], bodies: ['mat-tran'], values: [], mentionedYears: [2023, 2022], sectionRefs: [], numberKeys: [] }) as unknown as ResolvedIntent;

describe('the sides of a comparison', () => {
  const ranked = [
    part(mttq, 'III.1', 12.9, { facetOwn: 0.5 }),
    part(mttq, 'II.1', 11.8, { facetOwn: 1 }),
    part(huyen, 'II.1', 11.1, { facetOwn: 1 }),
    part(mttq, 'II', 8.4, { facetOwn: 0.5 }),
  ];

  it("are the parts playing the role asked, not the issuer's own entry that its name ranks first", () => {
    const cited = selectSections(ranked, intent(['content', 'focus'])).map((r) => `${r.document.year} ${r.section.label}`);
    expect(cited).toEqual(['2023 II.1', '2022 II.1']);
  });

  it('are the best-ranked parts when the question names no role of a plan part', () => {
    const cited = selectSections(ranked, intent([])).map((r) => `${r.document.year} ${r.section.label}`);
    expect(cited).toEqual(['2023 II.1', '2022 III.1']);
  });

  it("keep a figure's own item rather than the part of targets around it", () => {
    const figures = [part(mttq, 'II.2.a', 10, { facetOwn: 0 }), part(mttq, 'II', 9, { facetOwn: 1 }), part(huyen, 'II.2.a', 9, { facetOwn: 0 })];
    const cited = selectSections(figures, intent(['target', 'content'])).map((r) => `${r.document.year} ${r.section.label}`);
    expect(cited).toEqual(['2023 II.2.a', '2022 II.2.a']);
  });
});

describe('a comparison naming fewer than two years', () => {
  const laoCai = { id: 'lc', source: '2022-ke-hoach-lao-cai.txt', year: 2022 } as StoredDocument;
  const k12 = { id: 'k12', source: '2021-ke-hoach-12.txt', year: 2021 } as StoredDocument;
  const yearless = { ...intent([]), years: [], mentionedYears: [], folded: 'so sanh che do bao cao cua lao cai va mat tran tra vinh' } as unknown as ResolvedIntent;

  it('sets the two best-ranked documents side by side, though they are of one year', () => {
    const ranked = [part(mttq, 'III.2', 11, {}), part(laoCai, 'III.2', 8.4, {}), part(mttq, 'III.1', 7.5, {}), part(huyen, 'IV.4', 7, {}), part(k12, 'III.1', 6, {})];
    expect(selectSections(ranked, yearless).map((r) => `${r.document.id} ${r.section.label}`)).toEqual(['d22 III.2', 'lc III.2']);
  });

  it('keeps one side when no other document comes close', () => {
    const ranked = [part(mttq, 'III.2', 11, {}), part(laoCai, 'III.2', 5, {})];
    expect(selectSections(ranked, yearless).map((r) => `${r.document.id} ${r.section.label}`)).toEqual(['d22 III.2']);
  });
});

describe('a comparison of the targets one plan sets for two years', () => {
  const plan = { id: 'da07', source: '2024-de-an-07.txt', year: 2024 } as StoredDocument;
  const headed = (label: string, heading: string, score: number) => ({ ...part(plan, label, score, {}), section: { ...part(plan, label, score, {}).section, heading } }) as RankedSection;
  const targets = { ...intent([]), years: [], mentionedYears: [2025, 2030], folded: 'so sanh chi tieu giua nam 2025 va nam 2030' } as unknown as ResolvedIntent;

  it("sets the plan's parts named by those years side by side", () => {
    const ranked = [headed('VI.2', 'Mục tiêu cụ thể', 12), headed('VI.2.b', 'Đến năm 2030', 11), part(mttq, 'II.1', 10, {}), headed('VI.2.a', 'Đến năm 2025', 9)];
    expect(selectSections(ranked, targets).map((r) => r.section.label)).toEqual(['VI.2.a', 'VI.2.b']);
  });

  it('falls back to the documents side by side when the plan names only one of the years', () => {
    const ranked = [headed('VI.2.b', 'Đến năm 2030', 11), part(mttq, 'II.1', 10, {})];
    expect(selectSections(ranked, targets).map((r) => `${r.document.id} ${r.section.label}`)).toEqual(['da07 VI.2.b', 'd22 II.1']);
  });
});
