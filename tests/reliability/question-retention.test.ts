/**
 * Question history has a retention setting: QUESTION_RETENTION_DAYS (default 90, 0 = keep forever). With a
 * fixed clock, questions and feedback are recorded at chosen times through the real activity log, and the
 * pruner src/main.ts runs hourly deletes exactly those older than the retention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { loadConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/core/errors.ts';
import type { Answer } from '../../src/core/types.ts';
import { createQuestionRetention } from '../../src/store/question-retention.ts';
import { fixedClock } from '../fakes/clock.ts';
import { openReplicaCore } from './replica.ts';

const NOW = '2024-06-01T00:00:00Z';

/** An answer as recordQuestion needs it (outcome and scores only). */
const ANSWER = {
  outcome: 'refused',
  mode: 'extractive',
  intro: '',
  text: '',
  citations: [],
  notice: null,
  latencyMs: 5,
  debug: { topScore: 0, topCoverage: 0, retrieved: [] },
} as unknown as Answer;

describe('QUESTION_RETENTION_DAYS', () => {
  it('defaults to 90 days, accepts 0 (keep forever) and refuses negative values', () => {
    expect(loadConfig({}).QUESTION_RETENTION_DAYS).toBe(90);
    expect(loadConfig({ QUESTION_RETENTION_DAYS: '0' }).QUESTION_RETENTION_DAYS).toBe(0);
    expect(loadConfig({ QUESTION_RETENTION_DAYS: '365' }).QUESTION_RETENTION_DAYS).toBe(365);
    expect(() => loadConfig({ QUESTION_RETENTION_DAYS: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ QUESTION_RETENTION_DAYS: 'forever' })).toThrow(/QUESTION_RETENTION_DAYS/);
  });
});

describe('question history pruning', () => {
  const clock = fixedClock(NOW);
  let core: Core;

  beforeAll(async () => {
    core = await openReplicaCore('memory://', { clock });
  });

  afterAll(async () => {
    await core?.close();
  });

  /** Records a question and a feedback `daysAgo` days before NOW. */
  async function recordAt(daysAgo: number, label: string): Promise<void> {
    clock.set(NOW);
    clock.advance(-daysAgo * 24 * 60 * 60 * 1000);
    await core.activity.recordQuestion({ text: label, conversationId: `c-${label}`, channel: 'zalo', userId: 'u' }, ANSWER);
    await core.activity.recordFeedback({ conversationId: `c-${label}`, channel: 'zalo', userId: 'u', helpful: true, question: label });
    clock.set(NOW);
  }

  async function remaining(table: 'questions' | 'feedback'): Promise<string[]> {
    const rows = await core.db.query<{ question: string }>(`SELECT question FROM ${table} ORDER BY question`);
    return rows.map((r) => r.question);
  }

  it('keeps everything with 0 days, then deletes only what is older than the retention', async () => {
    await recordAt(400, 'a-400-days');
    await recordAt(91, 'b-91-days');
    await recordAt(89, 'c-89-days');
    await recordAt(0, 'd-today');

    expect(await createQuestionRetention(core.db, clock, 0).prune()).toEqual({ questions: 0, feedback: 0 });
    expect(await remaining('questions')).toHaveLength(4);

    const retention = createQuestionRetention(core.db, clock, 90);
    expect(await retention.prune()).toEqual({ questions: 2, feedback: 2 });
    expect(await remaining('questions')).toEqual(['c-89-days', 'd-today']);
    expect(await remaining('feedback')).toEqual(['c-89-days', 'd-today']);
    expect(await retention.prune()).toEqual({ questions: 0, feedback: 0 }); // idempotent: replicas may all run it

    clock.advance(2 * 24 * 60 * 60 * 1000); // two days later, the 89-day-old question has passed the limit
    expect(await retention.prune()).toEqual({ questions: 1, feedback: 1 });
    expect(await remaining('questions')).toEqual(['d-today']);
    expect((await core.activity.stats()).questions).toBe(1);
  });
});
