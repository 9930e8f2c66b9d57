import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, isQuestionWord } from '../../src/text/analyze.ts';
import { loadAbbreviations } from '../../src/text/abbreviations.ts';

const analyzer = createAnalyzer(loadAbbreviations(join(process.cwd(), 'data', 'abbreviations.json')));

function keys(terms: Map<string, number>): string[] {
  return [...terms.keys()];
}

function shared(a: Map<string, number>, b: Map<string, number>): string[] {
  return keys(a).filter((t) => b.has(t));
}

describe('indexTerms', () => {
  it('gives exact, folded, bigram and number terms', () => {
    const terms = analyzer.indexTerms('Thực hiện Nghị quyết số 35-NQ/TW về xây dựng Đảng');
    expect(terms.get('w:đảng')).toBe(1);
    expect(terms.get('f:dang')).toBe(1);
    expect(terms.get('b:xây_dựng')).toBe(1);
    expect(terms.get('g:xay_dung')).toBe(1);
    expect(terms.get('n:35-NQ/TW')).toBe(1);
    expect(terms.get('n:35-NQ')).toBe(1);
  });

  it('counts repeated terms (BM25 term frequency)', () => {
    const terms = analyzer.indexTerms('tuyên truyền, tuyên truyền và tuyên truyền');
    expect(terms.get('f:tuyen')).toBe(3);
    expect(terms.get('g:tuyen_truyen')).toBe(3);
  });

  it('never pairs syllables across punctuation', () => {
    const terms = analyzer.indexTerms('xây dựng Đảng; chính quyền');
    expect(terms.has('g:dang_chinh')).toBe(false);
    expect(terms.has('g:xay_dung')).toBe(true);
  });

  it('indexes both tone placements as one exact term', () => {
    expect(analyzer.indexTerms('Ủy ban').has('w:uỷ')).toBe(true);
    expect(analyzer.indexTerms('Uỷ ban').has('w:uỷ')).toBe(true);
    expect(analyzer.indexTerms('hóa').has('w:hoá')).toBe(true);
  });
});

describe('abbreviations both ways', () => {
  it('MTTQ in a question matches Mặt trận Tổ quốc in a text', () => {
    const doc = analyzer.indexTerms('Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh');
    const question = analyzer.queryTerms('MTTQ làm gì?');
    expect(shared(question, doc)).toEqual(expect.arrayContaining(['b:mặt_trận', 'b:tổ_quốc', 'g:mat_tran']));
  });

  it('Mặt trận Tổ quốc in a question matches MTTQ in a text', () => {
    const doc = analyzer.indexTerms('Ban Thường trực Ủy ban MTTQ tỉnh xây dựng kế hoạch');
    const question = analyzer.queryTerms('Mặt trận Tổ quốc làm gì?');
    expect(shared(question, doc)).toEqual(expect.arrayContaining(['b:mặt_trận', 'b:tổ_quốc']));
  });

  it('expands lower-case abbreviations typed in questions', () => {
    expect(analyzer.expansions('mttq tinh lam gi')).toEqual(['Mặt trận Tổ quốc']);
    expect(analyzer.queryTerms('mttq tinh').has('g:mat_tran')).toBe(true);
  });

  it('reads the common administrative short forms (DTTS, NTM, HTX) in texts and questions', () => {
    const doc = analyzer.indexTerms('Hỗ trợ nhà ở cho hộ nghèo đồng bào DTTS');
    expect(shared(analyzer.queryTerms('hộ nghèo dân tộc thiểu số'), doc)).toEqual(expect.arrayContaining(['b:dân_tộc', 'b:thiểu_số']));
    expect(analyzer.expansions('xay dung ntm va htx')).toEqual(['nông thôn mới', 'hợp tác xã']);
  });

  it('expands case-sensitive ones only in upper case', () => {
    expect(analyzer.indexTerms('Ban Thường vụ HU').has('b:huyện_uỷ')).toBe(true);
    expect(analyzer.expansions('tu tuong chinh tri')).toEqual([]);
  });
});

