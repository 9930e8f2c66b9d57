/**
 * Quotes that stand verbatim in the document as it was uploaded. The parser repairs page-break damage (a
 * sentence cut by "- 3 -", a word split over two lines), so a quote taken from a repaired section can join words
 * the uploaded file keeps apart. Each fragment of a quote is checked against the uploaded text (accents, case and
 * punctuation aside, as a reader compares); a fragment that does not stand there is cut into the longest runs of
 * words that do, joined by `…`. Nothing is ever put in a directive's mouth.
 */
import { quoteKey } from '../text/normalize.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Runs of `fragment`'s words that stand in `source` (a quoteKey), longest first from the left, as text. */
function runs(fragment: string, source: string): string[] {
  const words = [...fragment.matchAll(WORD)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, key: quoteKey(m[0]) }));
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    let key = words[i]?.key ?? '';
    if (!source.includes(key)) {
      i += 1;
      continue;
    }
    while (j + 1 < words.length && source.includes(`${key} ${words[j + 1]?.key}`)) {
      j += 1;
      key = `${key} ${words[j]?.key}`;
    }
    // A lone short word is no quote; leave it out.
    if (j > i || key.length >= 12) {
      const start = i === 0 ? 0 : (words[i]?.start ?? 0);
      const end = j === words.length - 1 ? fragment.length : words[j]?.end;
      out.push(fragment.slice(start, end).trim());
    }
    i = j + 1;
  }
  return out;
}

/** The quote with every fragment verbatim in `source` (a quoteKey of the uploaded text). */
export function faithfulQuote(quote: string, source: string): string {
  return quote
    .split('\n')
    .map((line) => {
      const parts = line.split('…');
      const kept = parts.map((part) => {
        const key = quoteKey(part);
        if (key === '' || source.includes(key)) return part;
        return runs(part, source).join(' … ');
      });
      return kept.join('…');
    })
    .join('\n');
}

/** True when every fragment of the quote stands in `source`. */
export function isFaithful(quote: string, source: string): boolean {
  return quote
    .split(/…|\n/u)
    .map(quoteKey)
    .filter(Boolean)
    .every((f) => source.includes(f));
}
