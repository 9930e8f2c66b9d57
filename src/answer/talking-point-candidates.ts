/**
 * The clauses that could become talking points, each scored for the topic. A section whose own heading is
 * about the topic ("5. Chủ động … đấu tranh … với âm mưu, hoạt động “diễn biến hòa bình” …") speaks to it in
 * every bullet, even where the bullet does not repeat the topic's words; elsewhere a clause must carry the topic
 * itself. Parts about the plan itself (purpose, schedule, reporting) and who-does-what entries weigh less, and a
 * topic that names a body ("tổ chức cơ sở đảng") is weak evidence where it only names who acts ("chỉ đạo 100% các
 * tổ chức cơ sở đảng đặt, mua … báo"): the topic is the subject matter, not the addressee.
 */
import { coverage, profileOf, questionUnits, textUnits, type QuestionUnits, type ReadingSyllable } from '../retrieval/coverage.ts';
import type { RankedSection } from '../retrieval/search.ts';
import type { QueryIntent } from '../retrieval/understand.ts';
import { foldedView, quoteKey, syllables } from '../text/normalize.ts';
import { clausesOf, isBoilerplate, isOpeningLine, type Clause } from './clauses.ts';

/** A clause of a ranked section, scored. */
export interface Candidate {
  ranked: RankedSection;
  clause: Clause;
  /** 0 when the section's own heading is about the topic (its points come first), 1 otherwise. */
  tier: 0 | 1;
  /** Relevance to the topic (0..1), weighed by the part of the document it comes from. */
  score: number;
}

/** Ranked sections read (the best ones; the rest rarely hold a point the best ones lack). */
const MAX_SECTIONS = 24;
/** Longer clauses are not one point (a whole paragraph of citations). */
const MAX_CLAUSE_CHARS = 700;
/** A heading covering this share of the topic is about it. */
const HEADING_ABOUT = 0.6;
/** A heading longer than this is a numbered paragraph, not a heading. */
const MAX_HEADING_CHARS = 220;
/** Words that only join a topic's words ("về", "của", "và"): not what a point must contain. */
const JOINING_WORDS = new Set(['về', 'của', 'và', 'các', 'những', 'cho', 'với', 'trong', 'là', 'gì', 'nào', 'theo', 'một', 'được', 'có', 'để', 'ở', 'tại', 'đến', 'như']);
/** Words that make "năm" a relative year. */
const RELATIVE_YEAR = new Set(['nay', 'ngoái', 'trước', 'tới', 'sau']);
/** Weight of a clause by the roles of its section's part (data/directive-model.json facets). */
const ROLE_WEIGHTS: Array<[string, number]> = [
  ['schedule', 0.5],
  ['reporting', 0.5],
  ['funding', 0.5],
  ['purpose', 0.7],
  ['requirement', 0.7],
  ['implementation', 0.85],
];
/** A body named after "các", "những", "mọi", "100% các" is the one who acts, not the subject. */
const ACTOR_WEIGHT = 0.6;

/** The topic as read, without the year it is about ("năm 2023", "năm nay": retrieval already keeps to it). */
function topicReading(intent: QueryIntent): QueryIntent['reading'] {
  const year = (s: ReadingSyllable | undefined) => s !== undefined && (/^\d{4}$/u.test(s.exact) || RELATIVE_YEAR.has(s.exact));
  return intent.reading.filter((s, i, all) => !year(s) && !(s.exact === 'năm' && year(all[i + 1])));
}

/** The topic's words: every syllable but the joining ones and the year, each pair within a phrase. */
export function topicWords(intent: QueryIntent): QuestionUnits {
  return questionUnits(topicReading(intent), (exact) => !JOINING_WORDS.has(exact));
}

