/** Terminal output of the ingest command: a progress bar on a TTY, a summary table, a dry-run outline. */
import cliProgress from 'cli-progress';
import type { IngestResult } from '../../ingestion/pipeline.ts';

/** A progress bar on stderr when it is a terminal; silent otherwise. */
export function createProgress() {
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: ' {bar} {value}/{total} {file}' }, cliProgress.Presets.shades_classic) : null;
  let started = false;
  return {
    update(r: IngestResult, done: number, total: number) {
      if (!bar) return;
      if (!started) {
        bar.start(total, 0, { file: '' });
        started = true;
      }
      bar.update(done, { file: r.source });
    },
    stop() {
      bar?.stop();
    },
  };
}

function pad(text: string, width: number): string {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return t.padEnd(width);
}

/** One row per file: outcome, title, type, number, year, issuer, sections, chunks, time. */
export function summaryTable(results: IngestResult[]): string {
  const head = `${pad('kết quả', 9)} ${pad('tệp / tiêu đề', 44)} ${pad('loại', 10)} ${pad('số', 12)} ${pad('năm', 5)} ${pad('cơ quan ban hành', 30)} ${pad('mục', 4)} ${pad('đoạn', 5)} ms`;
  const rows = results.map((r) => {
    const d = r.document ?? null;
    const m = d ?? r.parsed?.metadata;
    return [
      pad(r.outcome, 9),
      pad(m?.title ? `${r.source} — ${m.title}` : r.source, 44),
      pad(m?.type ?? '', 10),
      pad(m?.number ?? '', 12),
      pad(m?.year ? String(m.year) : '', 5),
      pad(m?.issuer ?? '', 30),
      pad(String(d?.sectionCount ?? r.parsed?.sections.length ?? ''), 4),
      pad(String(r.chunks || d?.chunkCount || ''), 5),
      String(Math.round(r.durationMs)),
    ].join(' ');
  });
  const failed = results.filter((r) => r.outcome === 'failed').length;
  return `${head}\n${rows.join('\n')}\n${results.length} tệp, ${failed} lỗi\n`;
}

/** Detected metadata and outline of each file, without storing. */
export function dryRunReport(results: IngestResult[]): string {
  return results
    .map((r) => {
      if (!r.parsed) return `✗ ${r.source}: ${r.reason}`;
      const m = r.parsed.metadata;
      const lines = [
        `# ${r.source}`,
        `loại: ${m.type ?? '?'} | số: ${m.number ?? '—'} | năm: ${m.year ?? '?'} (${m.yearSource ?? '—'}) | cơ quan: ${m.issuer ?? '?'}`,
        `tiêu đề: ${m.title}`,
        `ký: ${[m.signerRole, m.signer].filter(Boolean).join(' – ') || '—'}`,
        r.replaces ? `thay thế: ${r.replaces.source} (phiên bản ${r.replaces.version})` : '',
        ...r.parsed.warnings.map((w) => `⚠ ${w}`),
        ...r.parsed.sections.map((s) => `${'  '.repeat(Math.max(0, s.level - 1))}${s.label === '' ? '(mở đầu)' : s.label} ${s.heading}`),
        `trích dẫn: ${r.parsed.references.map((x) => x.number ?? x.text).join(', ') || '—'}`,
      ];
      return lines.filter(Boolean).join('\n');
    })
    .join('\n\n') + '\n';
}

/** JSON form of one result for --json. */
export function resultJson(r: IngestResult) {
  return {
    source: r.source,
    outcome: r.outcome,
    reason: r.reason,
    id: r.document?.id ?? null,
    metadata: r.document ?? r.parsed?.metadata ?? null,
    sections: r.parsed?.sections.map((s) => ({ label: s.label, heading: s.heading, level: s.level })) ?? null,
    chunks: r.chunks,
    duration_ms: Math.round(r.durationMs),
  };
}
