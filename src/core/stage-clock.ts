/**
 * Where an answer's time goes, stage by stage: the engine times each stage of one question and reports the
 * totals with the answer (`debug.stagesMs`, logged with every answer and summarised by `npm run bench`).
 * Lexical and vector search run side by side, so their times overlap; the other stages follow one another.
 */

/** The stages of an answer, in the order they run. */
export const ANSWER_STAGES = ['understanding', 'lexical', 'vector', 'ranking', 'quoting'] as const;
export type AnswerStage = (typeof ANSWER_STAGES)[number];

export type StageTimes = Partial<Record<AnswerStage, number>>;

export interface StageClock {
  /** Runs `work`, adding its wall time to `stage`. */
  time<T>(stage: AnswerStage, work: () => Promise<T>): Promise<T>;
  /** Milliseconds per stage so far (rounded to 0.1 ms). */
  totals(): StageTimes;
}

/** A clock for one question. */
export function createStageClock(): StageClock {
  const spent = new Map<AnswerStage, number>();
  return {
    async time(stage, work) {
      const started = performance.now();
      try {
        return await work();
      } finally {
        spent.set(stage, (spent.get(stage) ?? 0) + performance.now() - started);
      }
    },
    totals() {
      const out: StageTimes = {};
      for (const [stage, ms] of spent) out[stage] = Math.round(ms * 10) / 10;
      return out;
    },
  };
}

/** A clock that keeps nothing, for callers that do not report stages. */
export const UNTIMED: StageClock = { time: (_stage, work) => work(), totals: () => ({}) };