/** Scores the clauses of the best ranked sections for the topic. */
export function candidatesFor(intent: QueryIntent, ranked: RankedSection[]): Candidate[] {
  const sections = ranked.slice(0, MAX_SECTIONS).filter((r) => r.section.label !== '' && r.section.body.trim() !== '');
  const clauses = sections.map((r) => ({ r, list: clausesOf(r.section.body).filter(isPointLike) }));
  const units = withLocalWeights(topicWords(intent), clauses.flatMap((x) => x.list.map((c) => c.text)));
  const bodyTopic = intent.bodies.length > 0 ? topicPhrase(intent) : null;
  const out: Candidate[] = [];
  for (const { r, list } of clauses) {
    // An entry of the implementation part ("Mặt trận Tổ quốc … huyện: …") names who acts; its lines must carry
    // the topic themselves, or its reporting duties would become points.
    const about = headingAbout(r, units, bodyTopic) && !facetsOf(r).includes('implementation');
    const headingUnits = about ? textUnits(r.section.heading) : null;
    const role = roleWeight(r);
    const tier = about ? 0 : 1;
    for (const clause of list) {
      const profile = profileOf(clause.text);
      const own = coverage(units, profile);
      const relevance = headingUnits ? Math.max(own, 0.7 + 0.3 * coverage(headingUnits, profile)) : own;
      const actor = bodyTopic && namesActor(clause.text, bodyTopic) ? ACTOR_WEIGHT : 1;
      const score = relevance * role * actor;
      if (score > 0) out.push({ ranked: r, clause, tier, score });
    }
  }
  return out;
}

/** A clause that can be a point: not too long, not an opening line, not a closing formality. */
function isPointLike(c: Clause): boolean {
  return c.text.length <= MAX_CLAUSE_CHARS && !isOpeningLine(c.text) && !isBoilerplate(c.text);
}

/**
 * Weighs each topic unit by how rare it is among the candidate clauses: in a collection of propaganda plans,
 * "tuyên truyền" is in every clause and says little, "nêu gương" in a few and says much.
 */
function withLocalWeights(units: QuestionUnits, texts: string[]): QuestionUnits {
  const profiles = texts.map(profileOf);
  const weights = new Map<string, number>();
  for (const u of [...units.singles, ...units.pairs]) {
    const df = profiles.filter((p) => p.units.has(u)).length;
    weights.set(u, Math.log(1 + (profiles.length + 1) / (df + 1)));
  }
  return { ...units, weights };
}

function facetsOf(r: RankedSection): string[] {
  return [...(r.place?.ownFacets ?? []), ...(r.place?.inheritedFacets ?? [])];
}

function roleWeight(r: RankedSection): number {
  const facets = facetsOf(r);
  // A part that is also about content ("Ban Thường trực … triển khai các nội dung sau") is content.
  if (facets.some((f) => f === 'content' || f === 'focus' || f === 'regular' || f === 'task')) {
    return facets.includes('implementation') ? 0.85 : 1;
  }
  return Math.min(1, ...ROLE_WEIGHTS.filter(([f]) => facets.includes(f)).map(([, w]) => w));
}

/** The section's own heading is a real heading (not a numbered paragraph) about the topic, not about who acts. */
function headingAbout(r: RankedSection, units: QuestionUnits, bodyTopic: string | null): boolean {
  const heading = r.section.heading.trim();
  if (heading === '' || heading.length > MAX_HEADING_CHARS) return false;
  // "1. Quan điểm … (the whole paragraph)": the parser made the paragraph its own heading.
  if (quoteKey(r.section.body).startsWith(quoteKey(heading))) return false;
  if (bodyTopic && namesActor(heading, bodyTopic)) return false;
  return coverage(units, profileOf(heading)) >= HEADING_ABOUT;
}

/** The topic's words, folded and single-spaced ("to chuc co so dang"). */
function topicPhrase(intent: QueryIntent): string {
  return syllables(foldedView(topicReading(intent).filter((s) => !JOINING_WORDS.has(s.exact)).map((s) => s.exact).join(' '))).join(' ');
}

/** The text names the topic's body as the one who acts: "các / những / mọi / 100% các <body>". */
function namesActor(text: string, phrase: string): boolean {
  const folded = ` ${syllables(foldedView(text)).join(' ')} `;
  return new RegExp(` (?:cac|nhung|moi|100 cac) ${phrase} `, 'u').test(folded);
}
