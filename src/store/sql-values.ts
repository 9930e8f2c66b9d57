/**
 * Small helpers that turn JS values into the text forms the SQL expects, identically for PGlite and `pg`.
 */
import { numberKey as canonicalNumberKey } from '../text/number-key.ts';
import { storableText } from '../text/storable-text.ts';

/**
 * Matching key of a document number: no diacritics (so `Đ` → `D`), upper case, dashes unified, no spaces.
 * `85-QĐ/TW`, `85 - QĐ/TW` and `85-qd/tw` all give `85-QD/TW`; `05-CT/TW` gives `5-CT/TW` (see text/number-key.ts).
 */
export function numberKey(number: string | null | undefined): string | null {
  if (number == null) return null;
  const key = canonicalNumberKey(number.replace(/[\u2010-\u2015\u2212]/g, '-'));
  return key === '' ? null : key;
}

/** JSON for a `jsonb` parameter, every string in it made {@link storableText} first. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? storableText(v) : v));
}

/**
 * A number as the text of the `real` (float4) pgvector stores it as: nine significant digits give back exactly
 * that float4, in half the characters of a double's text. Every chunk sends some 600 numbers (its vector and its
 * lexical weights), and their length is what the database spends its time parsing.
 */
export function float4Text(value: number): string {
  const [mantissa = '', exponent] = Math.fround(value).toPrecision(9).split('e');
  // The same number without the mantissa's trailing zeros ("1.25000000" → "1.25").
  const short = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? short : `${short}e${exponent}`;
}

/**
 * {@link float4Text} that remembers the texts it made: the numbers of one vector or one chunk's weights repeat a
 * few values (every term seen once in a chunk has the same weight), so most are formatted once.
 */
export function float4Texts(): (value: number) => string {
  const made = new Map<number, string>();
  return (value) => {
    let text = made.get(value);
    if (text === undefined) {
      text = float4Text(value);
      made.set(value, text);
    }
    return text;
  };
}

/**
 * Stored vectors are L2-normalised and scaled to whole numbers up to this. They are only ever compared by cosine
 * distance, which ignores their length; the database parses a whole number about four times faster than a
 * nine-digit decimal; and a millionth of the unit length is far below what separates two texts.
 */
export const STORED_VECTOR_SCALE = 1_000_000;

/** pgvector `vector` text literal of a vector as stored (see {@link STORED_VECTOR_SCALE}). */
export function storedVectorLiteral(values: number[]): string {
  let sum = 0;
  for (const v of values) sum += v * v;
  const scale = sum > 0 ? STORED_VECTOR_SCALE / Math.sqrt(sum) : 0;
  // `+ 0` turns the -0 of a small negative value into 0.
  return `[${values.map((v) => Math.round(v * scale) + 0).join(',')}]`;
}

/** pgvector `vector` text literal `[x,y,…]`. */
export function vectorLiteral(values: number[]): string {
  const text = float4Texts();
  return `[${values.map((v) => text(v)).join(',')}]`;
}

/** A SQL string literal with quotes doubled, for the few places a value must be inlined (index predicates). */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed UUID; ids from users are checked so a typo is "not found", not a cast error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Index name for a model's HNSW index: letters, digits and `_` only, plus a hash suffix so two models that
 * sanitise alike (`text-embedding-3` and `text_embedding_3`) still get different names; ≤ 63 bytes.
 */
export function embeddingIndexName(model: string, hash: (s: string) => number): string {
  const slug = model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 30);
  return `chunk_embeddings_hnsw_${slug}_${hash(model).toString(16)}`;
}
