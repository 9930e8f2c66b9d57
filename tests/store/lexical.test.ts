/**
 * The BM25 sparse-vector encoding, term hashing and helpers, without a database.
 */
import { describe, expect, it } from 'vitest';
import {
  bm25Weights,
  fnv1a32,
  hashTerms,
  idf,
  LEXICAL_DIMENSIONS,
  MAX_NON_ZEROS,
  queryWeights,
  sparsevecLiteral,
  storedLexical,
  termId,
  WEIGHT_SCALE,
} from '../../src/store/lexical.ts';
import {
  embeddingIndexName, float4Text, numberKey, quoteLiteral, STORED_VECTOR_SCALE, storedVectorLiteral, vectorLiteral,
} from '../../src/store/sql-values.ts';

describe('lexical encoding', () => {
  it('hashes with 32-bit FNV-1a into 1..1e9', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    for (const t of ['đảng', 'dang', 'nghị quyết', '35-nq/tw']) {
      expect(termId(t)).toBeGreaterThanOrEqual(1);
      expect(termId(t)).toBeLessThanOrEqual(LEXICAL_DIMENSIONS);
    }
    expect(termId('đảng')).not.toBe(termId('dang'));
  });

  it('hashes the UTF-8 bytes TextEncoder gives, for every kind of character (stored term ids depend on it)', () => {
    const byEncoder = (text: string) => {
      let hash = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
      return hash;
    };
    const samples = ['w:đảng', 'g:to_chuc', 'Ư', '\u00a0', '€', '𝔸 emoji 🇻🇳', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d'];
    for (let code = 0; code < 0x3000; code += 7) samples.push(String.fromCharCode(code));
    for (const text of samples) expect(fnv1a32(text)).toBe(byEncoder(text));
  });

  it('writes numbers as short texts that give back exactly the float4 pgvector stores', () => {
    expect([0, 1.25, 0.5, 100, 1e-10, -0.05123, 123456789].map(float4Text)).toEqual([
      '0', '1.25', '0.5', '100', '1.00000001e-10', '-0.0512299985', '123456792',
    ]);
    let seed = 7;
    const random = () => ((seed = Math.imul(seed, 48271) % 2147483647) & 0x7fffffff) / 2147483647;
    for (let i = 0; i < 20000; i++) {
      const value = (random() - 0.5) * 10 ** Math.floor(random() * 60 - 30);
      const text = float4Text(value);
      expect(text.length).toBeLessThanOrEqual(17);
      expect(Math.fround(Number(text))).toBe(Math.fround(value));
    }
    expect(vectorLiteral([0.1, -2, 0])).toBe('[0.100000001,-2,0]');
  });

  it('computes BM25 document weights with saturation and length normalisation', () => {
    const tf = hashTerms(new Map([['a', 1], ['b', 3], ['zero', 0]]));
    expect(tf.size).toBe(2);
    const w = bm25Weights(tf, 4);
    // dl = 4 = avgdl, so w = tf·2.2/(tf+1.2)
    expect(w.get(termId('a'))).toBeCloseTo(2.2 / 2.2);
    expect(w.get(termId('b'))).toBeCloseTo((3 * 2.2) / 4.2);
    const longer = bm25Weights(tf, 2);
    expect(longer.get(termId('a'))!).toBeLessThan(w.get(termId('a'))!);
  });

  it('keeps the highest-weighted 16,000 terms', () => {
    const terms = new Map<string, number>();
    for (let i = 0; i < MAX_NON_ZEROS + 50; i++) terms.set(`t${i}`, 1);
    terms.set('heavy', 40);
    const w = bm25Weights(hashTerms(terms), 100);
    expect(w.size).toBe(MAX_NON_ZEROS);
    expect(w.has(termId('heavy'))).toBe(true);
  });

  it('weights query terms by IDF and drops unseen ones', () => {
    const df = new Map([[termId('rare'), 1], [termId('common'), 100]]);
    const q = queryWeights(new Map([['rare', 1], ['common', 1], ['unseen', 1]]), df, 100);
    expect(q.size).toBe(2);
    expect(q.get(termId('rare'))).toBeCloseTo(idf(100, 1));
    expect(q.get(termId('common'))!).toBeLessThan(0.01);
  });

  it('stores each chunk weight as whole ten-thousandths of its BM25 weight, ids ascending, in both paths', () => {
    const naive = (tf: Map<number, number>, avgdl: number) => {
      const entries = [...bm25Weights(tf, avgdl)].map(([i, w]) => [i, Math.round(w * WEIGHT_SCALE)] as const).sort((a, b) => a[0] - b[0]);
      return { termIds: [...tf.keys()].sort((a, b) => a - b), literal: `{${entries.map(([i, v]) => `${i}:${v}`).join(',')}}/${LEXICAL_DIMENSIONS}` };
    };
    const small = new Map([[900_000_000, 1], [7, 3], [42, 1], [5, 2]]);
    expect(storedLexical(small, 6)).toEqual(naive(small, 6));
    expect(storedLexical(small, 6).literal).toMatch(/^\{5:\d+,7:\d+,42:\d+,900000000:\d+\}\/1000000000$/);
    const many = new Map(Array.from({ length: MAX_NON_ZEROS + 500 }, (_, i) => [i * 7919 + 1, (i % 5) + 1] as [number, number]));
    const stored = storedLexical(many, 3000);
    expect(stored.literal.split(',').length).toBe(MAX_NON_ZEROS);
    expect(stored.literal).toBe(naive(many, 3000).literal);
    expect(stored.termIds.length).toBe(MAX_NON_ZEROS + 500);
  });

  it('stores vectors normalised and scaled to whole numbers, which keeps every cosine', () => {
    expect(storedVectorLiteral([3, -4, 0])).toBe(`[${0.6 * STORED_VECTOR_SCALE},${-0.8 * STORED_VECTOR_SCALE},0]`);
    expect(storedVectorLiteral([0, 0])).toBe('[0,0]');
    expect(storedVectorLiteral([-1e-9, 1])).toBe(`[0,${STORED_VECTOR_SCALE}]`);
  });

  it('writes sorted pgvector literals', () => {
    expect(sparsevecLiteral(new Map([[9, 0.5], [2, 1.25], [5, 0]]))).toBe(`{2:1.25,9:0.5}/${LEXICAL_DIMENSIONS}`);
  });
});

