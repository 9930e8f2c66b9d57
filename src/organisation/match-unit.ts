/**
 * Which known body a user means by what they typed ("dang uy xa tan lap", "TU Bắc Kạn", "Ban Tuyên giáo tỉnh ủy
 * bac kan"). The typed name is read like an issuer (abbreviations spelled out, accents optional, leadership words
 * dropped); a body with the same identity is the one meant, else the known bodies are compared by their words.
 * Several equally close bodies, or none close enough, are an outcome the user is told about, never a guess.
 */
import { keyOf, type Body } from './body.ts';
import { parseBody } from './body-name.ts';
import type { BodyDirectory } from './directory.ts';

/** What a typed unit name was understood as. */
export type UnitMatch =
  | { kind: 'found'; body: Body }
  /** Several known bodies fit about equally: the user should pick one. */
  | { kind: 'ambiguous'; candidates: Body[] }
  /** No known body fits: the closest ones, if any share a word. */
  | { kind: 'unknown'; closest: Body[] };

/** A body is the one meant when its words and the typed words agree at least this much (F1 of shared words)… */
const FOUND = 0.75;
/** …and no other body comes within this margin. */
const MARGIN = 0.1;
/** Bodies listed as "did you mean" are at least this close, and within WITHIN of the best. */
const CANDIDATE = 0.4;
const WITHIN = 0.15;
/** At most this many bodies offered. */
const MAX_OFFERED = 5;

/**
 * Words every body's name is made of (`đảng ủy`, `ban`, `tỉnh`, `xã` …): sharing only these is no sign of the same
 * body ("Đảng ủy phường Hòa Bình" is not "Đảng ủy xã Tân Lập").
 */
const STRUCTURE = new Set(['dang', 'uy', 'bo', 'ban', 'chi', 'khoi', 'tinh', 'huyen', 'quan', 'xa', 'phuong', 'thi', 'tran', 'thanh', 'pho', 'trung', 'uong', 'thuong', 'vu', 'truc', 'va']);

/** Harmonic mean of the share of typed words in the body's name and of the name's words typed; 0 without a shared name word. */
function agreement(typed: Set<string>, name: Set<string>): number {
  let shared = 0;
  let named = false;
  for (const w of typed) {
    if (!name.has(w)) continue;
    shared++;
    if (!STRUCTURE.has(w)) named = true;
  }
  if (!named) return 0;
  const precision = shared / typed.size;
  const recall = shared / name.size;
  return (2 * precision * recall) / (precision + recall);
}

/** The name without the units added to tell it apart: `Huyện ủy Chợ Mới (tỉnh Bắc Kạn)` → `huyen uy cho moi`. */
function ownKey(body: Body): string {
  return keyOf(body.name.replace(/\s*\([^()]*\)\s*$/u, ''));
}

/** The known body `typed` names, or the bodies it could mean. */
export function matchUnit(directory: BodyDirectory, typed: string): UnitMatch {
  const read = parseBody(typed)[0];
  const exact = read ? directory.bodies.get(read.key) : directory.bodies.get(keyOf(typed));
  if (exact) return { kind: 'found', body: exact };
  const words = new Set((read ? read.key : keyOf(typed)).split(' ').filter(Boolean));
  if (words.size === 0) return { kind: 'unknown', closest: [] };
  const scored = [...directory.bodies.values()]
    .map((body) => ({ body, score: Math.max(agreement(words, new Set(body.key.split(' '))), agreement(words, new Set(ownKey(body).split(' ')))) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.body.rank - b.body.rank || a.body.name.localeCompare(b.body.name));
  const [best, second] = scored;
  if (!best) return { kind: 'unknown', closest: [] };
  if (best.score >= FOUND && (!second || second.score < best.score - MARGIN)) return { kind: 'found', body: best.body };
  if (best.score >= CANDIDATE) {
    const candidates = scored.filter((s) => s.score >= Math.max(CANDIDATE, best.score - WITHIN)).slice(0, MAX_OFFERED);
    return { kind: 'ambiguous', candidates: candidates.map((s) => s.body) };
  }
  return { kind: 'unknown', closest: scored.slice(0, 3).map((s) => s.body) };
}

/**
 * The body a stored or configured unit names, for answering: the exact identity or an unambiguous match;
 * null otherwise (the answer then prefers no chain).
 */
export function resolveUnit(directory: BodyDirectory, name: string): Body | null {
  const found = matchUnit(directory, name);
  return found.kind === 'found' ? found.body : null;
}
