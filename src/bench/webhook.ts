/**
 * Webhook throughput with autocannon against a real local instance: `src/main.ts` in a child process on a
 * prepared `pglite://` folder, with the Zalo channel in webhook mode pointed at a fake Zalo API on 127.0.0.1.
 * Three loads, each bounded: GET /healthz and the webhook's secret-rejection path for a fixed duration, and a
 * fixed number of real updates (distinct message ids, 20 chats) whose answers are counted at the fake API.
 */
import autocannon from 'autocannon';
import type { EvalQuestion } from '../eval/dataset.ts';
import { startFakeZaloApi, type FakeZaloApi } from './fake-zalo-api.ts';
import { startLocalServer } from './local-server.ts';
import { round1 } from './stats.ts';

const WEBHOOK_PATH = '/zalo/webhook';
const SECRET = 'bench-webhook-secret';
const CHATS = 20;

/** One autocannon load. */
export interface WebhookLoad {
  name: string;
  what: string;
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Only for the answered load: updates answered per second, end to end (accept → last reply). */
  answeredPerSecond?: number;
  replies?: number;
}

export interface WebhookOptions {
  databaseUrl: string;
  questions: EvalQuestion[];
  durationSeconds: number;
  updates: number;
  connections: number;
}

function summary(name: string, what: string, r: autocannon.Result): WebhookLoad {
  return {
    name,
    what,
    connections: r.connections,
    seconds: round1(r.duration),
    requests: r.requests.total,
    perSecond: round1(r.requests.total / Math.max(0.001, r.duration)),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

function update(i: number, questions: EvalQuestion[]): string {
  const chat = `bench-chat-${i % CHATS}`;
  const q = questions[i % questions.length] as EvalQuestion;
  return JSON.stringify({
    ok: true,
    result: {
      event_name: 'message.text.received',
      message: { message_id: `bench-${Date.now()}-${i}`, date: Date.now(), chat: { id: chat, chat_type: 'PRIVATE' }, from: { id: chat, display_name: 'Bench' }, text: q.question },
    },
  });
}

/** Waits until no reply has arrived for `quietMs` (bounded by `timeoutMs`). */
async function waitForQuiet(api: FakeZaloApi, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let seen = -1;
  let since = performance.now();
  while (performance.now() < deadline) {
    if (api.replies() !== seen) {
      seen = api.replies();
      since = performance.now();
    } else if (performance.now() - since > quietMs) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs the three loads; the child server and the fake API are always stopped. */
export async function measureWebhook(opts: WebhookOptions): Promise<WebhookLoad[]> {
  const api = await startFakeZaloApi();
  const server = await startLocalServer({
    DATABASE_URL: opts.databaseUrl,
    ZALO_BOT_TOKEN: api.token,
    ZALO_API_BASE: api.baseUrl,
    ZALO_WEBHOOK_URL: `https://bot.example.invalid${WEBHOOK_PATH}`,
    ZALO_WEBHOOK_SECRET: SECRET,
    RATE_LIMIT_PER_MINUTE: '10000',
  }).catch(async (err: unknown) => {
    await api.close();
    throw err;
  });
  const { base } = server;
  try {
    const loads: WebhookLoad[] = [];
    const common = { connections: opts.connections };
    const health = await autocannon({ ...common, url: `${base}/healthz`, duration: opts.durationSeconds });
    loads.push(summary('healthz', 'GET /healthz', health));
    const rejected = await autocannon({
      ...common,
      url: `${base}${WEBHOOK_PATH}`,
      duration: opts.durationSeconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': 'wrong-secret' },
      body: update(0, opts.questions),
    });
    loads.push(summary('webhook-401', 'POST webhook, wrong secret (401 before the body is read)', rejected));
    let i = 0;
    const started = performance.now();
    const accepted = await autocannon({
      ...common,
      url: `${base}${WEBHOOK_PATH}`,
      amount: opts.updates,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
      requests: [{ setupRequest: (req) => ({ ...req, body: update(i++, opts.questions) }) }],
    });
    await waitForQuiet(api, 2000, 120_000);
    const answeredMs = Math.max(1, api.lastReplyAt() - started);
    loads.push({
      ...summary('webhook-answer', `POST webhook, ${opts.updates} real updates answered via the fake Zalo API`, accepted),
      answeredPerSecond: round1((accepted['2xx'] * 1000) / answeredMs),
      replies: api.replies(),
    });
    return loads;
  } finally {
    await server.stop();
    await api.close();
  }
}
