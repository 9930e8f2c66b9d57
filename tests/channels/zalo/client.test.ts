import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createZaloClient, type ZaloClient } from '../../../src/channels/zalo/client.ts';
import { ZaloApiError, ZaloNetworkError } from '../../../src/channels/zalo/errors.ts';
import { AppError } from '../../../src/core/errors.ts';
import { startFakeZaloServer, type FakeZaloServer } from '../../fakes/zalo-server.ts';

const RETRY = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

function captureLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => void lines.push(s) });
  return { logger, text: () => lines.join('') };
}

describe('Zalo client', () => {
  let server: FakeZaloServer;
  let client: ZaloClient;
  beforeEach(async () => {
    server = await startFakeZaloServer();
    client = createZaloClient({ token: server.token, baseUrl: server.baseUrl, timeoutMs: 500, retry: RETRY });
  });
  afterEach(async () => server.close());

  it('POSTs JSON to /bot<token>/<method> and validates the result', async () => {
    const me = await client.getMe();
    expect(me.account_name).toBe('Trợ lý Văn bản');
    const sent = await client.sendMessage({ chat_id: 'abc', text: 'Xin chào' });
    expect(typeof sent.message_id).toBe('string');
    await client.sendChatAction({ chat_id: 'abc', action: 'typing' });
    await client.sendSticker({ chat_id: 'abc', sticker: 'st-1' });
    await client.sendPhoto({ chat_id: 'abc', photo: 'https://example.org/a.png', caption: 'ảnh' });
    expect(server.calls.map((c) => c.method)).toEqual(['getMe', 'sendMessage', 'sendChatAction', 'sendSticker', 'sendPhoto']);
    expect(server.calls[1]?.body).toEqual({ chat_id: 'abc', text: 'Xin chào' });
  });

  it('manages the webhook; getUpdates is refused while one is set', async () => {
    const set = await client.setWebhook({ url: 'https://bot.example.org/zalo', secret_token: 'secret-123' });
    expect(set.url).toBe('https://bot.example.org/zalo');
    expect((await client.getWebhookInfo()).url).toBe('https://bot.example.org/zalo');
    await expect(client.getUpdates({ timeout: 1 })).rejects.toBeInstanceOf(ZaloApiError);
    expect((await client.deleteWebhook()).url).toBe('');
    await expect(client.setWebhook({ url: 'https://x.org/h', secret_token: 'short' })).rejects.toMatchObject({
      error_code: 400,
    });
  });

  it('getUpdates returns one update, then null on 408', async () => {
    server.pushUpdate({ event_name: 'message.text.received', message: { message_id: 'm1', chat: { id: 'c1' }, text: 'hi' } });
    const update = await client.getUpdates({ timeout: 1 });
    expect(update?.message?.text).toBe('hi');
    expect(await client.getUpdates({ timeout: 1 })).toBeNull();
    expect(server.callsTo('getUpdates')[0]?.body).toEqual({ timeout: '1' });
  });

  it('retries 429 and then succeeds', async () => {
    server.failNext('sendMessage', { status: 429, description: 'Quota exceeded' });
    await client.sendMessage({ chat_id: 'c', text: 'x' });
    expect(server.callsTo('sendMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('retries 5xx (plain-text body and ok:false) within the bound, then throws a typed error', async () => {
    server.failNext('getMe', { status: 502, plainText: true, description: 'Bad Gateway' }, 1);
    server.failNext('getMe', { okFalse: 500 }, 1);
    await client.getMe();
    expect(server.callsTo('getMe')).toHaveLength(3);

    server.failNext('sendMessage', { status: 500 }, 10);
    const err = await client.sendMessage({ chat_id: 'c', text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ method: 'sendMessage', error_code: 500, status: 500 });
    expect(server.callsTo('sendMessage')).toHaveLength(RETRY.attempts);
  });

  it('does not retry 401 and never shows the token', async () => {
    const { logger, text } = captureLogger();
    const bad = createZaloClient({ token: '999:wrong-TOKEN', baseUrl: server.baseUrl, retry: RETRY, logger });
    const err = await bad.getMe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ error_code: 401, method: 'getMe' });
    expect(server.calls).toHaveLength(1);
    expect(String((err as Error).message)).not.toContain('wrong-TOKEN');
    logger.error({ err }, 'failed');
    expect(text()).not.toContain('wrong-TOKEN');
  });

  it('does not retry other 4xx: text over 2000 characters is rejected', async () => {
    const err = await client.sendMessage({ chat_id: 'c', text: 'a'.repeat(2001) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ error_code: 400 });
    expect(server.callsTo('sendMessage')).toHaveLength(1);
  });

  it('times out, retries, and throws ZaloNetworkError with a token-free cause', async () => {
    const { logger, text } = captureLogger();
    const c = createZaloClient({ token: server.token, baseUrl: server.baseUrl, timeoutMs: 50, retry: RETRY, logger });
    server.failNext('sendMessage', { hang: true }, 1);
    await c.sendMessage({ chat_id: 'c', text: 'after a timeout' });
    expect(server.callsTo('sendMessage')).toHaveLength(2);

    server.failNext('getMe', { hang: true }, 5);
    const err = await c.getMe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloNetworkError);
    expect((err as ZaloNetworkError).cause).toBeInstanceOf(Error);
    logger.error({ err }, 'failed');
    const serialized = JSON.stringify(err) + String((err as Error).stack) + text();
    expect(serialized).not.toContain(server.token);
    expect(text()).toContain('timeout');
  });

  it('wraps connection failures, without the token, and aborts promptly', async () => {
    const { logger, text } = captureLogger();
    const closed = `http://127.0.0.1:1`;
    const c = createZaloClient({ token: server.token, baseUrl: closed, retry: RETRY, logger });
    const err = await c.getMe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloNetworkError);
    logger.error({ err }, 'failed');
    expect(text()).not.toContain(server.token);

    const controller = new AbortController();
    const started = Date.now();
    server.failNext('getUpdates', { hang: true });
    const pending = client.getUpdates({ timeout: 30 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(ZaloNetworkError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('rejects a body that is not the documented envelope', async () => {
    server.failNext('getMe', { status: 200, plainText: true, description: '<html>proxy</html>' });
    await expect(client.getMe()).rejects.toBeInstanceOf(ZaloNetworkError);
  });
});
