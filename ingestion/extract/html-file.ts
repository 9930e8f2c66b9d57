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

/** Collects text with block structure; whitespace inside text runs is collapsed as a browser would. */
class TextCollector {
  private readonly parts: string[] = [];
  private skipDepth = 0;

  open(name: string): void {
    if (SKIPPED.has(name)) this.skipDepth++;
    if (this.skipDepth > 0) return;
    if (name === 'br') this.parts.push('\n');
    else if (name === 'li') this.parts.push('\n- ');
    else if (CELLS.has(name)) this.parts.push('\t');
    else this.breakFor(name);
  }

  close(name: string): void {
    if (SKIPPED.has(name)) {
      this.skipDepth = Math.max(0, this.skipDepth - 1);
      return;
    }
    if (this.skipDepth === 0) this.breakFor(name);
  }

  text(data: string): void {
    if (this.skipDepth === 0) this.parts.push(data.replace(/\s+/g, ' '));
  }

  result(): string {
    return this.parts
      .join('')
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, (run) => (run.includes('\t') ? '\t' : ' ')).trim())
      .map((line) => (line === '-' ? '' : line)) // an empty list item
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private breakFor(name: string): void {
    if (PARAGRAPHS.has(name)) this.parts.push('\n\n');
    else if (LINES.has(name)) this.parts.push('\n');
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
