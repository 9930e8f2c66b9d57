/**
 * "Đề án số 17" and "Đề án 17" are the same name: a question typing the number without "số" covers a text that
 * writes it, and the other way round is not needed (the question's pair is what is looked for).
 */
import { describe, expect, it } from 'vitest';
import { coverage, profileOf, textUnits } from '../../src/retrieval/coverage.ts';

describe('a number written with or without "số"', () => {
  it('is covered either way', () => {
    const units = textUnits('đề án 17');
    expect(coverage(units, profileOf('Kế hoạch thực hiện Đề án số 17-ĐA/TU của Tỉnh ủy'))).toBeCloseTo(1, 5);
    expect(coverage(units, profileOf('Kế hoạch thực hiện Đề án 17-ĐA/TU của Tỉnh ủy'))).toBeCloseTo(1, 5);
  });

  it('does not join a word to a number across another word', () => {
    expect(profileOf('Đề án về số 17').units.has('e:án_17')).toBe(false);
    expect(profileOf('Đề án về số 17').units.has('e:số_17')).toBe(true);
  });
});
