/**
 * The acceptance collection for documents in force: the five bundled documents (a copy of the seeded store) plus
 * the pairs under tests/force/documents — a regulation and its replacement (05-QĐ/TU → 12-QĐ/TU), a plan and the
 * plan amending it (30-KH/TU ← 41-KH/TU, beside last year's plan 18-KH/TU, which nothing replaces), and a guidance
 * and the decision abolishing it (07-HD/BTGTU ← 88-QĐ/BTGTU) — ingested in either order, on a clock in mid-2025.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Core } from '../../src/app/open-core.ts';
import { fixedClock } from '../fakes/clock.ts';
import { openSeededCore } from '../fixtures/seeded-store.ts';

export const FORCE_DOCUMENTS = 'tests/force/documents';

/** Mid-2025: every relation of the test documents has taken effect. */
export const FORCE_CLOCK_ISO = '2025-07-01T03:00:00Z';

/** The test documents in the order they are ingested: older first (`forward`) or the newer ones first (`reverse`). */
export type Order = 'forward' | 'reverse';

/** Source file of each test document, by its number. */
export const SOURCES = {
  old: '2019-quy-dinh-05-qd-tu-lam-giang-tiep-dan.txt',
  replacing: '2024-quy-dinh-12-qd-tu-lam-giang-tiep-dan.txt',
  plan: '2025-ke-hoach-30-kh-tu-lam-giang-chuyen-doi-so.txt',
  amending: '2025-ke-hoach-41-kh-tu-lam-giang-sua-doi-chuyen-doi-so.txt',
  lastYear: '2024-ke-hoach-18-kh-tu-lam-giang-chuyen-doi-so.txt',
  guidance: '2022-huong-dan-07-hd-btgtu-lam-giang-mang-xa-hoi.txt',
  abolishing: '2025-quyet-dinh-88-qd-btgtu-lam-giang-bai-bo-huong-dan.txt',
} as const;

/** A test document's bytes. */
export async function forceFile(name: string): Promise<{ name: string; bytes: Uint8Array }> {
  return { name, bytes: await readFile(join(FORCE_DOCUMENTS, name)) };
}

/** Opens a core on a copy of the seeded store and ingests the test documents in `order` (all of them, or `only`). */
export async function openForceCore(order: Order, options: { logger?: Logger; only?: string[] } = {}): Promise<Core> {
  const core = await openSeededCore({ clock: fixedClock(FORCE_CLOCK_ISO), ...(options.logger ? { logger: options.logger } : {}) });
  const names = (await readdir(FORCE_DOCUMENTS)).filter((f) => f.endsWith('.txt')).sort();
  const chosen = options.only ? names.filter((n) => options.only?.includes(n)) : names;
  for (const name of order === 'forward' ? chosen : chosen.reverse()) {
    const result = await core.ingestor.ingestFile(await forceFile(name));
    if (result.outcome !== 'stored') throw new Error(`${name}: ${result.outcome} ${result.reason ?? ''}`);
  }
  core.catalog.invalidate();
  return core;
}
