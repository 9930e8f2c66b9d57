/**
 * Who signed a plan and whom it was sent to stand in its closing block, after its last section: asked, the answer
 * quotes that block word for word and cites it with the last section, end to end on an invented plan; unit tests
 * of the block and of the section it follows.
 */
import { describe, expect, it } from 'vitest';
import type { OutlineEntry } from '../../src/core/types.ts';
import { closingQuote, lastBodyEntry } from '../../src/answer/closing-block.ts';
import { asksClosing } from '../../src/retrieval/question-shape.ts';
import { useMemoryCore } from '../fixtures/memory-core.ts';

const PLAN = `ĐẢNG BỘ TỈNH LÂM THÁI
HUYỆN ỦY KHÊ NAM
*
Số 31-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Khê Nam, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
tuyên truyền phòng, chống thiên tai năm 2025

Thực hiện Kế hoạch số 12-KH/TU ngày 20/02/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ, đảng viên và nhân dân về phòng, chống thiên tai.
2. Bảo đảm thông tin kịp thời, chính xác.

II. NỘI DUNG
1. Tuyên truyền các quy định về phòng, chống thiên tai.
2. Hướng dẫn kỹ năng ứng phó với bão, lũ.

III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Huyện ủy hướng dẫn các chi, đảng bộ cơ sở.
2. Các đảng ủy xã báo cáo kết quả trước ngày 30/11/2025.

Nơi nhận:
- Ban Tuyên giáo Tỉnh ủy (b/c),
- Các đảng ủy xã, thị trấn,
- Lưu Văn phòng Huyện ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Trần Văn Lâm
`;

describe('the closing block of a plan', () => {
  const core = useMemoryCore([{ name: '2025-ke-hoach-31-kh-hu-khe-nam-thien-tai.txt', text: PLAN }]);

  it('answers "gửi tới những nơi nào" with the recipients, cited with the last section', async () => {
    const answer = await core().engine.ask({ text: 'Kế hoạch 31-KH/HU được gửi tới những nơi nào?', conversationId: 'a', channel: 'eval' });
    const closing = answer.citations.find((c) => c.quote.includes('Nơi nhận'));
    expect(closing?.section).toBe('III.2');
    expect(closing?.quote).toContain('Các đảng ủy xã, thị trấn');
  });

  it('answers "ai ký" with the signature as written', async () => {
    const answer = await core().engine.ask({ text: 'Kế hoạch 31-KH/HU do ai ký?', conversationId: 'b', channel: 'eval' });
    expect(answer.citations.map((c) => c.section)).toContain('');
    expect(answer.citations.find((c) => c.section === 'III.2')?.quote).toContain('Trần Văn Lâm');
  });

  it('adds nothing to a question about the plan’s content', async () => {
    const answer = await core().engine.ask({ text: 'Kế hoạch 31-KH/HU tuyên truyền những nội dung gì?', conversationId: 'c', channel: 'eval' });
    expect(answer.citations.some((c) => c.quote.includes('Nơi nhận'))).toBe(false);
  });
});

describe('reading the closing block', () => {
  it('quotes its lines, each as written, and stops at a text issued with the document', () => {
    const quote = closingQuote(`${PLAN}\nQUY CHẾ\n(Ban hành kèm theo Kế hoạch số 31-KH/HU)\nĐiều 1. Phạm vi`);
    expect(quote?.split(' … ')[0]).toBe('Nơi nhận:');
    expect(quote).toContain('Trần Văn Lâm');
    expect(quote).not.toContain('QUY CHẾ');
    expect(closingQuote('KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.')).toBeNull();
  });

  it('follows the last section of the body, not an appendix or an attached Quy chế, else the opening', () => {
    const entry = (label: string, parentLabel: string | null, order: number): OutlineEntry => ({ id: label, label, heading: label, parentLabel, level: 1, order });
    expect(lastBodyEntry([entry('', null, 0), entry('I', null, 1), entry('I.1', 'I', 2), entry('Phụ lục', null, 3), entry('Phụ lục.1', 'Phụ lục', 4)])?.label).toBe('I.1');
    expect(lastBodyEntry([entry('Quyết định.Điều 1', null, 1), entry('Quyết định.Điều 3', null, 2), entry('Quy chế', null, 3), entry('Chương I', 'Quy chế', 4), entry('Điều 1', 'Chương I', 5)])?.label).toBe('Quyết định.Điều 3');
    expect(lastBodyEntry([entry('', null, 0)])?.label).toBe('');
  });

  it('is asked by "ai ký", "người ký", "gửi tới những nơi nào", "nơi nhận"; not by "ký kết", nor where a report goes', () => {
    for (const q of ['ai ky ke hoach nay', 'nguoi ky voi chuc danh gi', 'duoc gui toi nhung noi nao', 'noi nhan gom nhung ai', 'cong van gui nhung noi nao']) expect(asksClosing(q)).toBe(true);
    expect(asksClosing('ky ket hop dong thue nha thi can gi')).toBe(false);
    expect(asksClosing('mat tran huyen bao cao ket qua dinh ky, gui ve dau')).toBe(false);
  });
});
