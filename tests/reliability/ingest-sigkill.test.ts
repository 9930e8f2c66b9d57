/**
 * The process is killed (SIGKILL) in the middle of an ingest. The real CLI ingests a folder of 40 distinct
 * documents into an embedded PGlite folder; once its log shows the first documents stored, it is killed with
 * no chance to clean up. Reopening the same folder must show only complete documents (each with all its
 * sections and chunks: one transaction per document), and running the same ingest again must store the rest
 * and skip what is already there.
 *
 * The child is `node --import tsx src/cli/ingest.ts …` rather than `npx tsx …`: npx and tsx's CLI each start
 * another process, and a SIGKILL to the outer one would leave the ingest running as an orphan.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/ports.ts';
import { DOCUMENTS_DIR, openReplicaCore } from './replica.ts';

const COPIES_PER_DOCUMENT = 8;

/**
 * Writes COPIES_PER_DOCUMENT edited copies of every bundled document. Each copy gets its own document
 * numbers (1000·k added to every `NN-XX/YY` code) and a closing line naming the copy, so no two copies have
 * the same bytes (which would be "skipped") or the same number and issuer (which would "replace" each other).
 */
async function writeCopies(folder: string): Promise<number> {
  const names = (await readdir(DOCUMENTS_DIR)).filter((n) => n.endsWith('.txt')).sort();
  let written = 0;
  for (let k = 1; k <= COPIES_PER_DOCUMENT; k++) {
    for (const name of names) {
      const text = await readFile(join(DOCUMENTS_DIR, name), 'utf8');
      const edited = text.replace(/(\d+)(\s*-\s*[A-ZĐ]{1,6}\/)/g, (_m, n: string, rest: string) => `${Number(n) + 1000 * k}${rest}`);
      await writeFile(join(folder, `copy-${String(k).padStart(2, '0')}-${name}`), `${edited}\n\nBản sao kiểm thử số ${k}.\n`);
      written += 1;
    }
  }
  return written;
}

/** Runs the ingest CLI on `folder` into `pglite://dataDir`; stderr lines are collected as they come. */
function startIngest(folder: string, dataDir: string, extraArgs: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', folder, ...extraArgs], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: `pglite://${dataDir}`, LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => void (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => void (stderr += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/** Resolves once `predicate` holds, checking every 20 ms (the child's log is the only progress signal). */
async function until(predicate: () => boolean, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (child.exitCode !== null) throw new Error('ingest exited before the condition held');
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Number of "ingested" log lines with outcome stored. */
function storedLines(stderr: string): number {
  return stderr.split('\n').filter((l) => l.includes('"msg":"ingested"') && l.includes('"outcome":"stored"')).length;
}

interface DocumentCheck {
  id: string;
  source: string;
  status: string;
  section_count: number;
  chunk_count: number;
  sections: number;
  chunks: number;
}

/** Every document with its declared and actual section and chunk counts. */
function documentChecks(db: Db): Promise<DocumentCheck[]> {
  return db.query<DocumentCheck>(`SELECT d.id, d.source, d.status, d.section_count, d.chunk_count,
      (SELECT count(*)::int FROM sections s WHERE s.document_id = d.id) AS sections,
      (SELECT count(*)::int FROM chunks c WHERE c.document_id = d.id) AS chunks
    FROM documents d ORDER BY d.source`);
}

describe('SIGKILL in the middle of an ingest', () => {
  let work: string;
  let folder: string;
  let dataDir: string;
  let total: number;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ingest-kill-'));
    folder = join(work, 'documents');
    dataDir = join(work, 'pglite');
    await mkdir(folder);
    total = await writeCopies(folder);
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('leaves only complete documents, and a second run stores the rest and skips the stored ones', async () => {
    const first = startIngest(folder, dataDir);
    await until(() => storedLines(first.stderr()) >= 2, first.child);
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const storedBeforeKill = storedLines(first.stderr());

    const core = await openReplicaCore(`pglite://${dataDir}`);
    let storedAfterKill: DocumentCheck[];
    try {
      storedAfterKill = await documentChecks(core.db);
      expect(storedAfterKill.length).toBeGreaterThanOrEqual(storedBeforeKill);
      expect(storedAfterKill.length).toBeLessThan(total); // really killed mid-way
      for (const d of storedAfterKill) {
        expect({ source: d.source, status: d.status, sections: d.sections, chunks: d.chunks }).toEqual({
          source: d.source,
          status: 'active',
          sections: d.section_count,
          chunks: d.chunk_count,
        });
        expect(d.chunks).toBeGreaterThan(0);
      }
      const orphans = await core.db.query<{ n: number }>(`SELECT
          (SELECT count(*) FROM sections s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.document_id))
        + (SELECT count(*) FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.document_id)) AS n`);
      expect(Number(orphans[0]?.n)).toBe(0);
      // The lexical statistics were updated in the same transactions as the chunks they count.
      const stats = await core.db.query<{ chunk_count: string }>('SELECT chunk_count FROM lexical_stats WHERE id = 1');
      expect(Number(stats[0]?.chunk_count)).toBe(storedAfterKill.reduce((sum, d) => sum + d.chunks, 0));
    } finally {
      await core.close();
    }

    const second = startIngest(folder, dataDir, ['--json']);
    const done = await second.exited;
    expect(done.code, second.stderr()).toBe(0);
    const results = JSON.parse(second.stdout()) as Array<{ source: string; outcome: string }>;
    const skipped = results.filter((r) => r.outcome === 'skipped').map((r) => r.source).sort();
    expect(skipped).toEqual(storedAfterKill.map((d) => d.source).sort());
    expect(results.filter((r) => r.outcome === 'stored')).toHaveLength(total - skipped.length);

    const reopened = await openReplicaCore(`pglite://${dataDir}`);
    try {
      const all = await documentChecks(reopened.db);
      expect(all).toHaveLength(total);
      for (const d of all) expect([d.status, d.sections, d.chunks]).toEqual(['active', d.section_count, d.chunk_count]);
    } finally {
      await reopened.close();
    }
    // Two child processes each ingesting documents: slow on two busy cores.
  }, 300_000);
});
