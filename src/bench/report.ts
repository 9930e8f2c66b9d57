/**
 * The benchmark report as markdown tables (printed and written to results.md).
 */
import type { BenchReport, SizeReport } from './run-bench.ts';
import type { QualityMetrics } from './quality.ts';
import { ANSWER_STAGES } from '../core/stage-clock.ts';

function table(header: string[], rows: Array<Array<string | number | null>>): string {
  const cell = (v: string | number | null) => (v === null ? '–' : String(v));
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function docsLabel(s: SizeReport): string {
  const c = s.collection;
  return c.complete ? String(c.documents) : `${c.documents} of ${c.requested} (budget)`;
}

function ingestionTable(r: BenchReport): string {
  const rows: Array<Array<string | number>> = [
    [`bundled corpus (${r.bundledIngest.documents} files one by one as uploads, in memory, median of ${r.bundledIngest.runs})`, r.bundledIngest.documents, r.bundledIngest.mb.toFixed(3), r.bundledIngest.docsPerSecond, r.bundledIngest.mbPerSecond, '–'],
  ];
  for (const s of r.sizes) {
    const c = s.collection;
    rows.push([
      `collection of ${c.requested} (bulk load into a pglite:// folder${s.collection.reused ? `, built ${c.builtAt.slice(0, 16)}Z, reused` : ''})`,
      docsLabel(s),
      Math.round(c.bytes / 1e5) / 10,
      Math.round(c.docsPerSecond * 100) / 100,
      Math.round(c.mbPerSecond * 1000) / 1000,
      Math.round(c.seconds),
    ]);
  }
  return table(['ingestion', 'documents', 'MB', 'docs/s', 'MB/s', 'seconds'], rows);
}

function answersTable(r: BenchReport): string {
  const rows: Array<Array<string | number>> = [];
  for (const s of r.sizes) {
    for (const a of s.answers) {
      const q = a.run;
      rows.push([docsLabel(s), a.backend, a.vectorIndex ? 'HNSW' : 'none (exact scan)', `${q.sequential.count}`, q.sequential.p50, q.sequential.p95, q.sequential.p99, q.sequential.perSecond, q.concurrent.perSecond, q.concurrent.p95, q.peakRssMb]);
    }
    for (const f of s.failures) rows.push([docsLabel(s), `FAILED: ${f.replace(/\|/g, '/')}`, '', '', '', '', '', '', '', '', '']);
    if (s.skipped) rows.push([docsLabel(s), `not measured: ${s.skipped}`, '', '', '', '', '', '', '', '', '']);
    const b = s.baseline.latency;
    rows.push([docsLabel(s), 'baseline recipe (in memory)', 'brute force', b.count, b.p50, b.p95, b.p99, b.perSecond, '–', '–', '–']);
  }
  return table(
    ['documents', 'backend', 'vector index', 'answers timed', 'p50 ms', 'p95 ms', 'p99 ms', 'q/s sequential', `q/s at ${r.sizes[0]?.answers[0]?.run.concurrency ?? 4} in flight`, 'p95 ms in flight', 'peak RSS MB'],
    rows,
  );
}

function metricCells(m: QualityMetrics): Array<number | null> {
  return [m.scored, m.hit, m.precision, m.must_include, m.refusal, m.quote_fidelity, m.year_violations, m.synthetic_citations, m.copies_over_real, m.copies_unnamed];
}

function qualityTable(r: BenchReport): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const s of r.sizes) {
    const ours = s.answers.find((a) => a.backend === 'pglite' && a.vectorIndex) ?? s.answers[0];
    const noIndex = s.answers.find((a) => a.backend === 'pglite' && !a.vectorIndex);
    if (ours) rows.push([docsLabel(s), 'ours (HNSW)', ...metricCells(ours.quality)]);
    // Each question asked by a user whose unit (/donvi) is the issuer of its gold document.
    if (ours?.qualityWithOrganisation) rows.push([docsLabel(s), 'ours (HNSW), asker\'s unit set', ...metricCells(ours.qualityWithOrganisation)]);
    if (noIndex) rows.push([docsLabel(s), 'ours (no vector index)', ...metricCells(noIndex.quality)]);
    rows.push([docsLabel(s), 'baseline recipe', ...metricCells(s.baseline.quality)]);
  }
  return table(['documents', 'engine', 'questions scored', 'hit', 'precision', 'must_include', 'refusal', 'quote fidelity', 'year violations', 'citations of synthetic docs', 'answers quoting a copy over a real doc of ≥ level', 'answers quoting a copy, others unnamed'], rows);
}

