/**
 * A heading that names the year ("II. CHỈ TIÊU NĂM 2026") makes every part under it that year's: a question naming
 * the year and one of the parts ("chỉ tiêu về chuyển đổi số năm 2026") is answered by that part, not by the heading
 * above it that alone writes the year.
 */
import { describe, expect, it } from 'vitest';
import { useMemoryCore } from '../fixtures/memory-core.ts';

const PLAN = `ĐẢNG BỘ XÃ AN KHÊ
*
Số 58-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
An Khê, ngày 26 tháng 12 năm 2025

KẾ HOẠCH
chuyển đổi số và phát triển đảng viên năm 2026

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao chất lượng sinh hoạt chi bộ, ứng dụng công nghệ số trong công tác đảng.

II. CHỈ TIÊU NĂM 2026

1. Chỉ tiêu về chuyển đổi số

- 100% văn bản của Đảng ủy xã được gửi, nhận trên môi trường mạng.
- 100% chi bộ sử dụng "Sổ tay đảng viên điện tử" trong sinh hoạt.
- Hoàn thành số hóa 100% hồ sơ đảng viên trước ngày 30/9/2026.

2. Chỉ tiêu về phát triển đảng viên

- Kết nạp ít nhất 24 đảng viên mới.
- Thành lập ít nhất 01 chi bộ trong hợp tác xã.

III. TỔ CHỨC THỰC HIỆN

Các chi bộ xây dựng kế hoạch thực hiện, báo cáo kết quả trước ngày 15/12/2026.
`;

describe('a part under a heading that names the year', () => {
  const core = useMemoryCore([{ name: '2026-ke-hoach-58-kh-du-an-khe-chuyen-doi-so.txt', text: PLAN }]);
  const ask = (text: string) => core().engine.ask({ text, conversationId: text, channel: 'eval' });

  it('counts for the parts under the heading, not for the parts beside it', async () => {
    const explained = await core().engine.explain('Chỉ tiêu về chuyển đổi số năm 2026 của Đảng ủy xã An Khê gồm những gì?', 40);
    const year = (label: string) => explained.candidates.find((c) => c.section === label)?.features.yearHeading;
    expect([year('II'), year('II.1'), year('II.2')]).toEqual([1, 1, 1]);
    expect(year('I')).toBe(0);
  });

  it('answers a question naming the year and the part, not the heading above it', async () => {
    const answer = await ask('Chỉ tiêu về chuyển đổi số năm 2026 của Đảng ủy xã An Khê gồm những gì?');
    expect(answer.citations.map((c) => c.section)).toEqual(['II.1']);
    expect(answer.text).toContain('Hoàn thành số hóa 100% hồ sơ đảng viên');
  });
});
