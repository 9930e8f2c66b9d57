// @ts-check
/**
 * .docx to plain text, bounded, in the markup worker (markup-worker.mjs). A .docx is a zip of XML parts; before
 * mammoth reads anything, every part is inflated once only to be measured, and the archive is refused when
 * - the sizes it declares, or the bytes it really inflates to, pass the decompressed-size limit (a zip bomb: a
 *   few kilobytes of DEFLATE data can expand to gigabytes, and declared sizes can lie), or
 * - its XML parts hold more elements than the element limit (147 KB of zip can carry 48 MB of one-letter
 *   paragraphs, which mammoth turns into millions of objects: minutes of work and gigabytes of memory).
 * Both counts stop as soon as a budget is spent. Then mammoth reads the document tree and its text is written as
 * its raw-text mode would (paragraphs separated by blank lines, formatting dropped), except that a table becomes
 * one line per row with its cells separated by ` | ` (the appendix table shape the section parser reads) and a
 * line break inside a paragraph ends the line; text over the length limit is refused.
 */

import { Buffer } from 'node:buffer';
import JSZip from 'jszip';
import mammoth from 'mammoth';

/** @typedef {{ maxUnzippedBytes: number, maxElements: number, maxTextChars: number }} DocxLimits */
/** @typedef {{ ok: true, text: string } | { ok: false, kind: 'corrupt' | 'unzipped-too-large' | 'too-many-elements' | 'text-too-long' }} DocxResult */

const LT = 0x3c;
// After `<`, these start an end tag, a processing instruction, a comment or CDATA: not an element.
const NOT_ELEMENT = new Set([0x2f, 0x3f, 0x21]);

/**
 * The size an entry declares in the zip's central directory. jszip keeps it on a private `_data` object; if that
 * ever changes, the inflated count still bounds the work.
 * @param {JSZip.JSZipObject} entry
 */
function declaredSize(entry) {
  /** @type {unknown} */
  const data = /** @type {{ _data?: unknown }} */ (/** @type {unknown} */ (entry))._data;
  if (typeof data !== 'object' || data === null || !('uncompressedSize' in data)) return 0;
  return typeof data.uncompressedSize === 'number' ? Math.max(0, data.uncompressedSize) : 0;
}

/**
 * Inflates one entry only to count its bytes and (for XML parts) its elements, stopping once a budget is spent.
 * jszip's node stream is an old-style Readable; once paused and unread, back-pressure pauses jszip's own worker,
 * so nothing more is inflated. The error listener stays attached for good: an `error` event without a listener
 * would be thrown.
 * @param {JSZip.JSZipObject} entry
 * @param {{ bytes: number, elements: number }} budget what is left; spent in place
 * @returns {Promise<void>}
 */
function measure(entry, budget) {
  const xml = /\.(xml|rels)$/i.test(entry.name);
  return new Promise((resolve, reject) => {
    let afterLt = false; // the previous chunk ended with `<`
    const stream = entry.nodeStream('nodebuffer');
    stream.on('error', reject);
    stream.on('end', () => resolve());
    stream.on('data', (/** @type {Buffer} */ chunk) => {
      budget.bytes -= chunk.length;
      if (xml) {
        if (afterLt && chunk.length > 0 && !NOT_ELEMENT.has(chunk[0] ?? 0)) budget.elements--;
        for (let at = chunk.indexOf(LT); at !== -1; at = chunk.indexOf(LT, at + 1)) {
          if (at + 1 < chunk.length && !NOT_ELEMENT.has(chunk[at + 1] ?? 0)) budget.elements--;
        }
        afterLt = chunk.length > 0 && chunk[chunk.length - 1] === LT;
      }
      if (budget.bytes >= 0 && budget.elements >= 0) return;
      stream.pause();
      stream.removeAllListeners('data');
      resolve();
    });
  });
}

/**
 * The reason to refuse the archive before parsing, if any; rejects when an entry is corrupt.
 * @param {JSZip} zip
 * @param {DocxLimits} limits
 * @returns {Promise<'unzipped-too-large' | 'too-many-elements' | undefined>}
 */
async function checkArchive(zip, limits) {
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.reduce((sum, entry) => sum + declaredSize(entry), 0) > limits.maxUnzippedBytes) return 'unzipped-too-large';
  const budget = { bytes: limits.maxUnzippedBytes, elements: limits.maxElements };
  for (const entry of entries) {
    await measure(entry, budget);
    if (budget.bytes < 0) return 'unzipped-too-large';
    if (budget.elements < 0) return 'too-many-elements';
  }
  return undefined;
}

/**
 * The part of mammoth's document element this reader uses (mammoth ships no types for its tree).
 * @typedef {{ type: string, value?: string, breakType?: string, children?: DocxElement[] }} DocxElement
 */

/** @param {DocxElement} element */
function childrenText(element) {
  return (element.children ?? []).map(elementText).join('');
}

/**
 * A cell's text on one line: its paragraphs joined by a space, its own `|` kept out of the column grid.
 * @param {DocxElement} cell
 */
function cellText(cell) {
  return childrenText(cell).replace(/\s+/gu, ' ').replace(/\|/gu, '/').trim();
}

/** @param {DocxElement} table */
function tableText(table) {
  const rows = (table.children ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) => (row.children ?? []).filter((c) => c.type === 'tableCell').map(cellText).join(' | '))
    .filter((row) => row.replace(/[\s|]/gu, '') !== '');
  return rows.length > 0 ? `${rows.join('\n')}\n\n` : '';
}

/**
 * The text of one element and everything inside it.
 * @param {DocxElement} element
 * @returns {string}
 */
export function elementText(element) {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'paragraph':
      return `${childrenText(element)}\n\n`;
    case 'table':
      return tableText(element);
    default:
      return childrenText(element);
  }
}

/**
 * Reads the document tree through mammoth's public `transformDocument` hook (its raw-text mode flattens tables
 * cell by cell), then hands mammoth an empty document so that no HTML is built.
 * @param {Buffer} buffer
 * @returns {Promise<string>}
 */
async function readDocxText(buffer) {
  let text = '';
  await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (/** @type {DocxElement} */ document) => {
        text = elementText(document);
        return { ...document, children: [] };
      },
    },
  );
  return text;
}

/**
 * Extracts the text of a .docx file; every failure (not a zip, a broken part, broken XML) is a refusal.
 * @param {Uint8Array} bytes
 * @param {DocxLimits} limits
 * @returns {Promise<DocxResult>}
 */
export async function docxToText(bytes, limits) {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const refusal = await checkArchive(zip, limits);
    if (refusal) return { ok: false, kind: refusal };
    const value = await readDocxText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return value.length > limits.maxTextChars ? { ok: false, kind: 'text-too-long' } : { ok: true, text: value };
  } catch {
    return { ok: false, kind: 'corrupt' };
  }
}
