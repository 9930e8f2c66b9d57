/**
 * DATABASE_URL parsing and opening the embedded backends.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.ts';
import { migrate } from '../../src/store/migrations.ts';
import { openDb, parseDatabaseUrl } from '../../src/store/open-db.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'store-open-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('parseDatabaseUrl', () => {
  it('selects the backend from the URL', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'pglite', dataDir: resolve('.data/pglite') });
    expect(parseDatabaseUrl('  ', { defaultDir: '/tmp/x' })).toEqual({ kind: 'pglite', dataDir: '/tmp/x' });
    expect(parseDatabaseUrl('memory://')).toEqual({ kind: 'pglite', dataDir: undefined });
    expect(parseDatabaseUrl('pglite://./db')).toEqual({ kind: 'pglite', dataDir: resolve('db') });
    expect(parseDatabaseUrl('pglite:///var/lib/bot')).toEqual({ kind: 'pglite', dataDir: '/var/lib/bot' });
    expect(parseDatabaseUrl('postgres://u:p@h/db')).toEqual({ kind: 'postgres', url: 'postgres://u:p@h/db' });
    expect(parseDatabaseUrl('postgresql://h/db').kind).toBe('postgres');
  });

  it('refuses other forms with a message naming DATABASE_URL, without echoing secrets', () => {
    for (const bad of ['mysql://root:hunter2@h/db', 'hunter2', 'pglite://', 'postgres://', 'sqlite:db']) {
      let err: unknown;
      try {
        parseDatabaseUrl(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
      expect((err as Error).message).not.toMatch(/hunter2/);
    }
    expect(() => parseDatabaseUrl('mysql://h/db')).toThrow(/memory:\/\/.*pglite:\/\/.*postgres:\/\//);
  });
});

describe('openDb', () => {
  it('rejects an unknown scheme', async () => {
    await expect(openDb('redis://localhost')).rejects.toBeInstanceOf(ConfigError);
  });

  it('opens in-memory PGlite', async () => {
    const db = await openDb('memory://');
    expect(db.kind).toBe('pglite');
    expect(await db.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    await db.close();
  });

  it('creates the default folder and persists across restarts', async () => {
    const dir = join(await tempDir(), 'nested', 'pglite');
    const first = await openDb(undefined, { defaultDir: dir });
    expect((await stat(dir)).isDirectory()).toBe(true);
    await migrate(first);
    await first.query(`INSERT INTO seen_updates (key, expires_at) VALUES ('kept', now() + interval '1 day')`);
    await first.close();
    const second = await openDb(`pglite://${dir}`);
    expect((await migrate(second)).applied).toEqual([]);
    expect(await second.query('SELECT key FROM seen_updates')).toEqual([{ key: 'kept' }]);
    await second.close();
  });
});
