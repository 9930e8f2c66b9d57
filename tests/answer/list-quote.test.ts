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

  it('reads an enumeration inside running text as the list, one item a line, when the section has no other', () => {
    const text = 'Làm nổi bật kết quả, đặc biệt là: (1) đổi mới phương thức lãnh đạo; (2) xây dựng Đảng về chính trị; (3) kiểm soát quyền lực.';
    const q = listQuote(section(text), textUnits('kết quả nào'), 5000);
    expect(q?.count).toBe(3);
    expect(q?.quote.split('\n')).toEqual(['Làm nổi bật kết quả, đặc biệt là:', '(1) đổi mới phương thức lãnh đạo;', '(2) xây dựng Đảng về chính trị;', '(3) kiểm soát quyền lực.']);
  });

  it('keeps every inline item when the list must be shortened', () => {
    const item = (i: number) => `(${i}) kết quả thứ ${i} ${'trong công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị, '.repeat(4)}`;
    const text = `Cần làm nổi bật: ${Array.from({ length: 9 }, (_, i) => item(i + 1)).join('; ')}.`;
    const q = listQuote(section(text), textUnits('kết quả thứ 2'), 1200);
    expect(q?.count).toBe(9);
    for (let i = 1; i <= 9; i++) expect(q?.quote).toContain(`(${i}) kết quả thứ ${i}`);
  });

  it('does not take marks out of order, or a lone "(1)", for a list', () => {
    expect(listQuote(section('Theo khoản (2) và điểm (1) của quy định.'), textUnits('quy định'), 5000)).toBeNull();
    expect(listQuote(section('Thực hiện (1) việc duy nhất.'), textUnits('việc'), 5000)).toBeNull();
  });
});
