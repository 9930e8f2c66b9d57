/**
 * Splits a long reply into messages that fit a channel's limit (Telegram 4096, Zalo 2000 characters).
 * Paragraphs are kept whole and packed in order; a paragraph longer than the limit is cut at line
 * boundaries, then at sentence ends, then at spaces, so a citation line (kept as its own paragraph by the
 * renderers) is never cut. {@link packInOrder} is the one packer: plain-text messages here, Telegram's
 * HTML blocks in telegram/format.ts.
 */

/**
 * Groups `items` in order so that each group's size — the items' sizes plus `separatorSize` between two
 * items — stays within `limit` (an item alone may exceed it: cut items first). When an item that must not
 * start a message (`keepWithPrevious`) would open a new group, the previous item moves along with it if both
 * fit, so a heading or quote is never left alone at the end of a message.
 */
export function packInOrder<T>(
  items: T[],
  limit: number,
  size: (item: T) => number,
  separatorSize: number,
  keepWithPrevious: (item: T) => boolean = () => false,
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let length = 0;
  for (const item of items) {
    const itemSize = size(item);
    if (current.length === 0 || length + separatorSize + itemSize <= limit) {
      length += (current.length === 0 ? 0 : separatorSize) + itemSize;
      current.push(item);
      continue;
    }
    const previous = current[current.length - 1];
    const together = previous !== undefined && current.length > 1 && keepWithPrevious(item) && size(previous) + separatorSize + itemSize <= limit;
    if (together) {
      current.pop();
      groups.push(current);
      current = [previous, item];
      length = size(previous) + separatorSize + itemSize;
    } else {
      groups.push(current);
      current = [item];
      length = itemSize;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Packs paragraphs into messages of at most `limit` characters, joined by a blank line. */
export function splitIntoMessages(paragraphs: string[], limit: number): string[] {
  const pieces = paragraphs.filter((p) => p.trim() !== '').flatMap((p) => cutToFit(p, limit));
  return packInOrder(pieces, limit, (p) => p.length, 2).map((group) => group.join('\n\n'));
}

/** Cuts one paragraph into pieces of at most `limit` characters at the most natural boundary available. */
export function cutToFit(paragraph: string, limit: number): string[] {
  if (paragraph.length <= limit) return [paragraph];
  for (const separator of ['\n', '. ', '; ', ', ', ' ']) {
    const parts = paragraph.split(separator);
    if (parts.length > 1 && parts.every((part) => part.length + separator.length <= limit)) {
      return packParts(parts, separator, limit);
    }
  }
  const hard: string[] = [];
  for (let i = 0; i < paragraph.length; i += limit) hard.push(paragraph.slice(i, i + limit));
  return hard;
}

/** Rejoins the parts of one cut paragraph, each keeping its separator's mark, into pieces within `limit`. */
function packParts(parts: string[], separator: string, limit: number): string[] {
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
