/**
 * Splits a long reply into messages that fit a channel's limit (Telegram 4096, Zalo 2000 characters).
 * Paragraphs are kept whole and packed in order; a paragraph longer than the limit is cut at line
 * boundaries, then at sentence ends, then at spaces, so a citation line (kept as its own paragraph by the
 * renderers) is never cut.
 */

/** Packs paragraphs into messages of at most `limit` characters, joined by a blank line. */
export function splitIntoMessages(paragraphs: string[], limit: number): string[] {
  const pieces = paragraphs.filter((p) => p.trim() !== '').flatMap((p) => cutToFit(p, limit));
  const messages: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const candidate = current === '' ? piece : `${current}\n\n${piece}`;
    if (candidate.length <= limit) {
      current = candidate;
    } else {
      if (current !== '') messages.push(current);
      current = piece;
    }
  }
  if (current !== '') messages.push(current);
  return messages;
}

/** Cuts one paragraph into pieces of at most `limit` characters at the most natural boundary available. */
export function cutToFit(paragraph: string, limit: number): string[] {
  if (paragraph.length <= limit) return [paragraph];
  for (const separator of ['\n', '. ', '; ', ', ', ' ']) {
    const parts = paragraph.split(separator);
    if (parts.length > 1 && parts.every((part) => part.length + separator.length <= limit)) {
      return pack(parts, separator, limit);
    }
  }
  const hard: string[] = [];
  for (let i = 0; i < paragraph.length; i += limit) hard.push(paragraph.slice(i, i + limit));
  return hard;
}

function pack(parts: string[], separator: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  parts.forEach((part, index) => {
    const withSep = index < parts.length - 1 ? part + separator.trimEnd() : part;
    const candidate = current === '' ? withSep : `${current}${separator.startsWith('\n') ? '\n' : ' '}${withSep}`;
    if (candidate.length <= limit) current = candidate;
    else {
      if (current !== '') out.push(current);
      current = withSep;
    }
  });
  if (current !== '') out.push(current);
  return out;
}
