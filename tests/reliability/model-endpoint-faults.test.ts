/**
 * The OpenAI-compatible endpoint is slow, down or talks nonsense. The real core (openCore) is configured as in
 * production with OPENAI_API_KEY and OPENAI_BASE_URL pointing at a fake Chat Completions server on 127.0.0.1;
 * whatever the fake does, `engine.ask` returns the extractive answer: outcome answered, mode extractive, with
 * citations quoted from the documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import type { Answer } from '../../src/core/types.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer, type FakeReply } from '../fakes/openai-server.ts';
import { openSeededCore } from '../fixtures/seeded-store.ts';

/** The smallest timeout the configuration accepts; a slower fake reply is a timeout. */
const LLM_TIMEOUT_MS = 1000;

describe('the model endpoint fails: the extractive answer is served', () => {
  let fake: FakeOpenAiServer;
  let core: Core;

  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    core = await openSeededCore({
      env: { OPENAI_API_KEY: 'sk-test-reliability', OPENAI_BASE_URL: fake.baseUrl, LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS) },
    });
  });

  afterAll(async () => {
    await core?.close();
    await fake?.close();
  });

  async function askWith(reply: FakeReply, conversation: string): Promise<Answer> {
    fake.replyWith(reply);
    const before = fake.requests.length;
    const answer = await core.engine.ask({ text: 'nội dung trọng tâm năm 2023 là gì?', conversationId: conversation, channel: 'api' });
    expect(fake.requests.length).toBeGreaterThan(before); // the model was really asked
    return answer;
  }

  function expectExtractive(answer: Answer): void {
    expect(answer.outcome).toBe('answered');
    expect(answer.mode).toBe('extractive');
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      expect(c.year).toBe(2023);
      expect(c.quote.trim()).not.toBe('');
    }
  }

  const cases: Array<[string, FakeReply]> = [
    ['slower than LLM_TIMEOUT_MS', { content: 'Nội dung trọng tâm là [1].', delayMs: LLM_TIMEOUT_MS * 5 }],
    ['no answer at all', { hang: true }],
    ['HTTP 500', { status: 500 }],
    ['HTTP 503 with an HTML error page', { status: 503, body: '<html><body>Service Unavailable</body></html>', contentType: 'text/html' }],
    ['HTTP 429', { status: 429 }],
    ['a 200 body that is not JSON', { raw: '}}} not json {{{' }],
    ['JSON that is not a completion', { raw: JSON.stringify({ hello: 'world' }) }],
    ['an empty completion', { content: '' }],
    ['a null completion', { content: null }],
    ['prose citing no block', { content: 'Giá vàng hôm nay tăng mạnh, bạn nên mua ngay.' }],
    ['prose citing blocks that do not exist', { content: 'Theo văn bản [7] và [12], mọi việc đều tốt.' }],
    ['random bytes', { raw: '\u0000\u0001\u0002\uFFFD'.repeat(50), contentType: 'application/octet-stream' }],
  ];

  for (const [name, reply] of cases) {
    it(`serves the extractive answer when the endpoint returns ${name}`, async () => {
      expectExtractive(await askWith(reply, `model-fault:${name}`));
    });
  }

  it('uses the model again once the endpoint is healthy (the fallback is per question)', async () => {
    const answer = await askWith({ content: 'Văn bản nêu nội dung tuyên truyền trọng tâm [1].' }, 'model-fault:healthy');
    expect(answer.outcome).toBe('answered');
    expect(answer.mode).toBe('model');
    expect(answer.citations.length).toBeGreaterThan(0);
  });
});
