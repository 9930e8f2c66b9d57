import { describe, expect, it } from 'vitest';
import { createStageClock } from '../../src/core/stage-clock.ts';

describe('stage clock', () => {
  it('adds the time of every run of a stage, failed runs included', async () => {
    const clock = createStageClock();
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await clock.time('lexical', () => wait(5));
    await clock.time('lexical', () => wait(5));
    await expect(clock.time('ranking', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const totals = clock.totals();
    expect(totals.lexical).toBeGreaterThanOrEqual(8);
    expect(totals.ranking).toBeGreaterThanOrEqual(0);
    expect(totals.vector).toBeUndefined();
  });
});
