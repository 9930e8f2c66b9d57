/**
 * Telegram HTML building blocks. Renderers describe a reply as blocks of raw text (paragraphs, quotes,
 * citation lines); `toHtmlMessages` splits the raw text into messages first and only then escapes and wraps
 * each piece, so a message never ends inside a tag or an entity and never inside a citation line.
 */
import { cutToFit, packInOrder } from '../split-message.ts';

/** Telegram's limit for a message text, counted after entity parsing (UTF-16 code units). */
export const MAX_TELEGRAM_TEXT = 4096;

/** Inline styles, each mapped to one tag Telegram accepts. */
export type SpanStyle = 'plain' | 'bold' | 'italic' | 'code';

/** A run of raw (unescaped) text with one style. */
export interface Span {
  text: string;
  style: SpanStyle;
}

/** A paragraph of spans, or a quote rendered as a blockquote. */
export interface Block {
  kind: 'paragraph' | 'quote';
  spans: Span[];
  /** When a message break would fall just before this block, the previous block moves along with it. */
  keepWithPrevious?: boolean;
}

/** Plain span. */
export const plain = (text: string): Span => ({ text, style: 'plain' });
/** Bold span. */
export const bold = (text: string): Span => ({ text, style: 'bold' });
/** Italic span. */
export const italic = (text: string): Span => ({ text, style: 'italic' });
/** Monospace span (tap-to-copy on phones). */
export const code = (text: string): Span => ({ text, style: 'code' });

/** A paragraph; strings become plain spans. */
export function paragraph(...parts: Array<Span | string>): Block {
  return { kind: 'paragraph', spans: parts.map((p) => (typeof p === 'string' ? plain(p) : p)) };
}

/** A verbatim quote from a document, shown as a blockquote. */
export function quote(text: string): Block {
  return { kind: 'quote', spans: [plain(text)] };
}

/** Escapes the three characters Telegram's HTML parser treats specially. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const TAGS: Record<Exclude<SpanStyle, 'plain'>, string> = { bold: 'b', italic: 'i', code: 'code' };

/** Number of characters Telegram counts for a block once its tags are parsed away. */
export function visibleLength(block: Block): number {
  return block.spans.reduce((sum, s) => sum + s.text.length, 0);
}

/** Renders blocks as HTML messages, each at most `limit` visible characters, joined by blank lines. */
export function toHtmlMessages(blocks: Block[], limit = MAX_TELEGRAM_TEXT): string[] {
  const pieces = blocks.filter((b) => visibleLength(b) > 0 && textOf(b).trim() !== '').flatMap((b) => cutBlock(b, limit));
  return pack(pieces, limit).map((group) => group.map(blockHtml).join('\n\n'));
}

function textOf(block: Block): string {
  return block.spans.map((s) => s.text).join('');
}

/** A block longer than the limit is cut at line, sentence or word boundaries; a styled block loses its styles. */
function cutBlock(block: Block, limit: number): Block[] {
  if (visibleLength(block) <= limit) return [block];
  const style = block.spans.length === 1 ? (block.spans[0]?.style ?? 'plain') : 'plain';
  return cutToFit(textOf(block), limit).map((text, index) => ({
    kind: block.kind,
    spans: [{ text, style }],
    keepWithPrevious: index === 0 ? block.keepWithPrevious : false,
  }));
}

const SEPARATOR_LENGTH = 2; // the blank line between blocks

function pack(blocks: Block[], limit: number): Block[][] {
  return packInOrder(blocks, limit, visibleLength, SEPARATOR_LENGTH, (b) => b.keepWithPrevious === true);
}

function blockHtml(block: Block): string {
  const inner = block.spans.map(spanHtml).join('');
  return block.kind === 'quote' ? `<blockquote>${inner}</blockquote>` : inner;
}

function spanHtml(span: Span): string {
  const text = escapeHtml(span.text);
  if (span.style === 'plain') return text;
  const tag = TAGS[span.style];
  return `<${tag}>${text}</${tag}>`;
}
