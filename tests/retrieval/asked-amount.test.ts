import { describe, expect, it } from 'vitest';
import { askedAmount, statesAmount } from '../../src/retrieval/asked-amount.ts';

describe('the amount a question asks for', () => {
  it.each([
    ['nộp đủ hồ sơ đăng ký rồi thì mấy ngày mới có giấy', { kind: 'duration', unit: 'ngay' }],
    ['nop du ho so roi thi may ngay moi co giay', { kind: 'duration', unit: 'ngay' }],
    ['Thư viện muốn đóng cửa thì phải báo trước bao lâu?', { kind: 'duration', unit: null }],
    // "mấy giờ" is a time of day, not a number of hours.
    ['Quy định được mở loa sớm nhất là mấy giờ?', { kind: 'clock', unit: null }],
    ['xin cấp lại giấy chứng nhận tốn phí bao nhiêu?', { kind: 'money', unit: null }],
    ['Chủ tịch UBND phường được phạt tiền tối đa bao nhiêu?', { kind: 'money', unit: null }],
    ['Hạn nộp báo cáo 6 tháng là ngày nào?', { kind: 'date', unit: null }],
    ['1 năm được chở đồ cồng kềnh miễn phí mấy lần', { kind: 'count', unit: 'lan' }],
    ['lớp ôn thi tối đa bao nhiêu học sinh một lớp', { kind: 'count', unit: 'hoc' }],
    // How often, not how long.
    ['bí thư tiếp dân bao lâu 1 lần', { kind: 'frequency', unit: null }],
    ['ban chấp hành họp mấy tháng một lần', { kind: 'frequency', unit: null }],
    // "mấy năm nay" tells how long the asker has done something; what is asked comes after.
    ['Nhà em bán bánh mì mấy năm nay, cho em hỏi hồ sơ đăng ký gồm những gì', null],
  ])('"%s" asks for %j', (question, amount) => {
    expect(askedAmount(question)).toEqual(amount);
  });

  it.each(['mua máy đo tiếng ồn ở đâu', 'năm 2023 tuyên truyền những nội dung gì'])('"%s" asks for no amount', (question) => {
    expect(askedAmount(question)).toBeNull();
  });
});

describe('whether a text states the amount asked', () => {
  it('reads a number of days, not a date, as a duration', () => {
    const days = { kind: 'duration', unit: 'ngay' } as const;
    expect(statesAmount('Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ', days)).toBe(true);
    expect(statesAmount('Luật này có hiệu lực từ ngày 01 tháng 7 năm 2026', days)).toBe(false);
    expect(statesAmount('trong 6 tháng', days)).toBe(false);
    expect(statesAmount('trong 6 tháng', { kind: 'duration', unit: null })).toBe(true);
  });

  it('reads money, clock times, dates and counts', () => {
    expect(statesAmount('Phạt tiền từ 500.000 đồng đến 1.000.000 đồng', { kind: 'money', unit: null })).toBe(true);
    expect(statesAmount('Phạt cảnh cáo đối với hành vi sau', { kind: 'money', unit: null })).toBe(false);
    expect(statesAmount('không mở loa trước 6 giờ và sau 22 giờ', { kind: 'clock', unit: null })).toBe(true);
    expect(statesAmount('gửi báo cáo trước ngày 15/7 hằng năm', { kind: 'date', unit: null })).toBe(true);
    expect(statesAmount('được thu gom miễn phí không quá 02 lần mỗi năm', { kind: 'count', unit: 'lan' })).toBe(true);
    expect(statesAmount('được thu gom miễn phí', { kind: 'count', unit: 'lan' })).toBe(false);
    expect(statesAmount('Ban Chấp hành họp thường lệ mỗi quý một lần', { kind: 'frequency', unit: null })).toBe(true);
    expect(statesAmount('Định kỳ 6 tháng, Ban Thường vụ nghe báo cáo', { kind: 'frequency', unit: null })).toBe(true);
    expect(statesAmount('Ban Chấp hành họp bất thường khi cần', { kind: 'frequency', unit: null })).toBe(false);
  });
});
