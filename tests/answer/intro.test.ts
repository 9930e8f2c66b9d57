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

describe('a comparison of years of which one was found', () => {
  const comparing = { shape: 'comparison', years: [2023, 2025] } as unknown as QueryIntent;
  it('tells which year gave nothing before the one it quotes', () => {
    const doc = { year: 2023, issuedOn: '2023-02-10' } as unknown as StoredDocument;
    expect(introFor(comparing, 1, doc)).toBe('Không tìm thấy nội dung năm 2025 trong kho; chỉ có nội dung năm 2023:');
  });

  it('leaves a year the collection holds no document for to the notice', () => {
    const doc = { year: 2023, issuedOn: '2023-02-10' } as unknown as StoredDocument;
    expect(introFor({ ...comparing, missingYears: [2025] }, 1, doc)).toBe('Chỉ tìm thấy nội dung của một năm:');
  });

  it('sets both side by side when both were found', () => {
    expect(introFor(comparing, 2, undefined)).toBe('Đặt cạnh nhau theo từng năm để so sánh:');
  });
});
