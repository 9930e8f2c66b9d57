/**
 * Cold start: a new `npx tsx src/cli/ask.ts --json` process on a prepared `pglite://` folder, timed from
 * spawn to the answer on stdout (Node and tsx start-up, opening the database, migrations, the first catalog
 * load and the answer itself).
 */
import { spawn } from 'node:child_process';
import { percentile, round1 } from './stats.ts';

/** Cold-start timings in milliseconds. */
export interface ColdStart {
  runs: number;
  median: number;
  max: number;
  /** The answer's own latency as the process reported it (`latency_ms`), median. */
  answerMs: number;
}

function oneRun(databaseUrl: string, question: string, timeoutMs: number): Promise<{ ms: number; answerMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npx', ['tsx', 'src/cli/ask.ts', '--json', question], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let firstLineAt = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (firstLineAt === 0 && out.includes('\n')) firstLineAt = performance.now();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 || firstLineAt === 0) return reject(new Error(`ask exited with ${code}: ${err.slice(0, 500)}`));
      const parsed = JSON.parse(out) as { latency_ms: number };
      resolve({ ms: firstLineAt - started, answerMs: parsed.latency_ms });
    });
  });
}

/** Runs `runs` cold starts one after another (each must finish within `timeoutMs`). */
export async function measureColdStart(databaseUrl: string, question: string, runs: number, timeoutMs = 120_000): Promise<ColdStart> {
  const times: number[] = [];
  const answers: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await oneRun(databaseUrl, question, timeoutMs);
    times.push(r.ms);
    answers.push(r.answerMs);
  }
  return { runs, median: round1(percentile(times, 50)), max: round1(Math.max(...times)), answerMs: round1(percentile(answers, 50)) };
}
