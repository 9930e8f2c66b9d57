/** Human-readable eval report: a table per kind, the baseline beside it, and the calibration. */
import type { Metrics } from './score.ts';
import type { EvalReport } from './run-eval.ts';

const COLUMNS: Array<keyof Metrics> = ['questions', 'hit', 'precision', 'must_include', 'refusal', 'quote_fidelity', 'completeness', 'year_violations', 'latency_p50_ms', 'latency_p95_ms'];

function cell(v: number | null): string {
  return v === null ? '–' : String(v);
}

function table(title: string, m: EvalReport['metrics']): string {
  const rows = [['overall', m.overall] as const, ...Object.entries(m.perKind)];
  const head = `| ${title} | ${COLUMNS.join(' | ')} |\n|${' --- |'.repeat(COLUMNS.length + 1)}\n`;
  return head + rows.map(([k, v]) => `| ${k} | ${COLUMNS.map((c) => cell(v[c])).join(' | ')} |`).join('\n') + '\n';
}

/** Formats the report as markdown tables. */
export function formatReport(report: EvalReport): string {
  const parts = [table('engine', report.metrics)];
  if (report.baseline) parts.push(table('baseline', report.baseline.metrics));
  for (const r of report.results) {
    const c = r.response.citations.map((x) => `${x.source.slice(0, 22)}#${x.section}`).join(', ');
    parts.push(`- ${r.id} ${r.response.refused ? 'REFUSED' : 'answered'} [${c}]`);
  }
  if (report.calibration) {
    const b = report.calibration.best;
    parts.push(`\ncalibration: min coverage in (${b.from}, ${b.to}] classifies ${b.correct}/${b.total} correctly`);
    parts.push(report.calibration.points.map((p) => `  ${p.coverage.toFixed(3)} ${p.expect} ${p.id}`).join('\n'));
  }
  return parts.join('\n') + '\n';
}
