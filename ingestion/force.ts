/**
 * Statements of force in a directive: what it replaces, abolishes, amends, ends or continues, and when it takes
 * effect ("Quy định này có hiệu lực kể từ ngày ký, thay thế Quy định số 05-QĐ/TU, ngày 12/9/2019 của Ban Thường
 * vụ Tỉnh ủy …"). The documents they name are read like the reference index reads citations (number, date,
 * issuer); the store links them to the documents of the collection by number key, so the order in which the
 * two documents arrive does not matter. Only what the document says about itself acting counts: a plan that
 * narrates "Quy định số 12 thay thế Quy định số 05", or a task to "nghiên cứu sửa đổi, bổ sung …", states no
 * force of its own.
 */
import type { ForceKind, ForceStatement, ForceTarget } from '../src/core/force.ts';
import type { DocumentMetadata, ParsedSection } from '../src/core/types.ts';
import { numberKey } from '../src/text/number-key.ts';
import { findCues, PARTIAL, type Cue } from './force-cues.ts';
import { locateReferences, type LocatedReference } from './references.ts';
import { isQualifiedLabel } from './structure/attached.ts';

/** Longest gap between an active cue and the first document it names ("một số điều của "). */
const FIRST_GAP = 80;
/** Longest gap between a document named and the passive cue after it (its trích yếu "về …" stands between). */
const SUBJECT_GAP = 240;
/** Longest gap between two documents of one list (the first one's trích yếu, then `,` or `và`). */
const CHAIN_GAP = 240;
const CHAIN_END = /(?:[,;:]|\bvà|[-+•])\s*(?:các\s+|những\s+)?$/iu;
/** "Quy định này", "Kế hoạch này": the subject is the document itself. */
const THIS_DOCUMENT = /\bnày\b/iu;

/** A sentence of a section, with the label it stands under. */
interface Unit {
  text: string;
  label: string;
}

/** A line that lists one item (after a colon): `- Quy định số …;`, `a) …`, `1. …`. */
const ITEM_LINE = /^\s*(?:[-+•]|[a-zđ]\)|\d{1,2}[.)])\s/iu;

/**
 * Sentences of one text. Lines are split at sentence ends; a line ending with a colon keeps the items listed
 * under it ("Các văn bản sau hết hiệu lực:" / "- Quy định số …"), so the cue reaches them.
 */
function units(text: string, label: string): Unit[] {
  const out: Unit[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i] as string;
    while (line.endsWith(':') && ITEM_LINE.test(lines[i + 1] ?? '')) {
      while (ITEM_LINE.test(lines[i + 1] ?? '')) line += ` ${lines[++i] as string}`;
    }
    for (const sentence of line.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) out.push({ text: sentence, label });
  }
  return out;
}

function targetOf(r: LocatedReference): ForceTarget {
  const { type, number, date, issuer } = r.reference;
  return { type, number: number as string, date, issuer };
}

/** Documents listed one after another from `first` on (forward), stopping at a gap that is no list separator. */
function chain(refs: LocatedReference[], first: number, text: string, cues: Cue[], step: 1 | -1): LocatedReference[] {
  const out = [refs[first] as LocatedReference];
  for (let i = first + step; i >= 0 && i < refs.length; i += step) {
    const [a, b] = step === 1 ? [out[out.length - 1] as LocatedReference, refs[i] as LocatedReference] : [refs[i] as LocatedReference, out[out.length - 1] as LocatedReference];
    const gap = text.slice(a.end, b.start);
    if (gap.length > CHAIN_GAP || !CHAIN_END.test(gap) || cues.some((c) => c.start >= a.end && c.end <= b.start)) break;
    out.push(refs[i] as LocatedReference);
  }
  return out;
}

/** Whether text between two positions holds another cue or a sentence end. */
function blocked(text: string, from: number, to: number, cues: Cue[], self: Cue): boolean {
  return cues.some((c) => c !== self && c.start >= from && c.end <= to) || /[.!?]\s/u.test(text.slice(from, to));
}

