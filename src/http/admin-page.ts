/**
 * The admin page (`/admin`): static HTML, CSS and ES-module JavaScript from src/http/admin-page/, read once
 * when the routes are created at start-up and served from memory. No build step; the page talks to
 * `/admin/api` with the token the admin types in (kept in sessionStorage).
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Only our own files and no inline script, so a document title that slipped past escaping still cannot run
 * code; `frame-ancestors 'none'` keeps the page out of other sites' frames. Hono's `secureHeaders` writes it
 * with its other defaults (nosniff, no referrer, same-origin opener and resources, no framing).
 */
const PAGE_HEADERS = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
  },
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  // HTTPS, and how long browsers must insist on it, is the reverse proxy's decision, not this page's.
  strictTransportSecurity: false,
});

interface PageFile {
  body: string;
  type: string;
}

/** The folder holding the page's files, next to this module. */
export function defaultAdminPageDir(): string {
  return fileURLToPath(new URL('./admin-page/', import.meta.url));
}

/** Reads every page file into memory (call at start-up). */
export async function loadAdminPage(dir: string = defaultAdminPageDir()): Promise<Map<string, PageFile>> {
  const files = new Map<string, PageFile>();
  for (const name of (await readdir(dir)).sort()) {
    const type = TYPES[extname(name)];
    if (type) files.set(name, { body: await readFile(join(dir, name), 'utf8'), type });
  }
  if (!files.has('index.html')) throw new Error(`admin page: ${dir} has no index.html`);
  return files;
}

function send(c: Context, file: PageFile): Response {
  c.header('Content-Type', file.type);
  c.header('Cache-Control', 'no-cache');
  return c.body(file.body);
}

/** Routes serving the page; mount at `/admin`. */
export function createAdminPageRoutes(files: Map<string, PageFile>): Hono {
  const app = new Hono();
  const index = files.get('index.html');
  if (!index) throw new Error('admin page: index.html missing');
  app.use('*', PAGE_HEADERS);
  app.get('/', (c) => send(c, index));
  app.get('/assets/:name', (c) => {
    const file = files.get(c.req.param('name'));
    return file && c.req.param('name') !== 'index.html' ? send(c, file) : c.notFound();
  });
  return app;
}
