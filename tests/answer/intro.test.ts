/**
 * The lead sentence of a whole list: how many items, named by the role asked for only when the quoted part plays
 * that role.
 */
import { describe, expect, it } from 'vitest';
import { listIntro } from '../../src/answer/intro.ts';
import type { ResolvedIntent } from '../../src/retrieval/resolve-intent.ts';

const asking = (facets: string[]) => ({ facets }) as unknown as ResolvedIntent;

describe('list intro', () => {
  it('names the items by the role asked for when the part plays it', () => {
    expect(listIntro(asking(['content', 'focus']), 5, ['content', 'focus'])).toBe('Văn bản nêu 5 nội dung:');
    expect(listIntro(asking(['implementation']), 7, ['implementation'])).toBe('Văn bản nêu 7 cơ quan, đơn vị được giao:');
  });

  it('counts in "ý" when the quoted part plays another role ("những ai được miễn" answered by a list of people)', () => {
    expect(listIntro(asking(['implementation']), 3, [])).toBe('Văn bản nêu 3 ý:');
    expect(listIntro(asking(['form']), 4, ['content'])).toBe('Văn bản nêu 4 ý:');
  });
});
