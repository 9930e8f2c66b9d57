import { afterEach, describe, expect, it } from 'vitest';
import { fakeAnswer } from '../../fakes/fake-services.ts';
import { APOLOGY, RATE_LIMITED } from '../../../src/channels/zalo/replies.ts';
import { setupBot, text, update, type BotSetup } from './setup.ts';

describe('Zalo bot, long polling', () => {
  let t: BotSetup;
  afterEach(async () => t.close());

  it('deletes the webhook, polls through 408s and answers each text', async () => {
    t = await setupBot();
    for (const q of ['nội dung trọng tâm năm 2023 là gì?', 'noi dung trong tam nam 2023', 'Quy định 85-QĐ/TW nói gì?']) {
      t.server.pushUpdate(text(q));
    }
    await t.bot.start();
    await t.waitForSent(3);
    const methods = t.server.calls.map((c) => c.method);
    expect(methods.slice(0, 3)).toEqual(['getMe', 'deleteWebhook', 'getUpdates']);
    const polls = t.server.callsTo('getUpdates');
    expect(polls.length).toBeGreaterThanOrEqual(5); // update, 408, update, 408, update
    expect(t.engine.asked.map((q) => q.text)).toEqual([
      'nội dung trọng tâm năm 2023 là gì?',
      'noi dung trong tam nam 2023',
      'Quy định 85-QĐ/TW nói gì?',
    ]);
    expect(t.engine.asked[0]).toMatchObject({ conversationId: 'zalo:chat-1', channel: 'zalo', userId: 'user-1' });
    expect(methods.indexOf('sendChatAction')).toBeLessThan(methods.indexOf('sendMessage'));
    expect(t.activity.questions).toHaveLength(3);
    const reply = t.sent()[0] ?? '';
    expect(reply).toContain('Theo Kế hoạch năm 2023');
    expect(reply).toContain('📄 Kế hoạch "thông tin, tuyên truyền');
    expect(reply).toContain('Gõ "xem 1" để xem toàn văn mục II.1.');
    expect(reply).toContain('Gõ "đúng" hoặc "sai" để góp ý.');
    expect(reply).not.toMatch(/<\/?b>|\*\*/);
  });

  it('sends a long answer as several messages of at most 2000 characters, citation lines whole', async () => {
    t = await setupBot({ respond: () => fakeAnswer({}, 120) });
    t.server.pushUpdate(text('nội dung trọng tâm?'));
    await t.bot.start();
    await t.server.waitFor(() => t.sent().some((m) => m.includes('Gõ "đúng"')));
    const messages = t.sent();
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(2000);
    expect(t.server.callsTo('sendMessage').every((c) => c.status === 200)).toBe(true);
    const citationLines = messages.flatMap((m) => m.split('\n')).filter((l) => l.startsWith('📄'));
    expect(citationLines).toHaveLength(1);
    expect(citationLines[0]).toMatch(/mục II\.1 "Nội dung tuyên truyền trọng tâm"$/);
  });

  it('answers typed follow-ups: xem 1, đúng, sai', async () => {
    t = await setupBot();
    await t.bot.start();
    t.server.pushUpdate(text('nội dung trọng tâm?'));
    await t.waitForSent(1);
    t.server.pushUpdate(text('xem 1'));
    await t.waitForSent(2);
    expect(t.sent()[1]).toContain('1. Nội dung tuyên truyền trọng tâm');
    expect(t.sent()[1]).toContain('Phản ánh những kết quả nổi bật.');
    expect(t.sent()[1]).toContain('📄 ');
    t.server.pushUpdate(text('Đúng'));
    t.server.pushUpdate(text('sai'));
    await t.waitForSent(4);
    expect(t.activity.feedback.map((f) => f.helpful)).toEqual([true, false]);
    expect(t.activity.feedback[0]).toMatchObject({ conversationId: 'zalo:chat-1', channel: 'zalo', userId: 'user-1', question: 'nội dung trọng tâm?' });
    t.server.pushUpdate(text('xem 7'));
    await t.waitForSent(5);
    expect(t.sent()[4]).toContain('Không có mục số 7');
  });

  it('answers library commands, accent-insensitively', async () => {
    t = await setupBot();
    await t.bot.start();
    const commands = ['van ban', 'xem 1', 'xem II.1', 'năm 2023', 'nam 2025', 'điểm tin xây dựng Đảng', 'help'];
    for (const c of commands) t.server.pushUpdate(text(c));
    await t.waitForSent(commands.length);
    const [list, outline, section, year, noYear, points, help] = t.sent();
    expect(list).toContain('1. Kế hoạch "thông tin, tuyên truyền');
    expect(outline).toContain('II.1. Nội dung tuyên truyền trọng tâm');
    expect(section).toContain('Những kết quả bước đầu <tạo> chuyển biến & mạnh mẽ.');
    expect(year).toContain('Năm 2023 có 1 văn bản');
    expect(noYear).toContain('Chưa có văn bản năm 2025 trong kho; có: 2023.');
    expect(points).toMatch(/Điểm tin: xây dựng Đảng\n\n3 ý, trích nguyên văn từ 1 văn bản\.\n\n📄 Kế hoạch[^\n]*\n\n1\. Kết quả xây dựng Đảng\n {3}\[1\] mục II\.1/);
    expect(points).toContain('3. Phát huy vai trò Mặt trận');
    expect(help).toContain('điểm tin <chủ đề>');
    expect(t.engine.asked).toHaveLength(0);
  });

  it('lets admins see stats and retire a document after confirmation; others just ask', async () => {
    t = await setupBot();
    await t.bot.start();
    t.server.pushUpdate(text('thong ke', { userId: 'user-1' }));
    t.server.pushUpdate(text('thống kê', { userId: 'admin-1' }));
    t.server.pushUpdate(text('xoá kế hoạch 2023', { userId: 'admin-1' }));
    t.server.pushUpdate(text('xac nhan xoa', { userId: 'admin-1' }));
    await t.waitForSent(4);
    expect(t.engine.asked.map((q) => q.text)).toEqual(['thong ke']);
    expect(t.sent()[1]).toContain('Câu hỏi: 1');
    expect(t.sent()[2]).toContain('Gõ "xác nhận xoá"');
    expect(t.sent()[3]).toContain('Đã gỡ văn bản');
    expect(t.retired).toEqual(['doc-1']);
  });

  it('replies briefly to images, stickers, voice and unsupported events, ignores events without a message', async () => {
    t = await setupBot();
    await t.bot.start();
    t.server.pushUpdate(update('message.image.received', { extra: { photo: 'https://zalo.example/p.jpg' } }));
    t.server.pushUpdate(update('message.sticker.received', { extra: { sticker: 'abc', url: 'https://zalo.example/s.png' } }));
    t.server.pushUpdate(update('message.voice.received', { extra: { voice_url: 'https://zalo.example/v.aac' } }));
    t.server.pushUpdate(update('message.unsupported.received'));
    t.server.pushUpdate({ event_name: 'message.unsupported.received' });
    t.server.pushUpdate(update('message.reaction.received'));
    t.server.pushUpdate(text('còn hoạt động không?'));
    await t.waitForSent(5);
    const [image, sticker, voice, unsupported, answer] = t.sent();
    expect(image).toContain('hình ảnh');
    expect(sticker).toContain('help');
    expect(voice).toContain('thoại');
    expect(unsupported).toContain('chưa xử lý được');
    expect(answer).toContain('📄');
    expect(t.logs()).toContain('zalo event without a message ignored');
  });

  it('stays silent in a group unless addressed, and strips the mention', async () => {
    t = await setupBot();
    await t.bot.start();
    t.server.pushUpdate(text('mọi người ơi họp lúc mấy giờ', { group: true, chatId: 'group-1' }));
    t.server.pushUpdate(update('message.image.received', { group: true, chatId: 'group-1' }));
    t.server.pushUpdate(text('@Trợ lý Văn bản nội dung trọng tâm 2023?', { group: true, chatId: 'group-1' }));
    t.server.pushUpdate(text('@tro ly van ban văn bản', { group: true, chatId: 'group-1' }));
    await t.waitForSent(2, 'group-1');
    // One chat's updates are handled in order: the reply to the last one means every earlier one was handled.
    expect(t.sent('group-1')).toHaveLength(2);
    expect(t.engine.asked.map((q) => q.text)).toEqual(['nội dung trọng tâm 2023?']);
    expect(t.sent('group-1')[1]).toContain('Các văn bản trong kho');
  });

  it('limits each user politely and refuses over-long questions without the engine', async () => {
    t = await setupBot({ config: { rateLimitPerMinute: 2 }, maxQuestionChars: 50 });
    await t.bot.start();
    t.server.pushUpdate(text('a'.repeat(51)));
    t.server.pushUpdate(text('câu hỏi hai'));
    t.server.pushUpdate(text('câu hỏi ba'));
    await t.waitForSent(3);
    expect(t.sent()[0]).toContain('Câu hỏi dài quá (tối đa 50 ký tự)');
    expect(t.sent()[2]).toBe(RATE_LIMITED);
    expect(t.engine.asked.map((q) => q.text)).toEqual(['câu hỏi hai']);
  });

  it('apologises when handling fails and logs the whole error', async () => {
    t = await setupBot({
      respond: () => {
        throw new Error('engine exploded');
      },
    });
    await t.bot.start();
    t.server.pushUpdate(text('nội dung?'));
    await t.waitForSent(1);
    expect(t.sent()).toEqual([APOLOGY]);
    expect(t.logs()).toContain('engine exploded');
    expect(t.logs()).toContain('"stack"');
  });

  it('survives API errors while polling (5xx, 401, timeouts) and never logs the token', async () => {
    t = await setupBot({ timeoutMs: 100 });
    t.server.failNext('getUpdates', { status: 500 }, 4);
    t.server.failNext('getUpdates', { status: 401, description: 'Unauthorized' }, 1);
    t.server.failNext('getUpdates', { hang: true }, 1);
    t.server.pushUpdate(text('vẫn trả lời chứ?'));
    await t.bot.start();
    await t.waitForSent(1);
    expect(t.logs()).toContain('zalo polling failed');
    expect(t.logs()).toContain('retrying');
    expect(t.logs()).not.toContain(t.server.token);
    expect(t.logs()).not.toContain(t.server.token.split(':')[1]);
  });

  it('stops promptly while a long poll is pending and finishes in-flight answers', async () => {
    t = await setupBot({ slowEngineMs: 150 });
    await t.bot.start();
    t.server.pushUpdate(text('câu hỏi chậm'));
    await t.server.waitFor(() => t.engine.asked.length === 0 && t.server.callsTo('sendChatAction').length === 1);
    t.server.failNext('getUpdates', { hang: true }, 100);
    const started = Date.now();
    await t.bot.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(t.sent()).toHaveLength(1);
    const pollsAfterStop = t.server.callsTo('getUpdates').length;
    await new Promise((r) => setTimeout(r, 60));
    expect(t.server.callsTo('getUpdates').length).toBe(pollsAfterStop);
  });
});
