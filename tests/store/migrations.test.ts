/**
 * The UTF-8 locale check a Postgres server must pass, the data migrations, and the full-text computation of
 * the section tree.
 */
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.ts';
import type { Db } from '../../src/core/ports.ts';
import { checkPgvectorVersion, checkUtf8Database, isUtf8Locale, migrate } from '../../src/store/migrations.ts';
import { MIGRATIONS } from '../../src/store/migration-list.ts';
import { createPgliteDb } from '../../src/store/db-pglite.ts';
import { fullTexts } from '../../src/store/section-tree.ts';
import { sections } from './fixtures.ts';

/** A `Db` that answers the locale query with a fixed row (the only query this test needs). */
function localeDb(row: Record<string, string | null>): Db {
  const db: Db = {
    kind: 'postgres',
    query: async <T>() => [row] as T[],
    transaction: (fn) => fn(db),
    close: async () => undefined,
  };
  return db;
}

describe('UTF-8 locale check', () => {
  it('accepts UTF-8 ctypes, ICU and the builtin C.UTF-8; refuses C and POSIX', () => {
    const base = { encoding: 'UTF8', provider: 'c', locale: null };
    expect(isUtf8Locale({ ...base, ctype: 'C.UTF-8' })).toBe(true);
    expect(isUtf8Locale({ ...base, ctype: 'vi_VN.utf8' })).toBe(true);
    expect(isUtf8Locale({ ...base, ctype: 'C' })).toBe(false);
    expect(isUtf8Locale({ ...base, ctype: 'POSIX' })).toBe(false);
    expect(isUtf8Locale({ ...base, ctype: 'C', provider: 'i', locale: 'und' })).toBe(true);
    expect(isUtf8Locale({ ...base, ctype: 'C', provider: 'b', locale: 'C.UTF-8' })).toBe(true);
    expect(isUtf8Locale({ ...base, ctype: 'C.UTF-8', encoding: 'SQL_ASCII' })).toBe(false);
  });

  it('fails migration on a C-locale server with instructions', async () => {
    const db = localeDb({ encoding: 'UTF8', ctype: 'C', provider: 'c', locale: null });
    await expect(checkUtf8Database(db)).rejects.toThrow(/createdb -E UTF8 --locale=C.UTF-8/);
    await expect(migrate(db)).rejects.toBeInstanceOf(StoreError);
  });
});

describe('pgvector version check', () => {
  it.each([
    ['0.7.4', false],
    ['0.8.0', true],
    ['0.8.7', true],
    ['1.0.0', true],
  ])('pgvector %s: accepted %s', async (v, ok) => {
    const check = checkPgvectorVersion(localeDb({ v }));
    if (ok) await expect(check).resolves.toBeUndefined();
    else await expect(check).rejects.toThrow(/pgvector 0\.7\.4 is too old: version 0\.8 or newer/);
  });
});

describe('migration 5: one chat memory', () => {
  it('moves live conversations into chat_states under conversation:<id> and drops the table', async () => {
    const db = await createPgliteDb();
    try {
      await migrate(db, MIGRATIONS.filter((m) => m.version < 5));
      const state = JSON.stringify({ lastQuestion: 'nội dung trọng tâm?', citedSections: [{ documentId: 'd1', label: 'II.1' }] });
      await db.query(
        `INSERT INTO conversations (id, state, expires_at, updated_at) VALUES
           ('zalo:1', $1::jsonb, now() + interval '10 minutes', now()), ('zalo:2', $1::jsonb, now() - interval '1 minute', now())`,
        [state],
      );
      await db.query(`INSERT INTO chat_states (id, state, expires_at) VALUES ('zalo:1', '{"items": []}', now() + interval '1 hour')`);
      expect((await migrate(db)).applied).toEqual(MIGRATIONS.filter((m) => m.version >= 5).map((m) => m.version));
      const rows = await db.query<{ id: string; state: unknown }>('SELECT id, state FROM chat_states ORDER BY id');
      expect(rows).toEqual([
        { id: 'conversation:zalo:1', state: JSON.parse(state) },
        { id: 'zalo:1', state: { items: [] } },
      ]);
      const tables = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'conversations'`);
      expect(tables).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe('section full text', () => {
  it('is the own body plus descendants heading lines and bodies in order', () => {
    const full = fullTexts(sections());
    expect(full.get(1)).toBe('Thân I.\n1. Nội dung\nThân I.1.\na) Chi tiết\nThân a.');
    expect(full.get(2)).toBe('Thân I.1.\na) Chi tiết\nThân a.');
    expect(full.get(0)).toBe('Căn cứ Quy định.');
    expect(full.get(4)).toBe('Thân II.');
  });

  it('does not repeat a numbered paragraph whose heading line is the paragraph itself', () => {
    const s = [
      { label: 'III', heading: 'HÌNH THỨC', headingLine: 'III - HÌNH THỨC', level: 1, order: 0, parentLabel: null, body: '' },
      { label: 'III.3', heading: 'Tuyên truyền bằng…', headingLine: '3. Tuyên truyền bằng pa nô.', level: 2, order: 1, parentLabel: 'III', body: 'Tuyên truyền bằng pa nô.' },
    ];
    expect(fullTexts(s).get(0)).toBe('3. Tuyên truyền bằng pa nô.');
  });

  it('attaches a repeated label to the nearest earlier parent', () => {
    const s = [
      { label: 'I', heading: '', headingLine: 'I. A', level: 1, order: 0, parentLabel: null, body: 'a' },
      { label: 'I.1', heading: '', headingLine: '1. x', level: 2, order: 1, parentLabel: 'I', body: 'x1' },
      { label: 'I', heading: '', headingLine: 'I. B', level: 1, order: 2, parentLabel: null, body: 'b' },
      { label: 'I.1', heading: '', headingLine: '1. y', level: 2, order: 3, parentLabel: 'I', body: 'y1' },
    ];
    const full = fullTexts(s);
    expect(full.get(0)).toBe('a\n1. x\nx1');
    expect(full.get(2)).toBe('b\n1. y\ny1');
  });
});
