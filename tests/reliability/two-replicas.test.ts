/**
 * Two replicas, one database: two complete cores (openCore), each with its own Zalo bot in webhook mode,
 * reach ONE PGlite database over the Postgres wire protocol (pglite-socket, `pg` driver). Whatever must be
 * shared lives in the database, so the two behave as one bot: an update delivered to both is answered once,
 * a user's rate limit counts across both, a follow-up question on B continues the conversation begun on A,
 * and feedback and audit entries written through one are visible through the other.
 *
 * Connections: pglite-socket serves many connections on the one PGlite session (queries are queued; a
 * transaction keeps the session for its connection until COMMIT/ROLLBACK), so each replica keeps its normal
 * pool (openDb's default of 10); the socket server allows SOCKET_MAX_CONNECTIONS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import type { ConversationState } from '../../src/answer/conversation-memory.ts';
import { APOLOGY, NOTHING_TO_OPEN, NOTHING_TO_RATE, RATE_LIMITED, THANKS_UP } from '../../src/channels/zalo/replies.ts';
import { fixedClock } from '../fakes/clock.ts';
import { startFakeZaloServer, type FakeZaloServer } from '../fakes/zalo-server.ts';
import { createZaloReplica, memoryLogger, openReplicaCore, zaloText, type ZaloReplica } from './replica.ts';
import { startSocketDatabase, type SocketDatabase } from './socket-database.ts';

describe('two replicas on one database behave as one bot', () => {
  let database: SocketDatabase;
  let zalo: FakeZaloServer;
  let coreA: Core;
  let coreB: Core;
  let a: ZaloReplica;
  let b: ZaloReplica;
  // Both replicas read the same fixed time, so the one-minute rate-limit window cannot roll over mid-test.
  const clock = fixedClock('2023-06-15T08:00:00Z');
  const log = memoryLogger('info');

  beforeAll(async () => {
    database = await startSocketDatabase();
    zalo = await startFakeZaloServer();
    coreA = await openReplicaCore(database.url, { clock, seed: true });
    coreB = await openReplicaCore(database.url, { clock, seed: true });
    a = createZaloReplica(coreA, zalo, { logger: log.logger.child({ replica: 'A' }), config: { rateLimitPerMinute: 3 } });
    b = createZaloReplica(coreB, zalo, { logger: log.logger.child({ replica: 'B' }), config: { rateLimitPerMinute: 3 } });
    await a.bot.start();
    await b.bot.start();
  });

  afterAll(async () => {
    await a?.bot.stop();
    await b?.bot.stop();
    await coreA?.close();
    await coreB?.close();
    await zalo?.close();
    await database?.close();
  });

  /** Waits until both replicas have finished every queued update. */
  async function settle(): Promise<void> {
    // stop() waits for updates in flight; start() registers the same webhook again (idempotent at Zalo).
    await Promise.all([a.bot.stop(), b.bot.stop()]);
    await Promise.all([a.bot.start(), b.bot.start()]);
  }

  /** The distinct years of the documents a remembered conversation cited last. */
  async function citedYears(core: Core, state: ConversationState | null): Promise<Array<number | null | undefined>> {
    const docs = await Promise.all((state?.citedSections ?? []).map((c) => core.store.getDocument(c.documentId)));
    return [...new Set(docs.map((d) => d?.year))];
  }

  it('seeds the bundled documents once, although both replicas ran seedIfEmpty', async () => {
    const docs = await coreB.store.listDocuments({ status: 'active' });
    expect(docs).toHaveLength(5);
  });

  it('answers an update delivered to both replicas exactly once', async () => {
    const update = zaloText('nội dung trọng tâm năm 2023 là gì?', { userId: 'dup-user' });
    const [ra, rb] = await Promise.all([a.deliver(update), b.deliver(update)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await settle();
    const sent = zalo.sentTexts('dup-user');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.join('\n')).toContain('📄');
    const rows = await coreA.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM questions WHERE user_id = 'dup-user'`);
    expect(rows[0]?.n).toBe(1);
  });

  it('shares a user\'s rate limit across replicas (limit 3: the fourth question is refused)', async () => {
    const user = 'busy-user';
    const questions = ['nội dung trọng tâm năm 2023', 'noi dung trong tam nam 2022', 'kế hoạch 12-KH/ĐU', 'đề án 17 là gì?'];
    const replicas = [a, b, a, b];
    for (const [i, q] of questions.entries()) {
      await replicas[i]!.deliver(zaloText(q, { userId: user }));
      await settle(); // one at a time, so "the fourth" is well defined
    }
    const sent = zalo.sentTexts(user);
    expect(sent.filter((t) => t === RATE_LIMITED)).toHaveLength(1);
    expect(sent.at(-1)).toBe(RATE_LIMITED);
    const rows = await coreB.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM questions WHERE user_id = $1`, [user]);
    expect(rows[0]?.n).toBe(3);
  });

  it('continues a conversation on replica B that began on replica A', async () => {
    const user = 'follow-user';
    await a.deliver(zaloText('nội dung trọng tâm năm 2023 là gì?', { userId: user }));
    await settle();
    const state2023 = await coreB.conversations.get(`zalo:${user}`);
    expect(state2023?.lastQuestion).toBe('nội dung trọng tâm năm 2023 là gì?');
    expect(await citedYears(coreB, state2023)).toEqual([2023]);

    await b.deliver(zaloText('còn năm 2022 thì sao?', { userId: user }));
    await settle();
    const state2022 = await coreA.conversations.get(`zalo:${user}`);
    expect(await citedYears(coreA, state2022)).toEqual([2022]);
    const rows = await coreA.db.query<{ question: string; outcome: string }>(
      'SELECT question, outcome FROM questions WHERE user_id = $1 ORDER BY id',
      [user],
    );
    expect(rows.map((r) => r.outcome)).toEqual(['answered', 'answered']);
    const reply = zalo.sentTexts(user).join('\n');
    expect(reply).not.toContain(APOLOGY);
    expect(reply).toMatch(/năm 2022|2022/);
  });

  it('opens "xem 1" and takes feedback on replica B for an answer given by replica A', async () => {
    const user = 'feedback-user';
    await a.deliver(zaloText('nội dung trọng tâm năm 2023 là gì?', { userId: user }));
    await settle();
    const answered = zalo.sentTexts(user).length;
    await b.deliver(zaloText('xem 1', { userId: user }));
    await settle();
    const opened = zalo.sentTexts(user).slice(answered).join('\n');
    expect(opened).not.toContain(NOTHING_TO_OPEN);
    expect(opened).toContain('📄');
    await b.deliver(zaloText('đúng', { userId: user }));
    await settle();
    const sent = zalo.sentTexts(user);
    expect(sent).not.toContain(NOTHING_TO_RATE);
    expect(sent.at(-1)).toBe(THANKS_UP);
    const statsA = await coreA.activity.stats();
    const statsB = await coreB.activity.stats();
    expect(statsA.feedback.up).toBe(1);
    expect(statsB.feedback).toEqual(statsA.feedback);
  });

  it('shows an admin action taken through one replica in the audit log read through the other', async () => {
    await coreA.activity.recordAdminAction({ channel: 'cli', userId: 'ops' }, 'test.action', { replica: 'A' });
    const rows = await coreB.db.query<{ action: string; detail: { replica: string } }>(
      `SELECT action, detail FROM audit_log WHERE actor_id = 'ops'`,
    );
    expect(rows).toEqual([{ action: 'test.action', detail: { replica: 'A' } }]);
  });
});
