import { describe, expect, it } from 'vitest';
import { USER_COMMANDS } from '../../../src/channels/telegram/commands.ts';
import { ADMIN_ID, textUpdate } from './fake-telegram.ts';
import { createHarness } from './harness.ts';

const WEBHOOK = { url: 'https://bot.example.org/telegram/hook', secret: 'S3cret_token-1' };

function webhookRequest(body: unknown, secret?: string): Request {
  return new Request(`http://127.0.0.1${new URL(WEBHOOK.url).pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}) },
    body: JSON.stringify(body),
  });
}

describe('webhook mode', () => {
  it('exposes the route path and sets the webhook with its secret on start', async () => {
    const h = createHarness({ config: { webhook: WEBHOOK } });
    expect(h.telegram.webhook?.path).toBe('/telegram/hook');
    await h.telegram.start();
    expect(h.fake.methods()).toEqual(['setMyCommands', 'setMyCommands', 'setWebhook']);
    expect(h.fake.calls[0]?.payload.commands).toEqual(USER_COMMANDS);
    expect(h.fake.calls[1]?.payload.scope).toEqual({ type: 'chat', chat_id: ADMIN_ID });
    expect(h.fake.calls[2]?.payload).toMatchObject({ url: WEBHOOK.url, secret_token: WEBHOOK.secret });
    expect(h.fake.violations).toEqual([]);
    await h.telegram.stop();
  });

  it('answers 401 to a wrong or missing secret and runs nothing', async () => {
    const h = createHarness({ config: { webhook: WEBHOOK } });
    const wrong = await h.telegram.webhook!.handle(webhookRequest(textUpdate('câu hỏi'), 'wrong'));
    const missing = await h.telegram.webhook!.handle(webhookRequest(textUpdate('câu hỏi')));
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    expect(h.engine.asked).toEqual([]);
    expect(h.fake.calls).toEqual([]);
  });

  it('handles an update with the right secret', async () => {
    const h = createHarness({ config: { webhook: WEBHOOK } });
    const response = await h.telegram.webhook!.handle(webhookRequest(textUpdate('nội dung trọng tâm?'), WEBHOOK.secret));
    expect(response.status).toBe(200);
    expect(h.engine.asked.map((q) => q.text)).toEqual(['nội dung trọng tâm?']);
    expect(h.fake.methods()).toEqual(['sendChatAction', 'sendMessage']);
  });

  it('answers a redelivered update once', async () => {
    const h = createHarness({ config: { webhook: WEBHOOK } });
    const update = textUpdate('câu hỏi');
    await h.telegram.webhook!.handle(webhookRequest(update, WEBHOOK.secret));
    const again = await h.telegram.webhook!.handle(webhookRequest(update, WEBHOOK.secret));
    expect(again.status).toBe(200);
    expect(h.engine.asked).toHaveLength(1);
  });
});

describe('polling mode', () => {
  it('deletes the webhook, polls with the runner, answers, and stops gracefully', async () => {
    const h = createHarness({ updates: [textUpdate('câu hỏi qua polling')] });
    expect(h.telegram.webhook).toBeNull();
    await h.telegram.start();
    await expect.poll(() => h.engine.asked.length).toBe(1);
    await expect.poll(() => h.fake.methods().includes('sendMessage')).toBe(true);
    await h.telegram.stop();
    const methods = h.fake.methods();
    expect(methods.slice(0, 3)).toEqual(['setMyCommands', 'setMyCommands', 'deleteWebhook']);
    expect(methods).toContain('getUpdates');
    expect(h.fake.violations).toEqual([]);
  });
});
