import { describe, expect, it } from 'vitest';
import { citationLine, documentName, labelInWords, sectionName } from '../../src/answer/citation-label.ts';
import type { Citation } from '../../src/core/types.ts';

describe('labelInWords', () => {
  it.each([
    ['II.1', 'mục II.1'],
    ['II.1.1.1', 'mục II.1.1.1'],
    ['IV.2.a', 'mục IV.2.a'],
    ['I', 'mục I'],
    ['3', 'mục 3'],
    ['A.1', 'mục A.1'],
    ['', 'phần mở đầu'],
    ['Điều 5', 'Điều 5'],
    ['Điều 5.2', 'Điều 5 khoản 2'],
    ['Điều 5.2.a', 'Điều 5 khoản 2 điểm a'],
    ['Điều 5.a', 'Điều 5 điểm a'],
    ['Điều 7a.1.đ', 'Điều 7a khoản 1 điểm đ'],
    ['Phụ lục', 'Phụ lục'],
    ['Phụ lục.3', 'Phụ lục, dòng 3'],
    ['Phụ lục 2.3', 'Phụ lục 2, dòng 3'],
    ['Phụ lục.I.2', 'Phụ lục mục I.2'],
    ['Phần I', 'Phần I'],
    ['Phần I.II.1', 'Phần I mục II.1'],
    ['Phần II.A.1.a', 'Phần II mục A.1.a'],
    ['Chương II', 'Chương II'],
    ['Chương II.Mục 1', 'Chương II Mục 1'],
    ['3.a', 'điểm 3.a'],
    ['3.đ', 'điểm 3.đ'],
    ['Quy chế', 'Quy chế'],
    ['Quyết định.Điều 2', 'Điều 2 của Quyết định'],
    ['Đề cương.I.1', 'mục I.1 của Đề cương'],
  ])('%s → %s', (label, words) => {
    expect(labelInWords(label)).toBe(words);
  });
});

describe('sectionName and citationLine', () => {
  const base: Citation = {
    source: 'luat.txt',
    section: 'Điều 5.2.a',
    heading: 'Người học',
    title: 'Giáo dục',
    number: '43/2019/QH14',
    year: 2019,
    type: 'Luật',
    issuer: 'Quốc hội',
    issuedOn: '2019-06-14',
    documentId: 'd',
    quote: 'q',
  };

  it('keeps the wording of the plans’ labels', () => {
    expect(sectionName({ section: 'II.1', heading: 'Nội dung tuyên truyền trọng tâm' })).toBe('mục II.1 "Nội dung tuyên truyền trọng tâm"');
    expect(sectionName({ section: '', heading: '' })).toBe('phần mở đầu (căn cứ ban hành)');
    expect(sectionName({ section: 'III', heading: '' })).toBe('mục III');
  });

  it('says a law’s article, clause and point as people do', () => {
    expect(citationLine(base)).toBe('Luật số 43/2019/QH14 "Giáo dục" – ngày 14/6/2019 – Quốc hội – Điều 5 khoản 2 điểm a "Người học"');
  });

  it('says in the same line that the document was replaced, abolished or amended', () => {
    const by = { documentId: 'n', type: 'Quy định' as const, number: '12-QĐ/TU', date: '2024-05-20', title: null, issuer: null };
    const old = { ...base, type: 'Quy định' as const, number: '05-QĐ/TU', title: 'tiếp dân', issuedOn: '2019-09-12', issuer: 'Tỉnh ủy', section: 'Điều 3', heading: 'Thời gian' };
    expect(citationLine({ ...old, force: { state: 'replaced', by, since: '2024-05-20' } })).toBe(
      'Quy định số 05-QĐ/TU "tiếp dân" – ngày 12/9/2019 – Tỉnh ủy – Điều 3 "Thời gian" – ⚠️ đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024',
    );
    expect(citationLine({ ...old, force: { state: 'abolished', by: { ...by, type: 'Quyết định', number: '88-QĐ/BTGTU', date: '2025-04-02' }, since: null } })).toMatch(/– ⚠️ đã bị bãi bỏ bởi Quyết định số 88-QĐ\/BTGTU ngày 2\/4\/2025$/);
    expect(citationLine({ ...old, force: { state: 'amended', by, since: null } })).toMatch(/– đã được sửa đổi, bổ sung bởi Quy định số 12-QĐ\/TU ngày 20\/5\/2024$/);
    expect(citationLine(old)).not.toMatch(/thay thế|hiệu lực/);
  });

  it('says an appendix row as a line of the appendix', () => {
    expect(sectionName({ section: 'Phụ lục.2', heading: 'Biên soạn tài liệu' })).toBe('Phụ lục, dòng 2 "Biên soạn tài liệu"');
  });
});

describe('documentName', () => {
  it('never reads Văn bản "" for a document without number or title', () => {
    expect(documentName({ type: null, number: null, title: '', source: 'luat.txt' })).toBe('Văn bản (tệp luat.txt)');
    expect(documentName({ type: 'Luật', number: null, title: '' })).toBe('Luật');
    expect(documentName({ type: null, number: '45/2019/QH14', title: '' })).toBe('Văn bản số 45/2019/QH14');
  });
});
