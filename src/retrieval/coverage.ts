/**
 * How much of a question a text covers: the share of the question's content syllables and syllable pairs
 * found in the text, pairs counting more (a Vietnamese word is often two syllables, and a shared pair is much
 * stronger evidence than a shared syllable). Each unit of the question is compared in the view it can be
 * trusted in: a word typed with its accents (or spelled out from a short form) in the exact view, so "vàng"
 * does not match "vang"; a word typed without accents, or whose accents were guessed, in the folded view.
 */
import { exactView, foldedView, hasDiacritics, syllables } from '../text/normalize.ts';
import { DEFAULT_RANKING_MODEL, type CoverageRules } from './ranking-model.ts';
import { plainReading, type ReadingSyllable } from '../text/reading.ts';

export type { ReadingSyllable };

/** Syllables and pairs of a text in both views (`e:` exact, `f:` folded), for repeated coverage checks. */
export interface TextProfile {
  units: { has(unit: string): boolean };
}

/** The profile of several texts read together (pairs across their joins aside). */
export function joinProfiles(...profiles: TextProfile[]): TextProfile {
  return { units: { has: (unit) => profiles.some((p) => p.units.has(unit)) } };
}

/** Builds the profile of a text. */
export function profileOf(text: string): TextProfile {
  const exact = syllables(exactView(text));
  const folded = syllables(foldedView(text));
  const same = folded.length === exact.length;
  const units = new Set<string>();
  for (let i = 0; i < exact.length; i++) {
    const f = same ? (folded[i] as string) : foldedView(exact[i] as string);
    units.add(`e:${exact[i]}`);
    units.add(`f:${f}`);
    if (i + 1 < exact.length) {
      const f2 = same ? (folded[i + 1] as string) : foldedView(exact[i + 1] as string);
      units.add(`e:${exact[i]}_${exact[i + 1]}`);
      units.add(`f:${f}_${f2}`);
    }
    // "Đề án số 17" is also "Đề án 17": the "số" before a number is left out as often as written.
    const third = exact[i + 2];
    if (third !== undefined && /^\d+$/.test(third) && foldedView(exact[i + 1] as string) === 'so') {
      units.add(`e:${exact[i]}_${third}`);
      units.add(`f:${f}_${third}`);
    }
  }
  return { units };
}

/** The question's content units, each tagged with its view (`e:` or `f:`). */
export interface QuestionUnits {
  singles: string[];
  pairs: string[];
  /** Optional weight of each unit (its IDF in the collection); 1 when absent. */
  weights?: Map<string, number>;
  /**
   * Units of the question's paraphrases (how documents write it): found, they count like the question's own;
   * missing, they cost nothing.
   */
  optional?: string[];
}

function key(s: ReadingSyllable): string {
  return s.sure ? `e:${s.exact}` : `f:${foldedView(s.exact)}`;
}

/** Content units of a reading; `isContent` decides which syllables carry the topic. */
export function questionUnits(reading: ReadingSyllable[], isContent: (exact: string) => boolean): QuestionUnits {
  const keep = reading.map((s) => isContent(s.exact) && !/^\d{4}$/.test(s.exact));
  const singles = reading.filter((_, i) => keep[i]).map(key);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < reading.length; i++) {
    const a = reading[i] as ReadingSyllable;
    const b = reading[i + 1] as ReadingSyllable;
    if (!keep[i] || !keep[i + 1] || a.phrase !== b.phrase) continue;
    pairs.push(a.sure && b.sure ? `e:${a.exact}_${b.exact}` : `f:${foldedView(a.exact)}_${foldedView(b.exact)}`);
  }
  return { singles: [...new Set(singles)], pairs: [...new Set(pairs)] };
}

/** Content units of a plain text (library search, tests). */
export function textUnits(text: string, isContent: (exact: string) => boolean = () => true): QuestionUnits {
  return questionUnits(plainReading(text), isContent);
}

/**
 * Share (0..1) of the question's units present in the profile. Each unit weighs its IDF when known (a shared
 * rare word is strong evidence, a shared common one weak), pairs more than syllables.
 */
export function coverage(q: QuestionUnits, profile: TextProfile, rules: CoverageRules = DEFAULT_RANKING_MODEL.coverage): number {
  const w = (u: string) => q.weights?.get(u) ?? 1;
  let total = 0;
  let found = 0;
  for (const s of q.singles) {
    total += w(s);
    if (profile.units.has(s)) found += w(s);
  }
  let pairsFound = 0;
  for (const p of q.pairs) {
    total += rules.pairFactor * w(p);
    if (profile.units.has(p)) {
      found += rules.pairFactor * w(p);
      pairsFound += 1;
    }
  }
  for (const u of q.optional ?? []) {
    if (!profile.units.has(u)) continue;
    const pair = u.includes('_');
    found += (pair ? rules.pairFactor : 1) * w(u);
    if (pair) pairsFound += 1;
  }
  if (total === 0) return 0;
  found = Math.min(found, total);
  // Scattered single syllables are weak evidence ("thủ đô" vs "thủ tục"): without a single shared pair, discount.
  return q.pairs.length > 0 && pairsFound === 0 ? (found / total) * rules.noPairFactor : found / total;
}

/** The lexical index term of a unit (see src/text/analyze.ts for the term prefixes). */
export function unitTerm(unit: string): string {
  const body = unit.slice(2);
  const pair = body.includes('_');
  if (unit.startsWith('e:') && hasDiacritics(body)) return pair ? `b:${body}` : `w:${body}`;
  return pair ? `g:${foldedView(body)}` : `f:${foldedView(body)}`;
}

/** The bare syllable or pair of a unit, in its view. */
export function unitText(unit: string): string {
  return unit.slice(2);
}
