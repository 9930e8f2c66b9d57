/**
 * Small measuring helpers: percentiles over latencies and a resident-memory sampler.
 */

/** Latency summary in milliseconds, plus throughput. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Answers per second over the wall time of the run. */
  perSecond: number;
}

/** Nearest-rank percentile (the same rule as src/eval/score.ts). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** Rounds to one decimal (milliseconds) for the tables. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Summarises latencies measured over `wallMs` of wall time. */
export function summarise(latencies: number[], wallMs: number): LatencySummary {
  const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
  return {
    count: latencies.length,
    p50: round1(percentile(latencies, 50)),
    p95: round1(percentile(latencies, 95)),
    p99: round1(percentile(latencies, 99)),
    mean: round1(mean),
    perSecond: round1((latencies.length * 1000) / Math.max(1, wallMs)),
  };
}

/** Samples the process's resident set size while a phase runs; `stop()` returns the peak in MB. */
export function sampleRss(everyMs = 50): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round(peak / 1024 / 1024);
    },
  };
}
