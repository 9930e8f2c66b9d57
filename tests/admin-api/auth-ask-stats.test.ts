/**
 * Auth (admin API and page off without a token, 401 without or with a wrong token), the `/api/ask` contract
 * and its limits, and the statistics admins see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokensEqual } from '../../src/http/auth.ts';
import { ADMIN_TOKEN, API_TOKEN, adminHeaders, jsonInit, startTestApp, type TestServer } from './setup.ts';
import { fixedClock } from '../fakes/clock.ts';

const apiHeaders = { authorization: `Bearer ${API_TOKEN}` };

describe('with ADMIN_API_TOKEN and API_TOKEN set', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestApp();
  });
  afterAll(() => s.close());

  it('compares tokens exactly, whatever their length', () => {
    expect(tokensEqual(ADMIN_TOKEN, ADMIN_TOKEN)).toBe(true);
    expect(tokensEqual(`${ADMIN_TOKEN}x`, ADMIN_TOKEN)).toBe(false);
    expect(tokensEqual('', ADMIN_TOKEN)).toBe(false);
  });

  it('refuses the admin API without the token or with a wrong one', async () => {
    const missing = await s.app.request('/admin/api/documents');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: { code: 'unauthorized', message_vi: expect.stringContaining('token'), message_en: 'missing or wrong bearer token' },
    });
    const wrong = await s.app.request('/admin/api/documents', { headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } });
    expect(wrong.status).toBe(401);
    for (const authorization of [`Basic ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN} x`, 'Bearer ', `Bearer ${ADMIN_TOKEN}!`]) {
      const malformed = await s.app.request('/admin/api/documents', { headers: { authorization } });
      expect([malformed.status, ((await malformed.json()) as { error: { code: string } }).error.code]).toEqual([401, 'unauthorized']);
      expect(malformed.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const apiTokenIsNotAdmin = await s.app.request('/admin/api/stats', { headers: apiHeaders });
    expect(apiTokenIsNotAdmin.status).toBe(401);
    const unknownRoute = await s.app.request('/admin/api/nothing-here');
    expect(unknownRoute.status).toBe(401);
    const right = await s.app.request('/admin/api/documents', { headers: adminHeaders() });
    expect(right.status).toBe(200);
    expect((await s.app.request('/admin/api/nothing-here', { headers: adminHeaders() })).status).toBe(404);
  });

  it('serves the admin page and its assets with a strict content security policy', async () => {
    const page = await s.app.request('/admin');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('lang="vi"');
    expect((await s.app.request('/admin/assets/app.js')).headers.get('content-type')).toContain('javascript');
    expect((await s.app.request('/admin/assets/missing.js')).status).toBe(404);
  });

  it('answers /api/ask with the ask --json object, only with the API token', async () => {
    const body = { question: 'nội dung tuyên truyền trọng tâm năm 2023 là gì?' };
    expect((await s.app.request('/api/ask', jsonInit('POST', body, {}))).status).toBe(401);
    const res = await s.app.request('/api/ask', jsonInit('POST', body, apiHeaders));
    expect(res.status).toBe(200);
    const json = (await res.json()) as Record<string, unknown> & { citations: Array<Record<string, unknown>> };
    expect(Object.keys(json).sort()).toEqual(['answer', 'citations', 'latency_ms', 'organisation', 'refused']);
    expect(json.refused).toBe(false);
    // `body`: whose document it is (the issuer as the hierarchy of bodies names it); no unit was set.
    expect(Object.keys(json.citations[0] ?? {}).sort()).toEqual(['body', 'heading', 'number', 'quote', 'section', 'source', 'title', 'year']);
    expect(json.organisation).toEqual({ unit: null });
    expect(json.citations[0]?.year).toBe(2023);
  });

  it('rejects missing, blank and oversized questions, wrong content types, bad JSON and large bodies', async () => {
    const post = (body: unknown) => s.app.request('/api/ask', jsonInit('POST', body, apiHeaders));
    const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
    let res = await post({});
    expect([res.status, await codeOf(res)]).toEqual([400, 'missing_question']);
    res = await post({ question: '   ' });
    expect([res.status, await codeOf(res)]).toEqual([400, 'missing_question']);
    res = await post({ question: 'a'.repeat(1001) });
    expect([res.status, await codeOf(res)]).toEqual([400, 'question_too_long']);
    res = await post({ question: 'x'.repeat(70_000) });
    expect([res.status, await codeOf(res)]).toEqual([413, 'payload_too_large']);
    res = await s.app.request('/api/ask', { method: 'POST', headers: { ...apiHeaders, 'content-type': 'text/plain' }, body: 'hỏi' });
    expect([res.status, await codeOf(res)]).toEqual([415, 'unsupported_media_type']);
    res = await s.app.request('/api/ask', { method: 'POST', headers: { ...apiHeaders, 'content-type': 'application/json' }, body: '{"question":' });
    expect([res.status, await codeOf(res)]).toEqual([400, 'invalid_json']);
  });

  it('reports questions per day and channel, refusals, feedback reasons and unanswered questions', async () => {
    await s.app.request('/api/ask', jsonInit('POST', { question: 'giá vàng hôm nay bao nhiêu?' }, apiHeaders));
    await s.app.request('/api/ask', jsonInit('POST', { question: 'Giá vàng hôm nay  bao nhiêu?' }, apiHeaders));
    await s.core.activity.recordFeedback({ conversationId: 'c', channel: 'zalo', userId: 'u', helpful: false, reason: 'outdated' });
    await s.core.activity.recordFeedback({ conversationId: 'c', channel: 'zalo', userId: 'u', helpful: true });
    const res = await s.app.request('/admin/api/stats', { headers: adminHeaders() });
    expect(res.status).toBe(200);
    const stats = (await res.json()) as {
      questions: number; refusals: number; refusalRate: number; byChannel: Record<string, number>;
      feedback: { up: number; down: number; reasons: Record<string, number> };
      unanswered: Array<{ question: string; count: number }>;
      daily: Array<{ day: string; channel: string; questions: number; refusals: number }>;
    };
    expect(stats.questions).toBe(3);
    expect(stats.refusals).toBe(2);
    expect(stats.refusalRate).toBeCloseTo(2 / 3, 2);
    expect(stats.byChannel).toEqual({ api: 3 });
    expect(stats.feedback).toEqual({ up: 1, down: 1, reasons: { outdated: 1 } });
    expect(stats.unanswered[0]).toMatchObject({ count: 2 });
    expect(stats.unanswered[0]?.question.toLowerCase()).toContain('giá vàng');
    expect(stats.daily).toEqual([{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), channel: 'api', questions: 3, refusals: 2 }]);
  });
});

describe('without tokens', () => {
  let s: TestServer;
  beforeAll(async () => {
    // A stopped clock: the one-minute rate window cannot roll over mid-test.
    s = await startTestApp({ adminToken: null, apiToken: null, env: { RATE_LIMIT_PER_MINUTE: '3' }, clock: fixedClock('2023-06-15T08:00:30Z') });
  });
  afterAll(() => s.close());

  it('turns the admin API and page off (404) and leaves /api/ask open', async () => {
    for (const path of ['/admin', '/admin/api/documents', '/admin/api/stats']) {
      const res = await s.app.request(path, { headers: adminHeaders() });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
    const ask = await s.app.request('/api/ask', jsonInit('POST', { question: 'Kế hoạch 12-KH/ĐU nói gì?' }, {}));
    expect(ask.status).toBe(200);
  });

  it('limits each client per minute: 429 with Retry-After, in the API error format', async () => {
    const ask = () => s.app.request('/api/ask', jsonInit('POST', { question: 'nội dung trọng tâm năm 2023?' }, {}));
    expect([(await ask()).status, (await ask()).status]).toEqual([200, 200]); // the test above asked once
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });
});
