/**
 * The ingestion pipeline end to end (ingestion/pipeline.ts through openCore on memory://): real parser, real
 * store; only the embedder is faked where a failure has to be injected.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openCore, type Core } from '../../src/app/open-core.ts';
import { createIngestor, INTERNAL_FAILURE } from '../../ingestion/pipeline.ts';
import type { Embedder } from '../../src/core/ports.ts';
import { buildDirectiveDocx } from './extract-fixtures.ts';
import { fixedClock } from '../fakes/clock.ts';

const DOCS = 'data/documents';
const OLD_2021 = '2021-ke-hoach-12-kh-du-tuyen-truyen-sau-dai-hoi-xiii.txt';
const logger = pino({ level: 'silent' });
let core: Core;
let dir: string;

/** A small, valid directive for `year` whose topic words are `topic`. */
function directive(topic: string, year: number): string {
  return [
    'KẾ HOẠCH',
    `tuyên truyền về ${topic} năm ${year}`,
    '',
    `Thực hiện Kế hoạch số 99-KH/TU ngày 10/1/${year} của Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:`,
    '',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '',
    `- Nâng cao nhận thức của cán bộ, đảng viên về ${topic}.`,
    '',
    'II. NỘI DUNG',
    '',
    `1. Tuyên truyền ${topic}`,
    '',
    `- Tuyên truyền các mô hình ${topic} tiêu biểu ở cơ sở.`,
    '',
  ].join('\n');
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['documents', 'sections', 'chunks', 'doc_references']) {
    const [row] = await core.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = row?.n ?? -1;
  }
  return out;
}

beforeAll(async () => {
  core = await openCore({ config: loadConfig({}), logger, databaseUrl: 'memory://', clock: fixedClock() });
  dir = await mkdtemp(join(tmpdir(), 'pipeline-test-'));
});

