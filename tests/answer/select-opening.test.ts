/**
 * The opening part (label "") names the document. A question naming the document scores the opening close to
 * whatever it asks; beside another section it would add the document's name, not an answer. It is cited when it
 * is the best-ranked section, never as a near tie.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useMemoryCore } from '../fixtures/memory-core.ts';
import { selectSections } from '../../src/answer/select.ts';
import type { StoredDocument } from '../../src/core/types.ts';
import type { ResolvedIntent } from '../../src/retrieval/resolve-intent.ts';
import type { RankedSection } from '../../src/retrieval/search.ts';
import { rankedSection } from '../fakes/ranked-sections.ts';

const document = { id: 'd1', source: 'kh.txt' } as StoredDocument;
const ranked = (label: string, body: string, score: number) => rankedSection(document, label, body, score, 0.6);
const intent = { shape: 'factoid', folded: 'ban tuyen giao phai lam gi', facets: [], bodies: [], values: [], mentionedYears: [], sectionRefs: [], numberKeys: [], years: [] } as unknown as ResolvedIntent;
const opening = ranked('', 'KẾ HOẠCH thực hiện Đề án 17 năm 2022 của Đảng ủy Khối.', 9.9);

describe('the opening among near ties', () => {
  it('is left out beside a better-ranked section', () => {
    const list = [ranked('III.3', 'Ban Tuyên giáo Đảng ủy Khối chủ trì tham mưu.', 10), opening, ranked('III.4', 'Văn phòng Đảng ủy Khối lập dự toán.', 9.8)];
    expect(selectSections(list, intent).map((r) => r.section.label)).toEqual(['III.3', 'III.4']);
  });

  it('is cited beside it when the question asks about the document itself', () => {
    const list = [ranked('I', 'Mục đích, yêu cầu.', 10), opening];
    const aboutIt = { ...intent, folded: 'ke hoach co so hieu gi, ap dung cho ai' } as unknown as ResolvedIntent;
    expect(selectSections(list, aboutIt).map((r) => r.section.label)).toEqual(['I', '']);
  });

  it('is cited when it ranks first', () => {
    const list = [{ ...opening, score: 10 }, ranked('I', 'Mục đích, yêu cầu.', 9.9)];
    expect(selectSections(list, intent).map((r) => r.section.label)).toContain('');
  });
});

describe('the grounds a document is built on', () => {
  const basis = { ...intent, shape: 'basis' } as unknown as ResolvedIntent;
  const part = (label: string, heading: string, score: number) => ({ ...ranked(label, 'Đề án được xây dựng trên các căn cứ sau:', score), section: { id: label, documentId: 'd1', label, heading, body: '' } }) as unknown as RankedSection;

  it('come from a part of their own when the document has one', () => {
    const list = [opening, part('1', 'Sự cần thiết xây dựng Đề án', 9), part('2', 'Căn cứ chính trị của Đề án', 8)];
    expect(selectSections(list, basis).map((r) => r.section.label)).toEqual(['2']);
  });

  it('come from the opening otherwise', () => {
    expect(selectSections([part('1', 'Sự cần thiết và căn cứ', 10), opening], basis).map((r) => r.section.label)).toEqual(['']);
  });
});

describe("a document's main groups", () => {
  const withChildren = (label: string, score: number, children: number) =>
    ({ ...ranked(label, '', score), place: { children: Array.from({ length: children }, (_, i) => ({ label: `${label}.${i + 1}` })), ancestors: [] } }) as unknown as RankedSection;
  const list = { ...intent, shape: 'list' } as unknown as ResolvedIntent;
  const sections = [{ ...opening, score: 12 }, withChildren('II.1', 10, 0), withChildren('I', 9, 2), withChildren('II', 8, 5), withChildren('III', 7, 4)];

  it('are the part holding the most of them when the question asks for the groups', () => {
    for (const folded of ['ke hoach gom nhung nhom viec lon nao', 'ke hoach duoc chia thanh nhung mang cong viec lon nao']) {
      const asked = { ...list, folded } as unknown as ResolvedIntent;
      expect(selectSections(sections, asked).map((r) => r.section.label)).toEqual(['II']);
    }
  });

  it('are not looked for otherwise', () => {
    const asked = { ...list, folded: 'ke hoach gom nhung nhiem vu nao' } as unknown as ResolvedIntent;
    expect(selectSections(sections, asked).map((r) => r.section.label)).not.toEqual(['II']);
  });
});

describe('parts of one list', () => {
  const list = { ...intent, shape: 'list', folded: 'phan cong nhiem vu cho nhung co quan, don vi nao', bodies: [] } as unknown as ResolvedIntent;
  const placed = (label: string, parent: string | null, score: number, children = 0) => {
    const r = ranked(label, `Nội dung ${label}.`, score);
    const entry = (l: string) => ({ id: l, label: l, heading: '', parentLabel: null, level: 1, order: 0 });
    return { ...r, features: { facetOwn: 0, facetClash: 0, residualHeading: 0.1, listPart: 1 }, place: { entry: entry(label), ancestors: parent ? [entry(parent)] : [], children: Array.from({ length: children }, (_, i) => entry(`${label}.${i + 1}`)) } } as unknown as RankedSection;
  };
  const candidates = [placed('IV.5', 'IV', 10), placed('IV.2', 'IV', 9.9), placed('IV', null, 9.8, 5)];

  it('are answered by the list they belong to when two of them tie', () => {
    expect(selectSections(candidates, list).map((r) => r.section.label)).toEqual(['IV']);
  });

  it('stay themselves when the question names a body (its entry is what is asked)', () => {
    const named = { ...list, bodies: [{ kind: 'ban-tuyen-giao' }] } as unknown as ResolvedIntent;
    expect(selectSections(candidates, named).map((r) => r.section.label)).toEqual(['IV.5', 'IV.2']);
  });
});

describe('the grounds of a document named by its type', () => {
  const names = readdirSync(join('data', 'documents')).filter((n) => n.endsWith('.txt'));
  const core = useMemoryCore(names.map((name) => ({ name, text: readFileSync(join('data', 'documents', name), 'utf8') })));
  const plan = '2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt';

  it("are the plan's when a Kế hoạch is asked about, not those of a guidance of the same year that cites more", async () => {
    const answer = await core().engine.ask({ text: 'Kế hoạch tuyên truyền xây dựng Đảng 2023 của Huyện ủy căn cứ những văn bản cấp trên nào (số, ngày)? Tôi cần kiểm tra trước khi gửi cho đảng viên.', conversationId: 'basis', channel: 'eval' });
    expect(answer.citations.map((c) => `${c.source}|${c.section}`)).toEqual([`${plan}|`]);
  });
});
