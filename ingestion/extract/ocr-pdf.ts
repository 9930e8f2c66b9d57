/**
 * OCR of a scanned PDF (pages without a text layer): each page is rendered to a grey PNG by poppler's `pdftoppm`
 * and read by Tesseract with its Vietnamese data, both as child processes in a temporary folder that is removed
 * afterwards. Pages run a few at a time (one Tesseract thread each); an abort kills the running children.
 *
 * The tools are optional at run time: `ocrTools` says what is missing, and the caller refuses the scan with that.
 * Debian packages: tesseract-ocr, tesseract-ocr-vie, poppler-utils.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixRomanSequence, unwrapOcrText, wordConfidences } from './ocr-text.ts';

const run = promisify(execFile);

/** 300 dpi is where Tesseract reads body text best; lower loses diacritics, higher only costs time. */
export const OCR_DPI = 300;
/** Tesseract's language: Vietnamese (tesseract-ocr-vie). */
const LANGUAGE = 'vie';
/** The tools probe is quick; a hung binary must not hold an upload. */
const PROBE_TIMEOUT_MS = 10_000;

/** What OCR of a PDF produced. */
export interface OcrOutcome {
  /** Page texts joined with a blank line. */
  text: string;
  pages: number;
  /** Mean word confidence, 0–100; 0 when no word was read. */
  confidence: number;
}

/** Null when pdftoppm and Tesseract with Vietnamese are installed, else what to install (in Vietnamese). */
export async function missingOcrTools(): Promise<string | null> {
  const missing: string[] = [];
  const langs = await run('tesseract', ['--list-langs'], { timeout: PROBE_TIMEOUT_MS }).then(
    (r) => `${r.stdout}\n${r.stderr}`,
    () => null,
  );
  if (langs === null) missing.push('tesseract-ocr', 'tesseract-ocr-vie');
  else if (!langs.split(/\s+/u).includes(LANGUAGE)) missing.push('tesseract-ocr-vie');
  const poppler = await run('pdftoppm', ['-v'], { timeout: PROBE_TIMEOUT_MS }).then(
    () => true,
    () => false,
  );
  if (!poppler) missing.push('poppler-utils');
  return missing.length === 0 ? null : missing.join(', ');
}

interface PageResult {
  text: string;
  confidences: number[];
}

/** Renders and reads one page (1-based). */
async function ocrPage(dir: string, page: number, signal: AbortSignal): Promise<PageResult> {
  const base = join(dir, `p${page}`);
  const opts = { signal, env: { ...process.env, OMP_THREAD_LIMIT: '1' } };
  await run('pdftoppm', ['-r', String(OCR_DPI), '-gray', '-png', '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'in.pdf'), base], opts);
  await run('tesseract', [`${base}.png`, base, '-l', LANGUAGE, '--psm', '3', 'txt', 'tsv'], opts);
  await rm(`${base}.png`, { force: true });
  const [text, tsv] = await Promise.all([readFile(`${base}.txt`, 'utf8'), readFile(`${base}.tsv`, 'utf8')]);
  return { text: unwrapOcrText(text), confidences: wordConfidences(tsv) };
}

/**
 * Runs `work` over pages 1..count with at most `limit` in flight, results in page order. The first failure stops
 * the other lanes (through `stop`), and every lane has settled before this returns or throws, so no child process
 * outlives the call.
 */
async function eachPage<T>(count: number, limit: number, stop: () => void, work: (page: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 1;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (next <= count && !failed) {
      const page = next++;
      try {
        results[page - 1] = await work(page);
      } catch (error) {
        failed = true;
        stop();
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, count) }, lane));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

/**
 * Reads the first `pages` pages of a scanned PDF. Rejects when a tool fails or the signal aborts (the running
 * children are killed); the temporary folder is removed either way.
 */
export async function ocrPdf(bytes: Uint8Array, pages: number, signal: AbortSignal): Promise<OcrOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'ocr-'));
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  if (signal.aborted) abort();
  try {
    await writeFile(join(dir, 'in.pdf'), bytes);
    const lanes = Math.max(1, Math.min(4, availableParallelism()));
    const read = await eachPage(pages, lanes, abort, (page) => ocrPage(dir, page, controller.signal));
    const confidences = read.flatMap((p) => p.confidences);
    const mean = confidences.length === 0 ? 0 : confidences.reduce((a, b) => a + b, 0) / confidences.length;
    return { text: fixRomanSequence(read.map((p) => p.text).join('\n\n')), pages, confidence: mean };
  } finally {
    signal.removeEventListener('abort', abort);
    await rm(dir, { recursive: true, force: true });
  }
}
