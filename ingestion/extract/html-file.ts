/**
 * HTML to plain text with htmlparser2: scripts, styles and the head are dropped, block elements become line breaks,
 * list items become `- ` bullet lines (the bullet style the section parser already knows from real directives), and
 * entities are decoded.
 */

import { Parser } from 'htmlparser2';
import { decodeText } from './decode-text.ts';
import type { ExtractResult } from './extract-result.ts';

// Content of these elements is never document text.
const SKIPPED = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'math', 'iframe', 'object']);
// Paragraph-like blocks are separated by a blank line, as mammoth separates .docx paragraphs and as the bundled
// .txt directives are written; the section parser expects that shape.
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'pre']);
// Other blocks end a line.
const LINES = new Set(['div', 'li', 'tr', 'section', 'article', 'header', 'footer', 'main', 'dd', 'dt', 'hr']);
const CELLS = new Set(['td', 'th']);

/**
 * Collects text with block structure. Breaks are kept pending until the next visible text, so nested or empty
 * blocks never stack up blank lines and an empty list item leaves no bullet behind. Whitespace inside text runs
 * is collapsed as a browser would (a no-break space becomes a plain space, which the document-number parser needs).
 */
class TextCollector {
  private readonly parts: string[] = [];
  private skipDepth = 0;
  private pendingBreaks = 0; // 0: same line, 1: new line, 2: blank line
  private pendingBullet = false;
  private pendingCell = false;

  open(name: string): void {
    if (SKIPPED.has(name)) this.skipDepth++;
    if (this.skipDepth > 0) return;
    if (name === 'br') this.pendingBreaks = Math.min(2, this.pendingBreaks + 1);
    else if (CELLS.has(name)) this.pendingCell = true;
    else this.breakFor(name);
    if (name === 'li') this.pendingBullet = true;
  }

  close(name: string): void {
    if (SKIPPED.has(name)) {
      this.skipDepth = Math.max(0, this.skipDepth - 1);
      return;
    }
    if (this.skipDepth === 0) this.breakFor(name);
  }

  text(data: string): void {
    if (this.skipDepth > 0) return;
    let run = data.replace(/\s+/g, ' ');
    if (this.atLineStart()) run = run.trimStart();
    if (run === '') return;
    if (this.parts.length > 0 && this.pendingBreaks > 0) this.parts.push('\n'.repeat(this.pendingBreaks));
    else if (this.parts.length > 0 && this.pendingCell) this.parts.push('\t');
    if (this.pendingBullet) this.parts.push('- ');
    this.parts.push(run);
    this.pendingBreaks = 0;
    this.pendingBullet = false;
    this.pendingCell = false;
  }

  result(): string {
    return this.parts
      .join('')
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private atLineStart(): boolean {
    return this.parts.length === 0 || this.pendingBreaks > 0 || this.pendingCell;
  }

  private breakFor(name: string): void {
    const breaks = PARAGRAPHS.has(name) ? 2 : LINES.has(name) ? 1 : 0;
    this.pendingBreaks = Math.max(this.pendingBreaks, breaks);
  }
}

/** Converts HTML source to text. */
export function htmlToText(html: string): string {
  const collector = new TextCollector();
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

/** Extracts the text of an `.html`/`.htm` file. */
export function extractHtml(bytes: Uint8Array): ExtractResult {
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, text: htmlToText(decoded.text), format: 'html' } : decoded;
}
