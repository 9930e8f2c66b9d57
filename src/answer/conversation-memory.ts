/**
 * What the answer engine remembers between two questions of one conversation, kept in the shared chat
 * memory under `conversation:<id>`, so "còn năm 2022 thì sao?" and "mục 2 thì sao?" work on any replica.
 */
import type { ChatMemory } from '../core/ports.ts';

/** The follow-up state of one conversation. */
export interface ConversationState {
  /** The last question answered, re-asked for another year by "còn năm 2022 thì sao?". */
  lastQuestion: string;
  /** The sections cited last, in display order, so "mục 2 thì sao?" can resolve. */
  citedSections: Array<{ documentId: string; label: string }>;
}

/** The engine's typed view of the chat memory. */
export interface ConversationMemory {
  get(conversationId: string): Promise<ConversationState | null>;
  put(conversationId: string, state: ConversationState, ttlSeconds: number): Promise<void>;
}

/** Creates the view on `memory`. */
export function createConversationMemory(memory: ChatMemory): ConversationMemory {
  const key = (conversationId: string) => `conversation:${conversationId}`;
  return {
    get: async (conversationId) => stateOf(await memory.get(key(conversationId))),
    put: (conversationId, state, ttlSeconds) => memory.put(key(conversationId), state, ttlSeconds),
  };
}

/** A stored value as a state; anything else (an older shape, a hand edit) reads as no state. */
function stateOf(value: unknown): ConversationState | null {
  const v = value as Partial<ConversationState> | null;
  if (typeof v !== 'object' || v === null || typeof v.lastQuestion !== 'string' || !Array.isArray(v.citedSections)) return null;
  const citedSections = v.citedSections.filter(
    (c): c is ConversationState['citedSections'][number] => typeof c?.documentId === 'string' && typeof c?.label === 'string',
  );
  return { lastQuestion: v.lastQuestion, citedSections };
}
