/**
 * Acceptance through both channels on the real core, with the test documents ingested in both orders: Zalo over
 * the wire (a real bot in webhook mode against the fake Zalo server) and Telegram at grammY's seam (every reply
 * checked as Telegram HTML). The document in force is cited, a replaced one is flagged when cited, "… còn hiệu
 * lực không?" is answered with both citations, and `/xem` / `xem` show the status and the chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { createAdminService } from '../../src/admin/admin-service.ts';
import { createTelegramBot } from '../../src/channels/telegram/bot.ts';
import { startFakeZaloServer, type FakeZaloServer } from '../fakes/zalo-server.ts';
import { createZaloReplica, memoryLogger, zaloText, type ZaloReplica } from '../reliability/replica.ts';
import { BOT_INFO, installFakeTelegram, TOKEN, textUpdate } from '../channels/telegram/fake-telegram.ts';
import { openForceCore, type Order } from './setup.ts';

const REPLACED_BY = '⚠️ đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024';

describe.each<Order>(['forward', 'reverse'])('channels, documents ingested %s', (order) => {
  let core: Core;
  let zalo: FakeZaloServer;
  let replica: ZaloReplica;
  const log = memoryLogger('warn');

  beforeAll(async () => {
    core = await openForceCore(order, { logger: log.logger });
    zalo = await startFakeZaloServer();
    replica = createZaloReplica(core, zalo, { logger: log.logger });
    await replica.bot.start();
  }, 120_000);
  afterAll(async () => {
    await replica?.bot.stop();
    await zalo?.close();
    await core?.close();
  });

  function telegram() {
    const admin = createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog, clock: core.clock });
    const { bot } = createTelegramBot({
      token: TOKEN,
      botInfo: BOT_INFO,
      askService: core.askService,
      library: core.library,
      activity: core.activity,
      admin,
      logger: log.logger,
      clock: core.clock,
      config: { adminIds: [], rateLimitPerMinute: 1000, maxUploadBytes: 1024 * 1024 },
    });
    return { bot, fake: installFakeTelegram(bot) };
  }

  let user = 0;
  async function zaloAsk(text: string): Promise<string> {
    const userId = `force-${order}-${++user}`;
    await replica.deliverAndWait(zaloText(text, { userId }));
    return zalo.sentTexts(userId).join('\n\n');
  }

  it('Zalo: "còn hiệu lực không" cites both documents, the replaced one flagged', async () => {
    const reply = await zaloAsk('quy dinh 05-QD/TU con hieu luc khong');
    expect(reply).toContain('Quy định số 05-QĐ/TU ngày 12/9/2019 không còn hiệu lực: đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024.');
    expect(reply).toMatch(/📄 \[1\] Quy định số 12-QĐ\/TU .* – Điều 7 "Hiệu lực thi hành"\n/);
    expect(reply).toMatch(new RegExp(`📄 \\[2\\] Quy định số 05-QĐ/TU .* – ${REPLACED_BY}`));
  });

  it('Zalo: a question on the topic is answered from the regulation in force; the old one by name is flagged', async () => {
    const reply = await zaloAsk('bi thu huyen uy tiep dan dinh ky bao nhieu ngay');
    expect(reply).toMatch(/📄 Quy định số 12-QĐ\/TU/);
    expect(reply).not.toContain('05-QĐ/TU');
    const old = await zaloAsk('Quy định 05-QĐ/TU quy định thời gian tiếp dân định kỳ thế nào?');
    expect(old).toMatch(new RegExp(`📄 Quy định số 05-QĐ/TU .* – ${REPLACED_BY}`));
  });

  it('Zalo: "xem" shows the status and the chain', async () => {
    const old = await zaloAsk('xem 05-QĐ/TU');
    expect(old).toContain('Tình trạng: đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024\nĐược thay thế bởi: Quy định số 12-QĐ/TU ngày 20/5/2024');
    const plan = await zaloAsk('xem 30-KH/TU');
    expect(plan).toContain('Tình trạng: đã được sửa đổi, bổ sung bởi Kế hoạch số 41-KH/TU ngày 16/6/2025');
    const current = await zaloAsk('xem 12-QĐ/TU');
    expect(current).toContain('Tình trạng: đang có hiệu lực (từ ngày 20/5/2024)\nThay thế: Quy định số 05-QĐ/TU ngày 12/9/2019');
  });

  it('Telegram: "còn hiệu lực không" with both citations, the abolished guidance flagged; /xem shows the chain', async () => {
    const { bot, fake } = telegram();
    await bot.handleUpdate(textUpdate('Hướng dẫn 07-HD/BTGTU còn hiệu lực không?'));
    const answer = fake.texts().join('\n');
    expect(answer).toContain('Hướng dẫn số 07-HD/BTGTU ngày 3/3/2022 không còn hiệu lực: đã bị bãi bỏ bởi Quyết định số 88-QĐ/BTGTU ngày 2/4/2025.');
    expect(answer).toMatch(/📄 <b>Quyết định số 88-QĐ\/BTGTU<\/b>.* – Điều 1 /);
    expect(answer).toMatch(/📄 <b>Hướng dẫn số 07-HD\/BTGTU<\/b>.* – ⚠️ đã bị bãi bỏ bởi Quyết định số 88-QĐ\/BTGTU ngày 2\/4\/2025/);
    fake.reset();
    await bot.handleUpdate(textUpdate('/xem 07-HD/BTGTU'));
    const outline = fake.texts().join('\n');
    expect(outline).toContain('<b>⚠️ Tình trạng: đã bị bãi bỏ bởi Quyết định số 88-QĐ/BTGTU ngày 2/4/2025</b>');
    expect(outline).toContain('Bị bãi bỏ bởi: Quyết định số 88-QĐ/BTGTU ngày 2/4/2025');
    expect(fake.violations).toEqual([]);
  });

  it('Telegram: the topic is answered from the regulation in force', async () => {
    const { bot, fake } = telegram();
    await bot.handleUpdate(textUpdate('quy định hiện hành về tiếp dân của bí thư cấp ủy'));
    const answer = fake.texts().join('\n');
    expect(answer).toMatch(/📄 <b>Quy định số 12-QĐ\/TU<\/b>/);
    expect(answer).not.toContain('05-QĐ/TU');
    expect(fake.violations).toEqual([]);
  });
});
