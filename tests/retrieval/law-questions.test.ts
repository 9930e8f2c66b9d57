/**
 * Questions to a law in the asker's words. Everyday words against the documents' words: the directive model's
 * phrasings ("đóng cửa" → "tạm ngừng hoạt động", "không mất tiền" → "miễn phí") join a question's search and count
 * as evidence when a section has them, never against one that lacks them; checked on the model, on coverage, and
 * end to end on a law of the evaluation collection, where the same question ranks differently with the phrasings
 * removed. And a list question whose best hit is one point of a list is answered with the whole list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalDocument, useMemoryCore } from '../fixtures/memory-core.ts';
import { coverage, profileOf, type QuestionUnits } from '../../src/retrieval/coverage.ts';
import { createDirectiveModel, loadDirectiveModel, type DirectiveModel } from '../../src/retrieval/directive-model.ts';
import { DEFAULT_RANKING_MODEL } from '../../src/retrieval/ranking-model.ts';
import { retrieveSections } from '../../src/retrieval/search.ts';
import { understand } from '../../src/retrieval/understand.ts';

const MODEL_FILE = join(process.cwd(), 'data', 'directive-model.json');
const model = loadDirectiveModel(MODEL_FILE);
const withoutPhrasings = createDirectiveModel({ ...JSON.parse(readFileSync(MODEL_FILE, 'utf8')), phrasings: [] });

describe('phrasings of the directive model', () => {
  it('gives the written form of everyday words, matched with accents on whole words', () => {
    expect(model.writtenFor('Những dịch vụ nào không mất tiền?')).toEqual(expect.arrayContaining(['miễn phí']));
    expect(model.writtenFor('muốn đóng cửa một thời gian')).toEqual(expect.arrayContaining(['tạm ngừng hoạt động']));
    // "cộng đồng của" is no "đóng cửa", and nothing fires on unrelated words.
    expect(model.writtenFor('thư viện cộng đồng của xã')).toEqual([]);
    // Parents and teachers as people say them; "có giao" (assigned) is no "cô giáo".
    expect(model.writtenFor('phụ huynh phải làm gì khi cho con đi học thêm')).toEqual(expect.arrayContaining(['cha mẹ học sinh']));
    expect(model.writtenFor('thầy cô dạy thêm có trách nhiệm gì')).toEqual(['giáo viên']);
    expect(model.writtenFor('huyện có giao nhiệm vụ cho xã không')).toEqual([]);
  });

  it("gives the headings' words for a directive's parts named otherwise", () => {
    expect(model.writtenFor('tuyên truyền qua những cách thức, kênh nào')).toEqual(expect.arrayContaining(['hình thức']));
    expect(model.writtenFor('nội dung trọng điểm năm 2023')).toEqual(['trọng tâm']);
    expect(model.writtenFor('nội dung tuyên truyền đều đặn, lâu dài')).toEqual(['thường xuyên']);
    // Said the documents' way already: no paraphrase.
    expect(model.writtenFor('hình thức và cách thức tuyên truyền')).toEqual([]);
  });

  it('reads the longest everyday phrase: "bị buộc tạm đóng cửa" is a suspension, not a closure', () => {
    const written = model.writtenFor('thư viện bị buộc tạm đóng cửa khi nào');
    expect(written).toContain('đình chỉ hoạt động');
    expect(written).not.toContain('chấm dứt hoạt động');
    expect(model.writtenFor('thư viện muốn đóng cửa')).toContain('chấm dứt hoạt động');
  });

  it('adds nothing to a question that already says it the documents way, but keeps a phrase asked as written', () => {
    expect(model.writtenFor('dịch vụ miễn phí không mất tiền')).not.toContain('không thu phí');
    expect(model.writtenFor('được nghỉ tối đa bao lâu')).toEqual(expect.arrayContaining(['không quá']));
  });
});

describe('coverage with paraphrase units', () => {
  const question: QuestionUnits = { singles: ['e:dịch', 'e:vụ'], pairs: ['e:dịch_vụ'], optional: ['e:miễn', 'e:phí', 'e:miễn_phí'] };
  it('counts a paraphrase found, never one missing, and stays a share', () => {
    const plain = coverage({ ...question, optional: [] }, profileOf('Các dịch vụ của thư viện'));
    expect(coverage(question, profileOf('Các dịch vụ của thư viện'))).toBe(plain);
    expect(coverage({ ...question, optional: [] }, profileOf('Dịch vụ miễn phí'))).toBe(plain);
    const free = coverage(question, profileOf('Dịch vụ miễn phí'));
    expect(free).toBe(1);
    expect(coverage(question, profileOf('Miễn phí'))).toBeGreaterThan(0);
  });
});

describe('a colloquial question to a law', () => {
  const core = useMemoryCore([evalDocument('laws', '2019-luat-thu-vien-so-cong-dong.txt')]);

  async function top(question: string, directives: DirectiveModel): Promise<string[]> {
    const intent = understand(question, core().analyzer, 2026, directives);
    const ranked = await retrieveSections(intent, {}, { store: core().store, embedder: core().embedder, catalog: core().catalog, outlines: core().outlines, directives, profiles: core().profiles, model: DEFAULT_RANKING_MODEL });
    return ranked.slice(0, 3).map((r) => r.section.label);
  }

  it.each([
    ['Thư viện tư nhân muốn đóng cửa ít lâu thì phải báo trước mấy ngày?', /^Điều 25\b/],
    ['Hàng xóm mở góc đọc sách điện tử trong nhà có phải xin phép không?', /^Điều 14\b/],
  ])('"%s" is answered from the article that says it in the law words, which the question words alone miss', async (question, article) => {
    expect((await top(question, model))[0]).toMatch(article);
    expect((await top(question, withoutPhrasings))[0]).not.toMatch(article);
  });

  it('answers a list question with the whole list when one of its points ranks first', async () => {
    const answer = await core().engine.ask({ text: 'Hồ sơ xin Giấy chứng nhận cho thư viện số ngoài công lập cần những giấy tờ nào?', conversationId: 'list', channel: 'eval' });
    expect(answer.outcome).toBe('answered');
    expect(answer.citations.map((c) => c.section)).toContain('Điều 19.1');
    const text = answer.citations.map((c) => c.quote).join('\n');
    for (const item of ['Văn bản đề nghị theo mẫu', 'Danh mục tài nguyên số ban đầu', 'Bản sao giấy tờ chứng minh', 'Bản kê khai thiết bị', 'Sơ yếu lý lịch', 'Nội quy phục vụ']) expect(text).toContain(item);
  });
});

describe('the article of the person a question asks about', () => {
  const core = useMemoryCore(
    ['2025-luat-88-qh15-chat-thai-ran-sinh-hoat.txt', '2026-nghi-dinh-36-nd-cp-chat-thai-ran-sinh-hoat.txt', '2026-thong-tu-12-tt-bnnmt-chat-thai-ran-sinh-hoat.txt'].map((name) => evalDocument('laws6', name)),
  );
  const raw = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as { bodies: Record<string, unknown> };
  const withoutHouseholds = createDirectiveModel({ ...raw, bodies: Object.fromEntries(Object.entries(raw.bodies).filter(([id]) => id !== 'ho-gia-dinh')) } as never);

  async function candidates(question: string, directives: DirectiveModel): Promise<string[]> {
    const intent = understand(question, core().analyzer, 2026, directives);
    const ranked = await retrieveSections(intent, {}, { store: core().store, embedder: core().embedder, catalog: core().catalog, outlines: core().outlines, directives, profiles: core().profiles, model: DEFAULT_RANKING_MODEL });
    return ranked.filter((r) => r.document.source.startsWith('2025-luat-88')).map((r) => r.section.label);
  }

  it('names households however the asker says it ("mỗi gia đình", "hộ dân"), and a law heading names them too', () => {
    expect(model.bodiesIn('mỗi gia đình phải làm những việc gì')).toEqual(['ho-gia-dinh']);
    expect(model.bodiesIn('Nghĩa vụ của hộ gia đình, cá nhân')).toEqual(['ho-gia-dinh']);
    expect(model.facetsOfHeading('Nghĩa vụ của hộ gia đình, cá nhân')).toEqual(['implementation']);
    expect(model.bodiesIn('Trách nhiệm của cơ sở kinh doanh, dịch vụ')).toEqual(['co-so-kinh-doanh']);
  });

  it('ranks higher when the question names them: its clauses say what to do in words of their own', async () => {
    const question = 'Khi luật về rác thải sinh hoạt có hiệu lực, mỗi gia đình phải thực hiện những việc gì?';
    const named = (await candidates(question, model)).indexOf('Điều 18');
    const unnamed = (await candidates(question, withoutHouseholds)).indexOf('Điều 18');
    expect(named).toBeGreaterThanOrEqual(0);
    expect(named).toBeLessThan(unnamed);
  });
});

describe('a clause, whose heading is its first words', () => {
  const core = useMemoryCore(
    ['2025-luat-96-qh15-nuoi-cho-meo.txt', '2026-nghi-dinh-118-nd-cp-nuoi-cho-meo.txt', '2026-thong-tu-14-tt-bnnmt-nuoi-cho-meo.txt'].map((name) => evalDocument('laws5', name)),
  );

  it('is told from a titled article, and a list question asked in a story gets the article, not the clause naming it', async () => {
    const explained = await core().engine.explain('Chiều nào tôi cũng dắt chó ra công viên chơi. Đưa chó ra đường thì phải tuân thủ những gì?', 20);
    expect(explained.candidates[0]?.section).toBe('Điều 13');
    const cut = explained.candidates.filter((c) => c.heading.endsWith('…'));
    expect(cut.length).toBeGreaterThan(0);
    for (const c of explained.candidates) {
      expect(c.features.cutHeading).toBe(c.heading.endsWith('…') ? 1 : 0);
      expect(c.features.cutRole).toBe((c.features.cutHeading ?? 0) * (c.features.facetOwn ?? 0));
    }
  });

  it('that states the amount asked ("mấy ngày" → "trong thời hạn 05 ngày") outranks the article that names the procedure', async () => {
    const explained = await core().engine.explain('nộp đủ hồ sơ đăng ký nuôi chó rồi thì mấy ngày mới có giấy', 20);
    const top = explained.candidates[0];
    expect(top?.features.amountStated).toBe(1);
    expect(top?.heading).toMatch(/\d+ ngày/u);
    expect(explained.candidates.some((c) => c.features.amountStated === 0)).toBe(true);
  });
});
