/**
 * Parser fuzz test: random bytes and mutated valid files (bit flips, truncation, splices, duplicated runs, forged
 * headers) go through `extractText` under every supported extension. Every call must resolve to a result value in
 * bounded time: no throw, no hang, no unhandled rejection (vitest fails the run on one). Deterministic: a seeded
 * PRNG, so a failure names an iteration that replays exactly.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarkupParser, extractText } from '../../ingestion/extract/index.ts';
import type { ExtractResult } from '../../ingestion/extract/index.ts';
import { buildDirectiveDocx, buildTextPdf, storeUncompressed, utf16, utf8 } from './extract-fixtures.ts';

const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx', '.pdf'] as const;
type Extension = (typeof EXTENSIONS)[number];
// About 2,000 in total. PDFs are fewer because each one starts a worker thread (about 0.25 s).
const ITERATIONS: Record<Extension, number> = { '.txt': 320, '.md': 300, '.html': 320, '.htm': 300, '.docx': 640, '.pdf': 120 };
// Inputs run this many at a time, so the PDF workers use both cores.
const CONCURRENCY = 4;
// A mutated PDF often keeps its pages but loses its text: that is a scan, and OCR (where installed) would take
// seconds per page. A 1 ms OCR budget still runs the OCR path up to its abort, without the wait.
const LIMITS = { maxBytes: 256 * 1024, maxPages: 20, maxUnzippedBytes: 4 * 1024 * 1024, timeoutMs: 5000, ocrTimeoutMs: 1 };
// A single call may use its whole parse budget plus the synchronous checks around it.
const MAX_CALL_MS = LIMITS.timeoutMs + 1500;

/** mulberry32: a tiny, well-mixed 32-bit PRNG; good enough for fuzzing and identical on every machine. */
function createRandom(seed: number): { next: () => number; int: (max: number) => number } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max: number) => Math.floor(next() * max) };
}
type Random = ReturnType<typeof createRandom>;

function randomBytes(random: Random, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => random.int(256));
}

const MUTATIONS: Record<string, (random: Random, input: Uint8Array, donor: Uint8Array) => Uint8Array> = {
  flipBits(random, input) {
    const out = input.slice();
    const flips = 1 + random.int(4);
    for (let i = 0; i < flips && out.length > 0; i++) out[random.int(out.length)]! ^= 1 << random.int(8);
    return out;
  },
  truncate(random, input) {
    return input.slice(0, random.int(input.length + 1));
  },
  spliceRandom(random, input) {
    const at = random.int(input.length + 1);
    return concat(input.slice(0, at), randomBytes(random, 1 + random.int(512)), input.slice(at + random.int(64)));
  },
  spliceDonor(random, input, donor) {
    const at = random.int(input.length + 1);
    const from = random.int(donor.length);
    const piece = donor.slice(from, from + 1 + random.int(2048));
    return concat(input.slice(0, at), piece, input.slice(at));
  },
  duplicateRun(random, input) {
    const from = random.int(input.length);
    const run = input.slice(from, from + 1 + random.int(256));
    const at = random.int(input.length + 1);
    return concat(input.slice(0, at), run, run, run, input.slice(at));
  },
};

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Random bytes behind a real signature, so the input gets past format sniffing into the parser. */
function forgedHeader(random: Random, extension: Extension): Uint8Array {
  const header = extension === '.pdf' ? utf8('%PDF-1.7\n') : extension === '.docx' ? utf8('PK\u0003\u0004') : utf8('<p>');
  return concat(header, randomBytes(random, random.int(4096)));
}

function assertResult(result: ExtractResult, context: string): void {
  expect(typeof result, context).toBe('object');
  if (result.ok) {
    expect(typeof result.text, context).toBe('string');
    expect(['txt', 'md', 'docx', 'pdf', 'html'], context).toContain(result.format);
  } else {
    expect(result.reason, context).toMatch(/\S.*\(.+\)$/);
  }
}

