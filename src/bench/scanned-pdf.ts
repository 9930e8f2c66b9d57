/**
 * Makes a scanned-looking PDF from a text, for the OCR test and the OCR speed measurement: the text is typeset
 * on A4 pages with a Vietnamese-capable TrueType font (DejaVu Sans from Debian's fonts-dejavu-core) by pdf-lib,
 * each page is rendered to a PNG by poppler's `pdftoppm`, and the PNGs become an image-only PDF (no text layer),
 * as a scanner writes it. Needs pdf-lib and @pdf-lib/fontkit (dev dependencies) and pdftoppm.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';

const run = promisify(execFile);

/** Where Debian installs DejaVu Sans. */
export const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const A4: [number, number] = [595, 842];
const MARGIN = 56;
const FONT_SIZE = 11;
const LEADING = 15;

/** Splits one paragraph into lines that fit `width` at the font size. */
function wrap(paragraph: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/u).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, FONT_SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** The text typeset on A4 pages (paragraphs separated by a blank line), at most `maxPages` pages. */
export async function typesetPdf(text: string, maxPages = Infinity, fontPath = DEJAVU_SANS): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await readFile(fontPath), { subset: true });
  const width = A4[0] - 2 * MARGIN;
  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  for (const paragraph of text.split(/\n\s*\n/u)) {
    for (const line of paragraph.split('\n').flatMap((l) => wrap(l, font, width))) {
      if (y < MARGIN) {
        if (pdf.getPageCount() >= maxPages) return pdf.save();
        page = pdf.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y, size: FONT_SIZE, font });
      y -= LEADING;
    }
    y -= LEADING / 2;
  }
  return pdf.save();
}

/** Renders every page of a PDF to a grey PNG at `dpi` with pdftoppm. */
export async function renderPages(pdfBytes: Uint8Array, dpi: number): Promise<Uint8Array[]> {
  const dir = await mkdtemp(join(tmpdir(), 'scan-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdfBytes);
    await run('pdftoppm', ['-r', String(dpi), '-gray', '-png', join(dir, 'in.pdf'), join(dir, 'page')]);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
    return Promise.all(names.map(async (n) => new Uint8Array(await readFile(join(dir, n)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An image-only PDF: one A4 page per PNG, the image covering the page, no text layer. */
export async function imageOnlyPdf(pngs: Uint8Array[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const png of pngs) {
    const image = await pdf.embedPng(png);
    pdf.addPage(A4).drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  }
  return pdf.save();
}

/** Whether this machine can make scanned PDFs (pdftoppm and the DejaVu font present). */
export async function canMakeScans(fontPath = DEJAVU_SANS): Promise<boolean> {
  if (!existsSync(fontPath)) return false;
  return run('pdftoppm', ['-v']).then(
    () => true,
    () => false,
  );
}

/** Text → a scanned PDF of at most `maxPages` pages, rendered at `dpi` (200 looks like an office scanner). */
export async function buildScannedPdf(text: string, { maxPages = Infinity, dpi = 200 } = {}): Promise<Uint8Array> {
  return imageOnlyPdf(await renderPages(await typesetPdf(text, maxPages), dpi));
}
