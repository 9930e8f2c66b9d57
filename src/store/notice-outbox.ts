/**
 * The notice outbox on the database. A replica claims a batch of due notices of one channel in a transaction
 * that first locks the channel's `notice_pace` row: replicas take turns, a notice is claimed by one of them
 * only, and the channel's next batch may not start before `batch × interval` has passed, so the rate holds
 * across replicas. A batch holds at most one notice per chat, and none for a chat claimed within `perChatMs`.
 * A claimed notice that was neither sent nor released within `leaseMs` (its replica died) is claimed again.
 * Times are the database's, the one clock every replica shares.
 */
import type { Db } from '../core/ports.ts';
import type { DocumentNotice, NoticeChannel } from '../core/notices.ts';
import { removeSubscriber } from './notice-subscriptions.ts';

/** A notice to send now. */
export interface ClaimedNotice {
  id: string;
  channel: NoticeChannel;
  chatId: string;
  /** Attempts so far, this one included. */
  attempts: number;
  notice: DocumentNotice;
}

/** How a channel's notices are claimed. */
export interface ClaimRules {
  /** Most notices per claim. */
  batch: number;
  /** Time each notice of a batch takes from the channel's budget (1000 / messages per second). */
  intervalMs: number;
  /** Least time between two notices to one chat. */
  perChatMs: number;
  /** A claim not finished within this time is given to another replica. */
  leaseMs: number;
}

/** What a claim got: notices to send, or how long until the channel may claim again. */
export interface Claim {
  notices: ClaimedNotice[];
  /** Milliseconds until the channel's pace allows the next claim (0 when it already does). */
  waitMs: number;
}

/** Claims the channel's next due notices, oldest first. */
export async function claimNotices(db: Db, channel: NoticeChannel, rules: ClaimRules): Promise<Claim> {
  // An idle outbox is the usual case: look without locking, so idle replicas write nothing.
  const waiting = await db.query(`SELECT 1 FROM notice_outbox WHERE channel = $1 AND status IN ('pending', 'sending') LIMIT 1`, [channel]);
  if (waiting.length === 0) return { notices: [], waitMs: 0 };
  return db.transaction(async (tx) => {
    const pace = await tx.query<{ wait_ms: number | string }>(
      `SELECT greatest(0, extract(epoch FROM (next_at - now())) * 1000)::float8 AS wait_ms FROM notice_pace WHERE channel = $1 FOR UPDATE`,
      [channel],
    );
    const waitMs = Number(pace[0]?.wait_ms ?? 0);
    if (waitMs > 0) return { notices: [], waitMs };
    // A document retired, replaced or deleted before its notice went out is no longer news.
    await tx.query(
      `UPDATE notice_outbox o SET status = 'dropped', last_error = 'document no longer active'
       WHERE o.channel = $1 AND o.status = 'pending' AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = o.document_id AND d.status = 'active')`,
      [channel],
    );
    const due = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM (
         SELECT DISTINCT ON (o.chat_id) o.id FROM notice_outbox o
         WHERE o.channel = $1
           AND ((o.status = 'pending' AND o.not_before <= now())
             OR (o.status = 'sending' AND o.claimed_at < now() - $2::float8 * interval '1 millisecond'))
           AND NOT EXISTS (SELECT 1 FROM notice_outbox r WHERE r.channel = o.channel AND r.chat_id = o.chat_id AND r.id <> o.id
                             AND r.claimed_at > now() - $3::float8 * interval '1 millisecond')
         ORDER BY o.chat_id, o.id
       ) AS one_per_chat ORDER BY id LIMIT $4`,
      [channel, rules.leaseMs, rules.perChatMs, rules.batch],
    );
    if (due.length === 0) return { notices: [], waitMs: 0 };
    const rows = await tx.query<{ id: string; chat_id: string; attempts: number; notice: DocumentNotice }>(
      `UPDATE notice_outbox o SET status = 'sending', claimed_at = now(), attempts = o.attempts + 1
       FROM publications p WHERE o.id = ANY($1::bigint[]) AND p.document_id = o.document_id
       RETURNING o.id::text AS id, o.chat_id, o.attempts, p.notice`,
      [due.map((d) => d.id)],
    );
    await tx.query(`UPDATE notice_pace SET next_at = now() + $2::float8 * interval '1 millisecond' WHERE channel = $1`, [
      channel,
      rows.length * rules.intervalMs,
    ]);
    const notices = rows.map((r) => ({ id: r.id, channel, chatId: r.chat_id, attempts: Number(r.attempts), notice: r.notice }));
    return { notices: notices.sort((a, b) => Number(a.id) - Number(b.id)), waitMs: 0 };
  });
}

/** The notice went out. */
export async function markSent(db: Db, id: string): Promise<void> {
  await db.query(`UPDATE notice_outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1::bigint`, [id]);
}

/** The chat cannot be written to any more (it blocked the bot): its subscription and pending notices go. */
export async function markBlocked(db: Db, claimed: ClaimedNotice, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`UPDATE notice_outbox SET status = 'dropped', last_error = $2 WHERE id = $1::bigint`, [claimed.id, reason]);
    await removeSubscriber(tx, claimed.channel, claimed.chatId, reason);
  });
}

/** The send failed for now: try again after `delayMs`, or give up once `maxAttempts` were made. */
export async function retryLater(db: Db, claimed: ClaimedNotice, error: string, delayMs: number, maxAttempts: number): Promise<'retry' | 'failed'> {
  const rows = await db.query<{ status: 'pending' | 'failed' }>(
    `UPDATE notice_outbox SET status = CASE WHEN attempts >= $2 THEN 'failed' ELSE 'pending' END,
       not_before = now() + $3::float8 * interval '1 millisecond', last_error = $4
     WHERE id = $1::bigint RETURNING status`,
    [claimed.id, maxAttempts, delayMs, error.slice(0, 500)],
  );
  return rows[0]?.status === 'failed' ? 'failed' : 'retry';
}

/** Gives claimed notices back unsent (shutting down), as if never claimed. */
export async function releaseClaims(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE notice_outbox SET status = 'pending', attempts = greatest(0, attempts - 1), claimed_at = NULL
     WHERE id = ANY($1::bigint[]) AND status = 'sending'`,
    [ids],
  );
}

/** Counts of notices by channel and status (logs, tests, the admin's numbers). */
export async function outboxCounts(db: Db): Promise<Array<{ channel: NoticeChannel; status: string; count: number }>> {
  const rows = await db.query<{ channel: NoticeChannel; status: string; count: number | string }>(
    'SELECT channel, status, count(*) AS count FROM notice_outbox GROUP BY channel, status ORDER BY channel, status',
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
