import { describe, expect, it } from 'vitest';
import type { Library } from '../../../src/core/services.ts';
import { FAKE_DOC } from '../../fakes/fake-services.ts';
import { textUpdate } from './fake-telegram.ts';
import { createHarness } from './harness.ts';
import { checkTelegramHtml } from './telegram-html.ts';

async function run(command: string, prepare?: (h: ReturnType<typeof createHarness>) => void) {
  const h = createHarness();
  prepare?.(h);
  await h.send(textUpdate(command));
  expect(h.fake.violations).toEqual([]);
  const shown = h.fake.texts().map((t) => {
    const parsed = checkTelegramHtml(t);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.text;
  });
  return { h, text: shown.join('\n\n'), count: shown.length };
}

describe('user commands', () => {
  it('/start and /help explain the bot with example questions', async () => {
    for (const command of ['/start', '/help']) {
      const { h, text } = await run(command);
      expect(text).toContain('Câu hỏi mẫu');
      expect(text).toContain('noi dung trong tam nam 2023');
      expect(text).toContain('/diemtin');
      expect(h.engine.asked).toEqual([]);
    }
  });

  it('/vanban lists type, number, year and issuer', async () => {
    const { text } = await run('/vanban');
    expect(text).toContain('Văn bản trong kho (1)');
    expect(text).toContain('Kế hoạch "thông tin, tuyên truyền');
    expect(text).toContain('năm 2023 – Ban Thường vụ Huyện ủy');
    expect(text).toContain(`/xem ${FAKE_DOC.source}`);
  });

  it('/xem <văn bản> shows the outline', async () => {
    const { text } = await run('/xem kế hoạch 12');
    expect(text).toContain('Phần mở đầu (căn cứ ban hành)');
    expect(text).toContain('II NỘI DUNG TUYÊN TRUYỀN');
    expect(text).toContain('   II.1 Nội dung tuyên truyền trọng tâm');
  });

  it('/xem <văn bản> <mục> shows one section, escaped, with its citation', async () => {
    const { h, text } = await run('/xem 12-KH/ĐU ii.1');
    expect(text).toContain('mục II.1 "Nội dung tuyên truyền trọng tâm"');
    expect(text).toContain('<tạo> chuyển biến & mạnh mẽ');
    expect(text).toContain('📄 Kế hoạch');
    expect(h.fake.texts().join('')).toContain('&lt;tạo&gt;');
  });

  it('/xem splits a long section into several messages', async () => {
    const longBody = Array(400).fill('- Một đoạn văn bản khá dài của mục này, có dấu & và <ngoặc>.').join('\n\n');
    const { count, h } = await run('/xem 12-KH/ĐU II.1', (harness) => {
      const original: Library = { ...harness.library };
      harness.library.section = async (id, label) => {
        const s = await original.section(id, label);
        return s ? { ...s, fullText: longBody } : null;
      };
    });
    expect(count).toBeGreaterThan(4);
    for (const t of h.fake.texts()) expect(t.length).toBeGreaterThan(0);
  });

  it('/xem without arguments explains usage', async () => {
    const { text } = await run('/xem');
    expect(text).toContain('Cách dùng: /xem');
  });

  it('/diemtin gives talking points with citations', async () => {
    const { h, text } = await run('/diemtin đấu tranh phản bác quan điểm sai trái');
    expect(text).toContain('Dàn ý tuyên truyền: đấu tranh phản bác quan điểm sai trái');
    expect(text).toContain('3 ý, trích nguyên văn từ 1 văn bản.');
    expect(text).toContain('📄 Kế hoạch');
    expect(text).toContain('1. Kết quả xây dựng Đảng');
    expect(text).toContain('3. Phát huy vai trò Mặt trận');
    expect(text).toContain('mục IV.4');
    expect(h.fake.methods()[0]).toBe('sendChatAction');
  });

  it('/diemtin without a topic explains how to use it, without asking the engine', async () => {
    const { h, text } = await run('/diemtin');
    expect(text).toContain('gõ /diemtin và chủ đề');
    expect(text).not.toContain('không có trong văn bản');
    expect(h.engine.asked).toEqual([]);
  });

  it('/nam lists a year, or says which years exist', async () => {
    expect((await run('/nam 2023')).text).toContain('Năm 2023 có 1 văn bản');
    expect((await run('/nam 2025')).text).toContain('Chưa có văn bản năm 2025 trong kho; có: 2023.');
    expect((await run('/nam abc')).text).toContain('Cách dùng: /nam');
    // "nay" is the injected clock's year (the harness stops it in 2023), not the machine's.
    expect((await run('/nam nay')).text).toContain('Năm 2023 có 1 văn bản');
  });
});
