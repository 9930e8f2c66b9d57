/**
 * A burst of concurrent questions at `POST /api/ask` of a real local instance (`src/main.ts` in a child process,
 * API open, rate limit out of the way), with `/healthz` timed every 20 ms while it lasts: how many answers per
 * second come out, what share is turned away (429, 503 with Retry-After), and whether liveness stays fast. The
 * loads of issue 14 (500 concurrent asks kept /healthz waiting up to 10 s) are measured here and in
 * tests/reliability/ask-burst.test.ts.
 */
import type { EvalQuestion } from '../eval/dataset.ts';
import { Worker } from 'node:worker_threads';
import { startLocalServer } from './local-server.ts';
import { percentile, round1 } from './stats.ts';

/** One burst's numbers. */
export interface BurstRun {
  asks: number;
  seconds: number;
  answered: number;
  answersPerSecond: number;
  /** Shares of all asks. */
  share429: number;
  share503: number;
  /** Any other status, or a failed request (should be 0). */
  other: number;
  /** Retry-After values seen on 429/503 answers (the smallest and largest). */
  retryAfter: { min: number; max: number } | null;
  /**
   * `/healthz` round trips during the burst, in ms: over a connection opened before it and kept (a load
   * balancer's checks), and over a new connection each time (an orchestrator's liveness probe).
   */
  healthz: HealthTimes;
  healthzNewConnection: HealthTimes;
  /** The configured bounds of the instance measured. */
  bounds: { maxInFlight: number; maxQueued: number };
}

/** Percentiles of the health checks of one kind. */
export interface HealthTimes {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

/** Environment for the instance under burst: the limits measured, and a rate limit that does not interfere. */
export function burstEnv(databaseUrl: string, bounds: { maxInFlight: number; maxQueued: number }): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_PER_MINUTE: '10000',
    MAX_ANSWERS_IN_FLIGHT: String(bounds.maxInFlight),
    MAX_ANSWERS_QUEUED: String(bounds.maxQueued),
  };
}

/**
 * A health prober, run in a worker thread: its own event loop, so what it measures is the server's answer time,
 * not this thread's queue of 500 requests being written. It checks once before the burst, then every 20 ms until
 * told to stop, and posts the round-trip times (a failed check counts 60 s); with `fresh` every check opens a new
 * connection (node:http without an agent), otherwise fetch keeps the first one.
 */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
// A new TCP connection for every check, as an orchestrator's probe opens one.
const fresh = (url) => new Promise((resolve) => {
  const req = http.get(url, { agent: false, timeout: 60000 }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode === 200)); });
  req.on('error', () => resolve(false));
  req.on('timeout', () => req.destroy());
});
let stop = false;
parentPort.on('message', () => (stop = true));
(async () => {
  const times = [];
  while (!stop) {
    const started = performance.now();
    const ok = workerData.fresh ? await fresh(workerData.url) : await fetch(workerData.url, { signal: AbortSignal.timeout(60000) }).then(async (r) => (await r.arrayBuffer(), r.ok), () => false);
    times.push(ok ? performance.now() - started : 60000);
    if (times.length === 1) parentPort.postMessage('connected');
    await new Promise((r) => setTimeout(r, 20));
  }
  parentPort.postMessage(times);
})();
`;

/** Starts the prober and resolves once it is connected; `stop()` resolves with the times measured since. */
async function startHealthProber(base: string, fresh: boolean): Promise<{ stop(): Promise<number[]> }> {
  const prober = new Worker(PROBER, { eval: true, workerData: { url: `${base}/healthz`, fresh } });
  let resolveTimes: (times: number[]) => void = () => undefined;
  const times = new Promise<number[]>((resolve, reject) => {
    resolveTimes = resolve;
    prober.once('error', reject);
  });
  await new Promise<void>((resolve) => {
    prober.on('message', (message: 'connected' | number[]) => (message === 'connected' ? resolve() : resolveTimes(message)));
  });
  return {
    async stop() {
      prober.postMessage('stop');
      try {
        return (await times).slice(1); // the first check only opened the connection, before the burst
      } finally {
        await prober.terminate();
      }
    },
  };
}

/** One ask: its status and Retry-After (seconds; 0 when absent); status 0 when the request failed. */
async function ask(base: string, question: string, i: number): Promise<{ status: number; retryAfter: number }> {
  try {
    const res = await fetch(`${base}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question, conversation_id: `burst-${i}` }),
    });
    await res.arrayBuffer();
    return { status: res.status, retryAfter: Number(res.headers.get('retry-after') ?? 0) || 0 };
  } catch {
    return { status: 0, retryAfter: 0 };
  }
}

/**
 * Sends `asks` questions at once to `base` and times /healthz meanwhile. fetch's pool opens a connection per
 * request in flight, so the asks are as many clients, and a health check never waits behind an ask on this side.
 * Two questions are asked first, one at a time, so the burst meets a warm server (catalog loaded), as in service.
 */
export async function measureBurst(base: string, questions: EvalQuestion[], asks: number, bounds: BurstRun['bounds']): Promise<BurstRun> {
  for (let i = 0; i < 2; i++) await ask(base, questions[i % questions.length]?.question ?? 'nội dung trọng tâm năm 2023', -1 - i);
  const [kept, fresh] = await Promise.all([startHealthProber(base, false), startHealthProber(base, true)]);
  const started = performance.now();
  const burst = Promise.all(Array.from({ length: asks }, (_, i) => ask(base, questions[i % questions.length]?.question ?? 'nội dung trọng tâm năm 2023', i)));
  const results = await burst; // never rejects: a failed ask is status 0
  const [health, healthFresh] = await Promise.all([kept.stop(), fresh.stop()]);
  const seconds = (performance.now() - started) / 1000;
  const count = (status: number) => results.filter((r) => r.status === status).length;
  const answered = count(200);
  const retryAfter = results.map((r) => r.retryAfter).filter((s) => s > 0);
  return {
    asks,
    seconds: round1(seconds),
    answered,
    answersPerSecond: round1(answered / seconds),
    share429: Math.round((count(429) / asks) * 1000) / 1000,
    share503: Math.round((count(503) / asks) * 1000) / 1000,
    other: asks - answered - count(429) - count(503),
    retryAfter: retryAfter.length > 0 ? { min: Math.min(...retryAfter), max: Math.max(...retryAfter) } : null,
    healthz: healthTimes(health),
    healthzNewConnection: healthTimes(healthFresh),
    bounds,
  };
}

function healthTimes(times: number[]): HealthTimes {
  return { samples: times.length, p50: round1(percentile(times, 50)), p99: round1(percentile(times, 99)), max: round1(Math.max(0, ...times)) };
}

/** The bounds measured by default: the shipped defaults of MAX_ANSWERS_IN_FLIGHT and MAX_ANSWERS_QUEUED. */
export const DEFAULT_BURST_BOUNDS = { maxInFlight: 4, maxQueued: 64 };

/** Starts `src/main.ts` on `databaseUrl`, sends the burst, stops the server. */
export async function runBurst(databaseUrl: string, questions: EvalQuestion[], asks: number, bounds = DEFAULT_BURST_BOUNDS): Promise<BurstRun> {
  const server = await startLocalServer(burstEnv(databaseUrl, bounds));
  try {
    return await measureBurst(server.base, questions, asks, bounds);
  } finally {
    await server.stop();
  }
}
