// @ts-check
/**
 * HTML to plain text with htmlparser2, bounded: scripts, styles and the head are dropped, block elements become
 * line breaks, list items become `- ` bullet lines (the bullet style the section parser already knows from real
 * directives), table rows become one line each with their cells separated by ` | ` (the appendix table shape the
 * section parser reads), and entities are decoded. Parsing stops as soon as the page holds more elements or more
 * text than the limits allow, so a hostile page costs bounded work. Runs in the markup worker (markup-worker.mjs).
 */

import { Parser } from 'htmlparser2';

// Content of these elements is never document text.
const SKIPPED = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'math', 'iframe', 'object']);
// Paragraph-like blocks are separated by a blank line, as mammoth separates .docx paragraphs and as the bundled
// .txt directives are written; the section parser expects that shape.
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'pre']);
// Other blocks end a line.
const LINES = new Set(['div', 'li', 'tr', 'section', 'article', 'header', 'footer', 'main', 'dd', 'dt', 'hr']);
const CELLS = new Set(['td', 'th']);

/** Thrown inside the parser's callbacks to stop it; `kind` names the limit. */
export class LimitExceeded extends Error {
  /** @param {'too-many-elements' | 'text-too-long'} kind */
  constructor(kind) {
    super(kind);
    this.kind = kind;
  }
}

/**
 * Collects text with block structure. Breaks are kept pending until the next visible text, so nested or empty
 * blocks never stack up blank lines and an empty list item leaves no bullet behind. Whitespace inside text runs
 * is collapsed as a browser would (a no-break space becomes a plain space, which the document-number parser needs).
 */
class TextCollector {
  /** @param {{ maxElements: number, maxTextChars: number }} limits */
  constructor(limits) {
    this.limits = limits;
    /** @type {string[]} */
    this.parts = [];
    this.length = 0;
    this.elements = 0;
    this.skipDepth = 0;
    this.pendingBreaks = 0; // 0: same line, 1: new line, 2: blank line
    this.pendingBullet = false;
    /** Cell separators owed before the next text (an empty cell still counts, so columns stay in place). */
    this.pendingCells = 0;
    /** Inside a table cell, blocks and line breaks are spaces: a row must stay on one line. */
    this.cellDepth = 0;
    this.pendingSpace = false;
    /** Whether the current row has a cell yet (the first cell gets no separator). */
    this.rowHasCell = false;
  }

  /** @param {string} name */
  open(name) {
    if (++this.elements > this.limits.maxElements) throw new LimitExceeded('too-many-elements');
    if (SKIPPED.has(name)) this.skipDepth++;
    if (this.skipDepth > 0) return;
    if (CELLS.has(name)) {
      if (this.rowHasCell) this.pendingCells++;
      this.rowHasCell = true;
      this.cellDepth++;
    } else if (name === 'tr') {
      this.rowHasCell = false;
      this.pendingCells = 0;
      this.breakFor(name);
    } else if (this.cellDepth > 0) this.pendingSpace = true;
    else if (name === 'br') this.pendingBreaks = Math.min(2, this.pendingBreaks + 1);
    else this.breakFor(name);
    if (name === 'li' && this.cellDepth === 0) this.pendingBullet = true;
  }

  /** @param {string} name */
  close(name) {
    if (SKIPPED.has(name)) {
      this.skipDepth = Math.max(0, this.skipDepth - 1);
      return;
    }
    if (this.skipDepth > 0) return;
    if (CELLS.has(name)) this.cellDepth = Math.max(0, this.cellDepth - 1);
    else if (this.cellDepth > 0) this.pendingSpace = true;
    else this.breakFor(name);
  }

  /** @param {string} data */
  text(data) {
    if (this.skipDepth > 0) return;
    let run = data.replace(/\s+/g, ' ');
    if (this.cellDepth > 0) run = run.replace(/\|/g, '/');
    if (this.atLineStart()) run = run.trimStart();
    if (run === '') return;
    if (this.parts.length > 0 && this.pendingBreaks > 0) this.push('\n'.repeat(this.pendingBreaks));
    else if (this.parts.length > 0 && this.pendingCells > 0) this.push(`${' |'.repeat(this.pendingCells)} `);
    else if (this.pendingSpace && !/^\s/.test(run) && !/\s$/.test(this.parts[this.parts.length - 1] ?? ' ')) this.push(' ');
    if (this.pendingBullet) this.push('- ');
    this.push(run);
    this.pendingBreaks = 0;
    this.pendingBullet = false;
    this.pendingCells = 0;
    this.pendingSpace = false;
  }

  result() {
    return this.parts
      .join('')
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  /** @param {string} piece */
  push(piece) {
    this.length += piece.length;
    if (this.length > this.limits.maxTextChars) throw new LimitExceeded('text-too-long');
    this.parts.push(piece);
  }

  atLineStart() {
    return this.parts.length === 0 || this.pendingBreaks > 0 || this.pendingCells > 0;
  }

  /** @param {string} name */
  breakFor(name) {
    const breaks = PARAGRAPHS.has(name) ? 2 : LINES.has(name) ? 1 : 0;
    this.pendingBreaks = Math.max(this.pendingBreaks, breaks);
  }
}

/**
 * Converts HTML source to text; throws `LimitExceeded` when the page is over a limit.
 * @param {string} html
 * @param {{ maxElements: number, maxTextChars: number }} limits
 * @returns {string}
 */
export function htmlToText(html, limits) {
  const collector = new TextCollector(limits);
  const parser = new Parser(
    {
      onopentag: (name) => collector.open(name),
      onclosetag: (name) => collector.close(name),
      ontext: (data) => collector.text(data),
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return collector.result();
}
