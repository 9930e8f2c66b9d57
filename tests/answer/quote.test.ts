import { describe, expect, it } from 'vitest';
import { paragraphsOf, quoteFor } from '../../src/answer/quote.ts';
import { quoteSection, quotableText } from '../../src/answer/compose.ts';
import { textUnits } from '../../src/retrieval/coverage.ts';
import { isQuestionWord } from '../../src/text/analyze.ts';
import { quoteKey } from '../../src/text/normalize.ts';
import type { StoredSection } from '../../src/core/types.ts';

const units = (q: string) => textUnits(q, (w) => !isQuestionWord(w));

/** Ten bullets of about 120 characters; only bullets 2 and 7 talk about "báo chí" and "mạng xã hội". */
const BULLETS = Array.from({ length: 10 }, (_, i) => {
  const topic = i === 2 ? 'tuyên truyền trên báo chí và mạng xã hội' : i === 7 ? 'đấu tranh trên báo chí, mạng xã hội' : `công việc thường kỳ số ${i}`;
  return `- Nội dung ${i + 1}: ${topic}, bảo đảm đúng tiến độ, chất lượng và hiệu quả trong toàn Đảng bộ và các chi bộ trực thuộc.`;
});
const TEXT = BULLETS.join('\n\n');

describe('paragraphsOf', () => {
  it('splits at blank lines and at bullets', () => {
    expect(paragraphsOf('Mở đầu\n- một\n- hai\n  tiếp\n\nđoạn sau')).toEqual(['Mở đầu', '- một', '- hai\n  tiếp', 'đoạn sau']);
  });
});

describe('quoteFor', () => {
  it('returns a short section whole', () => {
    const text = '- Một ý.\n\n- Hai ý.';
    expect(quoteFor(text, units('ý'), { maxChars: 1000 })).toBe('- Một ý.\n- Hai ý.');
  });

  it('trims a long section to the relevant bullets, with … between non-adjacent fragments', () => {
    const quote = quoteFor(TEXT, units('báo chí mạng xã hội'), { maxChars: 400 });
    expect(quote).toBe(['…', BULLETS[2], '…', BULLETS[7], '…'].join('\n'));
    expect(quote.length).toBeLessThan(TEXT.length);
  });

  it('puts no … between adjacent fragments', () => {
    const text = [BULLETS[0], BULLETS[2], BULLETS[7], BULLETS[9]].join('\n\n');
    const quote = quoteFor(text, units('báo chí mạng xã hội'), { maxChars: 300 });
    expect(quote).toBe(['…', BULLETS[2], BULLETS[7], '…'].join('\n'));
  });

  it('copies every fragment verbatim', () => {
    const quote = quoteFor(TEXT, units('tiến độ chất lượng báo chí'), { maxChars: 500 });
    for (const fragment of quote.split('…').map((f) => f.trim()).filter(Boolean)) {
      for (const line of fragment.split('\n')) expect(BULLETS).toContain(line);
    }
  });

  it('quotes something even when nothing matches', () => {
    const quote = quoteFor(TEXT, units('giá vàng'), { maxChars: 300 });
    expect(quote.replace(/…/g, '').trim()).not.toBe('');
    expect(quoteKey(TEXT)).toContain(quoteKey(quote.split('…').join(' ').trim()));
  });

  it('cuts one very long paragraph into sentences', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => (i === 5 ? 'Chú trọng tuyên truyền miệng tại chi bộ.' : `Câu thứ ${i} nói về việc khác hẳn, rất dài dòng và chi tiết.`));
    const paragraph = sentences.join(' ');
    const quote = quoteFor(paragraph, units('tuyên truyền miệng'), { maxChars: 100 });
    expect(quote).toContain('Chú trọng tuyên truyền miệng tại chi bộ.');
    expect(quote.length).toBeLessThan(paragraph.length);
    expect(quote).toContain('…');
  });
});

describe('quotableText', () => {
  const section = (body: string, fullText: string): StoredSection => ({
    id: 's', documentId: 'd', label: 'II', heading: 'NỘI DUNG', headingLine: 'II. NỘI DUNG', level: 1, order: 1, parentLabel: null, body, fullText,
  });

  it('uses the subtree when the own body is thin', () => {
    expect(quotableText(section('', '1. Nội dung\n- ý một'))).toBe('1. Nội dung\n- ý một');
  });

  it('uses the own body when it is substantial', () => {
    const body = 'x'.repeat(250);
    expect(quotableText(section(body, `${body}\n1. Con`))).toBe(body);
  });

  it('quoteSection respects the budget', () => {
    const s = section(TEXT, TEXT);
    expect(quoteSection(s, units('báo chí'), 400).length).toBeLessThan(TEXT.length);
  });
});
