import { describe, expect, it } from 'vitest';
import { createFakeEngine, fakeAnswer, fakeCitation, FAKE_SECTIONS } from '../../fakes/fake-services.ts';
import { buttons, callbackUpdate, textUpdate, USER_ID } from './fake-telegram.ts';
import { createHarness } from './harness.ts';
import { checkTelegramHtml } from './telegram-html.ts';

const UUID = '0b7c1e2a-9f3d-4c8b-a6e5-1d2f3a4b5c6d';

async function askAndGetReply(h: ReturnType<typeof createHarness>) {
  await h.send(textUpdate('nội dung trọng tâm?'));
  const reply = h.fake.sent().at(-1)!;
  h.fake.reset();
  return reply;
}

function answeredCallbacks(h: ReturnType<typeof createHarness>) {
  return h.fake.calls.filter((c) => c.method === 'answerCallbackQuery');
}

function press(h: ReturnType<typeof createHarness>, reply: Record<string, unknown>, text: string) {
  const button = buttons(reply).find((b) => b.text.startsWith(text));
  if (!button) throw new Error(`no button ${text}`);
  return h.send(callbackUpdate(button.data, reply));
}

describe('answer buttons', () => {
  it('open the cited section in full', async () => {
    const h = createHarness();
    const reply = await askAndGetReply(h);
    await press(h, reply, '📖');
    expect(answeredCallbacks(h)).toHaveLength(1);
    const text = h.fake.texts()[0]!;
    const parsed = checkTelegramHtml(text);
    expect(parsed.ok && parsed.text).toContain('Phản ánh những kết quả nổi bật.');
    expect(h.fake.violations).toEqual([]);
  });

  it('open the document outline', async () => {
    const h = createHarness();
    const reply = await askAndGetReply(h);
    await press(h, reply, '🗂');
    expect(answeredCallbacks(h)).toHaveLength(1);
    const parsed = checkTelegramHtml(h.fake.texts()[0]!);
    expect(parsed.ok && parsed.text).toContain(`II.1 ${FAKE_SECTIONS[2]!.heading}`);
  });

  it('record 👍 and remove the feedback row', async () => {
    const h = createHarness();
    const reply = await askAndGetReply(h);
    await press(h, reply, '👍');
    expect(h.activity.feedback).toEqual([
      { conversationId: `telegram:${USER_ID}`, channel: 'telegram', userId: String(USER_ID), helpful: true, question: 'nội dung trọng tâm?' },
    ]);
    expect(answeredCallbacks(h)[0]?.payload.text).toBe('Cảm ơn bạn đã góp ý!');
    const edit = h.fake.calls.find((c) => c.method === 'editMessageReplyMarkup')!;
    expect(buttons(edit.payload).map((b) => b.text)).not.toContain('👍 Hữu ích');
  });

  it('ask for a reason on 👎 and record it', async () => {
    const h = createHarness();
    const reply = await askAndGetReply(h);
    await press(h, reply, '👎');
    expect(h.activity.feedback).toEqual([]);
    expect(answeredCallbacks(h)).toHaveLength(1);
    const withReasons = h.fake.calls.find((c) => c.method === 'editMessageReplyMarkup')!.payload;
    expect(buttons(withReasons).map((b) => b.text)).toEqual(
      expect.arrayContaining(['Sai nguồn', 'Hết hiệu lực', 'Không trả lời đúng câu hỏi']),
    );
    h.fake.reset();
    await press(h, withReasons, 'Hết hiệu lực');
    expect(h.activity.feedback).toMatchObject([{ helpful: false, reason: 'outdated', question: 'nội dung trọng tâm?' }]);
    expect(answeredCallbacks(h)).toHaveLength(1);
    expect(h.fake.violations).toEqual([]);
  });

  it('keep callback data within 64 bytes with UUID document ids and deep labels', async () => {
    const citations = [
      fakeCitation({ documentId: UUID, section: 'II.1.1.1' }),
      fakeCitation({ documentId: UUID, section: 'IV.12.3.a.đ.1.2.3.4.5.6.7.8.9' }),
      fakeCitation({ documentId: `${UUID}-v2`, section: '' }),
    ];
    const h = createHarness({ engine: createFakeEngine(() => fakeAnswer({ citations })) });
    const reply = await askAndGetReply(h);
    const data = buttons(reply).map((b) => b.data);
    expect(data).toHaveLength(3 + 2 + 2);
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    // The deep label did not fit as a short code: it went through the per-chat memory and still opens.
    expect(data.some((d) => d.startsWith('k:'))).toBe(true);
    await press(h, reply, '📖 Mục IV.12');
    expect(answeredCallbacks(h)).toHaveLength(1);
  });

  it('answer unknown, stale or foreign callback data', async () => {
    const h = createHarness();
    const reply = await askAndGetReply(h);
    await h.send(callbackUpdate('k:zzzz', reply));
    await h.send(callbackUpdate('garbage', reply));
    await h.send(callbackUpdate(`s:missing-doc:IX`, reply));
    expect(answeredCallbacks(h)).toHaveLength(3);
    expect(h.fake.texts()).toEqual([]);
  });

  it('refuse admin buttons to non-admins', async () => {
    const h = createHarness();
    const reply = await askAndGetReply(h);
    await h.send(callbackUpdate('p:doc-1', reply));
    expect(h.admin.calls).toEqual([]);
    expect(answeredCallbacks(h)[0]?.payload).toMatchObject({ show_alert: true });
  });
});
