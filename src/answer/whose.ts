/**
 * Whose document a citation quotes: the issuing body as the hierarchy names it (with its place), and, when the
 * asker set a unit, whether it is the unit's own body or one above it.
 */
import type { Citation } from '../core/types.ts';
import type { BodyDirectory } from '../organisation/directory.ts';
import type { UnitChain } from '../organisation/organisations.ts';
import { keyOf } from '../organisation/body.ts';

/** The citation with its body. */
export function withBody(c: Citation, directory: BodyDirectory, unit: UnitChain | null): Citation {
  const body = directory.bodyOf(c.documentId);
  if (!body) return c;
  const relation = unit?.relation.get(body.key);
  return { ...c, body: relation ? { name: body.name, relation } : { name: body.name } };
}

/**
 * The issuer as a citation line shows it: as written in the document, followed by the body's full name when that
 * tells more (`Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trà Vinh)`), and
 * how it stands to the asker's unit.
 */
export function issuerWords(c: Pick<Citation, 'issuer' | 'body'>): string | null {
  const body = c.body;
  if (!body) return c.issuer;
  const written = new Set(keyOf(c.issuer ?? '').split(' '));
  const tellsMore = keyOf(body.name).split(' ').some((w) => !written.has(w));
  const who = !c.issuer ? body.name : tellsMore ? `${c.issuer} (${body.name})` : c.issuer;
  if (body.relation === 'own') return `${who}, đơn vị của bạn`;
  if (body.relation === 'above') return `${who}, cấp trên của đơn vị bạn`;
  return who;
}
