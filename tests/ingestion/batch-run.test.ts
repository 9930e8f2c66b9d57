/**
 * Many files at once (ingestion/batch-run.ts through openCore): batches, their order, copies and new versions
 * inside one run, a stop asked for half-way, and the bulk load that builds the search indexes once at the end.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openCore, type Core } from '../../src/app/open-core.ts';
import type { FileSource } from '../../ingestion/pipeline.ts';
import { TERM_INDEX } from '../../src/store/search-indexes.ts';
import { fixedClock } from '../fakes/clock.ts';

const logger = pino({ level: 'silent' });
let dir: string;
const opened: Core[] = [];

async function open(databaseUrl = 'memory://'): Promise<Core> {
  const core = await openCore({ config: loadConfig({}), logger, databaseUrl, clock: fixedClock() });
  opened.push(core);
  return core;
}

/** A small directive numbered `n`, about `topic`. */
function directive(n: number, topic: string, year = 2024): string {
  return [
    'ĐẢNG BỘ TỈNH HÒA AN',
    'HUYỆN ỦY PHÚ LỘC',
    `Số ${n}-KH/HU`,
    'KẾ HOẠCH',
    `tuyên truyền về ${topic} năm ${year}`,
    '',
    'I. MỤC ĐÍCH, YÊU CẦU',
    `- Nâng cao nhận thức của cán bộ, đảng viên về ${topic}.`,
    '',
    'II. NỘI DUNG',
    `1. Tuyên truyền ${topic}`,
    `- Tuyên truyền các mô hình ${topic} tiêu biểu ở cơ sở.`,
    '',
  ].join('\n');
}

function inMemory(name: string, text: string): FileSource {
  return { name, read: async () => new TextEncoder().encode(text) };
}

