/**
 * Quoted text that another document's numbering lives in: an amending law writes "1. Sửa đổi, bổ sung Điều 5
 * như sau:" and then the new article in quotes, `“Điều 5. …` / `1. …` / `2. …”.`. Those inner `Điều 5.` and
 * `1.` lines are the quoted document's structure, not this one's, so they must stay body text.
 */

/** How far the quotes of one line change the open-quote balance (curly quotes count; straight quotes toggle). */
function balanceChange(line: string, open: boolean): { delta: number; open: boolean } {
  const opening = (line.match(/“/gu) ?? []).length;
  const closing = (line.match(/”/gu) ?? []).length;
  const straight = (line.match(/"/gu) ?? []).length;
  return { delta: opening - closing, open: straight % 2 === 1 ? !open : open };
}

/** End (inclusive) of the quote that opens on line `start`, or -1 when it never closes. */
function quoteEnd(lines: string[], start: number): number {
  let balance = 0;
  let straightOpen = false;
  for (let i = start; i < lines.length; i += 1) {
    const change = balanceChange(lines[i] as string, straightOpen);
    balance += change.delta;
    straightOpen = change.open;
    if (balance <= 0 && !straightOpen) return i === start ? -1 : i;
  }
  return -1;
}

function previousNonBlank(lines: string[], index: number): string {
  for (let i = index - 1; i >= 0; i -= 1) if (lines[i]) return lines[i] as string;
  return '';
}

/** A quote introduced by a colon: on the line after "… như sau:", or on the same line ("… như sau: “2. …"). */
function opensQuote(lines: string[], i: number): boolean {
  const line = lines[i] as string;
  if (/^[“"]/u.test(line)) return previousNonBlank(lines, i).endsWith(':');
  return /:\s*[“"]/u.test(line);
}

/**
 * For each line, whether it lies inside quoted amendment text (after its opening line). A quote counts when a
 * colon introduces it ("… như sau:" then `“…`, or `… như sau: “…` on one line) and it closes on a later line; a
 * quote that never closes marks nothing, so a stray quote cannot hide the rest of a document's headings.
 */
export function quotedLines(lines: string[]): boolean[] {
  const inside = lines.map(() => false);
  for (let i = 0; i < lines.length; i += 1) {
    if (!opensQuote(lines, i)) continue;
    const end = quoteEnd(lines, i);
    if (end < 0) continue;
    for (let j = i + 1; j <= end; j += 1) inside[j] = true;
    i = end;
  }
  return inside;
}
