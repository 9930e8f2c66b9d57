import { describe, expect, it } from 'vitest';
import { clausesOf, isBoilerplate, isOpeningLine } from '../../src/answer/clauses.ts';
import { isNearCopy } from '../../src/answer/near-copy.ts';

describe('clauses', () => {
  it('keeps a short sentence whole and cuts a long one at its top-level semicolons only', () => {
    const long = `Nội dung gồm ${'các việc cần làm ngay, '.repeat(8)}nhiều việc khác; các quy định về nêu gương (Quy định số 101-QĐ/TW về trách nhiệm nêu gương; Quy định số 55-QĐ/TW về việc cần làm ngay); Quy định số 37-QĐ/TW về những điều đảng viên không được làm.`;
    const text = `- Tích cực đấu tranh chống “diễn biến hòa bình”; phản bác các quan điểm sai trái.\n- ${long}`;
    const clauses = clausesOf(text).map((c) => c.text);
    expect(clauses[0]).toBe('Tích cực đấu tranh chống “diễn biến hòa bình”; phản bác các quan điểm sai trái');
    expect(clauses).toContain('các quy định về nêu gương (Quy định số 101-QĐ/TW về trách nhiệm nêu gương; Quy định số 55-QĐ/TW về việc cần làm ngay)');
    expect(clauses.at(-1)).toBe('Quy định số 37-QĐ/TW về những điều đảng viên không được làm');
  });

  it('cuts an inline enumeration at its numbers, keeping each item whole', () => {
    const items = Array.from({ length: 4 }, (_, i) => `(${i + 1}) kết quả thứ ${i + 1} của công tác xây dựng Đảng; ngăn chặn suy thoái ở nhiều nơi`).join('; ');
    const clauses = clausesOf(`Kết quả đã đạt được, đặc biệt là: ${items}; (5) vai trò của Mặt trận Tổ quốc trong công tác giám sát, phản biện xã hội.`);
    expect(clauses.map((c) => c.text)).toEqual([
      'Kết quả đã đạt được, đặc biệt là',
      ...Array.from({ length: 4 }, (_, i) => `kết quả thứ ${i + 1} của công tác xây dựng Đảng; ngăn chặn suy thoái ở nhiều nơi`),
      'vai trò của Mặt trận Tổ quốc trong công tác giám sát, phản biện xã hội',
    ]);
    expect(clauses[1]).toMatchObject({ startsSentence: false, endsSentence: false });
  });

  it('splits sentences at a full stop before a capital letter, not inside numbers or dates', () => {
    const clauses = clausesOf('Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị khóa XII. Tích cực đấu tranh chống “diễn biến hòa bình”.');
    expect(clauses.map((c) => c.text)).toEqual(['Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị khóa XII', 'Tích cực đấu tranh chống “diễn biến hòa bình”']);
  });

  it('tells opening lines and closing formalities from points', () => {
    expect(isOpeningLine('Thực hiện Hướng dẫn số 81/HD-MTTW-BTT ngày 05/4/2022 của Ủy ban Trung ương')).toBe(true);
    expect(isOpeningLine('Căn cứ Điều lệ Đảng Cộng sản Việt Nam')).toBe(true);
    expect(isOpeningLine('Thực hiện tốt công tác quản lý, chỉ đạo, định hướng thông tin báo chí')).toBe(false);
    expect(isBoilerplate('Trong quá trình tổ chức thực hiện, nếu có vấn đề vướng mắc, đề nghị phản ánh kịp thời (email: a@b.vn)')).toBe(true);
    expect(isBoilerplate('Tăng cường công tác thông tin, dự báo, nắm bắt diễn biến tư tưởng')).toBe(false);
  });
});

describe('near-copies', () => {
  it('take a candidate that says nothing the point does not for a copy', () => {
    const point = 'Tích cực đấu tranh chống “diễn biến hòa bình”; phản bác các quan điểm sai trái, luận điệu xuyên tạc của các thế lực thù địch';
    expect(isNearCopy(point, 'tích cực đấu tranh chống diễn biến hoà bình')).toBe(true);
    expect(isNearCopy(point, `${point} (chi tiết tại mục 2.9 Đề cương tuyên truyền gửi kèm theo)`)).toBe(true);
  });

  it('keep a candidate that adds to the point as a point of its own', () => {
    const point = 'Phát huy vai trò, trách nhiệm của cơ quan dân cử, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội để huy động Nhân dân tham gia xây dựng Đảng';
    const more = 'vai trò, trách nhiệm của cơ quan dân cử, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội trong công tác giám sát, phản biện và huy động Nhân dân tham gia xây dựng Đảng';
    expect(isNearCopy(point, more)).toBe(false);
  });
});
