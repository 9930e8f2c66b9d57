/**
 * Splits a question bank once into a tuning half and a test half, stratified by kind: within each kind the
 * questions are ordered by the SHA-1 of their id and dealt alternately. The test half is never tuned on.
 * `npx tsx src/eval/split-bank.ts data/eval/bank/<name>.jsonl` writes data/eval/tune/<name>.jsonl and
 * data/eval/test/<name>.jsonl; the same bank always gives the same halves.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

function split(lines: string[]): { tune: string[]; test: string[] } {
  const byKind = new Map<string, Array<{ line: string; key: string }>>();
  for (const line of lines) {
    const q = JSON.parse(line) as { id: string; kind?: string };
    const key = createHash('sha1').update(q.id).digest('hex');
    const kind = q.kind ?? 'unknown';
    byKind.set(kind, [...(byKind.get(kind) ?? []), { line, key }]);
  }
  const tune: string[] = [];
  const test: string[] = [];
  for (const kind of [...byKind.keys()].sort()) {
    const sorted = (byKind.get(kind) ?? []).sort((a, b) => a.key.localeCompare(b.key));
    sorted.forEach((q, i) => (i % 2 === 0 ? tune : test).push(q.line));
  }
  const order = (xs: string[]) => xs.sort((a, b) => lines.indexOf(a) - lines.indexOf(b));
  return { tune: order(tune), test: order(test) };
}

for (const path of process.argv.slice(2)) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const halves = split(lines);
  for (const half of ['tune', 'test'] as const) {
    const dir = join('data', 'eval', half);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, basename(path)), `${halves[half].join('\n')}\n`);
  }
  process.stdout.write(`${path}: ${halves.tune.length} tuning, ${halves.test.length} test\n`);
}
