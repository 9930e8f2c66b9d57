/**
 * JSON shape of a document's force in the admin API: its status in words, the chain ("Sẽ thay thế: Quy định số
 * 05-QĐ/TU ngày 12/9/2019", "Được thay thế bởi: …") and each statement naming another document with the document
 * it is linked to, which an admin can correct (`POST /admin/api/documents/:id/force/:statementId`).
 */
import type { ForceReview } from '../core/services.ts';
import { documentLine } from '../answer/citation-label.ts';
import { forceChainLines, forceStatusLine } from '../answer/force-words.ts';

/** `{state, status, effectiveOn, chain, statements}`; `draft` words the chain as what publishing will do. */
export function forceJson(review: ForceReview | undefined, draft: boolean) {
  if (!review) return null;
  const { force } = review;
  return {
    state: force.state,
    status: forceStatusLine(force),
    effectiveOn: force.effectiveOn,
    chain: forceChainLines(force, { draft }),
    statements: review.statements.map((s) => ({
      id: s.id,
      kind: s.kind,
      text: s.text,
      sectionLabel: s.sectionLabel,
      target: s.target,
      linkSource: s.linkSource,
      linked: s.linked ? { id: s.linked.id, name: documentLine(s.linked) } : null,
    })),
  };
}
