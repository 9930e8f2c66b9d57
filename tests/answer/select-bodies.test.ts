/**
 * "Giao nhiệm vụ cho những cơ quan, đơn vị nào?" asks for the bodies assigned: the answer is the part whose entries
 * are bodies ("IV. TỔ CHỨC THỰC HIỆN"), even when words of another part rank that part first.
 */
import { describe, expect, it } from 'vitest';
import { selectSections } from '../../src/answer/select.ts';
import type { StoredDocument } from '../../src/core/types.ts';
import type { ResolvedIntent } from '../../src/retrieval/resolve-intent.ts';
import type { RankedSection } from '../../src/retrieval/search.ts';
import { rankedSection } from '../fakes/ranked-sections.ts';

const document = { id: 'd1', source: '2023-ke-hoach.txt', year: 2023 } as StoredDocument;
const part = (label: string, score: number, childBodies: string[] = []) =>
  ({ ...rankedSection(document, label, '…', score), place: { children: childBodies.map((_, i) => ({ label: `${label}.${i + 1}` })), ancestors: [], childBodies, bodies: [], bodyEntry: false } }) as unknown as RankedSection;
const ranked = [part('I', 9.8), part('IV.1', 7.3), part('II.1', 6.7), part('IV', 6.2, ['ban-to-chuc', 'ban-tuyen-giao', 'mat-tran'])];
const asked = (folded: string, extra: Partial<ResolvedIntent> = {}) =>
  ({ shape: 'list', folded, facets: ['implementation'], bodies: [], values: [], mentionedYears: [], sectionRefs: [], numberKeys: [], years: [], ...extra }) as unknown as ResolvedIntent;
const labels = (intent: ResolvedIntent, list: RankedSection[] = ranked) => selectSections(list, intent).map((r) => r.section.label);

describe('a question for the bodies assigned', () => {
  it.each([
    'ke hoach nam 2023 cua huyen uy giao nhiem vu cho nhung co quan, don vi nao? ke du.',
    'phan cong trach nhiem cho nhung ai? neu du.',
    'liet ke du cac dau moi',
  ])('%s → the part listing them', (folded) => {
    expect(labels(asked(folded))).toEqual(['IV']);
  });

  it('is not one that names a body (its entry is asked) or asks whose direction a part follows', () => {
    expect(labels(asked('ban tuyen giao phoi hop voi nhung co quan nao', { bodies: ['ban-tuyen-giao'] }))).not.toEqual(['IV']);
    expect(labels(asked('yeu cau bam sat chi dao cua nhung co quan nao', { facets: ['requirement', 'implementation'] }))).not.toEqual(['IV']);
    expect(labels(asked('hoat dong phai bam sat chi dao cua nhung co quan nao'))).not.toEqual(['IV']);
  });
});

describe("a body's entry for a question about another part", () => {
  const place = (bodies: string[], inheritedFacets: string[]) => ({ children: [], ancestors: [], childBodies: [], bodies, inheritedFacets, ownFacets: [], bodyEntry: bodies.length > 0 && inheritedFacets.includes('implementation') });
  const withPlace = (label: string, score: number, features: Record<string, number>, where: ReturnType<typeof place>) =>
    ({ ...part(label, score), features: { facetOwn: 0, facetInherited: 0, facetMissing: 0, facetClash: 0, ...features }, place: where }) as unknown as RankedSection;
  const ranked = [
    withPlace('IV.2', 10, { facetMissing: 1 }, place(['uy-ban-nhan-dan'], ['implementation'])),
    withPlace('', 9.3, { facetMissing: 1 }, place([], [])),
    withPlace('III', 9.1, { facetOwn: 1 }, place([], [])),
    withPlace('IV.4', 8.5, { facetMissing: 1 }, place(['ban-to-chuc'], ['implementation'])),
  ];
  const forms = asked('dung nhung cach thuc, kenh nao de tuyen truyen? liet ke day du', { facets: ['form'] });

  it('gives way to the part playing the role asked ("III. HÌNH THỨC TUYÊN TRUYỀN" for "kênh nào")', () => {
    expect(labels(forms, ranked)).toEqual(['III']);
  });

  it("stays when the question names a body, or when the point names a body outside an implementation part", () => {
    expect(labels({ ...forms, bodies: ['uy-ban-nhan-dan'] } as ResolvedIntent, ranked)[0]).toBe('IV.2');
    const point = [withPlace('4', 10, { facetMissing: 1 }, place(['cap-uy'], [])), ranked[2] as RankedSection];
    expect(labels(forms, point)[0]).toBe('4');
  });

  it('also gives way when the body named is the plan\'s own issuer ("mttq tra vinh 2022 tt thuong xuyen may nd")', () => {
    const named = { ...forms, bodies: ['uy-ban-nhan-dan'] } as ResolvedIntent;
    const issuer = () => ['uy-ban-nhan-dan'];
    expect(selectSections(ranked, named, undefined, issuer).map((r) => r.section.label)).toEqual(['III']);
  });

  it('gives way to the part playing most of the roles asked, never to one the question sets aside', () => {
    // "ngoài nội dung trọng điểm ra, … tuyên truyền đều đặn những nội dung nào": II.1 is set aside, II plays half.
    const content = [
      withPlace('IV.2', 10, { facetMissing: 1 }, place(['uy-ban-nhan-dan'], ['implementation'])),
      withPlace('II.1', 9.5, { facetOwn: 0.5, facetExcluded: 1 }, place([], [])),
      withPlace('II', 9.2, { facetOwn: 0.5 }, place([], [])),
      withPlace('II.2', 8, { facetOwn: 1 }, place([], [])),
    ];
    const regular = asked('ngoai noi dung trong diem ra con tuyen truyen deu dan nhung noi dung nao', { facets: ['content', 'regular'] });
    expect(labels(regular, content)).toEqual(['II.2']);
  });
});

