/**
 * A document's force in words, for citations ("đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024"), for
 * `/xem` and the admin review ("Sẽ thay thế: Quy định số 05-QĐ/TU ngày 12/9/2019"). Channel-neutral plain text.
 */
import type { DocumentForce, ForceLink, ForceNote, ForceParty } from '../core/force.ts';
import type { Citation, StoredDocument } from '../core/types.ts';

/** `ngày 20/5/2024` from an ISO day. */
export function dayWords(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${Number(d)}/${Number(m)}/${y}`;
}

/** `Quy định số 12-QĐ/TU ngày 20/5/2024`, or the title when there is no number. */
export function partyName(p: ForceParty): string {
  const type = p.type ?? 'Văn bản';
  const name = p.number ? `${type} số ${p.number}` : p.title ? `${type} "${p.title.length > 80 ? `${p.title.slice(0, 79)}…` : p.title}"` : type;
  return p.date ? `${name} ${dayWords(p.date)}` : name;
}

/** What a citation carries: nothing for a document plainly in force. */
export function forceNote(force: DocumentForce | undefined): ForceNote | undefined {
  if (!force || force.state === 'in_force') return undefined;
  const since = force.state === 'not_yet' ? force.effectiveOn : force.state === 'expired' && !force.by ? force.expiresOn : (force.by?.since ?? null);
  return { state: force.state, by: force.by?.other ?? null, since };
}

/** The `force` field of a citation of `document` (absent when it is plainly in force). */
export function citationForce(document: Pick<StoredDocument, 'force'>): Pick<Citation, 'force'> {
  const note = forceNote(document.force);
  return note ? { force: note } : {};
}

/** The same line of a citation says it: `⚠️ đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024`. */
export function forceNoteText(note: ForceNote): string {
  const by = note.by ? partyName(note.by) : null;
  switch (note.state) {
    case 'replaced':
      return `⚠️ đã được thay thế bởi ${by ?? 'văn bản khác'}`;
    case 'abolished':
      return `⚠️ đã bị bãi bỏ bởi ${by ?? 'văn bản khác'}`;
    case 'expired':
      return `⚠️ đã hết hiệu lực${by ? ` theo ${by}` : note.since ? ` từ ${dayWords(note.since)}` : ''}`;
    case 'amended':
      return `đã được sửa đổi, bổ sung bởi ${by ?? 'văn bản khác'}`;
    case 'not_yet':
      return `có hiệu lực từ ${note.since ? dayWords(note.since) : 'ngày văn bản quy định'}`;
    default:
      return 'đang có hiệu lực';
  }
}

/** One line on a document's status: `Tình trạng: đã được thay thế bởi … (từ ngày …)`, `Tình trạng: đang có hiệu lực`. */
export function forceStatusLine(force: DocumentForce | undefined): string {
  const note = forceNote(force);
  if (!note) {
    const from = force?.effectiveOn ? ` (từ ${dayWords(force.effectiveOn)})` : '';
    return `Tình trạng: đang có hiệu lực${from}`;
  }
  const text = forceNoteText(note).replace(/^⚠️ /u, '');
  // "(từ ngày …)" only when it says more than the date of the document named just before it.
  const dated = note.state !== 'not_yet' && !(note.state === 'expired' && !note.by) && note.since !== note.by?.date;
  const from = note.since && dated ? ` (từ ${dayWords(note.since)})` : '';
  return `Tình trạng: ${text}${from}`;
}

/** Verbs of what a document does to others, and of what others do to it. */
const DOES: Record<ForceLink['kind'], [now: string, draft: string, done: string]> = {
  replaces: ['Thay thế', 'Sẽ thay thế', 'Được thay thế bởi'],
  abolishes: ['Bãi bỏ', 'Sẽ bãi bỏ', 'Bị bãi bỏ bởi'],
  amends: ['Sửa đổi, bổ sung', 'Sẽ sửa đổi, bổ sung', 'Được sửa đổi, bổ sung bởi'],
  expires: ['Chấm dứt hiệu lực của', 'Sẽ chấm dứt hiệu lực của', 'Hết hiệu lực theo'],
  continues: ['Tiếp tục thực hiện', 'Sẽ tiếp tục thực hiện', 'Được tiếp tục thực hiện theo'],
};

function linkLine(l: ForceLink, verb: string, withSince: boolean): string {
  const where = l.other.documentId ? '' : ' (chưa có trong kho)';
  const dated = withSince && l.since && (l.since !== l.other.date || !l.applied);
  const since = dated && l.since ? ` – từ ${dayWords(l.since)}${l.applied ? '' : ' (chưa đến ngày)'}` : '';
  return `${verb}: ${partyName(l.other)}${where}${since}`;
}

/**
 * The chain, one line per relation: what the document replaces, abolishes, amends (`Sẽ thay thế: …` for a
 * draft not yet published), then what replaced, abolished or amended it.
 */
export function forceChainLines(force: DocumentForce | undefined, opts: { draft?: boolean } = {}): string[] {
  if (!force) return [];
  const out = force.affects.map((l) => linkLine(l, DOES[l.kind][opts.draft ? 1 : 0], false));
  for (const l of force.affectedBy) out.push(linkLine(l, DOES[l.kind][2], true));
  return out;
}
