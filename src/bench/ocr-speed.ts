/**
 * `npm run bench:ocr -- [--pages 10]`: OCR speed on scanned pages. The bundled documents are typeset into a
 * scanned-looking PDF (src/bench/scanned-pdf.ts, 200 dpi page images, no text layer), and the product's extraction
 * reads it back with Tesseract. Prints pages, seconds, pages/s, mean word confidence and word recall. Needs
 * tesseract-ocr, tesseract-ocr-vie and poppler-utils; says what is missing otherwise.
 */
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { extractText } from '../../ingestion/extract/index.ts';
import { missingOcrTools } from '../../ingestion/extract/ocr-pdf.ts';
import { parseArgs } from 'node:util';
import { runCli } from '../cli/run-cli.ts';
import { buildScannedPdf } from './scanned-pdf.ts';

function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Share of the typeset words that OCR read back (each read word used once). */
function recall(source: string[], read: string[]): number {
  const pool = new Map<string, number>();
  for (const w of read) pool.set(w, (pool.get(w) ?? 0) + 1);
  let found = 0;
  for (const w of source) {
    const left = pool.get(w) ?? 0;
    if (left > 0) {
      found += 1;
      pool.set(w, left - 1);
    }
  }
  return source.length === 0 ? 0 : found / source.length;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { pages: { type: 'string' } } });
  const pages = Number(values.pages ?? 10);
  if (!Number.isInteger(pages) || pages < 1) throw new Error('--pages must be a positive integer');
  const missing = await missingOcrTools();
  if (missing) {
    process.stderr.write(`bench:ocr: cần cài ${missing} (OCR tools missing)\n`);
    return 1;
  }
  const dir = join('data', 'documents');
  const texts = await Promise.all((await readdir(dir)).sort().map((f) => readFile(join(dir, f), 'utf8')));
  const scan = await buildScannedPdf(texts.join('\n\n'), { maxPages: pages });
  const started = performance.now();
  const result = await extractText({ name: 'bench-scan.pdf', bytes: scan }, { maxOcrPages: pages, ocrTimeoutMs: 3_600_000 });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(result.reason);
  const read = words(result.text);
  // The scan holds a prefix of the texts: compare against as many source words as OCR returned, plus slack.
  const source = words(texts.join('\n\n')).slice(0, Math.round(read.length * 1.02));
  const lines = [
    `| pages | seconds | pages/s | cores | mean confidence | word recall |`,
    `| --- | --- | --- | --- | --- | --- |`,
    `| ${result.pages} | ${seconds.toFixed(1)} | ${((result.pages ?? 0) / seconds).toFixed(2)} | ${availableParallelism()} | ${result.ocr?.confidence.toFixed(1)}% | ${(recall(source, read) * 100).toFixed(1)}% |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

runCli('bench:ocr', main);
