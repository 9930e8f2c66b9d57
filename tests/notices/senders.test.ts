/**
 * How each channel's notice sender reads the platform's answers, over the wire fakes: sent, blocked (the user
 * blocked the bot: unsubscribe), or failed for now (retry, as late as the platform asks).
 */
import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramNoticeSender } from '../../src/channels/telegram/notices.ts';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { createZaloNoticeSender } from '../../src/channels/zalo/notices.ts';
import type { DocumentNotice } from '../../src/core/notices.ts';
import { startFakeZaloServer, type FakeZaloServer } from '../fakes/zalo-server.ts';
import { TOKEN } from '../channels/telegram/fake-telegram.ts';
import { startFakeTelegramHttp, type FakeTelegramHttp } from '../reliability/fake-telegram-http.ts';

const NOTICE: DocumentNotice = {
  documentId: 'd1',
  type: 'Kế hoạch',
  number: '45-KH/ĐUK',
  title: 'tuyên truyền <chuyển đổi số> & số hóa',
  issuer: 'Ban Thường vụ Đảng ủy Khối',
  year: 2024,
  purpose: ['Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số'],
  purposeSection: 'I.1',
  reference: '45-KH/ĐUK',
};

let tg: FakeTelegramHttp | undefined;
let zalo: FakeZaloServer | undefined;

afterEach(async () => {
  await tg?.close();
  await zalo?.close();
  tg = undefined;
  zalo = undefined;
});

describe('Telegram notice sender', () => {
  it('sends HTML, and tells a blocked chat, a missing chat and a 429 apart from other failures', async () => {
    tg = await startFakeTelegramHttp(TOKEN);
    const sender = createTelegramNoticeSender(new Api(TOKEN, { apiRoot: tg.apiRoot }), 25);
    expect(await sender.send('501', NOTICE)).toEqual({ kind: 'sent' });
    expect(tg.sentTexts(501)[0]).toContain('tuyên truyền &lt;chuyển đổi số&gt; &amp; số hóa');
    tg.blockChat(502);
    expect(await sender.send('502', NOTICE)).toEqual({ kind: 'blocked', reason: 'telegram 403: Forbidden: bot was blocked by the user' });
    tg.failNext('sendMessage', { code: 400, description: 'Bad Request: chat not found' });
    expect((await sender.send('503', NOTICE)).kind).toBe('blocked');
    tg.failNext('sendMessage', { code: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 });
    expect(await sender.send('501', NOTICE)).toMatchObject({ kind: 'retry', afterMs: 7000 });
    tg.failNext('sendMessage', { code: 500, description: 'Internal Server Error' });
    expect(await sender.send('501', NOTICE)).toEqual({ kind: 'retry', error: 'telegram 500: Internal Server Error' });
  });
});

describe('Zalo notice sender', () => {
  it('sends plain text, unsubscribes on 403 and retries other failures later', async () => {
    zalo = await startFakeZaloServer();
    const client = createZaloClient({ token: zalo.token, baseUrl: zalo.baseUrl, timeoutMs: 2000, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    const sender = createZaloNoticeSender(client, 1);
    expect(await sender.send('z1', NOTICE)).toEqual({ kind: 'sent' });
    expect(zalo.sentTexts('z1')[0]).toContain('Văn bản mới: Kế hoạch số 45-KH/ĐUK');
    zalo.blockChat('z2');
    expect((await sender.send('z2', NOTICE)).kind).toBe('blocked');
    zalo.failNext('sendMessage', { status: 502 });
    expect((await sender.send('z1', NOTICE)).kind).toBe('retry');
  });
});
