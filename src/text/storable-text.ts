/**
 * The one rule for text that goes into Postgres `text` and `jsonb` (identically on PGlite and a server):
 * user text arrives from chat apps and JSON webhooks as sent, and two things in it make an insert fail.
 */

/**
 * `text` as Postgres stores it:
 * - U+0000 (NUL) is dropped: `text` cannot hold it, and `jsonb` refuses its escape `\u0000`;
 * - a lone UTF-16 surrogate (half of an emoji, which JSON escapes such as `\ud800` can carry) becomes U+FFFD:
 *   `jsonb` refuses the unpaired escape, and the drivers' UTF-8 encoding would turn it into U+FFFD anyway.
 * Everything else is kept as it is (cleaning for display is `cleanUserText`'s job). SQL NULL stays NULL.
 */
export function storableText(text: string): string;
export function storableText(text: string | null): string | null;
export function storableText(text: string | null): string | null {
  if (text === null) return null;
  return text.replaceAll('\u0000', '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
