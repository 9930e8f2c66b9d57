/**
 * What the refusal model (src/retrieval/ranking-model.ts) reads off a question and its best section.
 */
import { scoreOf, scoredAsLaw, type Features, type RefusalFeatures } from '../retrieval/ranking-model.ts';
import type { RankedSection } from '../retrieval/search.ts';
import type { QueryIntent } from '../retrieval/understand.ts';

/**
 * What the refusal model reads off a question and its best section. The section's score is taken under the directive
 * weights (`weights`), which the refusal model was fitted on, whatever document it is in: a law's own weights are
 * fitted to order a question's candidates, and say nothing of whether any of them answers it.
 */
export function refusalFeatures(intent: QueryIntent, top: RankedSection, weights: Features): RefusalFeatures {
  return {
    score: scoreOf(top.features, weights) / 10,
    coverage: top.features.coverage,
    residualCoverage: top.features.residualCoverage,
    stateLaw: scoredAsLaw(top.document.type) ? 1 : 0,
    unknownShare: intent.unknownShare,
    unknownPairShare: intent.unknownPairShare,
    facet: intent.facets.length > 0 ? 1 : 0,
    body: intent.bodies.length > 0 ? 1 : 0,
    namedNumber: intent.numberKeys.length > 0 ? 1 : 0,
    now: intent.asksNow ? 1 : 0,
    // "Người ký kế hoạch … là ai" asks the document who signed it, not who holds an office.
    whoIs: intent.asksWho && intent.shape !== 'issuer' ? 1 : 0,
    price: intent.asksPrice ? 1 : 0,
  };
}
