/**
 * The admin page in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) against a real
 * local server on 127.0.0.1 with an in-memory store seeded from data/documents: log in, drop a new 2024 plan
 * on the upload zone, set its year, publish, see the try box answer from it with a citation, and download an
 * outline (đề cương) as a Word file. Renders
 * the main screens; with WRITE_SCREENSHOTS=1 it saves them to docs/screenshots/ (tracked files, so a plain
 * `npm test` leaves the tree clean). Skipped, with a message, when Chromium is absent.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { listen, type HttpListener } from '../../src/http/front-door.ts';
import { ADMIN_TOKEN, API_TOKEN, NEW_PLAN, startTestApp, type TestServer } from '../admin-api/setup.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SHOTS = 'docs/screenshots';
/** `WRITE_SCREENSHOTS=1 npx vitest run tests/browser` refreshes the README's screenshots. */
const WRITE_SHOTS = process.env.WRITE_SCREENSHOTS === '1';
const FILE_NAME = '2024-ke-hoach-chuyen-doi-so.txt';

if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium; .ci/run does this)`);

describe.skipIf(!hasChromium)('admin page in headless Chromium', () => {
  let s: TestServer;
  let server: HttpListener | undefined;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    s = await startTestApp();
    server = await listen(s.app, 0, { hostname: '127.0.0.1', maxBodyBytes: 64 * 1024 * 1024 });
    base = `http://127.0.0.1:${server.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    if (WRITE_SHOTS) await mkdir(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await s?.close();
  });

  /** Renders the page as a screenshot (so a rendering failure still fails the test); saved only when asked. */
  async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
    await page.screenshot({ ...options, ...(WRITE_SHOTS ? { path: `${SHOTS}/${name}.png` } : {}) });
  }

  /** Drops a text file on the upload zone, as a real drag-and-drop does (a DataTransfer holding a File). */
  async function dropFile(page: Page, name: string, text: string): Promise<void> {
    const dataTransfer = await page.evaluateHandle(
      `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'text/plain' })); return dt; })()`,
    );
    await page.dispatchEvent('#dropzone', 'drop', { dataTransfer });
  }

  it('uploads, edits the year, publishes and answers from the new document', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => void (msg.type() === 'error' && errors.push(msg.text())));
    await page.goto(`${base}/admin`);
    await shot(page, 'login');

    await page.fill('#login-token', 'wrong-token-wrong-token');
    await page.click('#login-form button[type=submit]');
    await expect.poll(() => page.textContent('#login-error')).toContain('không đúng');
    await page.fill('#login-token', ADMIN_TOKEN);
    await page.fill('#login-name', 'Chị Lan');
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#dropzone', { state: 'visible' });
    errors.length = 0; // the wrong token's 401 above is expected

    await dropFile(page, FILE_NAME, NEW_PLAN);
    await page.waitForSelector('#meta-form');
    expect(await page.locator('#review-warnings [data-code="no_year"]').count()).toBe(1);
    expect(await page.locator('.tree').textContent()).toContain('II.1. Nhiệm vụ trọng tâm về chuyển đổi số');
    await shot(page, 'review', { fullPage: true });

    await page.fill('#meta-form input[name=year]', '2024');
    await page.click('#meta-form button[type=submit]');
    await page.waitForSelector('#flash:has-text("Đã lưu")');
    expect(await page.locator('#review-warnings [data-code="no_year"]').count()).toBe(0);
    await page.click('#publish');
    await page.waitForSelector('#flash:has-text("Đã đăng")');

    await page.click('.tab[data-view=documents]');
    await page.waitForSelector(`#doc-list td:has-text("${FILE_NAME}")`);
    await shot(page, 'documents', { fullPage: true });
    await page.click('#doc-list button:has-text("ứng dụng chuyển đổi số")');
    await page.waitForSelector('#doc-detail .refs');
    expect(await page.locator('#doc-detail .refs').textContent()).toContain('12-KH/ĐU');
    await shot(page, 'document-detail');

    await page.click('.tab[data-view=try]');
    await page.fill('#try-question', 'nhiệm vụ trọng tâm về chuyển đổi số năm 2024 là gì?');
    await page.click('#try-form button[type=submit]');
    await page.waitForSelector('#try-answer');
    const citations = await page.locator('#try-citations').textContent();
    expect(citations).toContain('ứng dụng chuyển đổi số');
    expect(citations).toContain('năm 2024');
    expect(citations).toContain('mục II.1 "Nhiệm vụ trọng tâm về chuyển đổi số"');
    expect(await page.locator('#try-retrieved tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'try');

    // "Tải đề cương": the outline on the words in the box, as a Word file.
    await page.fill('#try-question', 'mạng xã hội');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#try-outline')]);
    expect(download.suggestedFilename()).toBe('de-cuong-mang-xa-hoi.docx');

    for (const question of ['nội dung tuyên truyền trọng tâm năm 2023 là gì?', 'giá vàng hôm nay?', 'Kế hoạch 12-KH/ĐU nói gì?']) {
      await fetch(`${base}/api/ask`, { method: 'POST', headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    }
    await s.core.activity.recordFeedback({ conversationId: 'z1', channel: 'zalo', userId: 'u1', helpful: true });
    await s.core.activity.recordFeedback({ conversationId: 'z2', channel: 'zalo', userId: 'u2', helpful: false, reason: 'outdated' });
    await page.click('.tab[data-view=stats]');
    await page.waitForSelector('#chart-daily');
    expect(await page.locator('.unanswered').textContent()).toContain('giá vàng');
    await shot(page, 'stats', { fullPage: true });
    expect(errors).toEqual([]);
  });
});
