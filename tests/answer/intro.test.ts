/**
 * The lead sentence of a whole list: how many items, named by the role asked for only when the quoted part plays
 * that role.
 */
import { describe, expect, it } from 'vitest';
import { introFor, listIntro } from '../../src/answer/intro.ts';
import type { StoredDocument } from '../../src/core/types.ts';
import type { QueryIntent } from '../../src/retrieval/understand.ts';
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

describe('the grounds of a document', () => {
  const basis = { shape: 'basis', years: [] } as unknown as QueryIntent;
  it('come with who issued it and when', () => {
    const doc = { issuer: 'Ban Thường vụ Huyện ủy Ngọc Tuyền', issuedOn: '2025-01-08', place: null, signer: null } as unknown as StoredDocument;
    const intro = introFor(basis, 1, doc, 'Ngọc Tuyền, ngày 08 tháng 01 năm 2025');
    expect(intro).toContain('Văn bản do Ban Thường vụ Huyện ủy Ngọc Tuyền ban hành ngày 08/01/2025');
    expect(intro).toContain('căn cứ / để thực hiện các văn bản sau');
  });

  it('are introduced alone when the issuer is unknown', () => {
    expect(introFor(basis, 1, undefined)).toBe('Văn bản được ban hành căn cứ / để thực hiện các văn bản sau (phần mở đầu):');
  });
});
