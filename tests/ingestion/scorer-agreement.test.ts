/**
 * Our labels agree with the official scorer's (`../shared/eval/sections.py`, which CI has beside the checkout) on
 * the ten shared documents: the five bundled ones and the five fixtures. Skipped, with a message, where python3
 * or the scorer is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../ingestion/parse-document.ts';

const SCORER = join(import.meta.dirname, '../../../shared/eval/sections.py');
const FILES = [
  ...['2021-ke-hoach-12-kh-du-tuyen-truyen-sau-dai-hoi-xiii.txt', '2022-ke-hoach-dang-uy-khoi-lao-cai-de-an-17.txt', '2022-ke-hoach-mttq-tra-vinh-tuyen-truyen-xay-dung-dang.txt', '2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt', '2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt'].map((f) =>
    join(import.meta.dirname, '../../data/documents', f),
  ),
  ...['2024-chi-thi-19-ct-tu-lam-giang-dai-hoi-dang-bo.txt', '2024-nghi-quyet-05-nq-hu-dong-son-ha-nong-nghiep.txt', '2025-ke-hoach-42-kh-duk-hai-lam-chuan-muc-dao-duc.txt', '2025-thong-bao-312-tb-tu-lam-giang-lam-viec-dong-son-ha.txt', '2026-huong-dan-04-hd-btgdvtu-lam-giang-ngay-le-lon.txt'].map((f) =>
    join(import.meta.dirname, 'fixtures/layouts', f),
  ),
];

const python = spawnSync('python3', ['--version']);
const available = existsSync(SCORER) && python.status === 0;
if (!available) console.warn(`scorer agreement skipped: ${existsSync(SCORER) ? 'python3 not found' : `${SCORER} not found`}`);

/** The labels `sections.py FILE` prints, one `'label' heading` per line. */
function scorerLabels(file: string): string[] {
  const run = spawnSync('python3', [SCORER, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => /^'((?:[^'\\]|\\.)*)'/u.exec(line)?.[1] ?? `?${line}`);
}

describe.skipIf(!available)('labels agree with the official scorer', () => {
  it.each(FILES.map((f) => [basename(f), f]))('%s', (_name, file) => {
    const doc = parseDocument({ source: basename(file), text: readFileSync(file, 'utf8'), contentHash: 'x' });
    expect(doc.sections.map((s) => s.label)).toEqual(scorerLabels(file));
  });
});
