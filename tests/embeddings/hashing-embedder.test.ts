import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../src/embeddings/hashing-embedder.ts';
import { fnv1a } from '../../src/text/hash.ts';
import { foldedView, syllables } from '../../src/text/normalize.ts';

/** The embedder as first written, feature string by feature string: stored vectors were made by it. */
function reference(text: string, dimensions: number): number[] {
  const counts = new Map<number, number>();
  const bump = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    counts.set(h % dimensions, (counts.get(h % dimensions) ?? 0) + ((h >>> 31) === 0 ? weight : -weight));
  };
  const words = syllables(foldedView(text));
  words.forEach((w, i) => {
    bump(`s:${w}`, 1);
    if (i + 1 < words.length) bump(`p:${w}_${words[i + 1]}`, 1.5);
    const padded = `^${w}$`;
    for (let j = 0; j + 3 <= padded.length; j++) bump(`t:${padded.slice(j, j + 3)}`, 0.5);
  });
  const vector = new Array<number>(dimensions).fill(0);
  for (const [index, value] of counts) vector[index] = Math.sign(value) * Math.log1p(Math.abs(value));
  const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
  if (norm === 0) vector[0] = 1;
  return norm === 0 ? vector : vector.map((v) => v / norm);
}

const documents = join(process.cwd(), 'data', 'documents');

describe('hashing embedder', () => {
  it('gives exactly the vectors of the reference algorithm, so stores built before stay comparable', async () => {
    const embedder = createHashingEmbedder();
    const paragraphs = readdirSync(documents)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => readFileSync(join(documents, name), 'utf8').split(/\n\s*\n/))
      .slice(0, 300);
    const texts = [...paragraphs, '', '   ', 'kh tt nam 2022 mttq dc giao nv j', 'Đảng ủy xã 🇻🇳'];
    const vectors = await embedder.embed(texts);
    texts.forEach((text, i) => expect(vectors[i]).toEqual(reference(text, 384)));
  });

  it('makes unit vectors that ignore accents', async () => {
    const [accented, plain] = await createHashingEmbedder(64).embed(['Nội dung trọng tâm', 'noi dung trong tam']);
    expect(accented).toEqual(plain);
    expect(Math.hypot(...accented!)).toBeCloseTo(1, 10);
  });
});
