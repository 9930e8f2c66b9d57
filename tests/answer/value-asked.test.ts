/**
 * A question for an email, a phone number or a website is answered from a section that holds one: the cues that
 * say what is asked, the patterns that find it in a text, and the selection that moves from a section naming the
 * body to the section of the same document that gives its address.
 */
import { describe, expect, it } from 'vitest';
import { selectSections } from '../../src/answer/select.ts';
import type { StoredDocument } from '../../src/core/types.ts';
import { holdsValue, namesMoney, valuesAsked } from '../../src/retrieval/question-shape.ts';
import type { ResolvedIntent } from '../../src/retrieval/resolve-intent.ts';
import type { RankedSection } from '../../src/retrieval/search.ts';
import { foldedView } from '../../src/text/normalize.ts';
import { rankedSection } from '../fakes/ranked-sections.ts';

describe('values a question asks for', () => {
  it.each([
    ['Mặt trận tỉnh nhận phản ánh qua email nào?', ['email']],
    ['gui ve hop thu dien tu nao', ['email']],
    ['Số điện thoại đường dây nóng là bao nhiêu?', ['phone']],
    ['sdt cua ban tuyen giao', ['phone']],
    ['Đăng tải trên trang thông tin điện tử nào?', ['website']],
    ['Nội dung trọng tâm năm 2023 là gì?', []],
    ['Ai ký kế hoạch?', []],
    ['Hộ cận nghèo được hỗ trợ tiền đấu nối bao nhiêu?', ['amount']],
    ['cat nuoc ko bao truoc bi phat bao nhieu tien', ['amount']],
    ['Có bao nhiêu tổ chức cơ sở đảng?', []],
  ])('%s → %j', (question, kinds) => {
    expect(valuesAsked(foldedView(question))).toEqual(kinds);
  });

  it('finds each kind in a text, and nothing in a text without one', () => {
    expect(holdsValue('phản ánh kịp thời (qua Ban Dân chủ, email: dcpltv@gmail.com).', 'email')).toBe(true);
    expect(holdsValue('liên hệ số 0214.3840.123 hoặc +84 912 345 678', 'phone')).toBe(true);
    expect(holdsValue('đăng trên https://tuyengiao.vn/tin-tuc và www.example.org', 'website')).toBe(true);
    expect(holdsValue('Cổng thông tin điện tử tinhuy.laocai.gov.vn', 'website')).toBe(true);
    const plain = 'Ban Thường trực Ủy ban MTTQ tỉnh triển khai ngày 01/02/2024, chi 2.500.000 đồng cho 120 lượt.';
    expect((['email', 'phone', 'website'] as const).map((kind) => holdsValue(plain, kind))).toEqual([false, false, false]);
    expect(holdsValue(plain, 'amount')).toBe(true);
    expect(holdsValue('Mức hỗ trợ do Chính phủ quy định.', 'amount')).toBe(false);
    // Allowances in multiples of the base salary are amounts, and money.
    expect(holdsValue('được hỗ trợ hằng tháng bằng 0,2 mức lương cơ sở.', 'amount')).toBe(true);
    expect(holdsValue('phụ cấp hệ số 0,3.', 'amount')).toBe(true);
    expect(namesMoney('phụ cấp hằng tháng bằng 0,3 mức lương cơ sở')).toBe(true);
    expect(namesMoney('có thời gian là đảng viên chính thức từ đủ 03 năm trở lên')).toBe(false);
  });
});

describe('selection for a value asked', () => {
  const document = { id: 'd1', source: 'x.txt' } as StoredDocument;
  const ranked = (label: string, body: string, score: number) => rankedSection(document, label, body, score);
  const intent = (values: string[]) => ({ shape: 'factoid', values, mentionedYears: [], sectionRefs: [], numberKeys: [], years: [] }) as unknown as ResolvedIntent;
  const list = [
    ranked('III.1', 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh triển khai các nội dung sau.', 10),
    ranked('III.2', 'Nếu có vướng mắc, đề nghị phản ánh về Ban Thường trực (email: dcpltv@gmail.com).', 6),
  ];

  it('moves to the section of the same document that holds the value asked', () => {
    expect(selectSections(list, intent(['email'])).map((r) => r.section.label)).toEqual(['III.2']);
  });

  it('takes an amount from another document that states it, when it scores close enough', () => {
    const decree = { id: 'd2', source: 'nd.txt' } as StoredDocument;
    const law = ranked('Điều 46.1', 'Hộ cận nghèo được hỗ trợ tiền đấu nối lần đầu; mức hỗ trợ do Chính phủ quy định.', 10);
    const other = (label: string, body: string, score: number) => ({ ...ranked(label, body, score), document: decree }) as RankedSection;
    const close = [law, other('Điều 12.1.b', 'Hộ cận nghèo được hỗ trợ 70% tiền đấu nối nhưng không quá 2.000.000 đồng/hộ.', 8)];
    expect(selectSections(close, intent(['amount'])).map((r) => r.section.label)).toEqual(['Điều 12.1.b']);
    const far = [law, other('Điều 12.1.b', 'Hộ cận nghèo được hỗ trợ 70% tiền đấu nối.', 4)];
    expect(selectSections(far, intent(['amount'])).map((r) => r.section.label)).toEqual(['Điều 46.1']);
  });

  it('keeps the best section when nothing is asked for, or when no section holds it', () => {
    expect(selectSections(list, intent([])).map((r) => r.section.label)).toEqual(['III.1']);
    expect(selectSections(list, intent(['phone'])).map((r) => r.section.label)).toEqual(['III.1']);
  });
});
