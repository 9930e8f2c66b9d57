import { describe, expect, it } from 'vitest';
import { repairText, stripEmphasis } from '../../ingestion/repair.ts';

const HEADER = 'KẾ HOẠCH\nvề việc thử\n\nThực hiện Kế hoạch số 1-KH/TU, Ban Thường vụ xây dựng kế hoạch như sau:\n\n';

describe('repairText: encoding and spacing', () => {
  it('strips the BOM, unifies line ends and applies NFC', () => {
    const raw = '\uFEFFĐảng ủy\r\nHuyện ủy\rTỉnh ủy'.normalize('NFD');
    expect(repairText(raw)).toBe('Đảng ủy\nHuyện ủy\nTỉnh ủy');
  });

  it('collapses tabs and runs of spaces, trims lines and blank runs', () => {
    expect(repairText('  I.  MỤC ĐÍCH\t\n\n\n\n\tNơi nhận: \n')).toBe('I. MỤC ĐÍCH\n\nNơi nhận:');
  });

  it('keeps the tone-mark placement as written', () => {
    expect(repairText('Phòng Văn hoá – thông tin; văn hóa; Huyện uỷ; Huyện ủy')).toBe('Phòng Văn hoá – thông tin; văn hóa; Huyện uỷ; Huyện ủy');
  });

  it('unspaces document numbers', () => {
    expect(repairText('Số: 12 -KH/ĐU')).toBe('Số: 12-KH/ĐU');
    expect(repairText('Kế hoạch số 72 - KH/BTGTU ngày 31/12/2021')).toBe('Kế hoạch số 72-KH/BTGTU ngày 31/12/2021');
    expect(repairText('Đề án số 17 - ĐA/TU; giai đoạn 2021 - 2025')).toBe('Đề án số 17-ĐA/TU; giai đoạn 2021 - 2025');
  });
});

describe('stripEmphasis', () => {
  it('removes bold and italic markers and keeps the words', () => {
    expect(stripEmphasis('1. **Ban Tổ chức Huyện uỷ:** Theo dõi')).toBe('1. Ban Tổ chức Huyện uỷ: Theo dõi');
    expect(stripEmphasis('(*Quy định số 85-QĐ/TW, ngày 07/10/2022*); phát huy')).toBe('(Quy định số 85-QĐ/TW, ngày 07/10/2022); phát huy');
    expect(stripEmphasis('**T/M BAN THƯỜNG VỤ\nBÍ THƯ**')).toBe('T/M BAN THƯỜNG VỤ\nBÍ THƯ');
  });

  it('leaves a lone header star alone', () => {
    expect(stripEmphasis('TỈNH ỦY\n*\nSố 1-KH/TU')).toBe('TỈNH ỦY\n*\nSố 1-KH/TU');
  });
});