function coldTable(r: BenchReport): string {
  const rows = r.sizes.filter((s) => s.coldStart).map((s) => [docsLabel(s), s.coldStart!.runs, s.coldStart!.median, s.coldStart!.max, s.coldStart!.answerMs]);
  return table(['documents', 'runs', 'spawn → answer, median ms', 'max ms', 'first answer itself, ms'], rows);
}

function webhookTable(r: BenchReport): string {
  const rows = r.webhook.map((w) => [w.what, w.connections, w.seconds, w.requests, w.perSecond, w.p50, w.p99, w.non2xx, w.errors, w.answeredPerSecond ?? '–']);
  return table(['load', 'connections', 'seconds', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'updates answered/s'], rows);
}

function burstTable(r: BenchReport): string {
  const b = r.burst;
  if (!b) return 'Not measured in this run.';
  const share = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const retry = b.retryAfter ? (b.retryAfter.min === b.retryAfter.max ? String(b.retryAfter.min) : `${b.retryAfter.min}–${b.retryAfter.max}`) : '–';
  const h = b.healthz;
  const n = b.healthzNewConnection;
  return table(
    ['asks at once', 'in flight / queued', 'seconds', 'answered', 'answers/s', '429', '503', 'other', 'Retry-After s', '/healthz p50 / p99 / max ms (kept connection)', '/healthz p50 / p99 / max ms (new connection each)'],
    [[b.asks, `${b.bounds.maxInFlight} / ${b.bounds.maxQueued}`, b.seconds, b.answered, b.answersPerSecond, share(b.share429), share(b.share503), b.other, retry, `${h.p50} / ${h.p99} / ${h.max} (${h.samples} checks)`, `${n.p50} / ${n.p99} / ${n.max} (${n.samples} checks)`]],
  );
}

/** The whole report as markdown. */
/** Where the time of a sequential answer goes, per stage, on embedded PGlite with the vector index. */
function stagesTable(r: BenchReport): string {
  const rows: Array<Array<string | number>> = [];
  for (const s of r.sizes) {
    const stages = s.answers.find((a) => a.backend === 'pglite' && a.vectorIndex)?.run.stages;
    if (!stages) continue;
    rows.push([docsLabel(s), ...ANSWER_STAGES.map((st) => (stages[st] ? `${stages[st].p50} / ${stages[st].p95}` : '–'))]);
  }
  return table(['documents', ...ANSWER_STAGES.map((st) => `${st} p50 / p95 ms`)], rows);
}

export function formatMarkdown(r: BenchReport): string {
  return [
    `# Benchmark results${r.quick ? ' (--quick)' : ''}`,
    '',
    `Run ${r.startedAt} on ${r.machine.cpus} CPUs, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; ${r.seconds} s in all. Offline mode (hashing embedder, extractive answers).`,
    '',
    '## Ingestion',
    '',
    ingestionTable(r),
    '',
    '## Answers (warm; dev-set questions)',
    '',
    answersTable(r),
    '',
    '## Where an answer\'s time goes (pglite, HNSW, sequential; lexical and vector search run side by side)',
    '',
    stagesTable(r),
    '',
    '## Quality at scale (dev set, score.ts)',
    '',
    qualityTable(r),
    '',
    '## Cold start (`npx tsx src/cli/ask.ts --json` on the prepared folder)',
    '',
    coldTable(r),
    '',
    '## Webhook (autocannon, 127.0.0.1, `src/main.ts` in a child process, Zalo in webhook mode)',
    '',
    webhookTable(r),
    '',
    '## Burst (POST /api/ask, 127.0.0.1, `src/main.ts` in a child process, /healthz timed every 20 ms meanwhile)',
    '',
    burstTable(r),
    '',
  ].join('\n');
}
