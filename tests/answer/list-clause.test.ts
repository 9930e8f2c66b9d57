/**
 * A list question to a law whose article holds its list in one clause ("1. Biên bản … gồm các nội dung sau đây:
 * a) … d)", then "2. Biên bản được lập thành 02 bản") is answered with that clause, end to end on an invented
 * circular; an article whose clauses are themselves the items stays the answer.
 */
import { describe, expect, it } from 'vitest';
import { useMemoryCore } from '../fixtures/memory-core.ts';

const CIRCULAR = `BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 21/2026/TT-BNNMT
Hà Nội, ngày 10 tháng 3 năm 2026

THÔNG TƯ
Hướng dẫn kiểm tra vệ sinh chuồng trại chăn nuôi nông hộ

Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn việc kiểm tra vệ sinh chuồng trại chăn nuôi của hộ gia đình, cá nhân.

Điều 2. Điều kiện chuồng trại
1. Chuồng trại cách nhà ở ít nhất 10 mét.
2. Nền chuồng được láng xi măng hoặc lát gạch, có rãnh thoát nước thải.
3. Có hố ủ phân có nắp đậy.

Điều 3. Biên bản kiểm tra
1. Biên bản kiểm tra chuồng trại gồm các nội dung sau đây:
a) Họ tên chủ hộ và địa chỉ chuồng trại;
b) Số lượng vật nuôi tại thời điểm kiểm tra;
c) Tình trạng nền chuồng, rãnh thoát nước và hố ủ phân;
d) Chữ ký của người kiểm tra và chủ hộ.
2. Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản.
3. Chủ hộ vắng mặt thì trưởng thôn ký thay vào biên bản.

Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 5 năm 2026.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Văn Hòa
`;

describe('the clause that holds a law article’s list', () => {
  const core = useMemoryCore([{ name: '2026-thong-tu-21-2026-tt-bnnmt-chuong-trai.txt', text: CIRCULAR }]);

  it('answers "gồm những gì" with the clause that lists them, not the article around it', async () => {
    const answer = await core().engine.ask({ text: 'Biên bản kiểm tra gồm những gì?', conversationId: 'a', channel: 'eval' });
    expect(answer.citations.map((c) => c.section)).toContain('Điều 3.1');
    expect(answer.citations.map((c) => c.section)).not.toContain('Điều 3');
  });

  it('keeps the article when its clauses are the items', async () => {
    const answer = await core().engine.ask({ text: 'Chuồng trại phải đáp ứng những điều kiện gì?', conversationId: 'b', channel: 'eval' });
    expect(answer.citations.map((c) => c.section)).toContain('Điều 2');
  });
});
