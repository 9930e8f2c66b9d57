/**
 * Usage numbers for admins, computed from the question and feedback logs.
 */
import type { Db } from '../core/ports.ts';
import type { UsageStats } from '../core/services.ts';

/** Outcomes that mean the user got no answer from the documents: the content gap list. */
const UNANSWERED_OUTCOMES = ['refused', 'absent_year'];
/** How many unanswered questions the stats list. */
const TOP_UNANSWERED = 10;
/**
 * Days are counted in Vietnam time: UTC+7 all year (no daylight saving), so a fixed offset is exact and needs
 * no time-zone database in the backend.
 */
const DAILY_SQL = `SELECT to_char((at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') AS day, channel,
    count(*)::int AS questions, count(*) FILTER (WHERE outcome = 'refused')::int AS refusals
  FROM questions
  WHERE at > (SELECT max(at) FROM questions) - interval '30 days'
  GROUP BY 1, 2 ORDER BY 1, 2`;

/** Totals, per channel, feedback, and the most frequent unanswered questions (case and spacing ignored). */
export async function usageStats(db: Db): Promise<UsageStats> {
  const [totals, channels, feedback, reasons, unanswered, daily] = await Promise.all([
    db.query<{ questions: number; refusals: number }>(
      `SELECT count(*)::int AS questions, count(*) FILTER (WHERE outcome = 'refused')::int AS refusals
       FROM questions`,
    ),
    db.query<{ channel: string; n: number }>('SELECT channel, count(*)::int AS n FROM questions GROUP BY channel'),
    db.query<{ up: number; down: number }>(
      `SELECT count(*) FILTER (WHERE helpful)::int AS up, count(*) FILTER (WHERE NOT helpful)::int AS down
       FROM feedback`,
    ),
    db.query<{ reason: string; n: number }>(
      'SELECT reason, count(*)::int AS n FROM feedback WHERE reason IS NOT NULL GROUP BY reason',
    ),
    db.query<{ question: string; n: number }>(
      `SELECT min(question) AS question, count(*)::int AS n FROM questions
       WHERE outcome = ANY($1::text[])
       GROUP BY lower(regexp_replace(btrim(question), '\\s+', ' ', 'g'))
       ORDER BY n DESC, min(question) LIMIT $2`,
      [UNANSWERED_OUTCOMES, TOP_UNANSWERED],
    ),
    db.query<{ day: string; channel: string; questions: number; refusals: number }>(DAILY_SQL),
  ]);
  return {
    questions: totals[0]?.questions ?? 0,
    refusals: totals[0]?.refusals ?? 0,
    byChannel: Object.fromEntries(channels.map((r) => [r.channel, r.n])),
    feedback: {
      up: feedback[0]?.up ?? 0,
      down: feedback[0]?.down ?? 0,
      reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.n])),
    },
    unanswered: unanswered.map((r) => ({ question: r.question, count: r.n })),
    daily: daily.map((r) => ({ day: r.day, channel: r.channel, questions: r.questions, refusals: r.refusals })),
  };
}