/** The documents an active cue acts on: named right after it. Null when another document is its subject. */
function activeTargets(text: string, cue: Cue, refs: LocatedReference[], cues: Cue[], own: string | null): LocatedReference[] {
  const before = [...refs].reverse().find((r) => r.end <= cue.start);
  // "Quy định số 12-QĐ/TU … thay thế …" in a third document narrates another document's act.
  if (before && !isOwn(before, own) && cue.start - before.end <= 120 && !THIS_DOCUMENT.test(text.slice(before.end, cue.start))) return [];
  const first = refs.findIndex((r) => r.start >= cue.end);
  if (first < 0) return [];
  const head = refs[first] as LocatedReference;
  if (head.start - cue.end > FIRST_GAP || blocked(text, cue.end, head.start, cues, cue)) return [];
  return chain(refs, first, text, cues, 1);
}

/** The documents a passive cue acts on: named right before it ("Quy định số 05 … hết hiệu lực"). */
function passiveTargets(text: string, cue: Cue, refs: LocatedReference[], cues: Cue[]): LocatedReference[] {
  // "được thay thế bằng Quy định số 12 …" by another document: not this document's act.
  if (/^\s*(?:bằng|bởi)\s/u.test(text.slice(cue.end)) && !THIS_DOCUMENT.test(text.slice(cue.end, cue.end + 40))) return [];
  let last = -1;
  refs.forEach((r, i) => {
    if (r.end <= cue.start) last = i;
  });
  const tail = refs[last];
  if (tail && cue.start - tail.end <= SUBJECT_GAP && !blocked(text, tail.end, cue.start, cues, cue)) return subjectBefore(text, refs, last, cues);
  // "Các văn bản sau hết hiệu lực …:" names its documents after the colon.
  const colon = text.indexOf(':', cue.end);
  const listed = colon >= 0 && !refs.some((r) => r.start >= cue.end && r.start < colon);
  return listed ? activeTargets(text, { ...cue, end: colon + 1 }, refs, cues, null) : [];
}

/** "… đã được sửa đổi, bổ sung một số điều theo ": the document before it is the subject, the one after it its amender. */
const NARRATED_GAP = /^\s*,?\s*(?:đã\s+)?(?:được|bị)\s+(?:sửa\s+đổi|bổ\s+sung|thay\s+thế)[^.;]*?\s(?:theo|bởi|bằng|tại)\s+$/iu;

/**
 * The documents named before a passive cue, ending at `last`: a list ("Quy định số 05 … và Hướng dẫn số 02 … hết
 * hiệu lực"), or, past a narrated amendment, the document amended ("Luật Giáo dục số 38/2005/QH11 đã được sửa
 * đổi, bổ sung một số điều theo Luật số 44/2009/QH12 hết hiệu lực" ends the Luật Giáo dục).
 */
function subjectBefore(text: string, refs: LocatedReference[], last: number, cues: Cue[]): LocatedReference[] {
  let subjects = chain(refs, last, text, cues, -1).reverse();
  for (;;) {
    const first = refs.indexOf(subjects[0] as LocatedReference);
    const prev = refs[first - 1];
    if (!prev || !NARRATED_GAP.test(text.slice(prev.end, (subjects[0] as LocatedReference).start))) return subjects;
    subjects = chain(refs, first - 1, text, cues, -1).reverse();
  }
}

/** "… được sửa đổi theo Luật số 44/2009/QH12": a passive act another document did, told, not stated. */
function narrated(text: string, cue: Cue, refs: LocatedReference[], own: string | null): boolean {
  if (cue.voice !== 'passive') return false;
  const next = refs.find((r) => r.start >= cue.end);
  return next !== undefined && !isOwn(next, own) && next.start - cue.end <= 80 && /(?:^|\s)(?:theo|bởi|bằng|tại)\s+$/u.test(text.slice(cue.end, next.start));
}

/**
 * A citation read past a cue ("Quy định số 05-QĐ/TU … của Ban Thường vụ Tỉnh ủy hết hiệu lực …" reads the issuer up
 * to "ngày"): it ends where the cue starts, and so does its issuer.
 */
