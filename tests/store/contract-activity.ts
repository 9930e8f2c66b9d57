/**
 * Contract cases for the chat memory and the activity recorder.
 */
import { expect, it } from 'vitest';
import type { Answer, Question } from '../../src/core/types.ts';
import { createPgActivity } from '../../src/store/activity.ts';
import { createPgChatMemory } from '../../src/store/chat-memory.ts';
import type { ContractContext } from './store-contract.ts';

const state = {
  lastQuestion: 'nội dung trọng tâm năm 2023 là gì?\u0000',
  citedSections: [{ documentId: 'd1', label: 'II.1' }],
};

function question(text: string, channel: Question['channel'] = 'telegram'): Question {
  return { text, conversationId: 'c1', channel, userId: 'u1' };
}

function answer(outcome: Answer['outcome'], topScore = 1.5): Answer {
  return {
    outcome, text: '', intro: '', citations: [], notice: null, mode: 'extractive',
    debug: { topScore, retrieved: [] }, latencyMs: 42,
  };
}

/** Registers the chat memory and activity cases. */
export function activityCases(ctx: ContractContext): void {
  it('remembers a chat value until it expires, then prunes it; NUL in it is dropped', async () => {
    const memory = createPgChatMemory(ctx.db(), ctx.clock);
    await memory.put('conversation:chat-1', state, 60);
    expect(await memory.get('conversation:chat-1')).toEqual({ ...state, lastQuestion: 'nội dung trọng tâm năm 2023 là gì?' });
    expect(await memory.get('conversation:chat-2')).toBeNull();
    await memory.put('conversation:chat-1', { ...state, citedSections: [] }, 60);
    expect(await memory.get('conversation:chat-1')).toMatchObject({ citedSections: [] });
    ctx.clock.advance(61);
    expect(await memory.get('conversation:chat-1')).toBeNull();
    await memory.put('zalo:chat-2', { items: [] }, 60);
    const ids = await ctx.db().query<{ id: string }>('SELECT id FROM chat_states');
    expect(ids.map((r) => r.id)).toEqual(['zalo:chat-2']);
  });

  it('limits requests per fixed window', async () => {
    const activity = createPgActivity(ctx.db(), ctx.clock);
    ctx.clock.advance(3600 - ((ctx.clock.now().getTime() / 1000) % 3600));
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await activity.allowRequest('telegram:u1', 2, 60));
    expect(results).toEqual([true, true, false]);
    expect(await activity.allowRequest('telegram:u2', 2, 60)).toBe(true);
    ctx.clock.advance(60);
    expect(await activity.allowRequest('telegram:u1', 2, 60)).toBe(true);
    const windows = await ctx.db().query(`SELECT 1 FROM rate_limits WHERE key = 'telegram:u1'`);
    expect(windows).toHaveLength(1);
  });

  it('counts concurrent requests atomically', async () => {
    const activity = createPgActivity(ctx.db(), ctx.clock);
    const results = await Promise.all(Array.from({ length: 6 }, () => activity.allowRequest('burst', 4, 60)));
    expect(results.filter(Boolean)).toHaveLength(4);
  });

  it('reports an update id as first seen once per time to live', async () => {
    const activity = createPgActivity(ctx.db(), ctx.clock);
    expect(await activity.firstSeen('tg:100', 30)).toBe(true);
    expect(await activity.firstSeen('tg:100', 30)).toBe(false);
    expect(await activity.firstSeen('tg:101', 30)).toBe(true);
    ctx.clock.advance(31);
    expect(await activity.firstSeen('tg:100', 30)).toBe(true);
    expect(await activity.firstSeen('tg:100', 30)).toBe(false);
  });

  it('records questions, feedback and admin actions and summarises them', async () => {
    const activity = createPgActivity(ctx.db(), ctx.clock);
    await activity.recordQuestion(question('giá vàng hôm nay'), answer('refused', 0));
    await activity.recordQuestion(question('Giá  vàng hôm nay', 'zalo'), answer('refused', 0));
    await activity.recordQuestion(question('năm 2025 có gì', 'zalo'), answer('absent_year'));
    await activity.recordQuestion(question('nội dung trọng tâm'), answer('answered'));
    await activity.recordFeedback({ conversationId: 'c1', channel: 'zalo', userId: 'u1', helpful: true });
    await activity.recordFeedback({
      conversationId: 'c1', channel: 'zalo', userId: 'u1', helpful: false, reason: 'outdated', question: 'x',
    });
    await activity.recordAdminAction({ channel: 'cli', userId: 'admin' }, 'publish', { documentId: 'd1' });
    const stats = await activity.stats();
    const day = new Date(ctx.clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(stats).toEqual({
      questions: 4,
      refusals: 2,
      byChannel: { telegram: 2, zalo: 2 },
      feedback: { up: 1, down: 1, reasons: { outdated: 1 } },
      unanswered: [
        { question: 'Giá  vàng hôm nay', count: 2 },
        { question: 'năm 2025 có gì', count: 1 },
      ],
      daily: [
        { day, channel: 'telegram', questions: 2, refusals: 1 },
        { day, channel: 'zalo', questions: 2, refusals: 1 },
      ],
    });
    const audit = await ctx.db().query<{ action: string; detail: unknown }>('SELECT action, detail FROM audit_log');
    expect(audit).toEqual([{ action: 'publish', detail: { documentId: 'd1' } }]);
  });
}
