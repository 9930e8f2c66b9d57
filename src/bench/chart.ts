/**
 * The latency chart as a hand-written SVG: for each collection size a group of bars, one per configuration
 * (backend × vector index, plus the baseline recipe); the bar is p95 and the tick inside it p50. The y axis
 * is logarithmic because latencies span two orders of magnitude across sizes.
 */
import type { BenchReport } from './run-bench.ts';

const WIDTH = 860;
const HEIGHT = 420;
const MARGIN = { top: 50, right: 20, bottom: 70, left: 70 };
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#7f7f7f'];

interface Series {
  name: string;
  values: Array<{ p50: number; p95: number }>;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function seriesOf(r: BenchReport): Series[] {
  const configs: Array<{ name: string; backend: string; index: boolean }> = [
    { name: 'PGlite embedded, HNSW', backend: 'pglite', index: true },
    { name: 'pg over the wire, HNSW', backend: 'pg-wire', index: true },
    { name: 'PGlite embedded, no vector index', backend: 'pglite', index: false },
    { name: 'pg over the wire, no vector index', backend: 'pg-wire', index: false },
  ];
  const series: Series[] = configs.map((c) => ({
    name: c.name,
    values: r.sizes.map((s) => {
      const a = s.answers.find((x) => x.backend === c.backend && x.vectorIndex === c.index);
      return { p50: a?.run.sequential.p50 ?? 0, p95: a?.run.sequential.p95 ?? 0 };
    }),
  }));
  series.push({ name: 'baseline recipe (in memory)', values: r.sizes.map((s) => ({ p50: s.baseline.latency.p50, p95: s.baseline.latency.p95 })) });
  return series;
}

/** Renders the chart. */
export function renderChart(r: BenchReport): string {
  const series = seriesOf(r);
  const all = series.flatMap((s) => s.values.map((v) => v.p95)).filter((v) => v > 0);
  const top = 10 ** Math.ceil(Math.log10(Math.max(1, ...all)));
  const bottom = 0.1;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const y = (v: number) => MARGIN.top + plotH * (1 - (Math.log10(Math.max(v, bottom)) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom)));
  const groupW = plotW / Math.max(1, r.sizes.length);
  const barW = (groupW * 0.8) / series.length;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  parts.push(`<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">Warm answer latency by collection size (bar = p95, tick = p50, log scale)</text>`);
  for (let v = bottom; v <= top * 1.0001; v *= 10) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end">${v >= 1 ? Math.round(v) : v} ms</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(100)}" y2="${y(100)}" stroke="#d62728" stroke-dasharray="5,4"/>`);
  parts.push(`<text x="${WIDTH - MARGIN.right}" y="${y(100) - 4}" text-anchor="end" fill="#d62728">target p95 100 ms</text>`);
  r.sizes.forEach((s, gi) => {
    const gx = MARGIN.left + gi * groupW + groupW * 0.1;
    series.forEach((se, si) => {
      const v = se.values[gi];
      if (!v || v.p95 <= 0) return;
      const x = gx + si * barW;
      parts.push(`<rect x="${x}" y="${y(v.p95)}" width="${barW - 2}" height="${y(bottom) - y(v.p95)}" fill="${COLORS[si]}"><title>${escapeXml(se.name)}: p50 ${v.p50} ms, p95 ${v.p95} ms</title></rect>`);
      parts.push(`<line x1="${x}" x2="${x + barW - 2}" y1="${y(v.p50)}" y2="${y(v.p50)}" stroke="black" stroke-width="2"/>`);
    });
    const label = s.collection.complete ? `${s.collection.documents} documents` : `${s.collection.documents} documents (of ${s.collection.requested})`;
    parts.push(`<text x="${gx + groupW * 0.4}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${escapeXml(label)}</text>`);
  });
  series.forEach((se, si) => {
    const lx = MARGIN.left + (si % 3) * 260;
    const ly = HEIGHT - 28 + Math.floor(si / 3) * 16;
    parts.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${COLORS[si]}"/>`);
    parts.push(`<text x="${lx + 16}" y="${ly}">${escapeXml(se.name)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