describe('SQL values', () => {
  it('keys document numbers across spacing, case and Đ/D', () => {
    for (const n of ['85-QĐ/TW', '85 - QĐ/TW', '85-QD/TW', '85–qđ/tw', '85-QÐ/TW']) expect(numberKey(n)).toBe('85-QD/TW');
    // Leading zeros dropped and QĐi (Quy định since 2018) keyed as QĐ, so "Quy định 08" finds it.
    expect(numberKey('08-QĐi/TW')).toBe('8-QD/TW');
    expect(numberKey('05-CT/TW')).toBe(numberKey('5-CT/TW'));
    expect(numberKey(null)).toBeNull();
    expect(numberKey('  ')).toBeNull();
  });

  it('quotes literals and makes safe, distinct index names', () => {
    expect(quoteLiteral("o'neil")).toBe("'o''neil'");
    const a = embeddingIndexName('text-embedding-3-small', fnv1a32);
    const b = embeddingIndexName('text_embedding_3_small', fnv1a32);
    expect(a).toMatch(/^chunk_embeddings_hnsw_text_embedding_3_small_[0-9a-f]+$/);
    expect(a).not.toBe(b);
    expect(embeddingIndexName(`x'; DROP TABLE documents; --${'y'.repeat(80)}`, fnv1a32)).toMatch(/^[a-z0-9_]{1,63}$/);
  });
});
