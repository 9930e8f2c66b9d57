/**
 * Documents a question names by what sets them apart: "Thành ủy Bắc Kạn", "Trà Vinh", "Đề án 17". In a large
 * collection the same part can exist in hundreds of near-copies (one plan template, many provinces), and the
 * copies fill every candidate slot before the named document gets one; searching the named documents on their
 * own as well gives each of them a fair place in the ranking, where document affinity then decides.
 */
import { coversYear } from '../core/document-years.ts';
import type { Catalog, CatalogEntry } from './catalog.ts';
import type { QuestionUnits } from './coverage.ts';
import { DEFAULT_RANKING_MODEL, type NamedDocumentRules } from './ranking-model.ts';

/** Ids of the documents (of the given years) the question names, best match first; empty when none stands out. */
export async function namedDocuments(
  catalog: Catalog,
  units: QuestionUnits,
  years: number[] | undefined,
  rules: NamedDocumentRules = DEFAULT_RANKING_MODEL.named,
): Promise<string[]> {
  const { maxNamed, minRelative } = rules;
  const entries = (await catalog.entries()).filter((e) => !years || years.length === 0 || coversYear(e.document, years));
  if (entries.length <= maxNamed) return [];
  const profile = (e: CatalogEntry) => e.profile.units;
  const all = [...units.singles, ...units.pairs];
  const holders = new Map<string, CatalogEntry[]>(all.map((u) => [u, []]));
  for (const e of entries) {
    const own = profile(e);
    for (const u of all) if (own.has(u)) holders.get(u)?.push(e);
  }
  const scores = new Map<string, number>();
  for (const [unit, docs] of holders) {
    if (docs.length === 0 || docs.length > maxNamed) continue;
    // Rarer among documents weighs more; a pair (two syllables in a row) is stronger than a syllable.
    const weight = Math.log(entries.length / docs.length) * (unit.includes('_') ? rules.pairFactor : 1);
    for (const e of docs) scores.set(e.document.id, (scores.get(e.document.id) ?? 0) + weight);
  }
  const best = Math.max(0, ...scores.values());
  return [...scores]
    .filter(([, s]) => s >= best * minRelative)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxNamed)
    .map(([id]) => id);
}
