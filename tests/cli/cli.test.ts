/**
 * The command-line contract, through real processes (few: each start costs seconds).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openCore } from '../../src/app/open-core.ts';
import { createPgNoticeDesk } from '../../src/store/notice-subscriptions.ts';
import { outboxCounts } from '../../src/store/notice-outbox.ts';
import { PLAN_45 } from '../notices/plans.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function run(script: string, args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [script, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 90_000 },
      (err, stdout, stderr) => {
        const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : err ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin);
  });
}

let dir: string;
let ask: Run;
let ingest: Run;
let evalRun: Run;
let start: Run;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-test-'));
  const docs = join(dir, 'docs');
  await mkdir(docs);
  await writeFile(join(docs, 'good.txt'), await readFile('data/documents/2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt'));
  await writeFile(join(docs, 'broken.txt'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 131) % 256));
  const questions = join(dir, 'questions.jsonl');
  await writeFile(
    questions,
    [
      JSON.stringify({ id: 'q1', question: 'nội dung tuyên truyền trọng tâm năm 2023 là gì?' }),
      JSON.stringify({ id: 'q2', question: 'giá vàng hôm nay' }),
      '',
    ].join('\n'),
  );
  [ask, ingest, evalRun, start] = await Promise.all([
    run('src/cli/ask.ts', ['--json', 'nội dung tuyên truyền trọng tâm năm 2023 là gì?'], { DATABASE_URL: 'memory://', LOG_LEVEL: 'info' }),
    run('src/cli/ingest.ts', [docs], { DATABASE_URL: `pglite://${join(dir, 'db')}`, LOG_LEVEL: 'info' }),
    run('src/cli/eval.ts', ['--json', '--questions', questions], { LOG_LEVEL: 'info' }),
    run(
      'src/main.ts',
      [],
      { DATABASE_URL: 'memory://', PORT: '0', LOG_LEVEL: 'info', TERMINAL_LOG_FILE: join(dir, 'logs', 'chat.log') },
      'nội dung tuyên truyền trọng tâm năm 2023 là gì?\n/thoat\n',
    ),
  ]);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ask --json', () => {
  it('prints exactly one JSON object with the documented fields on stdout', () => {
    expect(ask.code, ask.stderr).toBe(0);
    const lines = ask.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['answer', 'citations', 'latency_ms', 'refused']);
    expect(out.refused).toBe(false);
    expect(typeof out.answer).toBe('string');
    expect(typeof out.latency_ms).toBe('number');
    const citations = out.citations as Array<Record<string, unknown>>;
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(Object.keys(c).sort()).toEqual(['body', 'heading', 'number', 'quote', 'section', 'source', 'title', 'year']);
      expect(c.source).toBe('2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt');
      expect(c.body).toBe('Huyện ủy');
      expect(c.section).toBe('II.1');
      expect(c.year).toBe(2023);
      expect(out.answer).toContain(c.quote as string);
    }
  });
});

describe('start with questions piped in and no channel configured', () => {
  it('answers them in the terminal chat, then exits', () => {
    expect(start.code, start.stderr).toBe(0);
    expect(start.stdout).toContain('Trợ lý văn bản');
    expect(start.stdout).toMatch(/\(Nguồn: Kế hoạch .*mục II\.1/);
  });

  it('writes its logs (LOG_LEVEL info) to TERMINAL_LOG_FILE, never between the prompts', async () => {
    expect(start.stdout).not.toContain('"level"');
    expect(start.stderr).not.toContain('"level"');
    expect(start.stderr).toContain(join(dir, 'logs', 'chat.log'));
    const log = await readFile(join(dir, 'logs', 'chat.log'), 'utf8');
    const lines = log.trim().split('\n').map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['store ready', 'answered']));
    expect(lines.every((l) => l.level >= 30)).toBe(true);
  });
});

describe('ingest with a broken file', () => {
  it('exits non-zero and names the bad file on stderr', () => {
    expect(ingest.code).not.toBe(0);
    expect(ingest.stderr).toMatch(/broken\.txt: .*(binary|encoding)/);
    expect(ingest.stderr).not.toContain('good.txt');
    expect(ingest.stdout).toContain('good.txt');
  });

  it('stored the good file', async () => {
    const core = await openCore({ config: loadConfig({}), logger: pino({ level: 'silent' }), databaseUrl: `pglite://${join(dir, 'db')}` });
    try {
      const docs = await core.store.listDocuments();
      expect(docs.map((d) => [d.source, d.status, d.year])).toEqual([['good.txt', 'active', 2023]]);
    } finally {
      await core.close();
    }
  });
});

describe('ingest --publish', () => {
  it('publishes as an admin does: active, audited, and announced to subscribers through the outbox', async () => {
    const databaseUrl = `pglite://${join(dir, 'db')}`;
    const before = await openCore({ config: loadConfig({}), logger: pino({ level: 'silent' }), databaseUrl });
    await createPgNoticeDesk(before.db, before.clock).subscribe({ channel: 'zalo', chatId: 'z-cli' });
    await before.close();
    await writeFile(join(dir, '2024-ke-hoach-45.txt'), PLAN_45);
    const published = await run('src/cli/ingest.ts', ['--publish', join(dir, '2024-ke-hoach-45.txt')], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' });
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toContain('Đã đăng 1 văn bản');
    const after = await openCore({ config: loadConfig({}), logger: pino({ level: 'silent' }), databaseUrl });
    try {
      const doc = (await after.store.listDocuments()).find((d) => d.number === '45-KH/ĐUK');
      expect(doc?.status).toBe('active');
      expect(await outboxCounts(after.db)).toEqual([{ channel: 'zalo', status: 'pending', count: 1 }]);
      const audit = await after.db.query<{ action: string; actor_channel: string }>(`SELECT action, actor_channel FROM audit_log WHERE action = 'publish'`);
      expect(audit).toEqual([{ action: 'publish', actor_channel: 'cli' }]);
    } finally {
      await after.close();
    }
    const refused = await run('src/cli/ingest.ts', ['--publish', '--draft', join(dir, '2024-ke-hoach-45.txt')], { DATABASE_URL: databaseUrl });
    expect(refused.code).toBe(2);
  }, 120_000);
});

describe('eval --json on a file with only id and question', () => {
  it('records an answer for each question', () => {
    expect(evalRun.code, evalRun.stderr).toBe(0);
    const report = JSON.parse(evalRun.stdout) as { results: Array<{ id: string; question: string; response: { refused: boolean; citations: unknown[] } }>; metrics: { overall: Record<string, unknown> } };
    expect(report.results.map((r) => r.id)).toEqual(['q1', 'q2']);
    expect(report.results[0]!.response.refused).toBe(false);
    expect(report.results[0]!.response.citations.length).toBeGreaterThan(0);
    expect(report.results[1]!.response.refused).toBe(true);
    expect(report.metrics.overall).toMatchObject({ questions: 2, hit: null, precision: null, refusal: null, quote_fidelity: 1 });
    expect(report).not.toHaveProperty('baseline');
  });
});
