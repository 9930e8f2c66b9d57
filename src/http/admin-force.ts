/**
 * Correcting a wrong link of a statement of force: `POST /admin/api/documents/:id/force/:statementId` with
 * `{"target": "<document id>"}` (the document it really names), `{"target": null}` (it names none of the
 * collection) or `{"target": "auto"}` (link by number again). Answers the document's force as the detail shows it.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { ApiError, apiErrors } from './api-error.ts';
import { actorOf, type AdminApiDeps } from './admin-deps.ts';
import { requireDocument } from './admin-documents.ts';
import { forceJson } from './force-views.ts';
import { limitBody, readJson } from './request.ts';

const relinkBody = z.object({ target: z.union([z.literal('auto'), z.uuid(), z.null()]) }).strict();

/** Registers the relink route on the admin API. */
export function registerForceRoutes(app: Hono, deps: AdminApiDeps): void {
  app.post('/documents/:id/force/:statementId', limitBody(deps.limits.jsonBytes), async (c) => {
    const doc = await requireDocument(deps, c.req.param('id'));
    const { target } = await readJson(c, relinkBody);
    const statementId = Number(c.req.param('statementId'));
    const current = await deps.admin.force(doc.id);
    if (!current.statements.some((s) => s.id === statementId)) {
      throw apiErrors.notFound(`Văn bản không có nhận định hiệu lực số ${c.req.param('statementId')}`, `the document has no statement ${c.req.param('statementId')}`);
    }
    if (target === doc.id) throw new ApiError(400, 'invalid_target', 'Văn bản không thể tự thay thế chính nó', 'a document cannot replace itself');
    if (target !== null && target !== 'auto' && !(await deps.store.getDocument(target))) {
      throw new ApiError(400, 'invalid_target', `Không tìm thấy văn bản ${target}`, `document ${target} not found`);
    }
    const review = await deps.admin.relinkForce(doc.id, statementId, target, actorOf(c));
    return c.json(forceJson(review, doc.status === 'draft'));
  });
}
