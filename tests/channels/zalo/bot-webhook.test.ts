import { afterEach, describe, expect, it } from 'vitest';
import { createZaloBot } from '../../../src/channels/zalo/bot.ts';
import { createZaloClient } from '../../../src/channels/zalo/client.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { fakeAnswer, createFakeActivity, createFakeEngine, createFakeLibrary } from '../../fakes/fake-services.ts';
import { createAskService } from '../../../src/ask/ask-service.ts';
import pino from 'pino';
import { setupBot, text, WEBHOOK, type BotSetup } from './setup.ts';

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(WEBHOOK.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': WEBHOOK.secret, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('Zalo bot, webhook', () => {
  let t: BotSetup;
  afterEach(async () => t.close());

  async function started(options: Parameters<typeof setupBot>[0] = {}) {
    t = await setupBot({ webhook: true, ...options });
    await t.bot.start();
    const webhook = t.bot.webhook;
    if (!webhook) throw new Error('webhook expected');
    return webhook;
  }

  it('registers the webhook at start and exposes the URL path', async () => {
    const webhook = await started();
    expect(webhook.path).toBe('/hooks/zalo');
    expect(t.server.webhook).toEqual({ url: WEBHOOK.url, secret_token: WEBHOOK.secret });
    expect(t.server.callsTo('getUpdates')).toHaveLength(0);
    expect(t.server.callsTo('deleteWebhook')).toHaveLength(0);
  });

  it('accepts the wrapped and the flat body, answers 200 at once and replies asynchronously', async () => {
    const webhook = await started({ slowEngineMs: 100 });
    const wrapped = await webhook.handle(post({ ok: true, result: text('câu hỏi một') }));
    expect(wrapped.status).toBe(200);
    expect(t.sent()).toHaveLength(0); // answered before the engine finished
    const flat = await webhook.handle(post(text('câu hỏi hai')));
    expect(flat.status).toBe(200);
    await t.waitForSent(2);
    expect(t.engine.asked.map((q) => q.text)).toEqual(['câu hỏi một', 'câu hỏi hai']);
  });

  it('rejects a wrong or missing secret with 401 and processes nothing', async () => {
    const webhook = await started();
    const update = text('không được xử lý', { id: 'same-id' });
    expect((await webhook.handle(post(update, { 'x-bot-api-secret-token': 'wrong-secret-123' }))).status).toBe(401);
    expect((await webhook.handle(post(update, { 'x-bot-api-secret-token': WEBHOOK.secret.slice(0, -1) }))).status).toBe(401);
    const missing = new Request(WEBHOOK.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(update) });
    expect((await webhook.handle(missing)).status).toBe(401);
    // The id was not consumed by the rejected deliveries: the same update, delivered right, is answered. Updates
    // of one chat are handled in order, so once its reply is out, a rejected delivery queued before it would
    // have been handled too.
    expect((await webhook.handle(post(update))).status).toBe(200);
    await t.waitForSent(1);
    expect(t.engine.asked.map((q) => q.text)).toEqual(['không được xử lý']);
    expect(t.server.callsTo('sendMessage')).toHaveLength(1);
  });

  it('requires JSON, caps the body and refuses what is not an update', async () => {
    const webhook = await started();
    expect((await webhook.handle(post(text('x'), { 'content-type': 'text/plain' }))).status).toBe(415);
    const huge = JSON.stringify({ ...text('x'), padding: 'a'.repeat(1024 * 1024) });
    expect((await webhook.handle(post(huge))).status).toBe(413);
    expect((await webhook.handle(post('{not json'))).status).toBe(400);
    expect((await webhook.handle(post({ hello: 'world' }))).status).toBe(400);
    expect((await webhook.handle(new Request(WEBHOOK.url, { method: 'GET' }))).status).toBe(405);
    expect((await webhook.handle(post({ event_name: 'message.unsupported.received' }))).status).toBe(200);
    const unreadable = { event_name: 'message.unsupported.received', message: { message_id: 'x' } };
    expect((await webhook.handle(post(unreadable))).status).toBe(200);
    expect((await webhook.handle(post(text('x'), { 'content-type': 'application/json; charset=utf-8' }))).status).toBe(200);
    await t.waitForSent(1);
    expect(t.engine.asked).toHaveLength(1);
  });

  it('processes a duplicate delivery once', async () => {
    const webhook = await started();
    const update = text('câu hỏi lặp', { id: 'dup-1' });
    expect((await webhook.handle(post(update))).status).toBe(200);
    expect((await webhook.handle(post({ ok: true, result: update }))).status).toBe(200);
    // A later update of the same chat is handled after both deliveries (one chat's updates run in order).
    expect((await webhook.handle(post(text('câu hỏi sau', { id: 'after-dup' })))).status).toBe(200);
    await t.waitForSent(2);
    expect(t.logs()).toContain('duplicate zalo update dropped');
    expect(t.engine.asked.map((q) => q.text)).toEqual(['câu hỏi lặp', 'câu hỏi sau']);
    expect(t.sent()).toHaveLength(2);
  });

  it('sends a long answer in pieces the fake Zalo accepts', async () => {
    const webhook = await started({ respond: () => fakeAnswer({}, 200) });
    await webhook.handle(post(text('dài')));
    await t.server.waitFor(() => t.sent().some((m) => m.includes('Gõ "đúng"')));
    expect(t.sent().length).toBeGreaterThan(4);
    expect(t.server.callsTo('sendMessage').every((c) => c.status === 200 && String(c.body.text).length <= 2000)).toBe(true);
  });

  it('finishes in-flight updates on stop, then answers 503', async () => {
    const webhook = await started({ slowEngineMs: 100 });
    await webhook.handle(post(text('trước khi dừng')));
    await t.bot.stop();
    expect(t.sent()).toHaveLength(1);
    expect((await webhook.handle(post(text('sau khi dừng')))).status).toBe(503);
  });

  it('refuses a secret Zalo would refuse, or a non-HTTPS URL, at creation', () => {
    const logger = pino({ level: 'silent' });
    const activity = createFakeActivity();
    const deps = {
      client: createZaloClient({ token: 't:x' }),
      askService: createAskService({ engine: createFakeEngine(), activity, logger, maxQuestionChars: 300 }),
      library: createFakeLibrary(),
      activity,
      logger,
    };
    const config = { adminIds: [], rateLimitPerMinute: 10 };
    expect(() => createZaloBot({ ...deps, config: { ...config, webhook: { url: WEBHOOK.url, secret: 'short' } } })).toThrow(ConfigError);
    expect(() => createZaloBot({ ...deps, config: { ...config, webhook: { url: 'http://x.org/h', secret: 'long-enough' } } })).toThrow(ConfigError);
    t = { close: async () => {} } as BotSetup;
  });
});
