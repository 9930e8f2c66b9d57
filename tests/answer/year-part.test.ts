/**
 * A list split by years ("2. Chỉ tiêu" › "a) Đến năm 2025", "b) Đến năm 2030") answers a question about one of
 * those years with that year's part, whole: end to end on an invented resolution, alone in an in-memory
 * collection, and in the selection itself, where the parent part ranked first gives way to the year's part (and a
 * point ranked first gives way to the list that introduces it).
 */
import type { OutlineEntry, StoredDocument, StoredSection } from '../../src/core/types.ts';
import { selectSections } from '../../src/answer/select.ts';
import type { ResolvedIntent } from '../../src/retrieval/resolve-intent.ts';
import type { RankedSection } from '../../src/retrieval/search.ts';
import { describe, expect, it } from 'vitest';
import { useMemoryCore } from '../fixtures/memory-core.ts';

const RESOLUTION = `ĐẢNG BỘ TỈNH HÀ MINH
HUYỆN ỦY THANH KHÊ
*
Số 07-NQ/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Thanh Khê, ngày 10 tháng 5 năm 2024

NGHỊ QUYẾT
về phát triển du lịch cộng đồng gắn với bảo tồn làng nghề giai đoạn 2024 - 2030

I. MỤC TIÊU

1. Mục tiêu chung

Phát triển du lịch cộng đồng thành ngành kinh tế quan trọng của huyện, gắn với bảo tồn làng nghề truyền thống.

2. Chỉ tiêu cụ thể

a) Đến năm 2025

- Đón 120 nghìn lượt khách du lịch cộng đồng.
- Có 08 làng nghề được công nhận điểm du lịch cộng đồng.
- Doanh thu từ du lịch cộng đồng đạt 90 tỷ đồng.

b) Đến năm 2030

- Đón 300 nghìn lượt khách du lịch cộng đồng.
- Có 15 làng nghề được công nhận điểm du lịch cộng đồng.
- Doanh thu từ du lịch cộng đồng đạt 250 tỷ đồng.

II. NHIỆM VỤ, GIẢI PHÁP

1. Các cấp ủy đưa chỉ tiêu phát triển du lịch cộng đồng vào nghị quyết hằng năm; đẩy mạnh tuyên truyền để người dân làng nghề tham gia làm du lịch cộng đồng.

2. Ủy ban nhân dân huyện bố trí kinh phí hỗ trợ các làng nghề xây dựng điểm du lịch cộng đồng.

T/M HUYỆN ỦY
BÍ THƯ
Nguyễn Văn Hòa
`;

describe('a list split by years', () => {
  const core = useMemoryCore([{ name: '2024-nghi-quyet-07-nq-hu-thanh-khe-du-lich.txt', text: RESOLUTION }]);

  it.each([
    ['Chỉ tiêu đến năm 2025 về du lịch cộng đồng của huyện Thanh Khê là gì?', 'I.2.a', '120 nghìn lượt'],
    ['Chỉ tiêu du lịch cộng đồng đến năm 2030 gồm những gì?', 'I.2.b', '300 nghìn lượt'],
    ['Những chỉ tiêu cụ thể đến năm 2025 là gì?', 'I.2.a', '120 nghìn lượt'],
  ])('%s → %s, whole', async (question, label, item) => {
    const answer = await core().engine.ask({ text: question, conversationId: question, channel: 'eval' });
    expect(answer.outcome).toBe('answered');
    expect(answer.citations.map((c) => c.section)).toContain(label);
    expect(answer.text).toContain(item);
  });
});

