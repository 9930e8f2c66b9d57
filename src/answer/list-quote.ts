/**
 * Complete lists. A question that asks for a list ("gồm những gì", "những cơ quan nào") gets every item of the
 * cited section: its bullets, or, when it has none, its numbered parts. When the whole text does not fit, each
 * item keeps at least its lead words (verbatim, cut at a word with `…`) so nothing is dropped silently, and the
 * answer says how many items there are. The full section stays one tap away.
 */
import type { StoredSection } from '../core/types.ts';
import { coverage, profileOf, type QuestionUnits } from '../retrieval/coverage.ts';
import { paragraphsOf } from './quote.ts';

/** A quoted list and how many items it has. */
export interface ListQuote {
  quote: string;
  /** Top-level items (bullets `-`, or numbered parts), for "gồm N …". */
  count: number;
}

const BULLET = /^[-•]\s/u;
const SUB_BULLET = /^\+\s/u;
/** A numbered or lettered line that opens a part (`1.`, `2.3.`, `a)`, `II.`, `Điều 5.`). */
const PART = /^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[IVXL]+[.\-–]|Điều\s+\d+)\s*\S/u;
/** Fewest characters kept of an item that has to be shortened. */
const MIN_LEAD = 90;

function isItem(paragraph: string): boolean {
  return BULLET.test(paragraph) || SUB_BULLET.test(paragraph) || PART.test(paragraph);
}

/** Paragraphs of a section's full text, each bullet and each numbered part line starting a new one. */
function itemsOf(text: string): string[] {
  return paragraphsOf(text).flatMap((p) => {
    const out: string[] = [];
    for (const line of p.split('\n')) {
      if (out.length === 0 || PART.test(line.trim())) out.push(line);
      else out[out.length - 1] += `\n${line}`;
    }
    return out.map((x) => x.trim()).filter(Boolean);
  });
}

/** An item numbered inside running text: "(1) …; (2) …". */
const INLINE_START = /^\(\d{1,2}\)\s/u;
const INLINE_MARK = /\((\d{1,2})\)\s/gu;

/**
 * A paragraph that enumerates inside its text ("đặc biệt là: (1) …; (2) …; (3) …") split into its lead and its
 * items, when the marks run 1, 2, 3… in order; else the paragraph as it is.
 */
function inlineItems(paragraph: string): { lead: string; items: string[] } | null {
  const marks = [...paragraph.matchAll(INLINE_MARK)];
  const run: number[] = [];
  for (const m of marks) {
    if (Number(m[1]) === run.length + 1) run.push(m.index);
  }
  if (run.length < 2) return null;
  const items = run.map((at, k) => paragraph.slice(at, run[k + 1] ?? paragraph.length).trim());
  return { lead: paragraph.slice(0, run[0]).trim(), items };
}

/** The section's paragraphs, with an inline enumeration spread one item a line when the section has no other list. */
function withInlineItems(paragraphs: string[]): { paragraphs: string[]; inline: number } {
  if (paragraphs.some(isItem)) return { paragraphs, inline: 0 };
  const found = paragraphs.map(inlineItems);
  const at = found.findIndex((f) => f !== null);
  const list = found[at];
  if (!list) return { paragraphs, inline: 0 };
  const { lead: opening, items } = list;
  const spread = [...paragraphs.slice(0, at), ...(opening ? [opening] : []), ...items, ...paragraphs.slice(at + 1)];
  return { paragraphs: spread, inline: items.length };
}

/** Cuts a paragraph at a word boundary to about `max` characters, marking the cut with ` …`. */
function lead(paragraph: string, max: number): string {
  if (paragraph.length <= max) return paragraph;
  const head = paragraph.slice(0, max);
  const clause = Math.max(head.lastIndexOf(';'), head.lastIndexOf(':'));
  const cut = clause > max * 0.6 ? clause : head.lastIndexOf(' ');
  return `${head.slice(0, cut > 0 ? cut : max).replace(/[\s,;:.]+$/u, '')} …`;
}

/**
 * The whole list of a section, or null when the section holds no list (fewer than two items). `budget` is the
 * target length; items most relevant to the question keep more of their text when it is short.
 */
export function listQuote(section: StoredSection, units: QuestionUnits, budget: number): ListQuote | null {
  const text = section.fullText.trim() || section.body.trim();
  const { paragraphs, inline } = withInlineItems(itemsOf(text));
  const bullets = paragraphs.filter((p) => BULLET.test(p)).length;
  const parts = paragraphs.filter((p) => PART.test(p)).length;
  // Numbered parts are the list's items when there are any; their bullets are the items' details.
  const count = inline || (parts >= 2 ? parts : bullets);
  if (count < 2) return null;
  if (text.length <= budget) return { quote: paragraphs.join('\n'), count };
  const items = paragraphs.map((p, i) => ({ p, i, item: isItem(p) || (inline > 0 && INLINE_START.test(p)) }));
  const kept = items.filter((x) => x.item || x.i === 0);
  const share = Math.max(MIN_LEAD, Math.floor(budget / Math.max(1, kept.length)));
  // The items that answer the question best keep their whole text while the budget lasts.
  const relevance = new Map(kept.map((x) => [x.i, coverage(units, profileOf(x.p))]));
  const byRelevance = [...kept].sort((a, b) => (relevance.get(b.i) ?? 0) - (relevance.get(a.i) ?? 0) || a.i - b.i);
  let used = kept.reduce((sum, x) => sum + Math.min(x.p.length, share), 0);
  const whole = new Set<number>();
  for (const x of byRelevance) {
    const extra = x.p.length - Math.min(x.p.length, share);
    if (extra > 0 && used + extra <= budget) {
      whole.add(x.i);
      used += extra;
    }
  }
  const out: string[] = [];
  let previous = -1;
  for (const x of kept) {
    if (x.i > previous + 1 && out.length > 0) out.push('…');
    out.push(whole.has(x.i) ? x.p : lead(x.p, share));
    previous = x.i;
  }
  if (previous < paragraphs.length - 1) out.push('…');
  return { quote: out.join('\n'), count };
}