describe('queryTerms', () => {
  it('drops question words, keeping the topic', () => {
    const terms = analyzer.queryTerms('Nội dung tuyên truyền là gì?');
    expect(terms.has('w:nội')).toBe(true);
    expect(terms.has('f:tuyen')).toBe(true);
    expect(terms.has('w:là')).toBe(false);
    expect(terms.has('w:gì')).toBe(false);
    expect(terms.has('f:la')).toBe(false);
    expect(terms.has('f:gi')).toBe(false);
    expect(terms.has('w:của')).toBe(false);
  });

  it('drops question words typed without accents', () => {
    const terms = analyzer.queryTerms('noi dung la gi');
    expect(terms.has('f:la')).toBe(false);
    expect(terms.has('f:gi')).toBe(false);
    expect(terms.has('f:dung')).toBe(true);
    // "noi" may be "nói" (a question word): without accents it is dropped as a syllable but kept in pairs.
    expect(terms.has('g:noi_dung')).toBe(true);
  });

  it('gives an unaccented question only folded terms', () => {
    const terms = keys(analyzer.queryTerms('noi dung tuyen truyen trong tam nam 2023'));
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.filter((t) => t.startsWith('w:') || t.startsWith('b:'))).toEqual([]);
    expect(terms).toEqual(expect.arrayContaining(['f:tuyen', 'g:tuyen_truyen', 'g:trong_tam']));
  });

  it('gives an unaccented question the folded pairs of its accented form, and no other folded terms', () => {
    const accented = keys(analyzer.queryTerms('nội dung tuyên truyền trọng tâm'));
    const plain = keys(analyzer.queryTerms('noi dung tuyen truyen trong tam'));
    const pairs = (ts: string[]) => ts.filter((t) => t.startsWith('g:')).sort();
    expect(pairs(plain)).toEqual(pairs(accented));
    expect(plain.every((t) => accented.includes(t))).toBe(true);
  });

  it('weights every query term 1', () => {
    const terms = analyzer.queryTerms('tuyên truyền tuyên truyền');
    expect(new Set(terms.values())).toEqual(new Set([1]));
  });

  it('adds number keys however the number is written', () => {
    expect(analyzer.queryTerms('Nghị quyết 35 nói gì').has('n:35-NQ')).toBe(true);
    expect(analyzer.queryTerms('35 - NQ/TW').has('n:35-NQ/TW')).toBe(true);
  });
});

describe('contentSyllables', () => {
  it('keeps folded topic syllables, without question words and years', () => {
    expect(analyzer.contentSyllables('Nội dung trọng tâm năm 2023 là gì?')).toEqual(['noi', 'dung', 'trong', 'tam']);
  });
});

describe('isQuestionWord', () => {
  it('knows accented and unaccented forms but keeps accented content words', () => {
    expect(isQuestionWord('gì')).toBe(true);
    expect(isQuestionWord('gi')).toBe(true);
    expect(isQuestionWord('của')).toBe(true);
    // "là" is a question word; "lá" (leaf), written with its accent, is not.
    expect(isQuestionWord('lá')).toBe(false);
    expect(isQuestionWord('tuyên')).toBe(false);
  });
});

describe('terms of a reading', () => {
  const syllable = (exact: string, sure: boolean) => ({ exact, sure, phrase: 0 });

  it('weighs the accents of a restored syllable less than typed ones, and still matches it without accents', () => {
    const restored = analyzer.readingTerms([syllable('họp', false), syllable('định', false), syllable('kỳ', false)]);
    expect(restored.get('w:họp')).toBe(0.5);
    expect(restored.get('b:họp_định')).toBe(0.5);
    expect(restored.get('f:hop')).toBe(1);
    const typed = analyzer.readingTerms([syllable('họp', true), syllable('định', true), syllable('kỳ', true)]);
    expect(typed.get('w:họp')).toBe(1);
    expect(typed.get('b:họp_định')).toBe(1);
  });

  it('has no accented term for a syllable that has no accents', () => {
    expect([...analyzer.readingTerms([syllable('ban', false)]).keys()]).toEqual(['f:ban']);
  });
});
