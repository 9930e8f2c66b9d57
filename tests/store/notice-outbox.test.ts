/**
 * The notice outbox's SQL on embedded PGlite (the end-to-end test runs the same SQL through the `pg` driver):
 * fan-out once per publication, claims that keep a channel's pace and one notice per chat, leases, release on
 * stop, retries, and what happens to notices of a withdrawn document or a chat that blocked the bot.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/ports.ts';
import type { DocumentNotice } from '../../src/core/notices.ts';
import { createPgliteDb } from '../../src/store/db-pglite.ts';
import { migrate } from '../../src/store/migrations.ts';
import { claimNotices, markBlocked, markSent, outboxCounts, releaseClaims, retryLater, type ClaimRules } from '../../src/store/notice-outbox.ts';
import { createPgNoticeDesk, recordPublication } from '../../src/store/notice-subscriptions.ts';
import { fixedClock } from '../fakes/clock.ts';

let db: Db;
const FAST: ClaimRules = { batch: 10, intervalMs: 0, perChatMs: 0, leaseMs: 60_000 };

async function newDocument(): Promise<DocumentNotice> {
  const id = randomUUID();
  await db.query(`INSERT INTO documents (id, source, content_hash, status, text, number) VALUES ($1, $2, $3, 'active', 'x', $4)`, [id, `${id}.txt`, id, `${id.slice(0, 4)}-KH/ĐU`]);
  return { documentId: id, type: 'Kế hoạch', number: null, title: 't', issuer: null, year: 2024, purpose: [], purposeSection: '', reference: 't' };
}

const publish = (notice: DocumentNotice, chats: Array<['telegram' | 'zalo', string]>) =>
  recordPublication(db, { notice, publishedAt: new Date(), actorChannel: 'cli' }, chats.map(([channel, chatId]) => ({ channel, chatId })));

beforeAll(async () => {
  db = await createPgliteDb();
  await migrate(db);
});

// One database for the file (migrating one takes seconds); each test starts from empty tables.
beforeEach(async () => {
  await db.query('DELETE FROM publications');
  await db.query('DELETE FROM notice_subscriptions');
  await db.query('UPDATE notice_pace SET next_at = to_timestamp(0)');
});

afterAll(async () => {
  await db.close();
});

describe('notice outbox', () => {
  it('queues a publication once per chat, however often it is announced', async () => {
    const doc = await newDocument();
    expect(await publish(doc, [['telegram', '1'], ['zalo', 'z1'], ['telegram', '1']])).toBe(2);
    expect(await publish(doc, [['telegram', '1'], ['telegram', '2']])).toBe(0);
    expect(await outboxCounts(db)).toEqual([
      { channel: 'telegram', status: 'pending', count: 1 },
      { channel: 'zalo', status: 'pending', count: 1 },
    ]);
  });

  it('claims a batch once, then makes the channel wait batch × interval before the next claim', async () => {
    const doc = await newDocument();
    await publish(doc, [['telegram', '1'], ['telegram', '2'], ['telegram', '3']]);
    const rules = { ...FAST, batch: 2, intervalMs: 30_000 };
    const first = await claimNotices(db, 'telegram', rules);
    expect(first.notices.map((n) => n.chatId)).toEqual(['1', '2']);
    expect(first.notices[0]).toMatchObject({ channel: 'telegram', attempts: 1, notice: { documentId: doc.documentId } });
    const second = await claimNotices(db, 'telegram', rules);
    expect(second.notices).toEqual([]);
    expect(second.waitMs).toBeGreaterThan(30_000);
    // The other channel has its own pace.
    expect((await claimNotices(db, 'zalo', rules)).waitMs).toBe(0);
  });

  it('claims at most one notice per chat, and none for a chat claimed within perChatMs', async () => {
    const [d1, d2] = [await newDocument(), await newDocument()];
    await publish(d1, [['zalo', 'z1'], ['zalo', 'z2']]);
    await publish(d2, [['zalo', 'z1']]);
    const rules = { ...FAST, perChatMs: 60_000 };
    const first = await claimNotices(db, 'zalo', rules);
    expect(first.notices.map((n) => [n.chatId, n.notice.documentId])).toEqual([['z1', d1.documentId], ['z2', d1.documentId]]);
    await markSent(db, first.notices[0]!.id);
    expect((await claimNotices(db, 'zalo', rules)).notices).toEqual([]);
    expect((await claimNotices(db, 'zalo', FAST)).notices.map((n) => [n.chatId, n.notice.documentId])).toEqual([['z1', d2.documentId]]);
  });

  it('gives a claim back on stop, and lets another replica take one whose lease ran out', async () => {
    const doc = await newDocument();
    await publish(doc, [['telegram', '1'], ['telegram', '2']]);
    const claimed = await claimNotices(db, 'telegram', FAST);
    expect(await claimNotices(db, 'telegram', FAST)).toEqual({ notices: [], waitMs: 0 });
    await releaseClaims(db, [claimed.notices[0]!.id]);
    const again = await claimNotices(db, 'telegram', FAST);
    expect(again.notices.map((n) => [n.chatId, n.attempts])).toEqual([['1', 1]]);
    // Chat 2's claim belongs to a replica that died: after the lease it is claimed again.
    const taken = await claimNotices(db, 'telegram', { ...FAST, leaseMs: 0 });
    expect(taken.notices.map((n) => [n.chatId, n.attempts])).toEqual([['1', 2], ['2', 2]]);
  });

  it('retries a failed send later and gives up after the last attempt', async () => {
    const doc = await newDocument();
    await publish(doc, [['zalo', 'z1']]);
    const [first] = (await claimNotices(db, 'zalo', FAST)).notices;
    expect(await retryLater(db, first!, 'HTTP 502', 0, 2)).toBe('retry');
    const [second] = (await claimNotices(db, 'zalo', FAST)).notices;
    expect(second?.attempts).toBe(2);
    expect(await retryLater(db, second!, 'HTTP 502', 0, 2)).toBe('failed');
    expect((await claimNotices(db, 'zalo', FAST)).notices).toEqual([]);
    expect(await outboxCounts(db)).toEqual([{ channel: 'zalo', status: 'failed', count: 1 }]);
  });

  it('unsubscribes a chat that blocked the bot and drops its other notices', async () => {
    const desk = createPgNoticeDesk(db, fixedClock());
    await desk.subscribe({ channel: 'telegram', chatId: '7', userId: '7' });
    const [d1, d2] = [await newDocument(), await newDocument()];
    await publish(d1, [['telegram', '7']]);
    await publish(d2, [['telegram', '7']]);
    const [claimed] = (await claimNotices(db, 'telegram', FAST)).notices;
    await markBlocked(db, claimed!, 'telegram 403: Forbidden: bot was blocked by the user');
    expect(await desk.isSubscribed('telegram', '7')).toBe(false);
    expect(await outboxCounts(db)).toEqual([{ channel: 'telegram', status: 'dropped', count: 2 }]);
  });

  it('does not send the notice of a document withdrawn before it went out', async () => {
    const doc = await newDocument();
    await publish(doc, [['telegram', '1']]);
    await db.query(`UPDATE documents SET status = 'retired' WHERE id = $1`, [doc.documentId]);
    expect((await claimNotices(db, 'telegram', FAST)).notices).toEqual([]);
    expect(await outboxCounts(db)).toEqual([{ channel: 'telegram', status: 'dropped', count: 1 }]);
  });
});
