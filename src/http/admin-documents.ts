/**
 * Admin API writes: upload a file as a draft, edit its metadata, publish, cancel, retire, restore, delete.
 * Status rules are checked here so a wrong step is a clear 409 rather than a store error.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { DraftReview } from '../core/services.ts';
import { DOCUMENT_TYPES, type DocumentMetadata, type DocumentStatus, type StoredDocument } from '../core/types.ts';
import { canonicalDocNumber } from '../text/doc-number.ts';
import { ApiError, apiErrors } from './api-error.ts';
import { actorOf, type AdminApiDeps } from './admin-deps.ts';
import { documentJson, looksLikeDuplicate, reviewJson } from './admin-views.ts';
import { limitBody, readJson, requireContentType } from './request.ts';

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a real date');
const text = (max: number) => z.string().trim().min(1).max(max);

/** Editable metadata fields; `null` clears a field (the title cannot be cleared). */
export const metadataPatchSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES).nullable(),
    number: text(60).nullable(),
    title: text(500),
    issuer: text(200).nullable(),
    year: z.number().int().min(1930).max(2100).nullable(),
    issuedOn: isoDate.nullable(),
    signer: text(120).nullable(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'at least one field');

/** The document, or 404. */
export async function requireDocument(deps: AdminApiDeps, id: string): Promise<StoredDocument> {
  const doc = await deps.store.getDocument(id);
  if (!doc) throw apiErrors.notFound(`Không tìm thấy văn bản ${id}`, `document ${id} not found`);
  return doc;
}

function requireStatus(doc: StoredDocument, allowed: DocumentStatus[], action: string): void {
  if (allowed.includes(doc.status)) return;
  throw apiErrors.conflict(
    `Không thể ${action}: văn bản đang ở trạng thái "${doc.status}" (cần: ${allowed.join(', ')})`,
    `cannot ${action} a document whose status is ${doc.status} (expected ${allowed.join(' or ')})`,
  );
}

/** The review body for a draft (or an edited active document), with likely duplicates among active ones. */
export async function reviewBody(deps: AdminApiDeps, review: DraftReview) {
  const d = review.document;
  const active = await deps.store.listDocuments({ status: 'active', ...(d.year !== null ? { year: d.year } : {}) });
  const duplicates = active.filter((o) => o.id !== review.replaces?.id && looksLikeDuplicate(d, o));
  return reviewJson(review, duplicates, await deps.store.getSections(d.id));
}

/**
 * `Tên tệp: Lý do (reason)` → the Vietnamese sentence and the English tag: 413 when the file is over a limit on
 * its size or the work it takes (the message names the limit), 422 for any other refusal.
 */
function refusalError(reason: string, overLimit: boolean): ApiError {
  const match = /^(.*)\s\(([^()]+)\)$/s.exec(reason);
  const source = reason.split(': ')[0] ?? '';
  const en = match ? `${source}: ${match[2]}` : reason;
  return overLimit ? new ApiError(413, 'file_over_limit', reason, en) : new ApiError(422, 'unprocessable_file', reason, en);
}

function toPatch(body: z.infer<typeof metadataPatchSchema>): Partial<DocumentMetadata> {
  const patch: Partial<DocumentMetadata> = { ...body };
  if (body.number) patch.number = canonicalDocNumber(body.number);
  if ('year' in body) patch.yearSource = body.year === null ? null : 'override';
  return patch;
}

async function upload(c: Context, deps: AdminApiDeps) {
  requireContentType(c, 'multipart/form-data');
  const form = await c.req.parseBody().catch((err: unknown) => {
    throw new ApiError(400, 'invalid_multipart', 'Dữ liệu tải lên không hợp lệ', 'malformed multipart body', { cause: err });
  });
  const file = form['file'];
  if (!(file instanceof File)) {
    throw new ApiError(400, 'missing_file', 'Thiếu tệp (trường "file")', 'missing multipart field "file"');
  }
  if (file.size > deps.limits.uploadBytes) throw apiErrors.tooLarge(deps.limits.uploadBytes);
  const result = await deps.admin.upload({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, actorOf(c));
  if ('refused' in result) throw refusalError(result.reason, result.overLimit === true);
  // The same bytes again: the stored draft or document comes back (200, with a warning), not a second draft.
  return c.json(await reviewBody(deps, result), result.sameContent ? 200 : 201);
}

/** Registers the write routes on the admin API. */
export function registerDocumentWrites(app: Hono, deps: AdminApiDeps): void {
  const json = limitBody(deps.limits.jsonBytes);
  app.post('/documents', limitBody(deps.limits.uploadBytes + MULTIPART_OVERHEAD_BYTES), (c) => upload(c, deps));

  app.patch('/documents/:id', json, async (c) => {
    const doc = await requireDocument(deps, c.req.param('id'));
    const body = await readJson(c, metadataPatchSchema);
    requireStatus(doc, ['draft', 'active'], 'sửa');
    const review = await deps.admin.updateDraft(doc.id, toPatch(body), actorOf(c));
    return c.json(await reviewBody(deps, review));
  });

  app.post('/documents/:id/publish', async (c) => {
    const doc = await requireDocument(deps, c.req.param('id'));
    requireStatus(doc, ['draft'], 'đăng');
    const published = await deps.admin.publish(doc.id, actorOf(c));
    const replaced = (await deps.admin.history(doc.id)).find((d) => d.replacedBy === doc.id);
    return c.json({ ...documentJson(published), replaced: replaced?.id ?? null });
  });

  app.post('/documents/:id/cancel', async (c) => {
    const doc = await requireDocument(deps, c.req.param('id'));
    requireStatus(doc, ['draft'], 'huỷ');
    await deps.admin.cancel(doc.id, actorOf(c));
    return c.json({ id: doc.id, cancelled: true });
  });

  app.post('/documents/:id/retire', async (c) => {
    const doc = await requireDocument(deps, c.req.param('id'));
    requireStatus(doc, ['active'], 'gỡ');
    await deps.admin.retire(doc.id, actorOf(c));
    return c.json(documentJson(await requireDocument(deps, doc.id)));
  });

  app.post('/documents/:id/restore', async (c) => {
    const doc = await requireDocument(deps, c.req.param('id'));
    requireStatus(doc, ['replaced', 'retired'], 'khôi phục');
    const current = await deps.admin.history(doc.id).then((h) => h.find((d) => d.status === 'active' && d.id !== doc.id));
    const restored = await deps.admin.restore(doc.id, actorOf(c));
    return c.json({ ...documentJson(restored), replaced: current?.id ?? null });
  });

  app.delete('/documents/:id', async (c) => {
    const doc = await requireDocument(deps, c.req.param('id'));
    await deps.admin.remove(doc.id, actorOf(c));
    return c.json({ id: doc.id, deleted: true });
  });
}
