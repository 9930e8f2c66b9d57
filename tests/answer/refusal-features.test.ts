/**
 * The refusal model reads the best section's score under the directive weights, which it was fitted on, even when
 * the section is a law's and was ranked with the law weights.
 */
import { describe, expect, it } from 'vitest';
import { refusalFeatures } from '../../src/answer/refusal-features.ts';
import { DEFAULT_RANKING_MODEL, FEATURES, scoreOf, type Features } from '../../src/retrieval/ranking-model.ts';
import type { RankedSection } from '../../src/retrieval/search.ts';
import type { QueryIntent } from '../../src/retrieval/understand.ts';

const features = (values: Partial<Features>): Features => ({ ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features), ...values });

describe('what the refusal model reads', () => {
  it('scores the best section with the directive weights, not the law weights it was ranked with', () => {
    const f = features({ lexical: 1, coverage: 0.5, listPart: 1, unitLexical: 1 });
    const lawScore = scoreOf(f, DEFAULT_RANKING_MODEL.lawWeights);
    const top = { score: lawScore, features: f, document: { type: 'Luật' } } as unknown as RankedSection;
    const intent = { unknownShare: 0, unknownPairShare: 0, facets: [], bodies: [], numberKeys: [], asksNow: false, asksWho: false, asksPrice: false } as unknown as QueryIntent;
    const read = refusalFeatures(intent, top, DEFAULT_RANKING_MODEL.weights);
    expect(read.score).toBeCloseTo(scoreOf(f, DEFAULT_RANKING_MODEL.weights) / 10, 6);
    expect(read.score).not.toBeCloseTo(lawScore / 10, 2);
    expect(read.stateLaw).toBe(1);
  });

  it('reads "là ai" of a question about who signed a document as no question about an officeholder', () => {
    const top = { score: 10, features: features({ coverage: 0.5 }), document: { type: 'Kế hoạch' } } as unknown as RankedSection;
    const base = { unknownShare: 0, unknownPairShare: 0, facets: [], bodies: [], numberKeys: [], asksNow: false, asksWho: true, asksPrice: false };
    expect(refusalFeatures({ ...base, shape: 'issuer' } as unknown as QueryIntent, top, DEFAULT_RANKING_MODEL.weights).whoIs).toBe(0);
    expect(refusalFeatures({ ...base, shape: 'factoid' } as unknown as QueryIntent, top, DEFAULT_RANKING_MODEL.weights).whoIs).toBe(1);
  });
});
