import { describe, expect, it } from 'vitest';
import { citationLine } from '../../../src/channels/citation-label.ts';
import { createFakeEngine, fakeAnswer, fakeCitation, fakeRefusal } from '../../fakes/fake-services.ts';
import { buttons, GROUP, textUpdate, USER_ID } from './fake-telegram.ts';
import { createHarness } from './harness.ts';
import { checkTelegramHtml } from './telegram-html.ts';

const APOLOGY = 'Xin lỗi, hệ thống đang bận, vui lòng thử lại sau.';

function visible(html: string): string {
  const parsed = checkTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.text;
}

describe('questions', () => {
  it('answers a text message with typing, valid HTML, a citation and buttons', async () => {
    const h = createHarness();
    await h.send(textUpdate('nội dung trọng tâm năm 2023 là gì?'));

    expect(h.fake.methods()).toEqual(['sendChatAction', 'sendMessage']);
    expect(h.fake.calls[0]?.payload).toMatchObject({ chat_id: USER_ID, action: 'typing' });
    const [reply] = h.fake.sent();
    expect(reply).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    const text = visible(reply!.text);
    expect(text).toContain('Theo Kế hoạch năm 2023');
    expect(text).toContain(`📄 ${citationLine(fakeCitation())}`);
    expect(reply!.text).toContain('<blockquote>');
    expect(reply!.text).toContain('<b>Kế hoạch "thông tin');
    const labels = buttons(reply!).map((b) => b.text);
    expect(labels).toEqual(['📖 Mục II.1: Nội dung tuyên truyền trọng tâm', '🗂 Dàn ý văn bản', '👍 Hữu ích', '👎 Chưa đúng']);
    expect(h.engine.asked[0]).toMatchObject({ text: 'nội dung trọng tâm năm 2023 là gì?', channel: 'telegram', conversationId: `telegram:${USER_ID}`, userId: String(USER_ID) });
    expect(h.activity.questions).toHaveLength(1);
    expect(h.fake.violations).toEqual([]);
  });

  it('escapes HTML special characters that come from documents', async () => {
    const engine = createFakeEngine(() =>
      fakeAnswer({ intro: 'So sánh a < b & c > d:', citations: [fakeCitation({ title: 'về "A&B" <2023>', heading: 'Mục <i>nghiêng</i>' })] }),
    );
    const h = createHarness({ engine });
    await h.send(textUpdate('hỏi'));
    const html = h.fake.sent()[0]!.text as string;
    expect(html).toContain('&lt;tạo&gt; chuyển biến &amp; mạnh mẽ');
    expect(html).toContain('a &lt; b &amp; c &gt; d');
    expect(html).toContain('&lt;i&gt;nghiêng&lt;/i&gt;');
    expect(visible(html)).toContain('- Những kết quả bước đầu <tạo> chuyển biến & mạnh mẽ.');
    expect(h.fake.violations).toEqual([]);
  });

  it('splits a very long answer into messages of at most 4096 characters without cutting a citation', async () => {
    const citations = ['II.1', 'II.2', 'III'].map((section, i) =>
      fakeCitation({ section, heading: `Phần ${i}`, quote: Array(60).fill(`- Đoạn trích số ${i} <b>có ký tự đặc biệt</b> & dài dòng.`).join('\n') }),
    );
    const h = createHarness({ engine: createFakeEngine(() => fakeAnswer({ citations }, 1)) });
    await h.send(textUpdate('câu hỏi dài'));

    const texts = h.fake.texts();
    expect(texts.length).toBeGreaterThan(1);
    const shown = texts.map(visible);
    for (const t of shown) expect(t.length).toBeLessThanOrEqual(4096);
    for (const c of citations) expect(shown.some((t) => t.includes(`📄 ${citationLine(c)}`))).toBe(true);
    // Buttons only under the last message.
    expect(h.fake.sent().map((p) => p.reply_markup !== undefined)).toEqual([...Array(texts.length - 1).fill(false), true]);
    expect(h.fake.violations).toEqual([]);
  });

  it('renders refusals and notices', async () => {
    const h = createHarness({ engine: createFakeEngine(() => ({ ...fakeRefusal(), notice: 'chưa có văn bản năm 2025 trong kho; có: 2021, 2022, 2023' })) });
    await h.send(textUpdate('giá vàng năm 2025?'));
    const text = visible(h.fake.texts()[0]!);
    expect(text).toContain('Nội dung này không có trong văn bản.');
    expect(text).toContain('chưa có văn bản năm 2025 trong kho');
    expect(h.fake.violations).toEqual([]);
  });

  it('stays silent in a group unless mentioned or replied to', async () => {
    const h = createHarness();
    await h.send(textUpdate('mọi người họp lúc mấy giờ?', { chat: GROUP }));
    expect(h.fake.calls).toEqual([]);
    expect(h.engine.asked).toEqual([]);

    const text = '@vanban_test_bot nội dung trọng tâm 2023?';
    await h.send(textUpdate(text, { chat: GROUP, entities: [{ type: 'mention', offset: 0, length: 16 }] }));
    expect(h.engine.asked[0]?.text).toBe('nội dung trọng tâm 2023?');
    const [reply] = h.fake.sent();
    expect(reply).toMatchObject({ chat_id: GROUP.id, reply_parameters: { allow_sending_without_reply: true } });

    const botMessage = { message_id: 7, date: 1, chat: GROUP, from: { id: 42, is_bot: true, first_name: 'bot' }, text: 'trả lời' };
    await h.send(textUpdate('còn năm 2022?', { chat: GROUP, replyTo: botMessage }));
    expect(h.engine.asked.map((q) => q.text)).toEqual(['nội dung trọng tâm 2023?', 'còn năm 2022?']);
    expect(h.fake.violations).toEqual([]);
  });

  it('refuses politely over the per-user rate limit', async () => {
    const h = createHarness({ config: { rateLimitPerMinute: 2 } });
    for (let i = 0; i < 3; i++) await h.send(textUpdate(`câu hỏi ${i}`));
    expect(h.engine.asked).toHaveLength(2);
    expect(visible(h.fake.texts().at(-1)!)).toContain('Vui lòng chờ một chút');
  });

  it('refuses an over-long question without calling the engine', async () => {
    const h = createHarness({ maxQuestionChars: 50 });
    await h.send(textUpdate('a'.repeat(51)));
    expect(h.engine.asked).toEqual([]);
    expect(visible(h.fake.texts()[0]!)).toContain('tối đa 50 ký tự');
  });

  it('apologizes when the engine throws, logs the whole error, and keeps working', async () => {
    let fail = true;
    const h = createHarness({
      engine: createFakeEngine(() => {
        if (fail) throw new Error('store went away', { cause: new Error('ECONNRESET') });
        return fakeAnswer();
      }),
    });
    await h.send(textUpdate('câu hỏi 1'));
    expect(h.fake.texts()).toEqual([APOLOGY]);
    const errorLog = h.logs.map((l) => JSON.parse(l)).find((l) => l.level === 50);
    expect(errorLog?.err?.message).toBe('store went away: ECONNRESET'); // pino keeps the cause
    expect(errorLog?.err?.stack).toBeTruthy();

    fail = false;
    h.fake.reset();
    await h.send(textUpdate('câu hỏi 2'));
    expect(visible(h.fake.texts()[0]!)).toContain('Theo Kế hoạch năm 2023');
  });

  it('answers an update delivered twice only once', async () => {
    const h = createHarness();
    const update = textUpdate('câu hỏi');
    await h.send(update);
    await h.send(update);
    expect(h.engine.asked).toHaveLength(1);
  });

  it('logs user text only at debug level and never the token', async () => {
    const h = createHarness();
    await h.send(textUpdate('câu hỏi bí mật'));
    const lines = h.logs.map((l) => JSON.parse(l));
    for (const line of lines.filter((l) => JSON.stringify(l).includes('câu hỏi bí mật'))) expect(line.level).toBe(20);
    expect(h.logs.join('\n')).not.toContain('TEST-token');
    expect(lines.find((l) => l.msg === 'answered')).toMatchObject({ outcome: 'answered', topScore: 12.5 });
  });

  it('points to /help for an unknown command', async () => {
    const h = createHarness();
    await h.send(textUpdate('/khongco'));
    expect(h.engine.asked).toEqual([]);
    expect(visible(h.fake.texts()[0]!)).toContain('/help');
  });
});
