/**
 * A year no document is for may be written of in another's text: a Báo cáo of December 2025 gives 2024's figures
 * beside 2025's. A question about 2024 is answered from the sections that name it, with a note that no 2024
 * document is held; a year no text names is still told missing.
 */
import { describe, expect, it } from 'vitest';
import { useMemoryCore } from '../fixtures/memory-core.ts';

const REPORT = `TỈNH ỦY HÀ MINH
*
Số 12-BC/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Minh, ngày 10 tháng 12 năm 2025

BÁO CÁO
sơ kết 02 năm thực hiện Nghị quyết số 05-NQ/TU về giảm nghèo bền vững

I. KẾT QUẢ

1. Giảm nghèo

Năm 2024 tỷ lệ hộ nghèo giảm còn 4,1%; năm 2025 giảm còn 2,9%.

2. Giải quyết việc làm

Năm 2024 giải quyết việc làm cho 21.350 lao động; năm 2025 giải quyết việc làm cho 22.900 lao động.

II. PHƯƠNG HƯỚNG

Tiếp tục hỗ trợ hộ nghèo tiếp cận các dịch vụ xã hội cơ bản.
`;

describe('a year written of in another year\'s document', () => {
  const core = useMemoryCore([{ name: '2025-bao-cao-12-bc-tu-ha-minh-giam-ngheo.txt', text: REPORT }]);
  const ask = (text: string) => core().engine.ask({ text, conversationId: text, channel: 'eval' });

  it('answers from the sections that name the year, saying no document of that year is held', async () => {
    const answer = await ask('năm 2024 tỉnh giải quyết việc làm cho bao nhiêu lao động');
    expect(answer.outcome).toBe('answered');
    expect(answer.citations[0]?.section).toBe('I.2');
    expect(answer.text).toContain('Chưa có văn bản năm 2024 trong kho');
    expect(answer.text).toContain('21.350');
  });

  it('tells a year no text names as missing', async () => {
    const answer = await ask('năm 2022 tỉnh giải quyết việc làm cho bao nhiêu lao động');
    expect(answer.outcome).toBe('absent_year');
    expect(answer.citations).toEqual([]);
  });
});
