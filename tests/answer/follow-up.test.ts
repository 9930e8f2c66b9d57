import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../src/answer/follow-up.ts';
import type { ConversationState } from '../../src/answer/conversation-memory.ts';

const state = (label = 'II.1', lastQuestion = 'nội dung tuyên truyền trọng tâm năm 2023 là gì?'): ConversationState => ({
  lastQuestion,
  citedSections: [{ documentId: 'doc-a', label }],
});

describe('resolveFollowUp', () => {
  it('asks what is meant when a follow-up has nothing before it', () => {
    const year = resolveFollowUp('còn năm 2022 thì sao?', null, 2023);
    expect(year).toMatchObject({ kind: 'clarify' });
    expect(year.kind === 'clarify' && year.reply).toMatch(/năm 2022/);
    const section = resolveFollowUp('mục 2 thì sao?', null, 2023);
    expect(section.kind === 'clarify' && section.reply).toMatch(/^Bạn muốn xem mục 2 của văn bản nào\?/);
    expect(resolveFollowUp('mục 2 thì sao?', { ...state(), citedSections: [] }, 2023)).toMatchObject({ kind: 'clarify' });
    const plain = resolveFollowUp('con muc II.1 thi sao', null, 2023);
    expect(plain.kind === 'clarify' && plain.reply).toMatch(/^Bạn muốn xem muc II\.1 của văn bản nào\?/);
    // A complete question that names its document is answered, not bounced back.
    expect(resolveFollowUp('Mục I Kế hoạch 12-KH/ĐU nói gì?', null, 2023)).toMatchObject({ kind: 'none' });
  });

  it('leaves ordinary questions alone without a conversation', () => {
    const q = 'Mục đích của kế hoạch là gì?';
    expect(resolveFollowUp(q, null, 2023)).toEqual({ kind: 'none', question: q });
  });

  it.each(['còn năm 2022 thì sao?', 'con nam 2022 thi sao', 'năm 2022?', 'thế còn 2022'])('rewrites "%s" as the last question for 2022', (text) => {
    expect(resolveFollowUp(text, state(), 2023)).toEqual({ kind: 'rewrite', question: 'nội dung tuyên truyền trọng tâm là gì năm 2022?' });
  });

  it('resolves "năm ngoái" against the current year', () => {
    expect(resolveFollowUp('còn năm ngoái thì sao?', state(), 2024)).toEqual({ kind: 'rewrite', question: 'nội dung tuyên truyền trọng tâm là gì năm 2023?' });
  });

  it('opens the sibling of the section cited last', () => {
    expect(resolveFollowUp('mục 2 thì sao?', state('II.1'), 2023)).toEqual({ kind: 'section', documentId: 'doc-a', label: 'II.2' });
    expect(resolveFollowUp('muc 3', state('II.1.1.2'), 2023)).toEqual({ kind: 'section', documentId: 'doc-a', label: 'II.1.1.3' });
  });

  it('after the opening part, "mục 2" is part II', () => {
    expect(resolveFollowUp('mục 2 thì sao?', state(''), 2023)).toEqual({ kind: 'section', documentId: 'doc-a', label: 'II' });
  });

  it('opens a Roman part as written, and a child of a top-level part', () => {
    expect(resolveFollowUp('mục iii thì sao?', state('II.1'), 2023)).toEqual({ kind: 'section', documentId: 'doc-a', label: 'III' });
    expect(resolveFollowUp('mục 2', state('IV'), 2023)).toEqual({ kind: 'section', documentId: 'doc-a', label: 'IV.2' });
  });

  it('leaves ordinary questions alone', () => {
    const q = 'hình thức tuyên truyền năm 2022 gồm những gì?';
    expect(resolveFollowUp(q, state(), 2023)).toEqual({ kind: 'none', question: q });
  });
});
