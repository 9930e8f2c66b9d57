/**
 * Vietnamese text normalisation shared by ingestion and query understanding.
 *
 * Two views of every text are searched: the exact view (NFC, one tone-mark placement, lower case) and the
 * folded view (no diacritics, đ→d). Original text is never changed for quoting; these views are for search.
 */

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Unicode NFC plus the look-alike letters Ð (U+00D0) / ð (U+00F0), which some converters emit for Đ/đ.
 */
export function nfc(text: string): string {
  return text.normalize('NFC').replace(/\u00D0/g, 'Đ').replace(/\u00F0/g, 'đ');
}

/**
 * Text typed by a user, made safe to process, store and echo: NFC (as {@link nfc}), without control characters
 * other than tab and line breaks (NUL, ESC, BEL, C1) and without bidirectional embedding, override and isolate
 * marks, which can make a reply read differently from what it says.
 */
export function cleanUserText(text: string): string {
  return (
    nfc(text)
      // Terminal colour codes pasted with a question (ESC [ 31 m) go whole, not leaving "[31m" behind.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
  );
}

/**
 * Puts tone marks of syllables ending in the glides `oa`, `oe`, `uy` on the second vowel
 * (`hóa`→`hoá`, `ủy`→`uỷ`, `khỏe`→`khoẻ`). Both placements appear in real directives; search needs one.
 * Syllables with a final consonant or a third vowel are the same in both styles and are left alone,
 * `qu` is a consonant (`quý` stays), and `ua` is not a glide (`của`, `mùa` stay).
 */
export function canonicalTones(text: string): string {
  const decomposed = text.normalize('NFD');
  // Only the glides o+a, o+e and u+y: in `của`, `mùa` the `u` is the main vowel and keeps the mark.
  const re = new RegExp(`(?<![qQ])([oO]([${TONE_MARKS}])[aAeE]|[uU]([${TONE_MARKS}])[yY])(?![\\p{L}\\p{M}])`, 'gu');
  return decomposed
    .replace(re, (pair: string) => `${pair[0]}${pair[2]}${pair[1]}`)
    .normalize('NFC');
}

/** Removes every diacritic and maps đ/Đ to d/D (NFD alone leaves đ, which has no decomposition). */
export function stripDiacritics(text: string): string {
  return nfc(text).normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Exact search view: NFC, canonical tones, lower case. */
export function exactView(text: string): string {
  return canonicalTones(nfc(text)).toLowerCase();
}

/** Folded search view: no diacritics, lower case. `Đảng ủy` → `dang uy`. */
export function foldedView(text: string): string {
  return stripDiacritics(text).toLowerCase();
}

/** True when the text has at least one Vietnamese diacritic or đ. */
export function hasDiacritics(text: string): boolean {
  return stripDiacritics(text) !== nfc(text);
}

/** Splits into syllables: runs of letters or digits (marks included). Punctuation and spaces separate. */
export function syllables(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** Collapses runs of spaces and tabs into one space and trims each line. */
export function tidySpaces(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\t \u00a0]+/g, ' ').trim())
    .join('\n');
}

/** Case-, accent- and punctuation-insensitive form used to check that a quote stands in a document. */
export function quoteKey(text: string): string {
  return syllables(foldedView(text)).join(' ');
}
