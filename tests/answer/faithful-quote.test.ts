import { describe, expect, it } from 'vitest';
import { faithfulQuote, isFaithful } from '../../src/answer/faithful-quote.ts';
import { quoteKey } from '../../src/text/normalize.ts';

const uploaded = quoteKey(
  '3. Báo tỉnh: mở chuyên trang, chuyên mục về Chiến thắng Điện Biên Phủ; đăng bài phản bác luận điệu\n\n- 3 -\n\nxuyên tạc lịch sử trong tháng 5/2024.',
);

describe('quotes faithful to the upload', () => {
  it('keeps a quote that stands in the upload as it is', () => {
    const quote = 'mở chuyên trang, chuyên mục về Chiến thắng Điện Biên Phủ';
    expect(isFaithful(quote, uploaded)).toBe(true);
    expect(faithfulQuote(quote, uploaded)).toBe(quote);
  });

  it('cuts a quote the repair joined across a page number where the upload breaks it', () => {
    const repaired = 'đăng bài phản bác luận điệu xuyên tạc lịch sử trong tháng 5/2024.';
    expect(isFaithful(repaired, uploaded)).toBe(false);
    const fixed = faithfulQuote(repaired, uploaded);
    expect(fixed).toBe('đăng bài phản bác luận điệu … xuyên tạc lịch sử trong tháng 5/2024.');
    expect(isFaithful(fixed, uploaded)).toBe(true);
  });

  it('leaves out words the upload does not have', () => {
    const fixed = faithfulQuote('mở chuyên trang hoàn toàn bịa đặt về Chiến thắng Điện Biên Phủ', uploaded);
    expect(isFaithful(fixed, uploaded)).toBe(true);
    expect(fixed).not.toContain('bịa đặt');
  });
});
