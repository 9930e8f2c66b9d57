/**
 * Question-history retention: questions and feedback (both hold what users typed) older than the configured
 * number of days are deleted. Every replica may run it; the deletes are idempotent.
 */
import type { Clock, Db } from '../core/ports.ts';

/** Rows deleted by one pass. */
export interface PruneResult {
  questions: number;
  feedback: number;
}

/** Deletes old question history. */
export interface QuestionRetention {
  /** Keeps the last `retentionDays` days (as read from the clock now); 0 days keeps everything. */
  prune(): Promise<PruneResult>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates the pruner for QUESTION_RETENTION_DAYS = `retentionDays` (0 = keep forever). */
export function createQuestionRetention(db: Db, clock: Clock, retentionDays: number): QuestionRetention {
  return {
    async prune() {
      if (retentionDays <= 0) return { questions: 0, feedback: 0 };
      const cutoff = new Date(clock.now().getTime() - retentionDays * DAY_MS);
      const questions = await deleteOlder(db, 'questions', cutoff);
      const feedback = await deleteOlder(db, 'feedback', cutoff);
      return { questions, feedback };
    },
  };
}

async function deleteOlder(db: Db, table: 'questions' | 'feedback', cutoff: Date): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH deleted AS (DELETE FROM ${table} WHERE at < $1 RETURNING 1) SELECT count(*)::int AS n FROM deleted`,
    [cutoff],
  );
  return rows[0]?.n ?? 0;
}
