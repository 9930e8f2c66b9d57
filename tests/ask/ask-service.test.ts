/**
 * The ask service on the fake engine and activity log: what it refuses before the engine, what it records
 * and logs, and the plain answers the terminal and the CLI print for a refused request.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { answerOf, BUSY_TEXT, createAskService } from '../../src/ask/ask-service.ts';
import { createAnswerSlots } from '../../src/ask/answer-slots.ts';
import { fixedClock } from '../fakes/clock.ts';
import { createFakeActivity, createFakeEngine, fakeAnswer } from '../fakes/fake-services.ts';

function setup(options: { recorded?: boolean; fail?: boolean } = {}) {
  const engine = createFakeEngine(() => {
    if (options.fail) throw new Error('store went away');
    return fakeAnswer();
  });
  const activity = createFakeActivity();
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  const service = createAskService({ engine, ...(options.recorded === false ? {} : { activity }), logger, maxQuestionChars: 20 });
  const logs = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { engine, activity, service, logs };
}

const base = { conversationId: 'telegram:1', channel: 'telegram', userId: '1' } as const;

describe('ask service', () => {
  it.each([
    ['empty', ''],
    ['blank', ' \n\t '],
    ['control characters only', '\u0000\u0007\u001b[31m\u202e'],
  ])('refuses %s text as empty, before the engine, recording nothing', async (_name, text) => {
    const t = setup();
    let wrapped = false;
    const result = await t.service.ask({ ...base, text, whileAnswering: (work) => ((wrapped = true), work()) });
    expect(result).toEqual({ ok: false, reason: 'empty' });
    expect(t.engine.asked).toEqual([]);
    expect(t.activity.questions).toEqual([]);
    expect(wrapped).toBe(false);
    expect(t.logs().find((l) => l.msg === 'request refused')).toMatchObject({ channel: 'telegram', outcome: 'empty', level: 30 });
  });

  it('refuses a question over the limit with its length, counted after cleaning and trimming', async () => {
    const t = setup();
    expect(await t.service.ask({ ...base, text: `  ${'a'.repeat(20)}\u0000  ` })).toMatchObject({ ok: true });
    expect(await t.service.ask({ ...base, text: 'a'.repeat(21) })).toEqual({ ok: false, reason: 'too_long', chars: 21, maxChars: 20 });
    expect(t.engine.asked).toHaveLength(1);
  });

  it('asks the engine with the cleaned text, records the question and logs one summary line', async () => {
    const t = setup();
    const result = await t.service.ask({ ...base, text: '  nội dung\u202e trọng tâm ', organisation: 'Chi bộ 1' });
    expect(result).toEqual({ ok: true, answer: fakeAnswer() });
    // The request's organisation reaches the engine, which prefers that unit's chain of bodies.
    expect(t.engine.asked).toEqual([{ text: 'nội dung trọng tâm', ...base, organisation: 'Chi bộ 1' }]);
    expect(t.activity.questions.map((r) => r.q)).toEqual([{ text: 'nội dung trọng tâm', ...base }]);
    const summaries = t.logs().filter((l) => l.msg === 'answered');
    expect(summaries).toEqual([
      expect.objectContaining({ level: 30, channel: 'telegram', outcome: 'answered', latencyMs: 5, topScore: 12.5, citations: 1, mode: 'extractive' }),
    ]);
    // What the user typed is only in debug lines.
    for (const line of t.logs().filter((l) => JSON.stringify(l).includes('trọng tâm'))) expect(line.level).toBe(20);
  });

  it('runs only the engine call inside whileAnswering', async () => {
    const t = setup();
    const events: string[] = [];
    t.engine.ask = async (q) => (events.push('engine'), fakeAnswer({ intro: q.text }));
    await t.service.ask({ ...base, text: 'câu hỏi', whileAnswering: async (work) => (events.push('typing'), work()) });
    expect(events).toEqual(['typing', 'engine']);
  });

  it('does not record a trial question, nor any question without an activity log', async () => {
    const t = setup();
    await t.service.ask({ ...base, text: 'thử câu hỏi', trial: true });
    expect(t.activity.questions).toEqual([]);
    expect(t.logs().find((l) => l.msg === 'answered')).toMatchObject({ trial: true });
    const unrecorded = setup({ recorded: false });
    expect(await unrecorded.service.ask({ ...base, text: 'câu hỏi' })).toMatchObject({ ok: true });
  });

  it('lets an engine failure reach the channel (which apologises), recording nothing', async () => {
    const t = setup({ fail: true });
    await expect(t.service.ask({ ...base, text: 'câu hỏi' })).rejects.toThrow('store went away');
    expect(t.activity.questions).toEqual([]);
  });

  it('checks a talking-points topic the same way, and does not record it', async () => {
    const t = setup();
    expect(await t.service.talkingPoints({ ...base, text: '  ' })).toEqual({ ok: false, reason: 'empty' });
    expect(await t.service.talkingPoints({ ...base, text: 'x'.repeat(21) })).toMatchObject({ ok: false, reason: 'too_long' });
    const result = await t.service.talkingPoints({ ...base, text: ' đấu tranh ' });
    expect(result.ok && result.points.topic).toBe('đấu tranh');
    expect(t.activity.questions).toEqual([]);
    expect(t.logs().find((l) => l.msg === 'talking points' && l.level === 30)).toMatchObject({ outcome: 'answered', points: 3 });
  });
});

describe('ask service under load', () => {
  it('runs at most the slots’ answers at once, queues the next, and turns the rest away as busy', async () => {
    const engine = createFakeEngine();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running = 0;
    let most = 0;
    engine.ask = async () => {
      most = Math.max(most, ++running);
      await gate;
      running--;
      return fakeAnswer();
    };
    const slots = createAnswerSlots({ maxInFlight: 2, maxQueued: 2, maxWaitMs: 10_000 });
    const service = createAskService({ engine, activity: createFakeActivity(), logger: pino({ level: 'silent' }), maxQuestionChars: 100, slots });
    const results = Array.from({ length: 6 }, (_, i) => service.ask({ ...base, text: `câu hỏi ${i}` }));
    const early = await Promise.all(results.slice(4));
    expect(early).toEqual([
      { ok: false, reason: 'busy', retryAfterSeconds: expect.any(Number) },
      { ok: false, reason: 'busy', retryAfterSeconds: expect.any(Number) },
    ]);
    expect(service.load()).toMatchObject({ inFlight: 2, queued: 2 });
    release();
    const answered = await Promise.all(results.slice(0, 4));
    expect(answered.every((r) => r.ok)).toBe(true);
    expect(most).toBe(2);
    expect(service.load()).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('counts requests that carry a rate-limit key, and says when the minute ends', async () => {
    const activity = createFakeActivity();
    const rateLimit = { perMinute: 2, clock: fixedClock('2023-06-15T08:00:45Z') };
    const service = createAskService({ engine: createFakeEngine(), activity, logger: pino({ level: 'silent' }), maxQuestionChars: 100, rateLimit });
    const ask = (key?: string) => service.ask({ ...base, text: 'câu hỏi', ...(key ? { rateLimitKey: key } : {}) });
    expect((await ask('api:1.2.3.4')).ok).toBe(true);
    expect((await ask('api:1.2.3.4')).ok).toBe(true);
    const third = await ask('api:1.2.3.4');
    expect(third).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((third as { retryAfterSeconds: number }).retryAfterSeconds).toBe(15); // the window ends at 08:01:00
    expect((await ask('api:5.6.7.8')).ok).toBe(true);
    expect((await ask()).ok).toBe(true); // no key: the chat channels limit messages themselves
  });
});

describe('answerOf', () => {
  it('words a refused request as the plain outputs print it', () => {
    const empty = answerOf({ ok: false, reason: 'empty' });
    expect(empty).toMatchObject({ outcome: 'empty', citations: [] });
    expect(empty.text).toMatch(/^Bạn hãy gõ câu hỏi\. Bạn có thể hỏi về nội dung/);
    const long = answerOf({ ok: false, reason: 'too_long', chars: 1200, maxChars: 1000 });
    expect(long).toMatchObject({ outcome: 'too_long', text: 'Câu hỏi quá dài (1200 ký tự, tối đa 1000). Bạn hãy hỏi ngắn gọn hơn.' });
    expect(answerOf({ ok: true, answer: fakeAnswer() })).toEqual(fakeAnswer());
    expect(answerOf({ ok: false, reason: 'busy', retryAfterSeconds: 3 })).toMatchObject({ outcome: 'refused', text: BUSY_TEXT });
  });
});
