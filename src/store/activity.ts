/**
 * `Activity` on the database: question log, feedback, audit trail, rate limits and update de-duplication,
 * shared by every replica.
 */
import type { Clock, Db } from '../core/ports.ts';
import type { Activity, Actor, Feedback } from '../core/services.ts';
import type { Answer, Question } from '../core/types.ts';
import { storableText } from '../text/storable-text.ts';
import { jsonText } from './sql-values.ts';
import { usageStats } from './usage-stats.ts';

/** Creates the activity recorder; `clock` stamps rows and drives windows and expiry. */
export function createPgActivity(db: Db, clock: Clock): Activity {
  return {
    recordQuestion: (question, answer) => recordQuestion(db, clock, question, answer),
    recordFeedback: (feedback) => recordFeedback(db, clock, feedback),
    recordAdminAction: (actor, action, detail) => recordAdminAction(db, clock, actor, action, detail),
    allowRequest: (key, limit, windowSeconds) => allowRequest(db, clock, key, limit, windowSeconds),
    firstSeen: (key, ttlSeconds) => firstSeen(db, clock, key, ttlSeconds),
    stats: () => usageStats(db),
  };
}

async function recordQuestion(db: Db, clock: Clock, question: Question, answer: Answer): Promise<void> {
  await db.query(
    `INSERT INTO questions (at, channel, conversation_id, user_id, question, outcome, top_score, latency_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      clock.now(), question.channel, storableText(question.conversationId), storableText(question.userId ?? null),
      storableText(question.text),
      answer.outcome, Number.isFinite(answer.debug.topScore) ? answer.debug.topScore : 0,
      Math.max(0, Math.round(answer.latencyMs)),
    ],
  );
}

async function recordFeedback(db: Db, clock: Clock, f: Feedback): Promise<void> {
  await db.query(
    `INSERT INTO feedback (at, conversation_id, channel, user_id, helpful, reason, question)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      clock.now(), storableText(f.conversationId), f.channel, storableText(f.userId), f.helpful,
      storableText(f.reason ?? null), storableText(f.question ?? null),
    ],
  );
}

async function recordAdminAction(
  db: Db,
  clock: Clock,
  actor: Actor,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, actor_channel, actor_id, actor_name, action, detail)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [clock.now(), actor.channel, storableText(actor.userId), storableText(actor.name ?? null), action, jsonText(detail)],
  );
}

/**
 * Fixed-window counter: windows start at multiples of `windowSeconds` since the epoch; one atomic upsert
 * increments and returns the count, so concurrent replicas never under-count. Older windows of the key are
 * pruned on the way.
 */
async function allowRequest(db: Db, clock: Clock, key: string, limit: number, windowSeconds: number): Promise<boolean> {
  const windowMs = Math.max(1, Math.round(windowSeconds * 1000));
  const windowStart = new Date(Math.floor(clock.now().getTime() / windowMs) * windowMs);
  const rows = await db.query<{ count: number }>(
    `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
     RETURNING count`,
    [key, windowStart],
  );
  await db.query('DELETE FROM rate_limits WHERE key = $1 AND window_start < $2', [key, windowStart]);
  return (rows[0]?.count ?? 1) <= limit;
}

/**
 * True the first time `key` is seen within its time to live. An expired row counts as unseen and is
 * refreshed by the same atomic statement; other expired rows are pruned.
 */
async function firstSeen(db: Db, clock: Clock, key: string, ttlSeconds: number): Promise<boolean> {
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  const rows = await db.query(
    `INSERT INTO seen_updates (key, expires_at) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_updates.expires_at <= $3
     RETURNING key`,
    [key, expiresAt, now],
  );
  await db.query('DELETE FROM seen_updates WHERE expires_at <= $1', [now]);
  return rows.length > 0;
}