describe('selection of a list part', () => {
  const document = { id: 'd1', source: 'x.txt' } as StoredDocument;
  const entry = (label: string, heading: string, parentLabel: string | null): OutlineEntry => ({ id: label, label, heading, parentLabel, level: label.split('.').length, order: 0 });
  const parent = entry('I.2', 'Chỉ tiêu cụ thể', 'I');
  const y2025 = entry('I.2.a', 'Đến năm 2025', 'I.2');
  const y2030 = entry('I.2.b', 'Đến năm 2030', 'I.2');
  const ranked = (label: string, heading: string, body: string, score: number, ancestors: OutlineEntry[], children: OutlineEntry[]): RankedSection =>
    ({
      section: { id: label, documentId: 'd1', label, heading, body } as StoredSection,
      document,
      score,
      coverage: 0.9,
      citesNumber: false,
      features: { facetOwn: 0, facetClash: 0 },
      place: { entry: entry(label, heading, ancestors.at(-1)?.label ?? null), ancestors, children, ownFacets: [], inheritedFacets: [], bodies: [], childBodies: [], levels: [] },
    }) as unknown as RankedSection;
  const intent = (mentionedYears: number[]) => ({ shape: 'list', mentionedYears, sectionRefs: [], numberKeys: [], years: [], bodies: [], facets: [] }) as unknown as ResolvedIntent;

  it('gives the year part for a question about that year, the whole part otherwise', () => {
    const list = [ranked('I.2', 'Chỉ tiêu cụ thể', '', 10, [], [y2025, y2030]), ranked('I.2.a', 'Đến năm 2025', '- Đón 120 nghìn lượt khách.', 8, [parent], []), ranked('I.2.b', 'Đến năm 2030', '- Đón 300 nghìn lượt khách.', 7, [parent], [])];
    expect(selectSections(list, intent([2025])).map((r) => r.section.label)).toEqual(['I.2.a']);
    expect(selectSections(list, intent([2030])).map((r) => r.section.label)).toEqual(['I.2.b']);
    expect(selectSections(list, intent([])).map((r) => r.section.label)).toEqual(['I.2']);
  });

  it('goes down to the one deeper part that names the year when the part picked is above its parent', () => {
    const goals = entry('I', 'MỤC TIÊU', null);
    const list = [
      ranked('I', 'MỤC TIÊU', '', 10, [], [entry('I.1', 'Mục tiêu chung', 'I'), parent]),
      ranked('I.2.a', 'Đến năm 2025', '- Đón 120 nghìn lượt khách.', 6, [goals, parent], []),
      ranked('I.2.b', 'Đến năm 2030', '- Đón 300 nghìn lượt khách.', 5, [goals, parent], []),
    ];
    expect(selectSections(list, intent([2030])).map((r) => r.section.label)).toEqual(['I.2.b']);
    expect(selectSections(list, intent([2025, 2030])).map((r) => r.section.label)).toEqual(['I']);
  });

  it('keeps a clause that holds its own list rather than lifting it with a sibling to their article', () => {
    const article = entry('Điều 9', 'Hồ sơ, thủ tục đăng ký', null);
    const points = [entry('Điều 9.1.a', 'Tờ khai đăng ký theo mẫu', 'Điều 9.1'), entry('Điều 9.1.b', 'Giấy chứng nhận tiêm phòng', 'Điều 9.1')];
    const clauses = [entry('Điều 9.1', 'Hồ sơ đăng ký gồm', 'Điều 9'), entry('Điều 9.2', 'Chủ nuôi nộp hồ sơ tại Ủy ban nhân dân cấp xã', 'Điều 9')];
    const list = [
      ranked('Điều 9.1', 'Hồ sơ đăng ký gồm', '', 10, [article], points),
      ranked('Điều 9.2', 'Chủ nuôi nộp hồ sơ tại Ủy ban nhân dân cấp xã', '', 9.9, [article], []),
      ranked('Điều 9', 'Hồ sơ, thủ tục đăng ký', '', 9, [], clauses),
    ];
    expect(selectSections(list, intent([]))[0]?.section.label).toBe('Điều 9.1');
    const leaves = [ranked('Điều 9.1', 'Hồ sơ đăng ký gồm', '', 10, [article], []), list[1] as RankedSection, list[2] as RankedSection];
    expect(selectSections(leaves, intent([]))[0]?.section.label).toBe('Điều 9');
  });

  it("gives the sibling part for the year spoken of when the part ranked first is another year's", () => {
    const contents = entry('II.1', 'Thời gian và nội dung tuyên truyền', null);
    const list = [
      ranked('II.1.1.1', 'Từ nay đến hết năm 2021', '- Tuyên truyền Nghị quyết.', 10, [contents], []),
      ranked('II.1.1.2', 'Năm 2022 và các năm tiếp theo:', '- Tuyên truyền kết quả.', 8, [contents], []),
    ];
    const spokenOf = { ...intent([2021, 2022]), years: [2021] } as ResolvedIntent;
    expect(selectSections(list, spokenOf).map((r) => r.section.label)).toEqual(['II.1.1.2']);
    // Both years filter the documents (a comparison of plans): nothing is spoken of, the part ranked first stays.
    expect(selectSections(list, { ...intent([2021, 2022]), years: [2021, 2022] } as ResolvedIntent)[0]?.section.label).toBe('II.1.1.1');
  });

  it('gives the list that introduces a point ranked first', () => {
    const intro = entry('Điều 19.1', 'Hồ sơ đề nghị cấp Giấy chứng nhận gồm', 'Điều 19');
    const points = [entry('Điều 19.1.a', 'Văn bản đề nghị', 'Điều 19.1'), entry('Điều 19.1.b', 'Danh mục tài nguyên số', 'Điều 19.1')];
    const list = [ranked('Điều 19.1.b', 'Danh mục tài nguyên số', '', 10, [intro], []), ranked('Điều 19.1', 'Hồ sơ đề nghị cấp Giấy chứng nhận gồm', '', 6, [], points)];
    expect(selectSections(list, intent([])).map((r) => r.section.label)).toEqual(['Điều 19.1']);
  });
});
