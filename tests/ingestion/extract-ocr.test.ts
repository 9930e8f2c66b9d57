/**
 * Scanned PDFs: a bundled document is typeset with DejaVu Sans, rendered to page images by pdftoppm and wrapped
 * into an image-only PDF (src/bench/scanned-pdf.ts); extraction must read it back with Tesseract. Skipped, with a
 * message, where Tesseract with Vietnamese data, pdftoppm or the font is missing. Without the tools (PATH emptied
 * for the call) the scan is refused with what to install.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, type ExtractResult } from '../../ingestion/extract/index.ts';
import { ocrWarning } from '../../ingestion/extract/extract-result.ts';
import { missingOcrTools } from '../../ingestion/extract/ocr-pdf.ts';
import { parseDocument } from '../../ingestion/parse-document.ts';
import { buildScannedPdf, canMakeScans } from '../../src/bench/scanned-pdf.ts';
import { openCore } from '../../src/app/open-core.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../fakes/clock.ts';
import { foldedView } from '../../src/text/normalize.ts';

const SOURCE = join(import.meta.dirname, '../../data/documents/2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt');
/** The first two pages' worth of the document: the header, the opening and part I. */
const TEXT = readFileSync(SOURCE, 'utf8').slice(0, 3400);

const missing = await missingOcrTools();
const scannable = await canMakeScans();
const ready = missing === null && scannable;
if (!ready) console.warn(`OCR tests skipped: ${missing ? `missing ${missing}` : 'cannot make a scan (pdftoppm or DejaVu Sans missing)'}`);

/** Words of a text for comparison: accents, case and punctuation ignored (OCR's tone-mark slips count as misses). */
function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Share of the source's words found in the OCR text, each OCR word used once. */
function recall(source: string, read: string): number {
  const pool = new Map<string, number>();
  for (const w of words(read)) pool.set(w, (pool.get(w) ?? 0) + 1);
  const wanted = words(source);
  let found = 0;
  for (const w of wanted) {
    const left = pool.get(w) ?? 0;
    if (left > 0) {
      found += 1;
      pool.set(w, left - 1);
    }
  }
  return found / wanted.length;
}

describe.skipIf(!ready)('extractText: a scanned PDF read by OCR', () => {
  let scan: Uint8Array;
  let result: ExtractResult;
  beforeAll(async () => {
    scan = await buildScannedPdf(TEXT);
    result = await extractText({ name: 'ban-quet.pdf', bytes: scan });
  }, 180_000);

  it('reads back at least 90% of the words, with their diacritics, and says it came from OCR', () => {
    expect(result).toMatchObject({ ok: true, format: 'pdf', pages: 2, ocr: { pages: 2 } });
    if (!result.ok) return;
    const exact = recall(TEXT, result.text);
    const folded = recall(foldedView(TEXT), foldedView(result.text));
    console.info(`OCR word recall ${(exact * 100).toFixed(1)}% (${(folded * 100).toFixed(1)}% without accents), confidence ${result.ocr!.confidence.toFixed(1)}%`);
    expect(exact).toBeGreaterThanOrEqual(0.9);
    expect(folded).toBeGreaterThanOrEqual(0.95);
    expect(result.ocr!.confidence).toBeGreaterThan(70);
    expect(ocrWarning(result)).toMatch(/^Văn bản từ OCR, độ tin cậy \d{2,3}%/u);
  });

  it('gives text the parser reads: type, title, opening and parts', () => {
    if (!result.ok) throw new Error(result.reason);
    const note = ocrWarning(result)!;
    const doc = parseDocument({ source: 'ban-quet.pdf', text: result.text, contentHash: 'scan', extractionNotes: [note] });
    expect(doc.metadata.type).toBe('Kế hoạch');
    expect(doc.metadata.year).toBe(2023);
    expect(doc.sections.map((s) => s.label).slice(0, 3)).toEqual(['', 'I', 'II']);
    expect(doc.warnings[0]).toBe(note);
  });

  it('stores the OCR note first among the document’s warnings, where the admin review reads them', async () => {
    const core = await openCore({ config: loadConfig({}), logger: pino({ level: 'silent' }), databaseUrl: 'memory://', clock: fixedClock() });
    try {
      const ingested = await core.ingestor.ingestFile({ name: 'ban-quet.pdf', bytes: scan }, { status: 'draft' });
      expect(ingested.outcome).toBe('draft');
      expect(ingested.document!.warnings[0]).toMatch(/^Văn bản từ OCR, độ tin cậy \d{2,3}%/u);
    } finally {
      await core.close();
    }
  }, 120_000);

  it('refuses a scan longer than the OCR page limit, and one that overruns the OCR time limit', async () => {
    expect(await extractText({ name: 'a.pdf', bytes: scan }, { maxOcrPages: 1 })).toEqual({
      ok: false,
      reason: 'PDF quét có 2 trang, giới hạn nhận dạng chữ (OCR) 1 trang (too many pages to OCR)',
    });
    expect(await extractText({ name: 'a.pdf', bytes: scan }, { ocrTimeoutMs: 50 })).toEqual({
      ok: false,
      reason: 'Quá thời gian nhận dạng chữ (OCR) bản quét (OCR timeout)',
    });
  }, 60_000);
});

describe.skipIf(!scannable)('extractText: a scan without the OCR tools', () => {
  it('is refused, naming the packages to install', async () => {
    const scan = await buildScannedPdf('KẾ HOẠCH\n\nthử nghiệm', { maxPages: 1, dpi: 72 });
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await extractText({ name: 'a.pdf', bytes: scan })).toEqual({
        ok: false,
        reason:
          'PDF không có lớp chữ, có thể là bản quét; để nhận dạng chữ (OCR) cần cài tesseract-ocr, tesseract-ocr-vie, poppler-utils (scanned PDF without a text layer)',
      });
    } finally {
      process.env.PATH = path;
    }
  }, 60_000);
});