afterAll(async () => {
  await core?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('bundled documents', () => {
  it('stores the five documents with their metadata', async () => {
    const results = await core.ingestor.ingestPaths([DOCS]);
    expect(results.map((r) => [r.source, r.outcome])).toEqual([
      [OLD_2021, 'stored'],
      ['2022-ke-hoach-dang-uy-khoi-lao-cai-de-an-17.txt', 'stored'],
      ['2022-ke-hoach-mttq-tra-vinh-tuyen-truyen-xay-dung-dang.txt', 'stored'],
      ['2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt', 'stored'],
      ['2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt', 'stored'],
    ]);
    const docs = await core.store.listDocuments({ status: 'active' });
    const bySource = new Map(docs.map((d) => [d.source, d]));
    expect(bySource.get(OLD_2021)).toMatchObject({ type: 'Kế hoạch', number: '12-KH/ĐU', year: 2021, issuer: 'Đảng ủy Ban Quản lý Khu kinh tế', version: 1 });
    expect(bySource.get('2022-ke-hoach-dang-uy-khoi-lao-cai-de-an-17.txt')).toMatchObject({ type: 'Kế hoạch', year: 2022, yearSource: 'title', issuer: 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh' });
    expect(bySource.get('2022-ke-hoach-mttq-tra-vinh-tuyen-truyen-xay-dung-dang.txt')).toMatchObject({ type: 'Kế hoạch', year: 2022, issuer: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh' });
    expect(bySource.get('2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt')).toMatchObject({ type: 'Hướng dẫn', year: 2023, issuer: 'Thành ủy Bắc Kạn' });
    expect(bySource.get('2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt')).toMatchObject({ type: 'Kế hoạch', year: 2023, issuer: 'Ban Thường vụ Huyện ủy' });
    for (const d of docs) {
      expect(d.status).toBe('active');
      expect(d.sectionCount).toBeGreaterThan(3);
      expect(d.chunkCount).toBeGreaterThanOrEqual(d.sectionCount - 1);
      expect(d.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('skips all of them the second time and changes nothing', async () => {
    const before = await counts();
    const results = await core.ingestor.ingestPaths([DOCS]);
    expect(results.map((r) => r.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(await counts()).toEqual(before);
  });

  it('logs every ingestion', async () => {
    const log = await core.store.recentIngestions(20);
    expect(log.filter((l) => l.outcome === 'stored')).toHaveLength(5);
    expect(log.filter((l) => l.outcome === 'skipped')).toHaveLength(5);
  });
});

describe('a new version of a document', () => {
  it('replaces it atomically as version 2 and keeps the old one as history', async () => {
    const original = await readFile(join(DOCS, OLD_2021), 'utf8');
    const marker = 'Tiếp tục tạo sự thống nhất về nhận thức, tư tưởng chính trị và hành động trong Đảng';
    expect(original).toContain(marker);
    const edited = original.replace(marker, 'Tổ chức hội thi sáng tác tranh cổ động về chuyển đổi số trong Đảng bộ Khu kinh tế');
    const [old] = (await core.store.listDocuments({ status: 'active' })).filter((d) => d.source === OLD_2021);

    const result = await core.ingestor.ingestFile({ name: OLD_2021, bytes: new TextEncoder().encode(edited) });
    core.catalog.invalidate();
    expect(result.outcome).toBe('replaced');
    expect(result.replaces?.id).toBe(old!.id);
    expect(result.document).toMatchObject({ source: OLD_2021, version: 2, status: 'active' });

    const history = await core.store.history(result.document!.id);
    expect(history.map((d) => [d.version, d.status])).toEqual([
      [2, 'active'],
      [1, 'replaced'],
    ]);
    expect(history[1]).toMatchObject({ id: old!.id, replacedBy: result.document!.id });
    const active = await core.store.listDocuments({ status: 'active' });
    expect(active).toHaveLength(5);
    expect(active.filter((d) => d.source === OLD_2021).map((d) => d.id)).toEqual([result.document!.id]);

    const fresh = await core.engine.ask({ text: 'hội thi sáng tác tranh cổ động về chuyển đổi số', conversationId: 'v2', channel: 'eval' });
    expect(fresh.outcome).toBe('answered');
    expect(fresh.citations[0]).toMatchObject({ documentId: result.document!.id, source: OLD_2021 });
    const stale = await core.engine.ask({ text: 'thống nhất về nhận thức tư tưởng chính trị sau Đại hội năm 2021', conversationId: 'v1', channel: 'eval' });
    expect(stale.citations.some((c) => c.documentId === old!.id)).toBe(false);
    for (const c of stale.citations) expect(c.quote).not.toContain(marker);
  });
});

describe('reading a stored file again (--reparse)', () => {
  it('stores the same content as the next version instead of skipping it', async () => {
    const name = '2022-ke-hoach-mttq-tra-vinh-tuyen-truyen-xay-dung-dang.txt';
    const bytes = await readFile(join(DOCS, name));
    const [old] = (await core.store.listDocuments({ status: 'active' })).filter((d) => d.source === name);
    expect((await core.ingestor.ingestFile({ name, bytes })).outcome).toBe('skipped');
    const again = await core.ingestor.ingestFile({ name, bytes }, { reparse: true });
    expect(again.outcome).toBe('replaced');
    expect(again.replaces?.id).toBe(old!.id);
    expect(again.document).toMatchObject({ source: name, version: old!.version + 1, status: 'active', contentHash: old!.contentHash });
    const active = (await core.store.listDocuments({ status: 'active' })).filter((d) => d.source === name);
    expect(active.map((d) => d.id)).toEqual([again.document!.id]);
  });
});

describe('bad files', () => {
  it('ingests the good files of a folder and reports each bad one with its reason', async () => {
    const folder = join(dir, 'mixed');
    await rm(folder, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(folder);
    const docx = await buildDirectiveDocx();
    await writeFile(join(folder, 'a-good.txt'), directive('chuyển đổi số', 2024));
    await writeFile(join(folder, 'b-binary.txt'), Uint8Array.from({ length: 2048 }, (_, i) => (i * 37) % 256));
    await writeFile(join(folder, 'c-empty.txt'), '');
    await writeFile(join(folder, 'd-truncated.docx'), docx.slice(0, Math.floor(docx.length / 2)));
    await writeFile(join(folder, 'e-ignored.xyz'), 'not a supported type');
    const results = await core.ingestor.ingestPaths([folder]);
    const outcome = Object.fromEntries(results.map((r) => [r.source, [r.outcome, r.reason]]));
    expect(Object.keys(outcome)).toEqual(['a-good.txt', 'b-binary.txt', 'c-empty.txt', 'd-truncated.docx']);
    expect(outcome['a-good.txt']![0]).toBe('stored');
    expect(outcome['b-binary.txt']).toEqual(['failed', expect.stringMatching(/binary|encoding/)]);
    expect(outcome['c-empty.txt']).toEqual(['failed', expect.stringContaining('empty file')]);
    expect(outcome['d-truncated.docx']).toEqual(['failed', expect.stringContaining('docx')]);
    const sources = (await core.store.listDocuments()).map((d) => d.source);
    expect(sources).toContain('a-good.txt');
    expect(sources.filter((s) => /^[b-d]-/.test(s))).toEqual([]);
    const failed = (await core.store.recentIngestions(10)).filter((l) => l.outcome === 'failed').map((l) => l.source);
    expect(failed).toEqual(expect.arrayContaining(['b-binary.txt', 'c-empty.txt', 'd-truncated.docx']));
  });

  it('reports a file named explicitly even with an unsupported extension', async () => {
    const path = join(dir, 'notes.xyz');
    await writeFile(path, 'ghi chú');
    const [r] = await core.ingestor.ingestPaths([path]);
    expect(r).toMatchObject({ source: 'notes.xyz', outcome: 'failed' });
    expect(r!.reason).toContain('unsupported type');
  });
});

describe('a failure in the middle of a save', () => {
  /** Wraps the real embedder; the `failOn`-th call returns NaN vectors (rejected by pgvector inside the transaction). */
  function nanOnCall(failOn: number): Embedder {
    let calls = 0;
    return {
      model: core.embedder.model,
      dimensions: core.embedder.dimensions,
      async embed(texts) {
        calls++;
        const vectors = await core.embedder.embed(texts);
        return calls === failOn ? vectors.map((v) => v.map(() => Number.NaN)) : vectors;
      },
    };
  }

  it('leaves nothing of the failing document and keeps the others', async () => {
    const folder = join(dir, 'nan');
    await (await import('node:fs/promises')).mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'first.txt'), directive('bảo vệ môi trường', 2024));
    await writeFile(join(folder, 'second.txt'), directive('phòng chống thiên tai', 2024));
    await writeFile(join(folder, 'third.txt'), directive('an toàn giao thông', 2024));
    const before = await counts();
    const ingestor = createIngestor({ store: core.store, embedder: nanOnCall(2), analyzer: core.analyzer, logger });
    const results = await ingestor.ingestPaths([folder]);
    expect(results.map((r) => [r.source, r.outcome])).toEqual([
      ['first.txt', 'stored'],
      ['second.txt', 'failed'],
      ['third.txt', 'stored'],
    ]);
    expect(results[1]!.reason).toBeTruthy();
    const after = await counts();
    expect(after.documents).toBe(before.documents! + 2);
    const orphans = await core.db.query(
      `SELECT 1 FROM sections s LEFT JOIN documents d ON d.id = s.document_id WHERE d.id IS NULL
       UNION ALL SELECT 1 FROM chunks c LEFT JOIN documents d ON d.id = c.document_id WHERE d.id IS NULL`,
    );
    expect(orphans).toEqual([]);
    expect((await core.store.listDocuments()).map((d) => d.source)).not.toContain('second.txt');
    const stored = results.filter((r) => r.outcome === 'stored').map((r) => r.document!);
    const sections = await Promise.all(stored.map((d) => core.store.getSections(d.id)));
    expect(sections.map((s) => s.length)).toEqual(stored.map((d) => d.sectionCount));
  });

  it('an embedder that throws fails only that document', async () => {
    let calls = 0;
    const throwing: Embedder = {
      model: core.embedder.model,
      dimensions: core.embedder.dimensions,
      async embed(texts) {
        if (++calls === 1) throw new Error('embedding service down');
        return core.embedder.embed(texts);
      },
    };
    const before = await counts();
    const ingestor = createIngestor({ store: core.store, embedder: throwing, analyzer: core.analyzer, logger });
    const r1 = await ingestor.ingestFile({ name: 'x1.txt', bytes: new TextEncoder().encode(directive('khuyến học', 2024)) });
    const r2 = await ingestor.ingestFile({ name: 'x2.txt', bytes: new TextEncoder().encode(directive('khuyến nông', 2024)) });
    // The admin reads that it failed on our side, not the model's or database's error text (the log has it).
    expect(r1).toMatchObject({ outcome: 'failed', reason: INTERNAL_FAILURE });
    expect((await core.store.recentIngestions(5)).find((e) => e.source === 'x1.txt')).toMatchObject({ outcome: 'failed', message: INTERNAL_FAILURE });
    expect(r2.outcome).toBe('stored');
    expect((await counts()).documents).toBe(before.documents! + 1);
  });
});

describe('options', () => {
  it('a dry run parses and stores nothing', async () => {
    const before = await counts();
    const logBefore = (await core.store.recentIngestions(100)).length;
    const r = await core.ingestor.ingestFile({ name: 'dry.txt', bytes: new TextEncoder().encode(directive('dân vận khéo', 2024)) }, { dryRun: true });
    expect(r.outcome).toBe('parsed');
    expect(r.document).toBeNull();
    expect(r.parsed?.metadata).toMatchObject({ type: 'Kế hoạch', year: 2024 });
    expect(r.parsed?.sections.map((s) => s.label)).toEqual(['', 'I', 'II', 'II.1']);
    expect(await counts()).toEqual(before);
    expect((await core.store.recentIngestions(100)).length).toBe(logBefore);
  });

  it('applies overrides, recording the year as overridden', async () => {
    const r = await core.ingestor.ingestFile(
      { name: 'override.txt', bytes: new TextEncoder().encode(directive('cải cách hành chính', 2024)) },
      { overrides: { year: 2020, issuer: 'Ban Tuyên giáo Huyện ủy' } },
    );
    expect(r.outcome).toBe('stored');
    expect(r.document).toMatchObject({ year: 2020, yearSource: 'override', issuer: 'Ban Tuyên giáo Huyện ủy' });
    expect((await core.store.getDocument(r.document!.id))?.year).toBe(2020);
  });

  it('stores a draft that is not searchable', async () => {
    const r = await core.ingestor.ingestFile(
      { name: 'draft.txt', bytes: new TextEncoder().encode(directive('nông thôn mới kiểu mẫu', 2021)) },
      { status: 'draft' },
    );
    core.catalog.invalidate();
    expect(r.outcome).toBe('draft');
    const answer = await core.engine.ask({ text: 'mô hình nông thôn mới kiểu mẫu', conversationId: 'draft', channel: 'eval' });
    expect(answer.citations.some((c) => c.documentId === r.document!.id)).toBe(false);
  });
});
