/**
 * "Từ trước khi luật có hiệu lực thì hạn chót … là khi nào" asks for a law's transitional rules, end to end on the
 * invented street-food law, decree and circular of the eleventh laws round: the clause of "Điều 24. Quy định chuyển
 * tiếp", headed by its own words ("Người đang kinh doanh … trước ngày Luật này có hiệu lực …") in a chapter
 * "ĐIỀU KHOẢN THI HÀNH", keeps its article's role and wins over the clauses on registration.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalDocument, useMemoryCore } from '../fixtures/memory-core.ts';

const FOLDER = 'laws11';

describe("a law's transitional rules", () => {
  const core = useMemoryCore(readdirSync(join('data', 'eval', FOLDER)).map((name) => evalDocument(FOLDER, name)));

  it('answer "bán từ trước khi luật mới có hiệu lực thì hạn chót đăng ký là khi nào" with the transitional clause', async () => {
    const answer = await core().engine.ask({
      text: 'Tôi bán bánh mì ở vỉa hè từ trước khi luật mới có hiệu lực thì hạn chót phải đăng ký là khi nào?',
      conversationId: 'a',
      channel: 'eval',
    });
    expect(answer.outcome).toBe('answered');
    expect(answer.citations[0]?.source).toMatch(/^2025-luat-96-qh15/);
    expect(answer.citations[0]?.section).toBe('Điều 24.1');
  });
});
