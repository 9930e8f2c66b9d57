/**
 * A question that names its article ("Điều 13 … quy định gì") is answered from that article, and a named clause
 * ("khoản 2 Điều 11") from that clause: not from near ties elsewhere, and not refused for having few words of its
 * own. On a Quy định of the evaluation layouts, alone in the collection; there too, "ban hành ngày nào" is answered
 * with the date the document bears.
 */
import { describe, expect, it } from 'vitest';
import { evalDocument, useMemoryCore } from '../fixtures/memory-core.ts';
import { sectionRefs } from '../../src/retrieval/question-shape.ts';

describe('section references in a question', () => {
  it.each([
    ['dieu 11 quy dinh gi', ['Điều 11']],
    ['khoan 2 dieu 5 cua luat', ['Điều 5.2']],
    ['dieu 5 khoan 2 va dieu 7', ['Điều 5.2', 'Điều 7']],
    ['dieu kien de duoc cap', []],
    // An appendix by its number; a part by its Roman label, never "mục tiêu" or "mục đích".
    ['kiem tra phu luc 2 cua bao cao', ['Phụ lục 2']],
    ['phu luc so 1 co may dong', ['Phụ lục 1']],
    ['muc ii.1 cua ke hoach noi gi', ['II.1']],
    ['muc tieu va muc dich la gi', []],
  ])('%s → %j', (folded, refs) => {
    expect(sectionRefs(folded)).toEqual(refs);
  });
});

describe('answering a question that names its article', () => {
  const core = useMemoryCore([evalDocument('layouts', '2024-quy-dinh-15-qd-tu-binh-nguyen-trach-nhiem-neu-guong.txt')]);

  it.each([
    ['Điều 13 của Quy định 15-QĐ/TU quy định gì?', 'Điều 13'],
    ['Điều 14 của quy định này có nội dung gì?', 'Điều 14'],
    ['Điều 10 quy định những gì?', 'Điều 10'],
    ['Khoản 2 Điều 11 nói gì?', 'Điều 11.2'],
  ])('%s → only %s', async (question, label) => {
    const answer = await core().engine.ask({ text: question, conversationId: `named-${label}`, channel: 'eval' });
    expect(answer.outcome).toBe('answered');
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) expect(c.section === label || c.section.startsWith(`${label}.`)).toBe(true);
  });

  it('"ban hành ngày nào" about the held document gives the date it bears, with its opening', async () => {
    const answer = await core().engine.ask({ text: 'Quy định 15-QĐ/TU ban hành ngày nào?', conversationId: 'issued', channel: 'eval' });
    expect(answer.citations.map((c) => c.section)).toEqual(['']);
    expect(answer.intro).toContain('ban hành ngày 12/09/2024 ("Bình Nguyên, ngày 12 tháng 9 năm 2024").');
  });
});
