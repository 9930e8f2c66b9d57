/**
 * The terminal chat on the real engine and library, driven through in-memory streams.
 */
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/app/open-core.ts';
import { runTerminalChat } from '../../../src/channels/terminal/terminal-chat.ts';
import type { AnswerEngine } from '../../../src/core/services.ts';
import { createAskService } from '../../../src/ask/ask-service.ts';
import { fixedClock } from '../../fakes/clock.ts';
import { openSeededCore } from '../../fixtures/seeded-store.ts';

let core: Core;

beforeAll(async () => {
  core = await openSeededCore({ clock: fixedClock() });
});

afterAll(async () => {
  await core?.close();
});

/** Feeds `lines` to a chat and returns everything it wrote, split per reply. */
async function chat(lines: string[], engine: AnswerEngine = core.engine): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const askService = createAskService({ engine, activity: core.activity, logger: pino({ level: 'silent' }), maxQuestionChars: 1000 });
  const done = runTerminalChat({ askService, library: core.library, input, output });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return written.split('\n\n> ').map((s) => s.replace(/^> /, '').trim());
}

describe('terminal chat', () => {
  it('greets with help and answers a question with a citation line', async () => {
    const [greeting, reply] = await chat(['nội dung tuyên truyền trọng tâm năm 2023 là gì?']);
    expect(greeting).toContain('/vanban');
    expect(reply).toMatch(/\(Nguồn: .*năm 2023.*mục II\.1 "Nội dung tuyên truyền trọng tâm"\)/);
  });

  it('/vanban lists the five documents', async () => {
    const [, reply] = await chat(['/vanban']);
    const lines = reply!.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^1\. /);
    expect(reply).toContain('Kế hoạch số 12-KH/ĐU');
    expect(reply).toContain('Thành ủy Bắc Kạn');
  });

  it('/xem shows an outline, and a section in full', async () => {
    const [, outline, section, missing, unknown] = await chat(['/xem 12-KH/ĐU', '/xem 12-KH/ĐU I.1', '/xem 12-KH/ĐU IX.9', '/xem không có văn bản này']);
    expect(outline).toContain('Kế hoạch số 12-KH/ĐU');
    expect(outline).toContain('(mở đầu)');
    expect(outline).toMatch(/I\.1 Mục đích/);
    expect(section!.split('\n')[0]).toBe('1. Mục đích');
    expect(section).toContain('Tiếp tục tạo sự thống nhất về nhận thức');
    expect(missing).toBe('Văn bản không có mục IX.9.');
    expect(unknown).toContain('Không tìm thấy văn bản');
  });

  it('/diemtin gives cited talking points', async () => {
    const [, reply] = await chat(['/diemtin đấu tranh phản bác quan điểm sai trái']);
    expect(reply).toContain('Dàn ý về "đấu tranh phản bác quan điểm sai trái"');
    const points = reply!.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(10);
    expect(reply).toMatch(/mục [IV]+/);
  });

  it('/nam lists a year and names the years that exist when it has none', async () => {
    const [, y2023, y2025] = await chat(['/nam 2023', '/nam 2025']);
    expect(y2023!.split('\n')).toHaveLength(2);
    expect(y2023).toContain('năm 2023');
    expect(y2025).toBe('Chưa có văn bản năm 2025. Có: 2021, 2022, 2023');
  });

  it('/thoat ends the chat and ignores what follows', async () => {
    let asked = 0;
    const counting: AnswerEngine = {
      ask: async (q) => (asked++, core.engine.ask(q)),
      talkingPoints: (t, q) => core.engine.talkingPoints(t, q),
      explain: (q) => core.engine.explain(q),
    };
    const replies = await chat(['/thoat', 'nội dung trọng tâm năm 2023?'], counting);
    expect(asked).toBe(0);
    expect(replies.filter(Boolean)).toHaveLength(1);
  });

  it('apologises when the engine fails, and keeps going', async () => {
    const broken: AnswerEngine = {
      ask: () => Promise.reject(new Error('database down')),
      talkingPoints: () => Promise.reject(new Error('database down')),
      explain: () => Promise.reject(new Error('database down')),
    };
    const [, first, second] = await chat(['câu hỏi', '/vanban'], broken);
    expect(first).toBe('Xin lỗi, hệ thống đang bận, vui lòng thử lại sau.');
    expect(first).not.toContain('database down');
    expect(second!.split('\n')).toHaveLength(5);
  });

  it('refuses an over-long question before the engine, saying the limit', async () => {
    const [, reply] = await chat([`nội dung ${'x'.repeat(1000)}`]);
    expect(reply).toMatch(/^Câu hỏi quá dài \(1009 ký tự, tối đa 1000\)\. Bạn hãy hỏi ngắn gọn hơn\./);
  });

  it('answers an unknown command with help', async () => {
    const [, reply] = await chat(['/abc']);
    expect(reply).toMatch(/^Lệnh không rõ/);
  });
});
