import { describe, expect, it } from 'vitest';
import { cutAtWord, headingMarker, parseSections } from '../../ingestion/structure.ts';

const labels = (text: string) => parseSections(text).sections.map((s) => s.label);

describe('headingMarker', () => {
  it.each([
    ['I. MỤC ĐÍCH', 'roman', 'I'],
    ['II - NỘI DUNG TUYÊN TRUYỀN (có đề cương kèm theo)', 'roman', 'II'],
    ['IV- TỔ CHỨC', 'roman', 'IV'],
    ['1. Mục đích', 'arabic', '1'],
    ['2- Yêu cầu', 'arabic', '2'],
    ['1.1. Từ nay đến hết năm 2021', 'composite', '1.1'],
    ['2.3 Tuyên truyền', 'composite', '2.3'],
    ['a) Điểm a', 'letter', 'a'],
    ['đ) Điểm đ', 'letter', 'đ'],
    ['a) 1.000.000 đồng/Giấy chứng nhận đối với công trình lớn;', 'letter', 'a'],
  ])('%s', (line, kind, part) => {
    expect(headingMarker(line)).toMatchObject({ kind, part });
  });

  it.each(['- gạch đầu dòng', '+ ý phụ', '(1) liệt kê', '05-CTr/TU ngày 14/5/2021', '2021 - 2025 là giai đoạn', 'IIX. SAI'])(
    'is not a heading: %s',
    (line) => {
      expect(headingMarker(line)).toBeNull();
    },
  );
});

