import { describe, expect, it } from 'vitest';
import { fitRefusal, fitWeights, refusalAccuracy, topAccuracy, type FitExample, type RefusalExample } from '../../src/eval/fit.ts';
import { FEATURES, REFUSAL_FEATURES, type Features, type RefusalFeatures } from '../../src/retrieval/ranking-model.ts';

const features = (values: Partial<Features>): Features => ({ ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features), ...values });
const refusal = (values: Partial<RefusalFeatures>): RefusalFeatures => ({ ...(Object.fromEntries(REFUSAL_FEATURES.map((f) => [f, 0])) as RefusalFeatures), ...values });

describe('fitting the ranking model', () => {
  const plan = (values: Partial<Features>) => ({ features: features(values), documentType: 'Kế hoạch' });
  const law = (values: Partial<Features>) => ({ features: features(values), documentType: 'Luật' });

  it('learns to put first the sections whose heading names the role asked for', () => {
    // The answer has the role in its heading but less word overlap than a distractor.
    const examples: FitExample[] = Array.from({ length: 20 }, (_, i) => ({
      id: `q${i}`,
      positives: [plan({ lexical: 0.6, facetOwn: 1 })],
      negatives: [plan({ lexical: 1 }), plan({ lexical: 0.3 })],
    }));
    const before = { weights: features({ lexical: 1 }), lawWeights: features({ lexical: 1 }) };
    expect(topAccuracy(examples, before)).toBe(0);
    const w = fitWeights(examples);
    expect(w.weights.facetOwn).toBeGreaterThan(0);
    expect(topAccuracy(examples, w)).toBe(1);
  });

  it('learns law weights of their own where the law questions differ', () => {
    // In plans the best word match answers; in laws the article holding a list does, against a clause matching better.
    const plans: FitExample[] = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, positives: [plan({ lexical: 1 })], negatives: [plan({ lexical: 0.5, listPart: 1 })] }));
    const laws: FitExample[] = Array.from({ length: 20 }, (_, i) => ({ id: `l${i}`, positives: [law({ lexical: 0.5, listPart: 1 })], negatives: [law({ lexical: 1 })] }));
    const w = fitWeights([...plans, ...laws]);
    expect(w.lawWeights.listPart).toBeGreaterThan(w.weights.listPart);
    expect(topAccuracy(plans, w)).toBe(1);
    expect(topAccuracy(laws, w)).toBe(1);
    // One set of weights cannot order both.
    expect(topAccuracy([...plans, ...laws], { weights: w.weights, lawWeights: w.weights })).toBeLessThan(1);
    // Kept directive weights stay as they are; the law weights still learn their difference.
    const kept = features({ lexical: 1 });
    const k = fitWeights([...plans, ...laws], { keep: kept });
    expect(k.weights).toEqual(kept);
    expect(topAccuracy(laws, k)).toBe(1);
  });

  it('learns a refusal line from answerable and out-of-scope questions', () => {
    const examples: RefusalExample[] = [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, answerable: true, features: refusal({ coverage: 0.5 + i / 40 }) })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, answerable: false, features: refusal({ coverage: 0.05 + i / 100, unknownPairShare: 0.8 }) })),
    ];
    const model = fitRefusal(examples);
    expect(refusalAccuracy(examples, model)).toEqual({ answered: 1, refused: 1 });
    expect(model.weights.unknownPairShare).toBeLessThan(0);
  });
});
