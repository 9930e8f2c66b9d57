import { describe, expect, it } from 'vitest';
import { listQuote } from '../../src/answer/list-quote.ts';
import { textUnits } from '../../src/retrieval/coverage.ts';
import type { StoredSection } from '../../src/core/types.ts';
import { quoteKey } from '../../src/text/normalize.ts';

function section(fullText: string): StoredSection {
  return { id: 's', documentId: 'd', label: 'II', heading: 'NỘI DUNG', headingLine: 'II. NỘI DUNG', level: 1, order: 1, parentLabel: null, body: '', fullText };
}

const bullets = Array.from({ length: 9 }, (_, i) => `- Nội dung số ${i + 1}: ${'tuyên truyền sâu rộng về công tác xây dựng Đảng và hệ thống chính trị, '.repeat(3)}kết thúc ý ${i + 1}.`);

describe('complete lists', () => {
  it('quotes a short list whole and counts its items', () => {
    const text = bullets.slice(0, 3).join('\n');
    const q = listQuote(section(text), textUnits('nội dung'), 5000);
    expect(q).toEqual({ quote: text, count: 3 });
  });

  it('keeps every item of a long list, each at least by its first words, cut at a word with …', () => {
    const q = listQuote(section(bullets.join('\n')), textUnits('nội dung số 5'), 1200);
    expect(q?.count).toBe(9);
    for (let i = 1; i <= 9; i++) expect(q?.quote).toContain(`- Nội dung số ${i}:`);
    expect(q?.quote).toContain('…');
    // Every fragment is verbatim.
    const source = quoteKey(bullets.join('\n'));
    for (const fragment of (q?.quote ?? '').split(/…|\n/u).map(quoteKey).filter(Boolean)) expect(source).toContain(fragment);
  });

  it('counts numbered parts as the items when a section has them', () => {
    const text = ['1. Hình thức thứ nhất', '- chi tiết a', '- chi tiết b', '2. Hình thức thứ hai', '- chi tiết c', '3. Hình thức thứ ba'].join('\n');
    expect(listQuote(section(text), textUnits('hình thức'), 5000)?.count).toBe(3);
  });

  it('is no list when the section holds fewer than two items', () => {
    expect(listQuote(section('Một đoạn văn duy nhất, không có gạch đầu dòng.'), textUnits('đoạn'), 5000)).toBeNull();
  });
});