describe('parseSections', () => {
  it('reads `I -` parts, Arabic headings and lettered sub-items', () => {
    const text = [
      'KẾ HOẠCH',
      'thử nghiệm năm 2024',
      '',
      'Căn cứ Nghị quyết số 35-NQ/TW, Ban Thường vụ xây dựng kế hoạch như sau:',
      '',
      'I - MỤC ĐÍCH',
      '',
      '1- Mục đích chung',
      '',
      'a) Thứ nhất',
      '',
      '- ý một',
      '',
      'b) Thứ hai',
      '',
      '2. Yêu cầu',
      '',
      'II - NỘI DUNG',
      '',
      '1.1. Không có mục 1 phía trên',
    ].join('\n');
    const { sections, titleBlock } = parseSections(text);
    expect(sections.map((s) => s.label)).toEqual(['', 'I', 'I.1', 'I.1.a', 'I.1.b', 'I.2', 'II', 'II.1.1']);
    expect(sections.map((s) => s.level)).toEqual([0, 1, 2, 3, 3, 2, 1, 2]);
    expect(sections.find((s) => s.label === 'I.1.a')).toMatchObject({ heading: 'Thứ nhất', parentLabel: 'I.1', body: '- ý một' });
    expect(titleBlock).toBe('KẾ HOẠCH\nthử nghiệm năm 2024');
  });

  it('puts a composite heading under the matching Arabic heading', () => {
    const text = 'I. A\n1. B\n1.1. C\n1.2. D\n2. E\n2.1. F\na) G';
    const { sections } = parseSections(text);
    expect(sections.map((s) => [s.label, s.parentLabel])).toEqual([
      ['I', null],
      ['I.1', 'I'],
      ['I.1.1.1', 'I.1'],
      ['I.1.1.2', 'I.1'],
      ['I.2', 'I'],
      ['I.2.2.1', 'I.2'],
      ['I.2.2.1.a', 'I.2.2.1'],
    ]);
  });

  it('nests deeper composite headings under their prefix', () => {
    const { sections } = parseSections('II. A\n1. B\n1.1. C\n1.1.1. D\n1.1.2. E\na) F\n1.2. G');
    expect(sections.map((s) => [s.label, s.parentLabel])).toEqual([
      ['II', null],
      ['II.1', 'II'],
      ['II.1.1.1', 'II.1'],
      ['II.1.1.1.1.1.1', 'II.1.1.1'],
      ['II.1.1.1.1.1.2', 'II.1.1.1'],
      ['II.1.1.1.1.1.2.a', 'II.1.1.1.1.1.2'],
      ['II.1.1.2', 'II.1'],
    ]);
  });

  it('makes a text with no headings one opening section', () => {
    const { sections } = parseSections('Đoạn thứ nhất.\n\n- Một ý\n+ Ý phụ (1) thứ nhất, (2) thứ hai.');
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ label: '', level: 0, heading: '', headingLine: '', order: 0, parentLabel: null });
    expect(sections[0]!.body).toBe('Đoạn thứ nhất.\n\n- Một ý\n\n+ Ý phụ (1) thứ nhất, (2) thứ hai.');
  });

  it('returns no sections for an empty text', () => {
    expect(parseSections('')).toEqual({ sections: [], closing: '', titleBlock: '' });
  });

  it('omits an empty opening part', () => {
    expect(labels('I. MỘT\n- nội dung\nII. HAI')).toEqual(['I', 'II']);
  });

  it('reads numbered paragraphs: colon lead, long paragraph, short heading', () => {
    const long = 'Ban Thường vụ Đảng ủy Khối lãnh đạo, chỉ đạo, kiểm tra, đôn đốc các chi, đảng bộ cơ sở tổ chức triển khai thực hiện tốt các nội dung nêu trên.';
    const text = `I. TỔ CHỨC\n1. Ban Tổ chức Huyện uỷ: Theo dõi, đôn đốc.\nThêm một dòng.\n2. ${long}\n3. Các phương tiện sau:\n- pa nô`;
    const { sections } = parseSections(text);
    expect(sections[1]).toMatchObject({ heading: 'Ban Tổ chức Huyện uỷ', body: 'Theo dõi, đôn đốc.\n\nThêm một dòng.' });
    expect(sections[2]).toMatchObject({ heading: cutAtWord(long, 80), body: long, headingLine: `2. ${long}` });
    expect(sections[3]).toMatchObject({ heading: 'Các phương tiện sau', body: '- pa nô' });
  });

  it('keeps the closing block and the final wrap-up out of sections', () => {
    const text = [
      'I. NỘI DUNG',
      '- làm việc.',
      '',
      'Trên đây là Kế hoạch thực hiện năm 2022, đề nghị các cấp ủy thực hiện./.',
      '',
      'Nơi nhận:',
      '- Lưu VT.',
      '',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      '',
      'Nguyễn Văn A',
    ].join('\n');
    const { sections, closing } = parseSections(text);
    expect(sections.map((s) => s.body)).toEqual(['- làm việc.']);
    expect(closing.startsWith('Trên đây là Kế hoạch')).toBe(true);
    expect(closing.endsWith('Nguyễn Văn A')).toBe(true);
  });
});

describe('cutAtWord', () => {
  it('cuts at a word boundary and marks the cut', () => {
    expect(cutAtWord('ngắn', 80)).toBe('ngắn');
    const cut = cutAtWord('một hai ba bốn năm sáu bảy tám chín mười', 20);
    expect(cut).toBe('một hai ba bốn năm…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });
});

describe('parseSections: articles printed in an appendix', () => {
  it('qualifies them by the appendix, so that their restarted numbers never clash with the document\'s own', () => {
    const text = ['Điều 1. Ban hành kèm theo Quyết định này Quy định về báo cáo viên.', 'Điều 2. Quyết định có hiệu lực từ ngày ký.', 'PHỤ LỤC', 'QUY ĐỊNH', 'về báo cáo viên', 'Chương I. QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi điều chỉnh', '1. Quy định này quy định về báo cáo viên.', 'Điều 2. Tiêu chuẩn', 'a) Có bản lĩnh chính trị vững vàng;'].join('\n');
    expect(labels(text).filter((l) => !l.startsWith('Chương'))).toEqual(['Điều 1', 'Điều 2', 'Phụ lục', 'Phụ lục.Điều 1', 'Phụ lục.Điều 1.1', 'Phụ lục.Điều 2', 'Phụ lục.Điều 2.a']);
  });
});
