/**
 * Applies the versioned migrations at start. Each migration runs in its own transaction under an advisory
 * lock, so two replicas starting together apply it once; a restart applies nothing.
 */
import { StoreError } from '../core/errors.ts';
import type { Db } from '../core/ports.ts';
import { MIGRATIONS, type Migration } from './migration-list.ts';

/** Arbitrary constant shared by every process of this app: the advisory lock key for migrations. */
const MIGRATION_LOCK_KEY = 7_340_221_906;

/** What `migrate` did. */
export interface MigrationReport {
  applied: number[];
  current: number;
}

/** Brings the schema up to date; on a Postgres server, first checks the database is UTF-8. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  if (db.kind === 'postgres') await checkUtf8Database(db);
  await createMigrationsTable(db);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (await applyMigration(db, migration)) applied.push(migration.version);
  }
  await checkPgvectorVersion(db);
  return { applied, current: Math.max(0, ...migrations.map((m) => m.version)) };
}

async function createMigrationsTable(db: Db): Promise<void> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** Applies one migration unless already applied; returns whether it ran. */
async function applyMigration(db: Db, migration: Migration): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
  } catch (err) {
    const hint = migration.version === 1 ? ' (is the pgvector extension installed on the server?)' : '';
    throw new StoreError(`migration ${migration.version} "${migration.name}" failed${hint}`, { cause: err });
  }
}

/** Oldest pgvector with what vector search relies on (`hnsw.iterative_scan`, so filtered searches fill up). */
const MIN_PGVECTOR: [number, number] = [0, 8];

/** Refuses to start on a pgvector too old for the search SQL, naming the version found. */
export async function checkPgvectorVersion(db: Db): Promise<void> {
  const rows = await db.query<{ v: string }>(`SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'`);
  const found = rows[0]?.v;
  if (found === undefined) return; // not created yet: only possible with a custom migration list (tests)
  const [major = 0, minor = 0] = found.split('.').map(Number);
  if (major > MIN_PGVECTOR[0] || (major === MIN_PGVECTOR[0] && minor >= MIN_PGVECTOR[1])) return;
  throw new StoreError(`pgvector ${found} is too old: version ${MIN_PGVECTOR.join('.')} or newer is needed (ALTER EXTENSION vector UPDATE)`);
}

/** The locale facts of a database that decide whether Vietnamese text is handled correctly. */
export interface DatabaseLocale {
  encoding: string;
  ctype: string | null;
  provider: string | null;
  locale: string | null;
}

/**
 * Under the C/POSIX ctype, Postgres cannot lower-case Vietnamese letters (`lower('ĐẢNG')` → `ĐẢng`) and
 * pg_trgm drops them. ICU databases and PG17's builtin `C.UTF-8` are fine.
 */
export async function checkUtf8Database(db: Db): Promise<void> {
  // to_jsonb reads columns that exist only in some versions (datlocale, datlocprovider) without failing.
  const rows = await db.query<DatabaseLocale>(`SELECT pg_encoding_to_char(encoding) AS encoding,
      to_jsonb(d) ->> 'datctype' AS ctype,
      to_jsonb(d) ->> 'datlocprovider' AS provider,
      coalesce(to_jsonb(d) ->> 'datlocale', to_jsonb(d) ->> 'daticulocale') AS locale
    FROM pg_database d WHERE datname = current_database()`);
  const row = rows[0];
  if (row && isUtf8Locale(row)) return;
  const found = row ? `encoding ${row.encoding}, LC_CTYPE ${row.ctype ?? '?'}` : 'no pg_database row';
  throw new StoreError(
    `the database must use UTF-8 with a UTF-8 LC_CTYPE for Vietnamese text (found ${found}). ` +
      'Create it with: createdb -E UTF8 --locale=C.UTF-8 -T template0 <name> ' +
      "(or CREATE DATABASE <name> ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0), " +
      'then point DATABASE_URL at it.',
  );
}

/** True when the database's character classification understands UTF-8. */
export function isUtf8Locale(row: DatabaseLocale): boolean {
  if (row.encoding.toUpperCase() !== 'UTF8') return false;
  if (row.provider === 'i') return true;
  if (row.provider === 'b' && row.locale && /utf-?8|unicode/i.test(row.locale)) return true;
  return row.ctype !== null && /utf-?8/i.test(row.ctype);
}
