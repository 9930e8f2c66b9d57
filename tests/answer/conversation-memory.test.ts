/**
 * The engine's view of the chat memory: its own key namespace, and stored values it cannot trust read as no
 * state rather than reaching the follow-up logic half-formed.
 */
import { describe, expect, it } from 'vitest';
import { createConversationMemory } from '../../src/answer/conversation-memory.ts';
import type { ChatMemory } from '../../src/core/ports.ts';

function mapMemory(): ChatMemory & { saved: Map<string, unknown> } {
  const saved = new Map<string, unknown>();
  return { saved, get: async (key) => saved.get(key) ?? null, put: async (key, value) => void saved.set(key, value) };
}

describe('conversation memory', () => {
  it('keeps a conversation under conversation:<id>, apart from the channels’ keys', async () => {
    const memory = mapMemory();
    const conversations = createConversationMemory(memory);
    const state = { lastQuestion: 'nội dung trọng tâm năm 2023?', citedSections: [{ documentId: 'd1', label: 'II.1' }] };
    await conversations.put('zalo:42', state, 60);
    expect([...memory.saved.keys()]).toEqual(['conversation:zalo:42']);
    memory.saved.set('zalo:42', { items: [] });
    expect(await conversations.get('zalo:42')).toEqual(state);
    expect(await conversations.get('zalo:43')).toBeNull();
  });

  it('reads an older or malformed value as no state, and drops fields it does not know', async () => {
    const memory = mapMemory();
    const conversations = createConversationMemory(memory);
    memory.saved.set('conversation:a', { lastQuestion: 42, citedSections: [] });
    memory.saved.set('conversation:b', 'text');
    memory.saved.set('conversation:c', {
      lastQuestion: 'q',
      years: [2023],
      topicTerms: [],
      citedSections: [{ documentId: 'd1', label: 'I' }, { documentId: 7 }, null],
    });
    expect(await conversations.get('a')).toBeNull();
    expect(await conversations.get('b')).toBeNull();
    expect(await conversations.get('c')).toEqual({ lastQuestion: 'q', citedSections: [{ documentId: 'd1', label: 'I' }] });
  });
});