async function searchIndexes(core: Core): Promise<string[]> {
  const rows = await core.db.query<{ name: string }>(
    `SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('chunks', 'chunk_embeddings') AND indexdef ILIKE ANY (ARRAY['%USING gin%', '%USING hnsw%']) ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-run-test-'));
});

afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a run over many files', () => {
  it('reports every file in order, stores each good one once, and sees copies and new versions inside the run', async () => {
    const core = await open();
    const files = [
      inMemory('a.txt', directive(1, 'chuyển đổi số')),
      inMemory('b-empty.txt', ''),
      inMemory('c.txt', directive(2, 'bảo vệ môi trường')),
      inMemory('c-copy.txt', directive(2, 'bảo vệ môi trường')),
      // Same number and issuer as c.txt, new text: a new version of it.
      inMemory('c-v2.txt', `${directive(2, 'bảo vệ môi trường')}\n2. Tuyên truyền thêm về rác thải nhựa.\n`),
      inMemory('d.txt', directive(3, 'an toàn giao thông')),
    ];
    const seen: Array<[string, number, number]> = [];
    const results = await core.ingestor.ingestMany(files, {}, (r, done, total) => seen.push([r.source, done, total]));
    expect(results.map((r) => [r.source, r.outcome])).toEqual([
      ['a.txt', 'stored'],
      ['b-empty.txt', 'failed'],
      ['c.txt', 'stored'],
      ['c-copy.txt', 'skipped'],
      ['c-v2.txt', 'replaced'],
      ['d.txt', 'stored'],
    ]);
    expect(seen).toEqual(results.map((r, i) => [r.source, i + 1, files.length]));
    expect(results[4]!.replaces?.source).toBe('c.txt');
    const active = (await core.store.listDocuments({ status: 'active' })).map((d) => d.source).sort();
    expect(active).toEqual(['a.txt', 'c-v2.txt', 'd.txt']);
    const logged = await core.store.recentIngestions(10);
    expect(logged.map((l) => l.source).sort()).toEqual(files.map((f) => f.name).sort());
  });

  it('gives chunks the lexical weights that saving the files one by one gives', async () => {
    const files = [directive(1, 'chuyển đổi số'), `${directive(2, 'bảo vệ môi trường')}\n2. Thêm một nội dung dài hơn về rác thải.\n`, directive(3, 'an toàn giao thông')];
    const weights = async (core: Core) =>
      core.db.query<{ source: string; ord: number; lexical: string }>(
        `SELECT d.source, c.ord, c.lexical::text AS lexical FROM chunks c JOIN documents d ON d.id = c.document_id ORDER BY d.source, c.section_id, c.ord`,
      );
    const batched = await open();
    await batched.ingestor.ingestMany(files.map((text, i) => inMemory(`w${i}.txt`, text)));
    const oneByOne = await open();
    for (const [i, text] of files.entries()) await oneByOne.ingestor.ingestFile({ name: `w${i}.txt`, bytes: new TextEncoder().encode(text) });
    const [a, b] = [await weights(batched), await weights(oneByOne)];
    expect(a.length).toBeGreaterThan(6);
    expect(a.map((r) => [r.source, r.ord, r.lexical]).sort()).toEqual(b.map((r) => [r.source, r.ord, r.lexical]).sort());
  });

  it('stores the same chunks, weights and vectors when a large run is analysed in worker threads', async () => {
    const topics = ['chuyển đổi số', 'môi trường', 'giao thông', 'khuyến học', 'nông thôn mới'];
    const texts = Array.from({ length: 40 }, (_, i) => directive(200 + i, `${topics[i % topics.length]} đợt ${i}`));
    const stored = async (core: Core) =>
      core.db.query<{ source: string; ord: number; text: string; lexical: string; embedding: string }>(
        `SELECT d.source, c.ord, c.text, c.lexical::text AS lexical, e.embedding::text AS embedding
         FROM chunks c JOIN documents d ON d.id = c.document_id JOIN chunk_embeddings e ON e.chunk_id = c.id
         ORDER BY d.source, c.section_id, c.ord`,
      );
    const threaded = await open();
    const results = await threaded.ingestor.ingestMany(texts.map((text, i) => inMemory(`t${String(i).padStart(2, '0')}.txt`, text)));
    expect(results.map((r) => r.outcome)).toEqual(texts.map(() => 'stored'));
    const oneByOne = await open();
    for (const [i, text] of texts.entries()) {
      await oneByOne.ingestor.ingestFile({ name: `t${String(i).padStart(2, '0')}.txt`, bytes: new TextEncoder().encode(text) });
    }
    const [a, b] = [await stored(threaded), await stored(oneByOne)];
    expect(a.length).toBeGreaterThan(80);
    const key = (r: (typeof a)[number]) => [r.source, r.ord, r.text, r.lexical, r.embedding].join('|');
    expect(a.map(key).sort()).toEqual(b.map(key).sort());
    const again = await threaded.ingestor.ingestMany(texts.map((text, i) => inMemory(`t${String(i).padStart(2, '0')}.txt`, text)));
    expect(again.map((r) => r.outcome)).toEqual(texts.map(() => 'skipped'));
  });

  it('in a large run, takes no file after a stop and stores exactly the files it reported', async () => {
    const core = await open();
    const stop = new AbortController();
    const files = Array.from({ length: 60 }, (_, i) => ({
      name: `s${i}.txt`,
      read: async () => {
        if (i === 45) stop.abort();
        return new TextEncoder().encode(directive(300 + i, `chủ đề ${i}`));
      },
    }));
    const results = await core.ingestor.ingestMany(files, { signal: stop.signal });
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThan(files.length);
    expect(results.map((r) => [r.source, r.outcome])).toEqual(results.map((_, i) => [`s${i}.txt`, 'stored']));
    expect((await core.store.listDocuments()).length).toBe(results.length);
  });

  it('stops taking files when asked and still stores those already read', async () => {
    const core = await open();
    const stop = new AbortController();
    const files = Array.from({ length: 10 }, (_, i) => ({
      name: `k${i}.txt`,
      read: async () => {
        if (i === 3) stop.abort();
        return new TextEncoder().encode(directive(100 + i, `chủ đề ${i}`));
      },
    }));
    const results = await core.ingestor.ingestMany(files, { signal: stop.signal });
    expect(results.map((r) => [r.source, r.outcome])).toEqual([0, 1, 2, 3].map((i) => [`k${i}.txt`, 'stored']));
    expect((await core.store.listDocuments()).length).toBe(4);
  });
});

describe('a bulk load', () => {
  const topics = ['chuyển đổi số', 'môi trường', 'giao thông', 'khuyến học', 'nông thôn mới', 'y tế', 'văn hóa'];
  const many = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) => inMemory(`bulk-${from + i}.txt`, directive(from + i + 1, `${topics[i % topics.length]} đợt ${from + i}`)));

  it('stores a large load without keeping the search indexes up, builds them at the end, and searches find it', async () => {
    const core = await open();
    await core.ingestor.ingestMany(many(2));
    const before = await searchIndexes(core);
    expect(before).toHaveLength(2);
    let indexesDuringLoad: string[] | null = null;
    const results = await core.ingestor.ingestMany(many(120, 2), {}, (_r, done) => {
      if (done === 60) void searchIndexes(core).then((names) => (indexesDuringLoad = names));
    });
    expect(results.every((r) => r.outcome === 'stored')).toBe(true);
    expect(indexesDuringLoad).toEqual([]);
    expect(await searchIndexes(core)).toEqual(before);
    const vector = (await core.embedder.embed(['nông thôn mới đợt 46']))[0]!;
    const hits = await core.store.vectorSearch(core.embedder.model, vector, { years: [], documentIds: [] }, 5);
    expect(hits.length).toBe(5);
    const lexical = await core.store.lexicalSearch(core.analyzer.queryTerms('nông thôn mới đợt 46'), { years: [], documentIds: [] }, 3);
    expect(lexical[0]?.text).toContain('đợt 46');
  });

  it('keeps the indexes up when the load is small against the collection', async () => {
    const core = await open();
    // 20 long documents first (~60 chunks each), then 100 short ones (a few chunks each).
    const long = (n: number) =>
      [directive(1000 + n, `chủ đề dài ${n}`), ...Array.from({ length: 60 }, (_, k) => `${k + 2}. Nhiệm vụ ${k} của đợt ${n}\n${'- Tổ chức tuyên truyền sâu rộng. '.repeat(30)}`)].join('\n');
    await core.ingestor.ingestMany(Array.from({ length: 20 }, (_, n) => inMemory(`long-${n}.txt`, long(n))));
    expect(await core.store.countActiveChunks()).toBeGreaterThan(1000);
    let indexesDuringLoad: string[] | null = null;
    await core.ingestor.ingestMany(many(100, 130), {}, (_r, done) => {
      if (done === 50) void searchIndexes(core).then((names) => (indexesDuringLoad = names));
    });
    expect(indexesDuringLoad).toHaveLength(2);
  });

  it('builds again, when the store opens, the indexes a load cut short left missing', async () => {
    const folder = join(dir, 'crashed');
    await mkdir(folder, { recursive: true });
    const url = `pglite://${folder}`;
    const first = await open(url);
    await first.ingestor.ingestMany(many(3));
    const names = await searchIndexes(first);
    expect(names).toContain(TERM_INDEX);
    // What a crash in the middle of a bulk load leaves: the indexes dropped and never built again.
    for (const name of names) await first.db.query(`DROP INDEX ${name}`);
    await first.close();
    opened.splice(opened.indexOf(first), 1);
    const reopened = await open(url);
    expect(await searchIndexes(reopened)).toEqual(names);
  });
});
