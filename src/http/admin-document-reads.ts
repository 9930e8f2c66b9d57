/**
 * Admin API reads: the document list with filters, and one document with its outline, text, warnings,
 * references to and from other stored documents, its force (status and chain), and version history.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { DOCUMENT_TYPES, type DocumentStatus, type StoredDocument } from '../core/types.ts';
import { documentLine } from '../answer/citation-label.ts';
import { numberKey } from '../text/number-key.ts';
import { ApiError } from './api-error.ts';
import type { AdminApiDeps } from './admin-deps.ts';
import { requireDocument } from './admin-documents.ts';
import { documentJson, outlineJson, reviewWarnings, textParts } from './admin-views.ts';
import { forceJson } from './force-views.ts';

const STATUSES = ['draft', 'active', 'replaced', 'retired'] as const satisfies readonly DocumentStatus[];

/** Query of `GET /documents`; empty parameters (an untouched filter field) count as absent. */
const listQuery = z
  .object({
    year: z.coerce.number().int().min(1900).max(2100).optional(),
    type: z.enum(DOCUMENT_TYPES).optional(),
    issuer: z.string().trim().min(1).max(200).optional(),
    status: z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()))
      .pipe(z.array(z.enum(STATUSES)))
      .optional(),
  })
  .strict();

function parseListQuery(query: Record<string, string>): z.infer<typeof listQuery> {
  const present = Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== ''));
  const parsed = listQuery.safeParse(present);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`).join('; ');
  throw new ApiError(400, 'invalid_query', `Bộ lọc không hợp lệ — ${details}`, `invalid filter — ${details}`);
}

/** Documents this one cites, each linked to the stored document with that number when there is one. */
async function referencesTo(deps: AdminApiDeps, doc: StoredDocument, all: StoredDocument[]) {
  const byNumber = new Map<string, StoredDocument>();
  // Active first, so a number shared by several versions links to the one in force.
  for (const d of [...all].sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'))) {
    if (d.number && d.id !== doc.id && !byNumber.has(numberKey(d.number))) byNumber.set(numberKey(d.number), d);
  }
  const refs = await deps.store.getReferences(doc.id);
  return refs.map((r) => {
    const target = r.number ? byNumber.get(numberKey(r.number)) : undefined;
    return { ...r, documentId: target?.id ?? null, documentName: target ? documentLine(target) : null };
  });
}

/** Active documents citing this one's number, with the section where they do. */
async function referencesFrom(deps: AdminApiDeps, doc: StoredDocument, all: StoredDocument[]) {
  if (!doc.number) return [];
  const names = new Map(all.map((d) => [d.id, documentLine(d)]));
  const hits = await deps.store.findReferences(doc.number);
  return hits
    .filter((h) => h.documentId !== doc.id)
    .map((h) => ({ documentId: h.documentId, documentName: names.get(h.documentId) ?? null, sectionLabel: h.sectionLabel, text: h.text }));
}

async function detail(deps: AdminApiDeps, id: string) {
  const doc = await requireDocument(deps, id);
  const [sections, all, history, force] = await Promise.all([
    deps.store.getSections(doc.id),
    deps.store.listDocuments(),
    deps.admin.history(doc.id),
    deps.admin.force(doc.id),
  ]);
  const outline = outlineJson(sections);
  const replaces = doc.status === 'draft' ? (history.find((d) => d.status === 'active' && d.id !== doc.id) ?? null) : null;
  return {
    document: documentJson(doc),
    force: forceJson(force, doc.status === 'draft'),
    warnings: doc.status === 'draft' ? reviewWarnings({ document: doc, outline, replaces, warnings: doc.warnings, force }, []) : [],
    outline,
    text: textParts(sections),
    references: { to: await referencesTo(deps, doc, all), from: await referencesFrom(deps, doc, all) },
    history: history.map(documentJson),
  };
}

/** Registers the read routes on the admin API. */
export function registerDocumentReads(app: Hono, deps: AdminApiDeps): void {
  app.get('/documents', async (c) => {
    const q = parseListQuery(c.req.query());
    const documents = await deps.store.listDocuments(q);
    return c.json({ documents: documents.map(documentJson) });
  });
  app.get('/documents/:id', async (c) => c.json(await detail(deps, c.req.param('id'))));
}
