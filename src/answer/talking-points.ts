/**
 * Talking points for báo cáo viên: 3–10 points on a topic, each a whole clause or sentence quoted verbatim with
 * its citation. Points from sections whose own heading is about the topic come first, then the clauses that
 * carry the topic best; opening lines ("Thực hiện Hướng dẫn số …") never. A sentence several plans copy becomes
 * one point citing each of them. The points are grouped by document, newest year first, and keep each
 * document's order, so they read as the outline of a talk.
 */
import type { Citation, TalkingPoint, TalkingPointGroup, TalkingPoints } from '../core/types.ts';
import type { RankedSection } from '../retrieval/search.ts';
import type { QueryIntent } from '../retrieval/understand.ts';
import { quoteKey } from '../text/normalize.ts';
import { citationFor, refusalText } from './compose.ts';
import { isNearCopy } from './near-copy.ts';
import { candidatesFor, type Candidate } from './talking-point-candidates.ts';

/** Fewer points than this, and the answer says how few the collection has. */
export const MIN_POINTS = 3;
/** A talk has at most this many points. */
export const MAX_POINTS = 10;
/** A clause covering this much of the topic (weighted) is a point in its own right. */
const STRONG = 0.7;
/** Below MIN_POINTS strong ones, clauses down to this are taken too. */
const WEAK = 0.45;
/** Points one section may give: more from a section about the topic, fewer from any other. */
const PER_SECTION = [3, 2] as const;

/** A point being built: its candidate (the group's quote) and the near-copies found in other documents. */
interface Draft {
  first: Candidate;
  copies: Candidate[];
}

/** Builds the talking points from ranked sections. */
export function buildTalkingPoints(topic: string, intent: QueryIntent, ranked: RankedSection[]): TalkingPoints {
  const candidates = candidatesFor(intent, ranked).sort(
    (a, b) => a.tier - b.tier || b.score - a.score || b.ranked.score - a.ranked.score || order(a, b),
  );
  const drafts: Draft[] = [];
  take(drafts, candidates.filter((c) => c.tier === 0 || c.score >= STRONG));
  if (drafts.length < MIN_POINTS) take(drafts, candidates.filter((c) => c.score >= WEAK));
  if (drafts.length === 0) return refusedPoints(topic);
  const notice = drafts.length < MIN_POINTS ? `Kho chỉ có ${drafts.length} ý liên quan đến chủ đề này.` : null;
  return assemble(topic, groupDrafts(drafts).map((g) => g.map(toPoint)), notice);
}

/** No point on the topic. */
function refusedPoints(topic: string): TalkingPoints {
  return { topic, points: [], groups: [], documentCount: 0, refused: true, notice: refusalText() };
}

/** Adds candidates in order, merging near-copies and keeping to the per-section and total limits. */
function take(drafts: Draft[], ordered: Candidate[]): void {
  const perSection = new Map<string, number>();
  for (const d of drafts) perSection.set(d.first.ranked.section.id, (perSection.get(d.first.ranked.section.id) ?? 0) + 1);
  for (const c of ordered) {
    if (drafts.length >= MAX_POINTS) return;
    if (drafts.some((d) => d.first === c || d.copies.includes(c))) continue;
    const copyOf = drafts.find((d) => isNearCopy(d.first.clause.text, c.clause.text));
    if (copyOf) {
      const cited = [copyOf.first, ...copyOf.copies].some((x) => x.ranked.document.id === c.ranked.document.id);
      if (!cited) copyOf.copies.push(c);
      continue;
    }
    const section = c.ranked.section.id;
    if ((perSection.get(section) ?? 0) >= PER_SECTION[c.tier]) continue;
    perSection.set(section, (perSection.get(section) ?? 0) + 1);
    drafts.push({ first: c, copies: [] });
  }
}

/** Document order of two candidates of the same document. */
function order(a: Candidate, b: Candidate): number {
  return a.ranked.section.order - b.ranked.section.order || a.clause.paragraph - b.clause.paragraph || a.clause.index - b.clause.index;
}

/**
 * Drafts grouped by the document of their own quote: newest year first, then the newest date, then the group
 * holding the best point; each group in the document's order.
 */
function groupDrafts(drafts: Draft[]): Draft[][] {
  const byDoc = new Map<string, Draft[]>();
  for (const d of drafts) byDoc.set(d.first.ranked.document.id, [...(byDoc.get(d.first.ranked.document.id) ?? []), d]);
  const best = (g: Draft[]) => Math.max(...g.map((d) => (d.first.tier === 0 ? 10 : 0) + d.first.score));
  return [...byDoc.values()]
    .sort((a, b) => {
      const x = (a[0] as Draft).first.ranked.document;
      const y = (b[0] as Draft).first.ranked.document;
      return (y.year ?? 0) - (x.year ?? 0) || (y.issuedOn ?? '').localeCompare(x.issuedOn ?? '') || best(b) - best(a);
    })
    .map((g) => g.sort((a, b) => order(a.first, b.first)));
}

function citationOf(c: Candidate): Citation {
  return citationFor(c.ranked.document, c.ranked.section, c.clause.text);
}

function toPoint(d: Draft): TalkingPoint {
  const { clause } = d.first;
  const title = `${clause.startsSentence ? '' : '… '}${clause.text}${clause.endsSentence ? '' : ' …'}`;
  return { title, citations: [d.first, ...d.copies].map(citationOf) };
}

/** The talking points from grouped points (each group's points quote the group's document first). */
function assemble(topic: string, grouped: TalkingPoint[][], notice: string | null): TalkingPoints {
  const groups: TalkingPointGroup[] = grouped
    .filter((points) => points.length > 0)
    .map((points) => {
      const first = (points[0] as TalkingPoint).citations[0] as Citation;
      return { documentId: first.documentId, year: first.year, points };
    });
  const points = groups.flatMap((g) => g.points);
  if (points.length === 0) return refusedPoints(topic);
  const documentCount = new Set(points.flatMap((p) => p.citations.map((c) => c.documentId))).size;
  return { topic, points, groups, documentCount, refused: false, notice };
}

/**
 * Last guard of quote fidelity, as for answers: a citation whose quote does not stand in its document's text
 * (accents, case and punctuation aside) is dropped, and a point left without citations goes.
 */
export async function keepVerbatim(tp: TalkingPoints, documentText: (id: string) => Promise<string | null>): Promise<TalkingPoints> {
  if (tp.refused) return tp;
  const texts = new Map<string, string>();
  const faithful = async (c: Citation) => {
    if (!texts.has(c.documentId)) texts.set(c.documentId, quoteKey((await documentText(c.documentId)) ?? ''));
    const key = quoteKey(c.quote);
    return key !== '' && (texts.get(c.documentId) as string).includes(key);
  };
  const grouped: TalkingPoint[][] = [];
  for (const g of tp.groups) {
    const points: TalkingPoint[] = [];
    for (const p of g.points) {
      const citations: Citation[] = [];
      for (const c of p.citations) if (await faithful(c)) citations.push(c);
      // The title is the first citation's quote: when that one goes, so does the point.
      if (citations[0] === p.citations[0]) points.push({ ...p, citations });
    }
    grouped.push(points);
  }
  return assemble(tp.topic, grouped, tp.notice);
}
