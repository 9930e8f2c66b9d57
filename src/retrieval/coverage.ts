/**
 * How much of a question a text covers: the share of the question's content syllables and syllable pairs
 * found in the text, pairs counting double (a Vietnamese word is often two syllables, and a shared pair is
 * much stronger evidence than a shared syllable). Accented questions are compared on the exact view, so
 * "vàng" does not match "vang"; unaccented ones on the folded view.
 */
import { exactView, foldedView, hasDiacritics, syllables } from '../text/normalize.ts';
import { DEFAULT_RANKING_MODEL, type CoverageRules } from './ranking-model.ts';

/** Syllables and pairs of a text in one view, for repeated coverage checks. */
export interface TextProfile {
  units: Set<string>;
}

/** Builds the profile of a text in the exact or folded view. */
export function profileOf(text: string, view: 'exact' | 'folded'): TextProfile {
  const words = syllables(view === 'exact' ? exactView(text) : foldedView(text));
  const units = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) units.add(`${words[i]}_${words[i + 1]}`);
  return { units };
}

/** The question's content units (syllables and pairs of adjacent content syllables) in the right view. */
export interface QuestionUnits {
  view: 'exact' | 'folded';
  singles: string[];
  pairs: string[];
  /** Optional weight of each unit (its IDF in the collection); 1 when absent. */
  weights?: Map<string, number>;
}

/** Content units of a question; `isContent` decides which syllables carry the topic. */
export function questionUnits(
  question: string,
  isContent: (exact: string) => boolean,
  view: 'exact' | 'folded' = hasDiacritics(question) ? 'exact' : 'folded',
): QuestionUnits {
  const words = syllables(view === 'exact' ? exactView(question) : foldedView(question));
  const keep = words.map((w) => isContent(w) && !/^\d{4}$/.test(w));
  const singles = words.filter((_, i) => keep[i]);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) if (keep[i] && keep[i + 1]) pairs.push(`${words[i]}_${words[i + 1]}`);
  return { view, singles: [...new Set(singles)], pairs: [...new Set(pairs)] };
}

/**
 * Share (0..1) of the question's units present in the profile. Each unit weighs its IDF when known (a shared
 * rare word is strong evidence, a shared common one weak), pairs half as much again as syllables.
 */
export function coverage(q: QuestionUnits, profile: TextProfile, rules: CoverageRules = DEFAULT_RANKING_MODEL.coverage): number {
  const w = (u: string) => q.weights?.get(u) ?? 1;
  const pairFactor = rules.pairFactor;
  let total = 0;
  let found = 0;
  for (const s of q.singles) {
    total += w(s);
    if (profile.units.has(s)) found += w(s);
  }
  let pairsFound = 0;
  for (const p of q.pairs) {
    total += pairFactor * w(p);
    if (profile.units.has(p)) {
      found += pairFactor * w(p);
      pairsFound += 1;
    }
  }
  if (total === 0) return 0;
  // Scattered single syllables are weak evidence ("thủ đô" vs "thủ tục"): without a single shared pair, discount.
  return q.pairs.length > 0 && pairsFound === 0 ? (found / total) * rules.noPairFactor : found / total;
}

/** The lexical index term of a unit in its view (see src/text/analyze.ts for the term prefixes). */
export function unitTerm(unit: string, view: 'exact' | 'folded'): string {
  const pair = unit.includes('_');
  if (view === 'exact' && hasDiacritics(unit)) return pair ? `b:${unit}` : `w:${unit}`;
  return pair ? `g:${foldedView(unit)}` : `f:${foldedView(unit)}`;
}

/** The view a question is compared in: exact when it has diacritics, folded when typed without them. */
export function viewOf(question: string): 'exact' | 'folded' {
  return hasDiacritics(question) ? 'exact' : 'folded';
}
