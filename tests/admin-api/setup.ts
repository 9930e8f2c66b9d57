/**
 * A real core for the admin API tests: a copy of the seeded store (tests/fixtures), the offline engine, the
 * admin service and the HTTP app with the route groups — requests go through `app.request()`, no port.
 */
import pino from 'pino';
import type { Hono } from 'hono';
import type { Core } from '../../src/app/open-core.ts';
import { createAdminService } from '../../src/admin/admin-service.ts';
import type { Admin } from '../../src/core/services.ts';
import type { Clock } from '../../src/core/ports.ts';
import { createHttpApp } from '../../src/http/server.ts';
import { createApiRoutes } from '../../src/http/routes.ts';
import { openSeededCore } from '../fixtures/seeded-store.ts';

export const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
export const API_TOKEN = 'api-token-0123456789abcdef';

export interface TestServer {
  app: Hono;
  core: Core;
  admin: Admin;
  close(): Promise<void>;
}

/** Opens a seeded store and builds the app; `tokens` default to both set; `env` as `npm start` would read it. */
export async function startTestApp(
  opts: { adminToken?: string | null; apiToken?: string | null; maxUploadBytes?: number; env?: Record<string, string>; clock?: Clock } = {},
): Promise<TestServer> {
  const logger = pino({ level: 'silent' });
  const core = await openSeededCore({ logger, env: opts.env ?? {}, ...(opts.clock ? { clock: opts.clock } : {}) });
  const admin = createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog });
  const routes = await createApiRoutes({
    adminToken: opts.adminToken === null ? undefined : (opts.adminToken ?? ADMIN_TOKEN),
    apiToken: opts.apiToken === null ? undefined : (opts.apiToken ?? API_TOKEN),
    admin,
    store: core.store,
    askService: core.askService,
    logger,
    maxUploadBytes: opts.maxUploadBytes ?? 256 * 1024,
  });
  const app = createHttpApp({ logger, ping: () => core.store.ping(), channelsReady: () => true, webhooks: [], routes });
  return { app, core, admin, close: () => core.close() };
}

/** Headers with the admin bearer token. */
export function adminHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${ADMIN_TOKEN}`, ...extra };
}

/** A multipart body with one `file` part. */
export function fileForm(name: string, content: string | Uint8Array): FormData {
  const form = new FormData();
  form.append('file', new File([content], name, { type: 'application/octet-stream' }));
  return form;
}

/** A small 2024 plan with no year and no number in it (the admin fills the year in), citing 12-KH/ĐU. */
export const NEW_PLAN = `ĐẢNG BỘ TỈNH
ĐẢNG ỦY BAN QUẢN LÝ KHU KINH TẾ

KẾ HOẠCH
ứng dụng chuyển đổi số trong công tác tuyên truyền của Đảng bộ

Tiếp theo Kế hoạch số 12-KH/ĐU của Đảng ủy Ban Quản lý Khu kinh tế, Đảng ủy Ban Quản lý Khu kinh tế xây dựng kế hoạch ứng dụng chuyển đổi số trong công tác tuyên truyền như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao hiệu quả tuyên truyền trên nền tảng số, đưa nghị quyết của Đảng đến từng đảng viên qua điện thoại thông minh.

II. NỘI DUNG CHUYỂN ĐỔI SỐ

1. Nhiệm vụ trọng tâm về chuyển đổi số

- Xây dựng trang thông tin điện tử của Đảng bộ, cập nhật văn bản chỉ đạo hằng tuần.

- Mỗi chi bộ lập một nhóm nhắn tin để phổ biến nghị quyết và lấy ý kiến đảng viên.

T/M ĐẢNG ỦY
BÍ THƯ

Nguyễn Văn An
`;

/** JSON request init. */
export function jsonInit(method: string, body: unknown, headers: Record<string, string> = adminHeaders()): RequestInit {
  return { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
