/**
 * The name a document is stored and cited under, from the name a file arrived with. Upload names are whatever a
 * client sent: a path (`..\..\windows\evil.txt`), control characters (NUL, which Postgres text cannot hold),
 * bidirectional overrides (`\u202Egnp.txt` displays as "txt.png"), tens of thousands of characters.
 */

/** Longest stored name, in characters, extension included. */
export const MAX_SOURCE_CHARS = 200;

/** Longest extension kept whole when a name is shortened (`.docx`, `.html`; anything longer is not one of ours). */
const MAX_EXTENSION_CHARS = 10;

/** Used when nothing is left of the name. */
const UNNAMED = 'tep-khong-ten';

// C0 and C1 controls, DEL; Arabic letter mark, left-to-right and right-to-left marks; bidi embeddings,
// overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The base name only (after the last `/` or `\`), NFC, without control and bidirectional formatting characters,
 * trimmed, and at most {@link MAX_SOURCE_CHARS} characters: a longer name is cut before its extension, which is
 * kept. Never empty.
 */
export function sourceName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '').normalize('NFC').replace(INVISIBLE, '').trim();
  const chars = Array.from(base); // code points, so a cut never splits a surrogate pair
  if (chars.length === 0 || base === '.' || base === '..') return UNNAMED;
  if (chars.length <= MAX_SOURCE_CHARS) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= MAX_EXTENSION_CHARS ? base.slice(dot) : '';
  return chars.slice(0, MAX_SOURCE_CHARS - extension.length).join('').trimEnd() + extension;
}

/** A title made from a file name, for a document whose text names none: `ke-hoach_tuyen-truyen.docx` → `ke hoach tuyen truyen`. */
export function titleFromSource(source: string): string {
  const dot = source.lastIndexOf('.');
  const stem = dot > 0 ? source.slice(0, dot) : source;
  return stem.replace(/[-_.\s]+/g, ' ').trim() || source;
}
