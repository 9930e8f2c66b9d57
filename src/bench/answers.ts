/**
 * Answer measurements on an open core: a warm-up pass (whose answers are also scored for quality), then
 * timed sequential passes and a timed pass with a few questions in flight at once. Each question gets its own
 * conversation id so no follow-up memory changes what is asked.
 */
import type { Core } from '../app/open-core.ts';
import { toAskJson } from '../cli/ask-json.ts';
import type { EvalQuestion } from '../eval/dataset.ts';
import type { EvalResult } from '../eval/score.ts';
import { sampleRss, summarise, type LatencySummary } from './stats.ts';

/** What one backend configuration measured. */
export interface AnswerRun {
  sequential: LatencySummary;
  concurrent: LatencySummary;
  concurrency: number;
  /** Passes over the question set in each timed run. */
  passes: number;
  peakRssMb: number;
  /** The warm-up pass, for quality scoring. */
  results: EvalResult[];
}

export interface AnswerRunOptions {
  /** Timed sequential passes over the question set (at most). */
  passes: number;
  /** Once a pass ends past this many ms of sequential timing, no further pass starts (at least one runs). */
  budgetMs: number;
  /** Questions in flight at once in the concurrent pass. */
  concurrency: number;
  tag: string;
}

async function askTimed(core: Core, q: EvalQuestion, conversationId: string): Promise<{ ms: number; result: EvalResult }> {
  const started = performance.now();
  const answer = await core.engine.ask({ text: q.question, conversationId, channel: 'bench' });
  const ms = performance.now() - started;
  return { ms, result: { id: q.id, question: q.question, response: toAskJson(answer) } };
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

/** Measures one core (already holding its collection). */
export async function measureAnswers(core: Core, questions: EvalQuestion[], opts: AnswerRunOptions): Promise<AnswerRun> {
  const rss = sampleRss();
  const results: EvalResult[] = [];
  for (const q of questions) results.push((await askTimed(core, q, `${opts.tag}:warm:${q.id}`)).result);

  const sequentialLatencies: number[] = [];
  const seqStarted = performance.now();
  let passes = 0;
  while (passes < opts.passes && (passes === 0 || performance.now() - seqStarted < opts.budgetMs)) {
    const pass = passes++;
    for (const q of questions) sequentialLatencies.push((await askTimed(core, q, `${opts.tag}:seq${pass}:${q.id}`)).ms);
  }
  const seqWall = performance.now() - seqStarted;

  // The concurrent run asks the same number of passes as the sequential one, so both see the same mix.
  const jobs = Array.from({ length: passes }, (_, pass) =>
    questions.map((q) => async () => (await askTimed(core, q, `${opts.tag}:conc${pass}:${q.id}`)).ms),
  ).flat();
  const concStarted = performance.now();
  const concurrentLatencies = await runPool(jobs, opts.concurrency);
  const concWall = performance.now() - concStarted;

  return {
    sequential: summarise(sequentialLatencies, seqWall),
    concurrent: summarise(concurrentLatencies, concWall),
    concurrency: opts.concurrency,
    passes,
    peakRssMb: rss.stop(),
    results,
  };
}
