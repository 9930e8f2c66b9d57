import { describe, expect, it } from 'vitest';
import { matches, score } from '../../src/eval/score.ts';
import type { AskJson } from '../../src/ask/ask-json.ts';
import type { EvalQuestion } from '../../src/eval/dataset.ts';
import { quoteKey } from '../../src/text/normalize.ts';

const DOC = 'Thực hiện Kế hoạch số 114-KH/BTCTW. - Tuyên truyền trên báo chí. - Phát huy vai trò của Mặt trận Tổ quốc.';
const documents = new Map([['a.txt', quoteKey(DOC)]]);
const yearOf = new Map<string, Array<number | null>>([['a.txt', [2023]]]);

function response(citations: Array<{ section: string; quote: string; year?: number }>, answer = 'trả lời', refused = false): AskJson {
  return {
    answer,
    refused,
    citations: citations.map((c) => ({ source: 'a.txt', section: c.section, heading: '', title: 't', number: null, year: c.year ?? 2023, quote: c.quote })),
    latency_ms: 1,
  };
}

describe('matches', () => {
  it('matches a section or anything inside it', () => {
    expect(matches({ source: 'a.txt', section: 'II.1.2' }, { source: 'a.txt', section: 'II.1' })).toBe(true);
    expect(matches({ source: 'a.txt', section: 'II.1' }, { source: 'a.txt', section: 'II.1' })).toBe(true);
    expect(matches({ source: 'a.txt', section: 'II' }, { source: 'a.txt', section: 'II.1' })).toBe(false);
    expect(matches({ source: 'a.txt', section: 'II.10' }, { source: 'a.txt', section: 'II.1' })).toBe(false);
    expect(matches({ source: 'a.txt', section: 'I' }, { source: 'a.txt', section: '' })).toBe(false);
    expect(matches({ source: 'a.txt', section: '' }, { source: 'a.txt', section: '' })).toBe(true);
    expect(matches({ source: 'b.txt', section: 'II.1' }, { source: 'a.txt', section: 'II.1' })).toBe(false);
  });
});

describe('score', () => {
  const q: EvalQuestion = { id: 'q1', question: 'năm 2023 tuyên truyền gì', expect: 'answer', gold: [{ source: 'a.txt', section: 'II.1' }], must_include: ['bao chi'] };

  it('scores a good answer 1 everywhere', () => {
    const r = response([{ section: 'II.1', quote: '- Tuyên truyền trên báo chí.' }], 'Tuyên truyền trên BÁO CHÍ');
    const m = score([q], [{ id: 'q1', question: q.question, response: r }], documents, yearOf);
    expect(m).toMatchObject({ hit: 1, precision: 1, must_include: 1, quote_fidelity: 1, year_violations: 0 });
  });

  it('accepts fragments joined by … and rejects words the document does not hold', () => {
    const ok = response([{ section: 'II.1', quote: 'Thực hiện Kế hoạch …\n- Phát huy vai trò của Mặt trận Tổ quốc.' }]);
    const bad = response([{ section: 'II.1', quote: 'Tuyên truyền trên báo chí và truyền hình.' }]);
    expect(score([q], [{ id: 'q1', question: q.question, response: ok }], documents, yearOf).quote_fidelity).toBe(1);
    expect(score([q], [{ id: 'q1', question: q.question, response: bad }], documents, yearOf).quote_fidelity).toBe(0);
  });

  it('counts a citation of another year as a year violation', () => {
    const other = new Map<string, Array<number | null>>([['a.txt', [2022]]]);
    const r = response([{ section: 'II.1', quote: 'Tuyên truyền trên báo chí' }]);
    expect(score([q], [{ id: 'q1', question: q.question, response: r }], documents, other).year_violations).toBe(1);
  });

  it('counts no violation when the document answers for the asked year as well (issued then, for the next year)', () => {
    const both = new Map<string, Array<number | null>>([['a.txt', [2024, 2023]]]);
    const r = response([{ section: 'II.1', quote: 'Tuyên truyền trên báo chí' }]);
    expect(score([q], [{ id: 'q1', question: q.question, response: r }], documents, both).year_violations).toBe(0);
  });

  it('scores refusals: refuse needs no citations; absent_year accepts a notice naming the year', () => {
    const refuse: EvalQuestion = { id: 'r', question: 'giá vàng', expect: 'refuse' };
    const absent: EvalQuestion = { id: 'y', question: 'nội dung năm 2025', expect: 'absent_year' };
    const refusedWithCitation = response([{ section: 'II.1', quote: 'Tuyên truyền trên báo chí' }], 'x', true);
    const notice = response([], 'Chưa có văn bản năm 2025 trong kho.', false);
    expect(score([refuse], [{ id: 'r', question: 'giá vàng', response: refusedWithCitation }], documents, yearOf).refusal).toBe(0);
    expect(score([refuse], [{ id: 'r', question: 'giá vàng', response: response([], 'x', true) }], documents, yearOf).refusal).toBe(1);
    expect(score([absent], [{ id: 'y', question: absent.question, response: notice }], documents, yearOf).refusal).toBe(1);
  });

  it('records answers without metrics for questions with only id and question', () => {
    const bare: EvalQuestion = { id: 'b', question: 'tuyên truyền' };
    const m = score([bare], [{ id: 'b', question: 'tuyên truyền', response: response([{ section: 'I', quote: 'Tuyên truyền trên báo chí' }]) }], documents, yearOf);
    expect(m).toMatchObject({ questions: 1, hit: null, precision: null, must_include: null, refusal: null, quote_fidelity: 1 });
  });
});
