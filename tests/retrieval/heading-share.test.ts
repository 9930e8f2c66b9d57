/**
 * `headingShare`: how much of a section's own heading the question asks. In a Quy định on báo cáo viên every
 * section shares the title's words with the question; the heading that is nothing but what is asked stands out.
 */
import { describe, expect, it } from 'vitest';
import { foldedAsked, headingShare } from '../../src/retrieval/section-features.ts';
import { textUnits } from '../../src/retrieval/coverage.ts';

const asked = foldedAsked(textUnits('Quy định giao cho báo cáo viên những nhiệm vụ gì'));

describe('the share of a heading the question asks', () => {
  it('is whole for a heading made of asked words, joining words aside', () => {
    expect(headingShare('Nhiệm vụ của báo cáo viên', asked, 1.5)).toBe(1);
  });

  it('is partial for a heading naming something else too', () => {
    const share = headingShare('Tiêu chuẩn báo cáo viên', asked, 1.5);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.8);
  });

  it('reads unaccented questions and ignores numbers', () => {
    const typed = foldedAsked(textUnits('nhiem vu bao cao vien'));
    expect(headingShare('Nhiệm vụ của báo cáo viên năm 2025', typed, 1.5)).toBe(1);
    expect(headingShare('Quyền hạn của báo cáo viên', typed, 1.5)).toBeLessThan(headingShare('Nhiệm vụ của báo cáo viên', typed, 1.5));
  });

  it('is nothing for an empty heading', () => {
    expect(headingShare('', asked, 1.5)).toBe(0);
  });
});
