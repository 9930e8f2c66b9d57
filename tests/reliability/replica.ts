/**
 * One "replica" of the product for reliability tests: the real core (openCore: store, engine, activity,
 * ingestion) on a given DATABASE_URL, and optionally a real Zalo bot in webhook mode talking to the fake Zalo
 * server. Logs go to memory so tests can read them.
 */
import pino, { type Logger } from 'pino';
import { loadConfig } from '../../src/config.ts';
import { openCore, seedIfEmpty, type Core } from '../../src/app/open-core.ts';
import { createAdminService } from '../../src/admin/admin-service.ts';
import { createZaloBot, type ZaloBot, type ZaloBotConfig } from '../../src/channels/zalo/bot.ts';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { createSharedChatContexts } from '../../src/channels/zalo/chat-context.ts';
import type { Clock } from '../../src/core/ports.ts';
import type { NoticeDesk } from '../../src/core/notices.ts';
import type { FakeZaloServer } from '../fakes/zalo-server.ts';

/** The bundled corpus (five real documents, 2021–2023). */
export const DOCUMENTS_DIR = 'data/documents';

/** The webhook both replicas are configured with (Zalo only ever calls one URL, behind a load balancer). */
export const ZALO_WEBHOOK = { url: 'https://bot.example.org/zalo/webhook', secret: 'reliability-secret-1' };

/** Log lines captured in memory. */
export interface MemoryLog {
  logger: Logger;
  lines: string[];
  text(): string;
}

/** A pino logger writing JSON lines to an array. */
export function memoryLogger(level = 'debug'): MemoryLog {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(line) });
  return { logger, lines, text: () => lines.join('') };
}

/** Opens a core on `databaseUrl` with the given extra environment (as `npm start` would read it). */
export async function openReplicaCore(
  databaseUrl: string,
  options: { clock?: Clock; env?: Record<string, string>; logger?: Logger; seed?: boolean } = {},
): Promise<Core> {
  // One connection per replica: pglite-socket serves every connection from one PGlite session, and several
  // connections of one process can interleave their unnamed prepared statements around a transaction.
  const config = loadConfig({ DATABASE_URL: databaseUrl, DB_POOL_MAX: '1', ...options.env });
  const logger = options.logger ?? pino({ level: 'silent' });
  const core = await openCore({ config, logger, clock: options.clock });
  if (options.seed) await seedIfEmpty(core, DOCUMENTS_DIR, logger);
  return core;
}

/** A Zalo bot on a real core, in webhook mode; `deliver` posts an update to its webhook as Zalo would. */
export interface ZaloReplica {
  bot: ZaloBot;
  deliver(update: unknown): Promise<Response>;
  /** Delivers the update and resolves once the bot has finished with it (stop() waits for work in flight). */
  deliverAndWait(update: unknown): Promise<Response>;
}

/** Builds the Zalo bot of one replica (not started: call `bot.start()`). */
export function createZaloReplica(
  core: Core,
  zalo: FakeZaloServer,
  options: { logger: Logger; config?: Partial<ZaloBotConfig>; notices?: NoticeDesk },
): ZaloReplica {
  const retry = { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 };
  const client = createZaloClient({ token: zalo.token, baseUrl: zalo.baseUrl, timeoutMs: 5000, retry, logger: options.logger });
  const admin = createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog });
  const config: ZaloBotConfig = {
    adminIds: ['admin-1'],
    webhook: ZALO_WEBHOOK,
    rateLimitPerMinute: 20,
    ...options.config,
  };
  const bot = createZaloBot({
    client,
    askService: core.askService,
    library: core.library,
    activity: core.activity,
    logger: options.logger,
    config,
    admin,
    // Wired as src/main.ts wires it: chat context in the database, shared by replicas.
    contexts: createSharedChatContexts(core.chatMemory),
    ...(options.notices ? { notices: options.notices } : {}),
  });
  function deliver(update: unknown): Promise<Response> {
    const hook = bot.webhook;
    if (!hook) throw new Error('replica has no webhook');
    return hook.handle(
      new Request(ZALO_WEBHOOK.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': ZALO_WEBHOOK.secret },
        body: JSON.stringify(update),
      }),
    );
  }
  return {
    bot,
    deliver,
    async deliverAndWait(update) {
      const response = await deliver(update);
      await bot.stop();
      await bot.start(); // registers the same webhook again, as a restarted replica would
      return response;
    },
  };
}

let nextMessage = 0;

/** A Zalo text update from a private chat (chat id = user id, as in Zalo private chats). */
export function zaloText(text: string, fields: { userId?: string; messageId?: string } = {}) {
  const userId = fields.userId ?? 'user-1';
  return {
    event_name: 'message.text.received',
    message: {
      message_id: fields.messageId ?? `rel-${process.pid}-${++nextMessage}`,
      date: Date.now(),
      from: { id: userId, display_name: 'Nguyễn Văn A', is_bot: false },
      chat: { id: userId, chat_type: 'PRIVATE' },
      text,
    },
  };
}
