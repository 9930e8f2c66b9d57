import { describe, expect, it } from 'vitest';
import { fixRomanSequence, unwrapOcrText, wordConfidences } from '../../ingestion/extract/ocr-text.ts';

const FULL = 'x'.repeat(60);

describe('unwrapOcrText', () => {
  it('joins the wrapped lines of a printed paragraph and keeps paragraphs apart', () => {
    const page = `Thực hiện Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của Ban Tổ chức\nTrung ương, Ban Thường vụ xây dựng kế hoạch như sau:\n\nI- MỤC ĐÍCH, YÊU CẦU`;
    expect(unwrapOcrText(page)).toBe(
      'Thực hiện Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của Ban Tổ chức Trung ương, Ban Thường vụ xây dựng kế hoạch như sau:\n\nI- MỤC ĐÍCH, YÊU CẦU',
    );
  });

  it('keeps headings, bullets and capitals on their own lines', () => {
    const page = ['II - NỘI DUNG', '1. Nội dung trọng tâm', '- Một ý còn dài hơn một chút để', 'tiếp tục ở dòng sau;', '+ Ý phụ', 'KẾ HOẠCH', 'thông tin'].join('\n');
    expect(unwrapOcrText(page).split('\n')).toEqual(['II - NỘI DUNG', '1. Nội dung trọng tâm', '- Một ý còn dài hơn một chút để tiếp tục ở dòng sau;', '+ Ý phụ', 'KẾ HOẠCH', 'thông tin']);
  });

  it('joins a line that only looks like a heading after a line that ran to the margin', () => {
    const page = `${FULL} của Bộ Chính trị khóa\nXII. Tích cực đấu tranh.\n2. Nội dung thường xuyên`;
    expect(unwrapOcrText(page).split('\n')).toEqual([`${FULL} của Bộ Chính trị khóa XII. Tích cực đấu tranh.`, '2. Nội dung thường xuyên']);
  });
});

describe('fixRomanSequence', () => {
  it('restores a III read as II between II and IV', () => {
    expect(fixRomanSequence('I. A\nII. B\n1. x\nII - C\nIV. D')).toBe('I. A\nII. B\n1. x\nIII - C\nIV. D');
  });

  it('leaves a plausible sequence alone', () => {
    expect(fixRomanSequence('I. A\nII. B\nII. C\nIII. D')).toBe('I. A\nII. B\nII. C\nIII. D');
  });
});

describe('wordConfidences', () => {
  it('reads the words’ confidences from Tesseract TSV', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t10\t20\t10\t96.5\tKẾ',
      '5\t1\t1\t1\t1\t2\t40\t10\t20\t10\t88\tHOẠCH',
      '5\t1\t1\t1\t1\t3\t70\t10\t20\t10\t-1\t ',
    ].join('\n');
    expect(wordConfidences(tsv)).toEqual([96.5, 88]);
  });
});
