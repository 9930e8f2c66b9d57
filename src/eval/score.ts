/**
 * Scores answers the way ../shared/eval/README.md defines: hit, precision, must_include, refusal, quote
 * fidelity, year violations and latency, overall and per kind.
 */
import type { AskJson } from '../ask/ask-json.ts';
import { foldedView, quoteKey } from '../text/normalize.ts';
import type { EvalQuestion, SectionRef } from './dataset.ts';
import { completeness, scorerSections, sectionItems } from './list-items.ts';

export interface EvalResult {
  id: string;
  question: string;
  response: AskJson;
}

export interface Metrics {
  questions: number;
  hit: number | null;
  precision: number | null;
  must_include: number | null;
  refusal: number | null;
  quote_fidelity: number | null;
  /** Share of the items of list questions the answers show (null when no list question was scored). */
  completeness: number | null;
  year_violations: number;
  latency_p50_ms: number;
  latency_p95_ms: number;
}

/** A citation matches a reference when the source is equal and the section equals it or lies inside it. */
export function matches(c: { source: string; section: string }, r: SectionRef): boolean {
  if (c.source !== r.source) return false;
  if (r.section === '') return c.section === '';
  return c.section === r.section || c.section.startsWith(`${r.section}.`);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 1000) / 1000;
}

function handledRefusal(q: EvalQuestion, r: AskJson): boolean {
  if (q.expect === 'refuse') return r.refused && r.citations.length === 0;
  const years = [...q.question.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => m[0]);
  const says = /chua co van ban/.test(foldedView(r.answer)) && years.every((y) => r.answer.includes(y));
  return r.refused || says;
}

/** Whether each quote fragment stands in the cited document (documents keyed by source). */
function quoteChecks(r: AskJson, documents: Map<string, string>): boolean[] {
  return r.citations.map((c) => {
    const doc = documents.get(c.source);
    if (doc === undefined) return false;
    return c.quote.split('…').map(quoteKey).filter(Boolean).every((fragment) => doc.includes(fragment));
  });
}

/** The items a complete answer to a list question shows (README of the shared evaluation), or null. */
function listItems(q: EvalQuestion, texts: Map<string, string>): string[] | null {
  if (q.items) return q.items;
  const gold = q.gold?.[0];
  if ((q.kind !== 'list' && q.kind !== 'talking-points') || !gold || q.gold_mode === 'all') return null;
  const text = texts.get(gold.source);
  return text === undefined ? null : sectionItems(scorerSections(text), gold.section);
}

/** Computes the metrics for a set of results (documents: source → quoteKey of the file's text). */
export function score(
  questions: EvalQuestion[],
  results: EvalResult[],
  documents: Map<string, string>,
  yearsOf: Map<string, Array<number | null>>,
  texts?: Map<string, string>,
): Metrics {
  let hit = 0, answerable = 0, precise = 0, cited = 0, included = 0, phrases = 0, refusalOk = 0, refusals = 0, faithful = 0, quotes = 0, violations = 0;
  let complete = 0, lists = 0;
  const byId = new Map(results.map((r) => [r.id, r.response]));
  for (const q of questions) {
    const r = byId.get(q.id);
    if (!r) continue;
    for (const ok of quoteChecks(r, documents)) {
      quotes++;
      if (ok) faithful++;
    }
    if (q.expect === 'refuse' || q.expect === 'absent_year') {
      refusals++;
      if (handledRefusal(q, r)) refusalOk++;
      continue;
    }
    if (q.expect !== 'answer' || !q.gold) continue;
    answerable++;
    const goldHits = q.gold.filter((g) => r.citations.some((c) => matches(c, g))).length;
    hit += q.gold_mode === 'all' ? goldHits / q.gold.length : goldHits > 0 ? 1 : 0;
    const items = texts ? listItems(q, texts) : null;
    if (items) {
      const share = completeness(items, r.answer);
      if (share !== null) {
        lists++;
        complete += goldHits > 0 ? share : 0;
      }
    }
    const accepted = [...q.gold, ...(q.also ?? [])];
    cited += r.citations.length;
    precise += r.citations.filter((c) => accepted.some((a) => matches(c, a))).length;
    const phrasesHere = q.must_include ?? [];
    phrases += phrasesHere.length;
    included += phrasesHere.filter((p) => foldedView(r.answer).includes(foldedView(p))).length;
    const years = [...q.question.matchAll(/\bnăm\s+((?:19|20)\d{2})\b/gi)].map((m) => Number(m[1]));
    if (q.year_check !== false && years.length === 1 && r.citations.some((c) => !(yearsOf.get(c.source) ?? [c.year]).includes(years[0] as number))) violations++;
  }
  const latencies = results.map((r) => r.response.latency_ms);
  return {
    questions: results.length,
    hit: ratio(hit, answerable),
    precision: ratio(precise, cited),
    must_include: ratio(included, phrases),
    refusal: ratio(refusalOk, refusals),
    quote_fidelity: ratio(faithful, quotes),
    completeness: ratio(complete, lists),
    year_violations: violations,
    latency_p50_ms: percentile(latencies, 50),
    latency_p95_ms: percentile(latencies, 95),
  };
}

/** Metrics overall and for each `kind`. */
export function scoreByKind(
  questions: EvalQuestion[],
  results: EvalResult[],
  documents: Map<string, string>,
  yearsOf: Map<string, Array<number | null>>,
  texts?: Map<string, string>,
) {
  const kinds = [...new Set(questions.map((q) => q.kind ?? 'unknown'))].sort();
  const perKind: Record<string, Metrics> = {};
  for (const kind of kinds) {
    const qs = questions.filter((q) => (q.kind ?? 'unknown') === kind);
    const ids = new Set(qs.map((q) => q.id));
    perKind[kind] = score(qs, results.filter((r) => ids.has(r.id)), documents, yearsOf, texts);
  }
  return { overall: score(questions, results, documents, yearsOf, texts), perKind };
}