function clipped(r: LocatedReference, text: string, cues: Cue[]): LocatedReference {
  const inside = cues.find((c) => c.start > r.start && c.start < r.end);
  if (!inside) return r;
  const issuer = r.reference.issuer;
  const cut = issuer ? issuer.indexOf(text.slice(inside.start, inside.end)) : -1;
  const reference = { ...r.reference, issuer: issuer && cut >= 0 ? issuer.slice(0, cut).trim() || null : issuer };
  return { reference, start: r.start, end: inside.start };
}

function isOwn(r: LocatedReference, own: string | null): boolean {
  return own !== null && numberKey(r.reference.number as string) === own;
}

/** A replacement or abolition of parts of a document ("bãi bỏ khoản 2 Điều 5 của …") amends it. */
function actualKind(kind: ForceKind, text: string, cue: Cue, target: LocatedReference): ForceKind {
  if (kind !== 'replaces' && kind !== 'abolishes') return kind;
  const between = cue.voice === 'active' ? text.slice(cue.end, target.start) : text.slice(Math.max(0, target.start - 40), target.start);
  return PARTIAL.test(between) ? 'amends' : kind;
}

/** Statements of one sentence. */
function statementsOf(unit: Unit, own: string | null): ForceStatement[] {
  const found = findCues(unit.text);
  if (found.length === 0) return [];
  const refs = locateReferences(unit.text, unit.label)
    .filter((r) => r.reference.number !== null)
    .map((r) => clipped(r, unit.text, found));
  const cues = found.filter((c) => !narrated(unit.text, c, refs, own));
  const out: ForceStatement[] = [];
  const base = { text: unit.text.replace(/\s+/gu, ' ').trim(), sectionLabel: unit.label };
  for (const cue of cues) {
    if (cue.kind === 'effective') {
      out.push({ ...base, kind: 'effective', target: null, date: cue.date, fromSigning: cue.fromSigning });
      continue;
    }
    const found = cue.voice === 'active' ? activeTargets(unit.text, cue, refs, cues, own) : passiveTargets(unit.text, cue, refs, cues);
    for (const r of found.filter((f) => !isOwn(f, own))) {
      out.push({ ...base, kind: actualKind(cue.kind, unit.text, cue, r), target: targetOf(r), date: cue.kind === 'expires' ? cue.date : null, fromSigning: false });
    }
    // "Quy định này hết hiệu lực kể từ ngày 31/12/2025": the document ends itself, on a day it names.
    if (cue.kind === 'expires' && found.length === 0 && cue.date && THIS_DOCUMENT.test(unit.text.slice(Math.max(0, cue.start - 30), cue.start))) {
      out.push({ ...base, kind: 'expires', target: null, date: cue.date, fromSigning: false });
    }
  }
  return out;
}

function keyOf(s: ForceStatement): string {
  return `${s.kind}|${s.target ? numberKey(s.target.number) : ''}|${s.date ?? ''}|${s.fromSigning}`;
}

/**
 * Every statement of force in a document: the sections (heading lines and bodies, in reading order), then the
 * title ("Quy định sửa đổi, bổ sung một số điều của Quy định số 05-QĐ/TU"); a promulgating decision's own articles
 * come after the text it promulgates. The same act stated twice is kept once, where the body states it.
 */
export function extractForce(sections: ParsedSection[], metadata: Pick<DocumentMetadata, 'number' | 'title'>): ForceStatement[] {
  const own = metadata.number ? numberKey(metadata.number) : null;
  // The text a decision promulgates speaks for the document before the decision's own articles beside it.
  const primaryFirst = [...sections.filter((s) => !isQualifiedLabel(s.label)), ...sections.filter((s) => isQualifiedLabel(s.label))];
  const all = [
    ...primaryFirst.flatMap((s) => [...units(s.headingLine, s.label), ...units(s.body, s.label)]),
    ...units(metadata.title, ''),
  ].flatMap((u) => statementsOf(u, own));
  const kept = new Map<string, ForceStatement>();
  for (const s of all) {
    const first = kept.get(keyOf(s));
    if (!first) kept.set(keyOf(s), s);
    // The title often dates the document the body only numbers ("… của Kế hoạch số 30-KH/TU, ngày 10/01/2025").
    else if (first.target && s.target) first.target = { ...first.target, date: first.target.date ?? s.target.date, issuer: first.target.issuer ?? s.target.issuer };
  }
  return [...kept.values()];
}