describe('fuzz: extractText never throws or hangs', () => {
  // Valid files per extension; mutations start from these.
  const fixtures = new Map<Extension, Uint8Array[]>();
  let donors: Uint8Array[] = [];
  // One markup worker for the whole run, as the ingestor keeps one: .docx and HTML are parsed there.
  const markup = createMarkupParser();
  afterAll(() => markup.close());

  beforeAll(async () => {
    const text = 'Số: 12 -KH/ĐU\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. **Ban Tổ chức:** chủ trì.\n- Tiếp tục tuyên truyền.\n';
    const html = `<html><head><style>x{}</style></head><body><h1>I. M&Ucirc;C</h1><ul><li>${text}</li></ul></body></html>`;
    const docx = await buildDirectiveDocx();
    const pages = [['KE HOACH', 'So 12-KH/DU'], ['I. MUC DICH']];
    fixtures.set('.txt', [utf8(text), utf8(text.repeat(20))]);
    fixtures.set('.md', [utf16(text, 'le', false), utf16(text, 'be', true)]);
    fixtures.set('.html', [utf8(html)]);
    fixtures.set('.htm', [utf16(html, 'be', true)]);
    fixtures.set('.docx', [docx, await storeUncompressed(docx)]);
    fixtures.set('.pdf', [await buildTextPdf(pages), await buildTextPdf(pages, { objectStreams: false })]);
    donors = [...fixtures.values()].flat();
  });

  function makeInput(random: Random, extension: Extension): { bytes: Uint8Array; how: string } {
    const roll = random.next();
    if (roll < 0.15) return { bytes: randomBytes(random, random.int(4096)), how: 'random' };
    if (roll < 0.25) return { bytes: forgedHeader(random, extension), how: 'forged header' };
    // Mostly the extension's own fixture; sometimes another format's, to exercise the content checks.
    const own = fixtures.get(extension)!;
    const base = random.next() < 0.85 ? own[random.int(own.length)]! : donors[random.int(donors.length)]!;
    const names = Object.keys(MUTATIONS);
    let bytes = base;
    const applied: string[] = [];
    for (let rounds = 1 + random.int(2); rounds > 0; rounds--) {
      const name = names[random.int(names.length)]!;
      bytes = MUTATIONS[name]!(random, bytes, donors[random.int(donors.length)]!);
      applied.push(name);
    }
    return { bytes, how: applied.join('+') };
  }

  async function runOne(extension: Extension, bytes: Uint8Array, context: string): Promise<ExtractResult> {
    const started = performance.now();
    const result = await extractText({ name: `fuzz${extension}`, bytes }, LIMITS, markup);
    expect(performance.now() - started, context).toBeLessThan(MAX_CALL_MS);
    assertResult(result, context);
    return result;
  }

  it.each(EXTENSIONS)('%s', async (extension) => {
    const random = createRandom(0x5eed + extension.length * 7919 + extension.charCodeAt(1));
    const outcomes = new Map<string, number>();
    for (let i = 0; i < ITERATIONS[extension]; i += CONCURRENCY) {
      // Inputs are drawn in order before running, so concurrency does not change what is generated.
      const batch = Array.from({ length: Math.min(CONCURRENCY, ITERATIONS[extension] - i) }, (_, j) => {
        const { bytes, how } = makeInput(random, extension);
        return { bytes, context: `${extension} iteration ${i + j} (${how}, ${bytes.length} bytes)` };
      });
      const results = await Promise.all(batch.map(({ bytes, context }) => runOne(extension, bytes, context)));
      for (const result of results) {
        const key = result.ok ? `ok ${result.format}` : result.reason;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
    }
    if (process.env.FUZZ_STATS) console.log(extension, outcomes);
    // Sanity: the fuzzer is neither accepted nor refused across the board.
    expect([...outcomes.keys()].some((key) => key.startsWith('ok '))).toBe(true);
    expect(outcomes.size).toBeGreaterThan(1);
  });
});