describe('repairText: page breaks', () => {
  it('joins a word cut by a page break', () => {
    const out = repairText(`${HEADER}- Cổng thông tin của các cơ quan, doanh\n\nngiệp, các tổ chức đoàn thể;`);
    expect(out).toContain('- Cổng thông tin của các cơ quan, doanh ngiệp, các tổ chức đoàn thể;');
  });

  it('joins a sentence continued in lower case', () => {
    const out = repairText(`${HEADER}1. Kết luận số 21-KL/TW của Ban Chấp hành Trung ương về\n\nđẩy mạnh xây dựng, chỉnh đốn Đảng.`);
    expect(out).toContain('Trung ương về đẩy mạnh xây dựng');
  });

  it('joins a line continued by a document number', () => {
    const out = repairText(`${HEADER}- Theo Chương trình hành động số\n\n05-CTr/TU ngày 14/5/2021 của Tỉnh ủy.`);
    expect(out).toContain('Chương trình hành động số 05-CTr/TU ngày 14/5/2021');
    expect(repairText(`${HEADER}- Theo Kế hoạch số\n\n57-KH/TU.`)).toContain('- Theo Kế hoạch số 57-KH/TU.');
  });

  it('joins an unfinished bullet continued by a capitalised word', () => {
    const out = repairText(`${HEADER}- Kết quả Hội nghị Trung ương lần thứ 1, 2 khóa XIII; Kỳ họp thứ 11\n\nQuốc hội khoá XIV; trong đó khẳng định.`);
    expect(out).toContain('Kỳ họp thứ 11 Quốc hội khoá XIV; trong đó');
  });

  it('never joins after a finished sentence, onto a heading or before a list item', () => {
    const body = [
      '1. Mục đích',
      '',
      'nội dung viết thường',
      '',
      '- Một ý chưa xong',
      '',
      '- Ý tiếp theo.',
      '',
      '2. Yêu cầu chưa xong',
      '',
      'a) Điểm a',
      '',
      'Câu đã xong.',
      '',
      'tiếp theo viết thường',
    ];
    const out = repairText(HEADER + body.join('\n'));
    expect(out).toContain('1. Mục đích\n\nnội dung viết thường');
    expect(out).toContain('- Một ý chưa xong\n\n- Ý tiếp theo.');
    expect(out).toContain('2. Yêu cầu chưa xong\n\na) Điểm a');
    expect(out).toContain('Câu đã xong.\n\ntiếp theo viết thường');
  });

  it('does not join a plain paragraph to a capitalised line', () => {
    const out = repairText(`${HEADER}Đoạn văn chưa xong\n\nĐoạn khác bắt đầu`);
    expect(out).toContain('Đoạn văn chưa xong\n\nĐoạn khác bắt đầu');
  });

  it('never joins inside the title block', () => {
    const out = repairText('HƯỚNG DẪN\n\nđẩy mạnh tuyên truyền\n\nCăn cứ Hướng dẫn số 39-HD/BTGTU, Thành ủy hướng dẫn như sau:\n\nI. MỤC ĐÍCH');
    expect(out.split('\n')).toEqual([
      'HƯỚNG DẪN',
      '',
      'đẩy mạnh tuyên truyền',
      '',
      'Căn cứ Hướng dẫn số 39-HD/BTGTU, Thành ủy hướng dẫn như sau:',
      '',
      'I. MỤC ĐÍCH',
    ]);
  });

  it('never joins the signature block', () => {
    const out = repairText(`${HEADER}Nơi nhận:\n- Lưu VT\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n\n\nPhan Văn Thường`);
    expect(out).toContain('- Lưu VT\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nPhan Văn Thường');
  });
});

describe('repairText: sloppy web copies', () => {
  it('removes footer page numbers and joins the sentence they cut', () => {
    const out = repairText(`${HEADER}- Tuyên truyền Kế hoạch số\n\n- 2 -\n\n15-KH/ĐU của Đảng ủy Khối.\n\nTrang 3/10\n\n– 12 –`);
    expect(out).toContain('- Tuyên truyền Kế hoạch số 15-KH/ĐU của Đảng ủy Khối.');
    expect(out).not.toMatch(/- 2 -|Trang 3|12 –/u);
  });

  it('keeps dashes that are not page numbers', () => {
    expect(repairText('- 2 đồng chí dự họp;\n- 2021 - 2025')).toBe('- 2 đồng chí dự họp;\n- 2021 - 2025');
  });

  it('joins document numbers and dates split across lines', () => {
    expect(repairText(`${HEADER}- Theo Kế hoạch số 15-\nKH/ĐU ngày 14/5/\n2021 của Tỉnh ủy.`)).toContain('- Theo Kế hoạch số 15-KH/ĐU ngày 14/5/2021 của Tỉnh ủy.');
    expect(repairText(`${HEADER}- Theo Kế hoạch số 24-KH/\n\nTU, ngày 01/3/2022.`)).toContain('- Theo Kế hoạch số 24-KH/TU, ngày 01/3/2022.');
  });

  it('joins a heading number standing alone with its heading text', () => {
    const out = repairText(`${HEADER}II.\n\nNỘI DUNG\n\n1.\nMục đích\n\na)\nĐiểm a\n\n2.\n- gạch đầu dòng`);
    expect(out).toContain('II. NỘI DUNG\n\n1. Mục đích\n\na) Điểm a\n\n2.\n- gạch đầu dòng');
  });

  it('drops markdown heading marks and escaped numbers', () => {
    expect(repairText('## II. NỘI DUNG\n### 1\\. Mục đích')).toBe('II. NỘI DUNG\n1. Mục đích');
  });
});
