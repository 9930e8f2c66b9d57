/** The bound on answers in flight and the queue in front of it. */
import { describe, expect, it } from 'vitest';
import { createAnswerSlots } from '../../src/ask/answer-slots.ts';

describe('answer slots', () => {
  it('grants up to the bound, queues up to the queue bound, and turns the rest away at once', async () => {
    const slots = createAnswerSlots({ maxInFlight: 2, maxQueued: 1, maxWaitMs: 10_000 });
    const a = await slots.acquire();
    const b = await slots.acquire();
    const queued = slots.acquire();
    expect(await slots.acquire()).toBeNull(); // the queue is full
    expect(slots.load()).toEqual({ inFlight: 2, queued: 1, maxInFlight: 2, maxQueued: 1, full: true });
    a?.();
    const c = await queued; // the freed slot passes to the one waiting
    expect(c).toBeTypeOf('function');
    expect(slots.load()).toEqual({ inFlight: 2, queued: 0, maxInFlight: 2, maxQueued: 1, full: false });
    b?.();
    c?.();
    c?.(); // releasing twice frees one slot only
    expect(slots.load().inFlight).toBe(0);
  });

  it('gives up on a wait longer than the queue timeout', async () => {
    const slots = createAnswerSlots({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 30 });
    const held = await slots.acquire();
    const started = performance.now();
    expect(await slots.acquire()).toBeNull();
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(slots.load().queued).toBe(0);
    held?.();
    expect(await slots.acquire()).toBeTypeOf('function');
  });

  it('suggests a Retry-After between 1 and 60 seconds that grows with the queue', async () => {
    const slots = createAnswerSlots({ maxInFlight: 1, maxQueued: 1000, maxWaitMs: 60_000 });
    const held = await slots.acquire();
    const empty = slots.retryAfterSeconds();
    const waiting = Array.from({ length: 500 }, () => slots.acquire());
    expect(empty).toBeGreaterThanOrEqual(1);
    expect(slots.retryAfterSeconds()).toBeGreaterThan(empty);
    expect(slots.retryAfterSeconds()).toBeLessThanOrEqual(60);
    held?.();
    for (const w of waiting) (await w)?.();
  });
});
