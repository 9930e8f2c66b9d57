/**
 * Chooses the database backend from `DATABASE_URL`.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, StoreError } from '../core/errors.ts';
import type { Db } from '../core/ports.ts';
import { createPgliteDb } from './db-pglite.ts';
import { createPostgresDb } from './db-postgres.ts';

/** Where the embedded database lives when `DATABASE_URL` is unset. */
export const DEFAULT_PGLITE_DIR = './.data/pglite';

const ACCEPTED_FORMS =
  'unset (embedded PGlite in ./.data/pglite), memory:// (in-memory PGlite), ' +
  'pglite://<folder> (PGlite in that folder), postgres://… or postgresql://… (a Postgres server with pgvector)';

/** Options for {@link openDb}. */
export interface OpenDbOptions {
  /** Folder used when the URL is unset (default `./.data/pglite`). */
  defaultDir?: string;
  /** Pool size for a Postgres server. */
  max?: number;
  /** Longest query on a Postgres server (see `createPostgresDb`). */
  queryTimeoutMs?: number;
}

/** Which backend a `DATABASE_URL` selects, without opening anything. */
export type DbTarget =
  | { kind: 'pglite'; dataDir: string | undefined }
  | { kind: 'postgres'; url: string };

/**
 * Parses `DATABASE_URL`: unset or empty → PGlite in `defaultDir`; `memory://` → in-memory PGlite;
 * `pglite://<dir>` → PGlite in that folder; `postgres://`/`postgresql://` → a server. Anything else is a
 * `ConfigError` naming the variable and the accepted forms (the value itself is not echoed: it may hold a
 * password).
 */
export function parseDatabaseUrl(databaseUrl: string | undefined, opts: OpenDbOptions = {}): DbTarget {
  const url = databaseUrl?.trim() ?? '';
  if (url === '') return { kind: 'pglite', dataDir: resolve(opts.defaultDir ?? DEFAULT_PGLITE_DIR) };
  if (url === 'memory://' || url === 'memory:') return { kind: 'pglite', dataDir: undefined };
  if (url.startsWith('pglite://')) {
    const dir = url.slice('pglite://'.length);
    if (dir === '') throw new ConfigError(`DATABASE_URL: pglite:// needs a folder, e.g. pglite://./.data/pglite`);
    return { kind: 'pglite', dataDir: resolve(dir) };
  }
  if (/^postgres(ql)?:\/\/./.test(url)) return { kind: 'postgres', url };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  const seen = scheme ? `scheme "${scheme}:"` : 'a value without a scheme';
  throw new ConfigError(`DATABASE_URL has ${seen}; expected one of: ${ACCEPTED_FORMS}`);
}

/** Opens the backend `DATABASE_URL` selects (creating the PGlite folder when needed). Run `migrate` next. */
export async function openDb(databaseUrl: string | undefined, opts: OpenDbOptions = {}): Promise<Db> {
  const target = parseDatabaseUrl(databaseUrl, opts);
  if (target.kind === 'postgres') return createPostgresDb(target.url, { max: opts.max, queryTimeoutMs: opts.queryTimeoutMs });
  if (target.dataDir !== undefined) {
    try {
      await mkdir(target.dataDir, { recursive: true });
    } catch (err) {
      throw new StoreError(`could not create the database folder ${target.dataDir}`, { cause: err });
    }
  }
  return createPgliteDb({ dataDir: target.dataDir });
}
