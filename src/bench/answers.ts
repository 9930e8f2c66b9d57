/**
 * Answer measurements on an open core: a warm-up pass (whose answers are also scored for quality), then
 * timed sequential passes and a timed pass with a few questions in flight at once. Each question gets its own
 * conversation id so no follow-up memory changes what is asked.
 */
import type { Core } from '../app/open-core.ts';
import { toAskJson } from '../ask/ask-json.ts';
import type { EvalQuestion } from '../eval/dataset.ts';
import type { EvalResult } from '../eval/score.ts';
import { ANSWER_STAGES, type AnswerStage } from '../core/stage-clock.ts';
import { percentile, round1, sampleRss, summarise, type LatencySummary } from './stats.ts';

/** What one backend configuration measured. */
export interface AnswerRun {
  sequential: LatencySummary;
  concurrent: LatencySummary;
  concurrency: number;
  peakRssMb: number;
  /** Where the sequential answers' time went, per stage (ms; lexical and vector search overlap). */
  stages?: Partial<Record<AnswerStage, { p50: number; p95: number }>>;
  /** Answers of the first timed pass in question order (all questions unless the budget cut it short). */
  results: EvalResult[];
}

export interface AnswerRunOptions {
  /** Timed sequential passes over the question set (at most). */
  passes: number;
  /** Sequential timing stops once past this many ms and at least `minAnswers` answers. */
  budgetMs: number;
  minAnswers: number;
  /** Questions asked concurrently when the sequential run overran its budget. */
  minConcurrent: number;
  /** Untimed questions first, so caches, the catalog and the query plans are warm. */
  warmup: number;
  /** Questions in flight at once in the concurrent run. */
  concurrency: number;
  tag: string;
}

interface Timed {
  ms: number;
  stages: Partial<Record<AnswerStage, number>>;
  result: EvalResult;
}

async function askTimed(core: Core, q: EvalQuestion, conversationId: string): Promise<Timed> {
  const started = performance.now();
  const answer = await core.engine.ask({ text: q.question, conversationId, channel: 'bench' });
  const ms = performance.now() - started;
  return { ms, stages: answer.debug.stagesMs ?? {}, result: { id: q.id, question: q.question, response: toAskJson(answer) } };
}

/** p50 and p95 of each stage over the answers (a stage an answer skipped counts as 0 ms for it). */
function stageSummary(timed: Array<Timed['stages']>): AnswerRun['stages'] {
  const out: AnswerRun['stages'] = {};
  for (const stage of ANSWER_STAGES) {
    const values = timed.map((t) => t[stage] ?? 0);
    if (values.length > 0) out[stage] = { p50: round1(percentile(values, 50)), p95: round1(percentile(values, 95)) };
  }
  return out;
}

/** Runs `jobs` with at most `limit` running at once; returns each job's latency. */
async function runPool(jobs: Array<() => Promise<number>>, limit: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as () => Promise<number>;
      latencies.push(await job());
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return latencies;
}

/**
 * Measures one core (already holding its collection): a short warm-up, then the questions in order, pass after
 * pass, until `passes` are done or the budget is spent; then the same number of questions again with
 * `concurrency` in flight. Every question gets its own conversation, so no follow-up memory applies.
 */
export async function measureAnswers(core: Core, questions: EvalQuestion[], opts: AnswerRunOptions): Promise<AnswerRun> {
  const rss = sampleRss();
  for (const q of questions.slice(0, opts.warmup)) await askTimed(core, q, `${opts.tag}:warm:${q.id}`);

  const results: EvalResult[] = [];
  const sequentialLatencies: number[] = [];
  const sequentialStages: Array<Timed['stages']> = [];
  const total = opts.passes * questions.length;
  const seqStarted = performance.now();
  for (let i = 0; i < total; i++) {
    const spent = performance.now() - seqStarted;
    if (i >= opts.minAnswers && spent > opts.budgetMs) break;
    const q = questions[i % questions.length] as EvalQuestion;
    const { ms, stages, result } = await askTimed(core, q, `${opts.tag}:seq${i}:${q.id}`);
    sequentialLatencies.push(ms);
    sequentialStages.push(stages);
    if (i < questions.length) results.push(result);
  }
  const seqWall = performance.now() - seqStarted;

  // The concurrent run asks the questions the sequential one asked, so both see the same mix; when the
  // sequential run already overran its budget (large collections), only the first `minConcurrent`.
  const concurrentCount = seqWall > opts.budgetMs ? Math.min(sequentialLatencies.length, opts.minConcurrent) : sequentialLatencies.length;
  const jobs = sequentialLatencies.slice(0, concurrentCount).map((_, i) => {
    const q = questions[i % questions.length] as EvalQuestion;
    return async () => (await askTimed(core, q, `${opts.tag}:conc${i}:${q.id}`)).ms;
  });
  const concStarted = performance.now();
  const concurrentLatencies = await runPool(jobs, opts.concurrency);
  const concWall = performance.now() - concStarted;

  return {
    sequential: summarise(sequentialLatencies, seqWall),
    concurrent: summarise(concurrentLatencies, concWall),
    concurrency: opts.concurrency,
    peakRssMb: rss.stop(),
    stages: stageSummary(sequentialStages),
    results,
  };
}
