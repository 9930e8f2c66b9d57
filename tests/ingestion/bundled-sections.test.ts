/**
 * The five bundled documents keep exactly the sections they had before the parser learned other layouts: every
 * label, heading, heading line, level, parent and body. The dev set's gold labels point at these sections, so any
 * change here moves the evaluation. The expected values were captured from the single-layout parser
 * (fixtures/bundled-sections.json); regenerate them only for a deliberate, reviewed change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../ingestion/parse-document.ts';

const DIR = join(import.meta.dirname, '../../data/documents');

interface PinnedSection {
  label: string;
  heading: string;
  headingLine: string;
  level: number;
  parentLabel: string | null;
  body: string;
}

const PINNED = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/bundled-sections.json'), 'utf8')) as Record<
  string,
  PinnedSection[]
>;

describe.each(Object.keys(PINNED))('%s', (source) => {
  const doc = parseDocument({ source, text: readFileSync(join(DIR, source), 'utf8'), contentHash: 'pin' });
  const pinned = PINNED[source] as PinnedSection[];

  it('keeps every label and heading', () => {
    expect(doc.sections.map((s) => [s.label, s.heading])).toEqual(pinned.map((s) => [s.label, s.heading]));
  });

  it('keeps heading lines, levels, parents and bodies', () => {
    const shape = (s: PinnedSection) => ({ label: s.label, headingLine: s.headingLine, level: s.level, parentLabel: s.parentLabel, body: s.body });
    expect(doc.sections.map(shape)).toEqual(pinned.map(shape));
  });
});