describe('an item of a list ranked first for a list question', () => {
  const item = (label: string, score: number, features: Record<string, number>, parentLabel: string | null, children: number) =>
    ({
      ...rankedSection(document, label, '…', score),
      features: { facetOwn: 0, facetInherited: 0, facetMissing: 0, facetClash: 0, residualHeading: 0, listPart: 0, ...features },
      place: { children: Array.from({ length: children }, (_, i) => ({ label: `${label}.${i + 1}` })), ancestors: parentLabel ? [{ label: parentLabel }] : [], childBodies: [], bodies: [], bodyEntry: false },
    }) as unknown as RankedSection;
  const forms = asked('huyen uy 2023 tuyen truyen bang nhung hinh thuc gi', { facets: ['form'] });
  const parent = item('III', 9.9, { facetOwn: 1, residualHeading: 0.25 }, null, 3);

  it('gives way to its parent, whose heading plays the role asked, though the item holds bullets of its own', () => {
    const bulleted = item('III.2', 10.5, { facetInherited: 1, residualHeading: 0.17, listPart: 1 }, 'III', 0);
    expect(labels(forms, [bulleted, parent])[0]).toBe('III');
  });

  it('stays when its own heading says more of what is asked than the parent\'s', () => {
    const named = item('III.2', 10.5, { facetInherited: 1, residualHeading: 0.5, listPart: 1 }, 'III', 0);
    expect(labels(forms, [named, parent])[0]).toBe('III.2');
  });
});

describe('a body\'s entry as a near tie', () => {
  const entryPlace = { children: [], ancestors: [{ label: 'III' }], childBodies: [], bodies: ['mat-tran'], bodyEntry: true };
  const partPlace = { children: [], ancestors: [{ label: 'II' }], childBodies: [], bodies: [], bodyEntry: false };
  const make = (label: string, score: number, features: Record<string, number>, place: object) =>
    ({ ...rankedSection(document, label, '…', score), coverage: 1, features: { facetOwn: 0, facetInherited: 0, facetMissing: 0, facetClash: 0, ...features }, place }) as unknown as RankedSection;
  const ranked = [make('II.2', 10, { facetOwn: 1 }, partPlace), make('III.1', 9.9, { facetMissing: 1 }, entryPlace)];
  const regular = asked('ke hoach cua mttq tinh tra vinh phan tuyen truyen thuong xuyen co nhung y nao', { facets: ['regular'], bodies: ['mat-tran'] });

  it('is left out when the body named is the plan\'s own issuer', () => {
    expect(selectSections(ranked, regular, undefined, () => ['mat-tran']).map((r) => r.section.label)).toEqual(['II.2']);
  });

  it('stays when the question names another body', () => {
    expect(selectSections(ranked, regular, undefined, () => ['ban-tuyen-giao']).map((r) => r.section.label)).toContain('III.1');
  });
});

describe('a plain one-line item ranked first for a list question', () => {
  const at = (label: string, score: number, heading: string, body: string, headingShare: number, parentLabel: string | null, children: number) =>
    ({
      ...rankedSection(document, label, body, score),
      section: { id: label, documentId: document.id, label, heading, body },
      features: { facetOwn: 0, facetInherited: 0, facetMissing: 0, facetClash: 0, residualHeading: 0, listPart: 0, bodyMatch: 0, headingShare },
      place: { children: Array.from({ length: children }, (_, i) => ({ label: `${label}.${i + 1}` })), ancestors: parentLabel ? [{ label: parentLabel }] : [], childBodies: [], bodies: [], bodyEntry: false },
    }) as unknown as RankedSection;
  const steps = at('III.2', 9, 'Trình tự tiến hành', '', 0.8, 'III', 3);
  const first = at('III.2.a', 10, 'Đồng chí chủ trì nêu mục đích, yêu cầu…', 'Đồng chí chủ trì nêu mục đích, yêu cầu buổi sinh hoạt.', 0.25, 'III.2', 0);
  const bySteps = asked('trinh tu tien hanh mot buoi sinh hoat chuyen de gom nhung buoc nao', { facets: [] });

  it('gives way to its parent, whose heading holds at least twice its share of the question', () => {
    expect(labels(bySteps, [first, steps])).toEqual(['III.2']);
  });

  it('stays when the question asks yes or no, or the parent heading says little more', () => {
    expect(labels(asked('chu tri co phai neu muc dich khong?', { facets: [] }), [first, steps])).toEqual(['III.2.a']);
    const weakParent = at('III.2', 9, 'Sinh hoạt', '', 0.3, 'III', 3);
    expect(labels(bySteps, [first, weakParent])).toEqual(['III.2.a']);
  });

  it('stays when the item holds a list of its own in its line', () => {
    const inline = at('III.2.a', 10, 'Chủ trì nêu: mục đích, yêu cầu…', 'Chủ trì nêu: mục đích, yêu cầu, nội dung.', 0.25, 'III.2', 0);
    expect(labels(bySteps, [inline, steps])).toEqual(['III.2.a']);
  });
});
