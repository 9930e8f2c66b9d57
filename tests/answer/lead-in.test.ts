/**
 * A point is quoted with the clause that introduces its list (the fine of "b) Sử dụng nước không qua đồng hồ" is in
 * "3. Phạt tiền từ … sau đây:"), and "giao nhiệm vụ cho những cơ quan nào" is answered with the whole part that
 * assigns them, not with one body's entry: end to end on two invented documents, and the lead clause on its own.
 */
import { describe, expect, it } from 'vitest';
import type { StoredSection } from '../../src/core/types.ts';
import { leadClause, withLeadIn } from '../../src/answer/lead-in.ts';
import { quoteKey } from '../../src/text/normalize.ts';
import { useMemoryCore } from '../fixtures/memory-core.ts';

const DECREE = `CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 41/2025/NĐ-CP
Hà Nội, ngày 02 tháng 6 năm 2025

NGHỊ ĐỊNH
Quy định xử phạt vi phạm hành chính về sử dụng bến thuyền du lịch

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định hành vi vi phạm, mức phạt và thẩm quyền xử phạt vi phạm hành chính về sử dụng bến thuyền du lịch.

Điều 2. Vi phạm quy định về neo đậu thuyền
1. Phạt cảnh cáo đối với hành vi neo đậu thuyền không đúng vị trí do ban quản lý bến chỉ dẫn.
2. Phạt tiền từ 3.000.000 đồng đến 6.000.000 đồng đối với một trong các hành vi sau đây:
a) Neo đậu thuyền chắn luồng ra vào bến;
b) Chở khách vượt quá số người ghi trong giấy phép của thuyền;
c) Đổ rác thải sinh hoạt từ thuyền xuống mặt nước của bến.
3. Người vi phạm phải khắc phục hậu quả do hành vi vi phạm gây ra.

Điều 3. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành từ ngày 01 tháng 8 năm 2025.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Trần Văn Minh
`;

const PLAN = `ĐẢNG BỘ TỈNH HÀ MINH
HUYỆN ỦY THANH KHÊ
*
Số 31-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Thanh Khê, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
tuyên truyền phát triển du lịch cộng đồng năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân trong huyện về phát triển du lịch cộng đồng.

II. NỘI DUNG TUYÊN TRUYỀN
- Chủ trương của Tỉnh ủy về phát triển du lịch cộng đồng gắn với làng nghề.
- Những mô hình du lịch cộng đồng hiệu quả ở các xã.

III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Huyện ủy
Hướng dẫn nội dung tuyên truyền về du lịch cộng đồng cho các chi bộ, đảng bộ cơ sở.
2. Phòng Văn hóa và Thông tin huyện
Xây dựng chuyên mục giới thiệu làng nghề trên trang thông tin điện tử của huyện.
3. Các chi bộ, đảng bộ cơ sở
Tổ chức quán triệt kế hoạch trong sinh hoạt chi bộ hằng tháng.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn Hòa
`;

describe('a point quoted with the clause that introduces its list', () => {
  const core = useMemoryCore([
    { name: '2025-nghi-dinh-41-nd-cp-ben-thuyen.txt', text: DECREE },
    { name: '2025-ke-hoach-31-kh-hu-thanh-khe-du-lich.txt', text: PLAN },
  ]);

  it('gives the fine of the act asked about', async () => {
    const question = 'Chở khách quá số người ghi trong giấy phép thì bị phạt bao nhiêu tiền?';
    const answer = await core().engine.ask({ text: question, conversationId: 'fine', channel: 'eval' });
    expect(answer.outcome).toBe('answered');
    const cited = answer.citations.find((c) => c.section.startsWith('Điều 2.2'));
    expect(cited?.quote).toContain('Phạt tiền từ 3.000.000 đồng đến 6.000.000 đồng');
    expect(cited?.quote).toContain('Chở khách vượt quá số người');
    // Point a) stands between the two: the quote says something was left out, and each part is verbatim.
    if (cited?.section === 'Điều 2.2.b') expect(cited.quote).toMatch(/sau đây:\n…\nChở khách|sau đây:\n…\nb\)/u);
    for (const part of cited?.quote.split(/\n|…/u).filter((p) => p.trim() !== '') ?? []) expect(quoteKey(DECREE)).toContain(quoteKey(part));
  });

  it('answers "which bodies are assigned" with the whole implementation part', async () => {
    // Typed as on Zalo: one body's entry ranks first, and the answer is the part that lists them all.
    const question = 'kh 31 giao nv cho nhung co quan nao';
    const answer = await core().engine.ask({ text: question, conversationId: 'who', channel: 'eval' });
    expect(answer.outcome).toBe('answered');
    expect(answer.citations.map((c) => c.section)).toContain('III');
    for (const body of ['Ban Tuyên giáo Huyện ủy', 'Phòng Văn hóa và Thông tin huyện', 'Các chi bộ, đảng bộ cơ sở']) expect(answer.text).toContain(body);
  });
});

describe('the lead clause', () => {
  const section = (headingLine: string, body: string): StoredSection =>
    ({ id: 's', documentId: 'd', label: 'Điều 2.2', heading: headingLine, headingLine, level: 2, order: 0, parentLabel: 'Điều 2', body, fullText: body }) as StoredSection;

  it('is the parent\'s own words when they open a list', () => {
    expect(leadClause(section('2. Phạt tiền từ 3.000.000 đồng đến 6.000.000 đồng đối với một trong các hành vi sau đây:', ''))).toBe(
      '2. Phạt tiền từ 3.000.000 đồng đến 6.000.000 đồng đối với một trong các hành vi sau đây:',
    );
    expect(leadClause(section('1. Hồ sơ đề nghị gồm', ''))).toBe('1. Hồ sơ đề nghị gồm');
  });

  it('is nothing when the parent says something of its own', () => {
    expect(leadClause(section('3. Người vi phạm phải khắc phục hậu quả do hành vi vi phạm gây ra.', ''))).toBeNull();
    expect(leadClause(section('II. NỘI DUNG', 'x'.repeat(500) + ':'))).toBeNull();
  });

  it('keeps a heading line that already holds the body once', () => {
    const lead = leadClause(section('3. Về đại hội: Ban Thường vụ thống nhất một số nội dung sau:', 'Ban Thường vụ thống nhất một số nội dung sau:'));
    expect(lead).toBe('3. Về đại hội: Ban Thường vụ thống nhất một số nội dung sau:');
  });

  it('marks what is left out between the lead and the quote', () => {
    const lead = { lead: 'Các hành vi sau đây:', parentText: quoteKey('Các hành vi sau đây: a) Một việc; b) Việc khác.') };
    expect(withLeadIn('a) Một việc;', lead)).toBe('Các hành vi sau đây:\na) Một việc;');
    expect(withLeadIn('b) Việc khác.', lead)).toBe('Các hành vi sau đây:\n…\nb) Việc khác.');
    expect(withLeadIn('b) Việc khác.', undefined)).toBe('b) Việc khác.');
  });
});
