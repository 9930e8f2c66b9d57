/**
 * Retrieval among near-copies: the bundled documents plus synthetic documents that reuse their parts under
 * other provinces (src/bench/synthetic-corpus.ts). A question naming the province or issuer must still reach
 * the document it names, even when the copies alone could fill every candidate slot of the main search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { readSources } from '../../src/bench/build-store.ts';
import { generateSyntheticCorpus } from '../../src/bench/synthetic-corpus.ts';
import { retrieveSections } from '../../src/retrieval/search.ts';
import { withModel } from '../../src/retrieval/ranking-model.ts';
import { namedDocuments } from '../../src/retrieval/named-documents.ts';
import { topicUnits, understand } from '../../src/retrieval/understand.ts';
import { fixedClock } from '../fakes/clock.ts';
import { openSeededCore } from '../fixtures/seeded-store.ts';

let core: Core;
const BAC_KAN = '2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt';
const TRA_VINH = '2022-ke-hoach-mttq-tra-vinh-tuyen-truyen-xay-dung-dang.txt';

beforeAll(async () => {
  core = await openSeededCore({ clock: fixedClock() });
  const sources = await readSources('data/documents');
  for (const doc of generateSyntheticCorpus(sources, 60, 7)) {
    const r = await core.ingestor.ingestFile({ name: doc.name, bytes: Buffer.from(doc.text, 'utf8') });
    expect(r.outcome).toBe('stored');
  }
  core.catalog.invalidate();
}, 120_000);

afterAll(async () => {
  await core?.close();
});

/** Ranks with only `candidates` chunks per index, so the copies crowd the main search as they do at scale. */
async function top(question: string, candidates: number) {
  const intent = understand(question, core.analyzer, 2026);
  const filter = intent.years.length > 0 ? { years: intent.years } : {};
  const deps = { store: core.store, embedder: core.embedder, catalog: core.catalog, outlines: core.outlines, directives: core.directives, profiles: core.profiles, model: withModel({ candidates }) };
  return (await retrieveSections(intent, filter, deps))[0];
}

describe('near-copies', () => {
  it('names the documents whose profile holds a rare unit of the question, not those sharing common ones', async () => {
    const named = async (q: string) => {
      const intent = understand(q, core.analyzer, 2026);
      const ids = await namedDocuments(core.catalog, { ...topicUnits(intent) }, undefined);
      return Promise.all(ids.map(async (id) => (await core.catalog.get(id))?.document.source));
    };
    expect(await named('Ủy ban nhân dân thành phố Bắc Kạn được giao nhiệm vụ gì?')).toEqual([BAC_KAN]);
    expect(await named('Mặt trận Tổ quốc tỉnh Trà Vinh nhận phản ánh qua email nào?')).toEqual([TRA_VINH]);
    expect(await named('Tỉnh ủy có nhiệm vụ gì?')).toEqual([]);
  });

  it('ranks the named document first even when copies of its part fill the candidate slots', async () => {
    for (const candidates of [3, 60]) {
      const a = await top('Ủy ban nhân dân thành phố Bắc Kạn được giao nhiệm vụ gì?', candidates);
      expect(`${a?.document.source}#${a?.section.label}`, `${candidates} candidates`).toBe(`${BAC_KAN}#IV.2`);
      const b = await top('Mặt trận Tổ quốc tỉnh Trà Vinh nhận phản ánh vướng mắc qua email nào?', candidates);
      expect(`${b?.document.source}#${b?.section.label}`, `${candidates} candidates`).toBe(`${TRA_VINH}#III.2`);
    }
  });
});
