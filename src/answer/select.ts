/**
 * Which ranked sections an answer cites, by the shape of the question: one best section for a fact or a
 * list (plus near-ties from other places), every citing section for "where is X mentioned", the opening
 * part for "what is it based on", and the best section per year for comparisons.
 */
import type { RankedSection } from '../retrieval/search.ts';
import { foldedView } from '../text/normalize.ts';
import { INTRODUCES_LIST, plainItem } from './lead-in.ts';
import { listClause } from './list-clause.ts';
import { within } from './named-section.ts';
import type { ResolvedIntent } from '../retrieval/resolve-intent.ts';
import { asksAboutDocument, holdsValue, YES_NO, type ValueKind } from '../retrieval/question-shape.ts';
import { DEFAULT_RANKING_MODEL, type SelectionRules } from '../retrieval/ranking-model.ts';
import { DUTY_FACETS } from '../retrieval/directive-model.ts';
import { APPENDIX, perYear, yearPart, yearSibling } from './by-year.ts';

function related(a: RankedSection, b: RankedSection): boolean {
  if (a.document.id !== b.document.id) return false;
  const x = a.section.label;
  const y = b.section.label;
  if (x === '' || y === '') return x === y;
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
}

function withoutRelated(list: RankedSection[], limit: number): RankedSection[] {
  const out: RankedSection[] = [];
  for (const r of list) {
    if (out.length >= limit) break;
    if (!out.some((o) => related(o, r))) out.push(r);
  }
  return out;
}

function mentions(ranked: RankedSection[], intent: ResolvedIntent, rules: SelectionRules): RankedSection[] {
  const limit = intent.everyPlace ? rules.maxMentions : rules.maxCited;
  const citing = intent.numberKeys.length > 0 ? ranked.filter((r) => r.citesNumber) : [];
  const phrase = ranked.filter((r) => r.coverage >= rules.phraseCoverage);
  const pool = citing.length > 0 ? citing : phrase;
  return pool.length > 0 ? withoutRelated(pool, limit) : ranked.slice(0, 1);
}

/**
 * For a fact question, a heading-only parent (`I. MỤC ĐÍCH, YÊU CẦU`) is replaced by its best-ranked
 * descendant when that one scores close to it: the fact sits in the child.
 */
function narrowest(parent: RankedSection, ranked: RankedSection[], rules: SelectionRules): RankedSection {
  if (parent.section.body.trim() !== '' || parent.section.label === '') return parent;
  const prefix = `${parent.section.label}.`;
  const child = ranked.find((r) => r.document.id === parent.document.id && r.section.label.startsWith(prefix));
  return child && child.score >= parent.score * rules.childRatio ? child : parent;
}

/**
 * "Mục đích là gì?" ranks `I. MỤC ĐÍCH, YÊU CẦU` first, but its part `1. Mục đích` is exactly what is asked:
 * a part whose heading names the roles asked for and nothing else replaces a parent that names others too.
 */
function mostSpecific(parent: RankedSection, ranked: RankedSection[]): RankedSection {
  const f = parent.features;
  // A table's rows name the roles of its columns ("Đơn vị chủ trì", "Thời gian"), every row alike: one row is
  // not the more specific part, it is one line of the table asked for.
  if (f.facetOwn === 0 || f.facetClash === 0 || APPENDIX.test(parent.section.label)) return parent;
  const prefix = `${parent.section.label}.`;
  const child = ranked.find(
    (r) =>
      r.document.id === parent.document.id &&
      r.section.label.startsWith(prefix) &&
      r.features.facetOwn >= f.facetOwn &&
      r.features.facetClash < f.facetClash,
  );
  return child ?? parent;
}

/**
 * A list question ranked one item of a list first ("c) Bản sao giấy tờ…" for "phải chuẩn bị những giấy tờ
 * gì"): the answer is the list, its parent, when the parent introduces its items ("… gồm:", "… sau đây:") and
 * is among the candidates, or when the parent's heading plays the role asked and the item's does not ("giao
 * nhiệm vụ cho những cơ quan nào" ranked one body's entry first: the answer is the whole "Tổ chức thực hiện"),
 * unless the question names a body (its entry is what is asked) or its heading names what is asked ("hình thức
 * cổ động trực quan nào" is the part "Các phương tiện cổ động trực quan"). An item that holds bullets of its own
 * still gives way when the parent's heading says more of what is asked than its own ("bằng những hình thức gì":
 * "III. HÌNH THỨC TUYÊN TRUYỀN", not its "2. … trên các mạng xã hội"). A plain one-line item gives way when the
 * parent's heading holds at least twice its share of the question ("trình tự … gồm những bước nào": "2. Trình tự
 * tiến hành", not its "a) Đồng chí chủ trì nêu mục đích"), unless the question asks yes or no, or names a body the
 * item names more than the parent.
 */
function wholeList(item: RankedSection, ranked: RankedSection[], intent: ResolvedIntent): RankedSection {
  const place = item.place;
  if (!place || place.children.length > 0) return item;
  const parentEntry = place.ancestors[place.ancestors.length - 1];
  if (!parentEntry || parentEntry.label === '') return item;
  const parent = ranked.find((r) => r.document.id === item.document.id && r.section.label === parentEntry.label);
  if (!parent || (parent.place?.children.length ?? 0) < 2) return item;
  const f = item.features;
  // An item that is a list itself still gives way when the parent's heading says more of what is asked than its own.
  const entry = f.facetOwn === 0 && ((f.residualHeading === 0 && f.listPart === 0) || f.residualHeading < parent.features.residualHeading);
  if (intent.bodies.length === 0 && parent.features.facetOwn > 0 && entry) return parent;
  const headingSaysMore = parent.features.headingShare >= 2 * f.headingShare;
  const bodyNoReason = intent.bodies.length === 0 || parent.features.bodyMatch >= f.bodyMatch;
  if (plainItem(item) && headingSaysMore && bodyNoReason && !YES_NO.test(intent.folded)) return parent;
  const opening = `${parent.section.heading}\n${parent.section.body}`.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return INTRODUCES_LIST.test(foldedView(opening)) ? parent : item;
}

/**
 * A list question answered by two or more parts of one list ("phân công cho những cơ quan nào" ranks two bodies'
 * entries under "Tổ chức thực hiện" first): the answer is the list they belong to, their parent, when it is among
 * the candidates and the question names no body (then that body's entry is what is asked).
 */
function siblingsAsList(picked: RankedSection[], ranked: RankedSection[], intent: ResolvedIntent): RankedSection[] {
  if (intent.bodies.length > 0) return picked;
  const parentOf = (r: RankedSection) => r.place?.ancestors[r.place.ancestors.length - 1]?.label ?? '';
  for (const r of picked) {
    const label = parentOf(r);
    if (label === '') continue;
    const siblings = picked.filter((o) => o.document.id === r.document.id && parentOf(o) === label);
    const parent = ranked.find((o) => o.document.id === r.document.id && o.section.label === label);
    // A part that holds a list of its own ("1. Hồ sơ gồm: a) … đ)") is the list asked for, not an item of its parent's.
    const ownList = siblings.some((o) => (o.place?.children.length ?? 0) >= 2);
    if (siblings.length >= 2 && parent && !ownList) return [parent, ...picked.filter((o) => !siblings.includes(o))];
  }
  return picked;
}

/**
 * The candidates that are the articles or clauses the question names ("Điều 11 quy định gì"), the named one
 * itself before its parts, in the best-ranked document that has them: a question that names its section is
 * answered from it, not from near ties elsewhere.
 */
function namedSections(ranked: RankedSection[], refs: string[]): RankedSection[] {
  if (refs.length === 0) return [];
  const anywhere = ranked.filter((r) => within(r.section.label, refs));
  // Every law has an Điều 11: the one of the best-ranked document.
  const inside = anywhere.filter((r) => r.document.id === anywhere[0]?.document.id);
  return [...inside.filter((r) => refs.includes(r.section.label)), ...inside.filter((r) => !refs.includes(r.section.label))];
}

/**
 * A question asking for an email, a phone number, a website or an amount is answered from a section that holds
 * one: when the section picked has none, the best-ranked section of the same document that has one takes its
 * place (in a large collection the body named in the question can outrank the line that gives its address).
 * An amount is looked for among the sections that score close enough, in any document: a law leaves it to the
 * decree ("mức hỗ trợ do Chính phủ quy định"), and a law's other articles hold amounts of other things.
 */
function holdingValue(picked: RankedSection, ranked: RankedSection[], values: ValueKind[], rules: SelectionRules): RankedSection {
  const holds = (r: RankedSection) => values.some((kind) => holdsValue(`${r.section.heading}\n${r.section.body}`, kind));
  if (values.length === 0 || holds(picked)) return picked;
  if (values.includes('amount')) {
    // A point's fine stands in the clause that lists it ("3. Phạt tiền từ 5.000.000 đồng … sau đây:").
    const stated = (r: RankedSection) => holds(r) || (r.place?.ancestors ?? []).some((a) => holdsValue(a.heading, 'amount'));
    if (stated(picked)) return picked;
    return ranked.find((r) => r.score >= picked.score * rules.valueElsewhere && stated(r)) ?? picked;
  }
  return ranked.find((r) => r.document.id === picked.document.id && holds(r)) ?? picked;
}

/** "gồm những nhóm việc lớn nào", "những phần lớn", "bố cục": the document's main groups, not one of them. */
const MAIN_PARTS_ASKED = /\b(?:(?:nhom|mang|khoi) (?:\w+ ){0,2}lon|(?:phan|muc|nhom) chinh|bo cuc|gom may phan)\b/;

/**
 * The part of the best-ranked document that holds the most groups: its body ("II. Nội dung thực hiện" with five
 * numbered groups), rather than the opening or one group that a question naming the document scores high.
 */
function mainPart(ranked: RankedSection[], top: RankedSection): RankedSection | null {
  const parts = ranked.filter(
    (r) => r.document.id === top.document.id && r.section.label !== '' && !r.section.label.includes('.') && (r.place?.children.length ?? 0) >= 2,
  );
  return parts.sort((a, b) => (b.place?.children.length ?? 0) - (a.place?.children.length ?? 0) || b.score - a.score)[0] ?? null;
}

/**
 * "giao cho những cơ quan, đơn vị nào", "phân công cho những ai", "các đầu mối": the bodies assigned are asked
 * (not "chỉ đạo của những cơ quan nào": whose direction).
 */
const BODY = '(?:co quan|don vi|to chuc|ban nganh|nganh|dau moi|luc luong)';
const BODIES_ASKED = new RegExp(`(?<!\\bcua )\\b(?:nhung|cac) ${BODY}(?:(?:,| va| hoac) ${BODY})*(?: \\w+){0,2} nao\\b|\\bnhung ai\\b|\\bcac dau moi\\b`);

/**
 * The part whose entries are bodies ("IV. TỔ CHỨC THỰC HIỆN" › "1. Ban Tổ chức", "2. Ban Tuyên giáo", …) in the
 * best-ranked document: the list of who is assigned, when the question asks which bodies, names none, and asks
 * about no other role than who does what.
 */
function bodiesPart(ranked: RankedSection[], top: RankedSection, intent: ResolvedIntent): RankedSection | null {
  // "yêu cầu … bám sát chỉ đạo của những cơ quan nào" asks about another part: only who-does-what roles qualify.
  if (intent.bodies.length > 0 || !intent.facets.every((f) => DUTY_FACETS.includes(f)) || !BODIES_ASKED.test(intent.folded)) return null;
  return ranked.find((r) => r.document.id === top.document.id && new Set(r.place?.childBodies ?? []).size >= 2) ?? null;
}

/** Most rows of one table cited for the body that leads them (each row is one line). */
const MAX_ROWS = 12;

/**
 * "Ban Tổ chức chủ trì những việc nào" asked of a plan whose Phụ lục table assigns tasks: the rows whose lead
 * column names that body, when the table or one of its rows ranks first, rather than the whole table or one row.
 */
function leadRows(ranked: RankedSection[], top: RankedSection, intent: ResolvedIntent): RankedSection[] {
  const table = APPENDIX.test(top.section.label) ? top.section.label : (top.section.parentLabel ?? '');
  if (intent.bodies.length === 0 || !APPENDIX.test(table)) return [];
  const rows = ranked.filter((r) => r.document.id === top.document.id && r.section.label.startsWith(`${table}.`) && r.features.bodyMatch > 0);
  return rows.slice(0, MAX_ROWS).sort((a, b) => a.section.order - b.section.order);
}

/** A heading naming the grounds a document is built on ("Căn cứ xây dựng Đề án", "Cơ sở pháp lý"). */
const BASIS_HEADING = /^(?:(?:cac |nhung )?can cu|co so (?:chinh tri|phap ly|xay dung))\b/;

/**
 * A body's entry in the implementation part that plays none of the roles asked ("IV. TỔ CHỨC THỰC HIỆN" › "2. Ủy
 * ban nhân dân thành phố" for "kênh nào").
 */
function strayEntry(r: RankedSection): boolean {
  return (r.place?.bodyEntry ?? false) && r.features.facetMissing === 1;
}

/**
 * A list question for a role of the plan that names no body ("dùng những cách thức, kênh nào để tuyên truyền") is not
 * answered by a body's entry that its words rank first: the best part of the same document playing the role goes
 * first, and such entries drop out.
 */
function withoutStrayEntries(ranked: RankedSection[], intent: ResolvedIntent, issuerBodies: IssuerBodies): RankedSection[] {
  const top = ranked[0];
  if (!top || intent.asksDuty || intent.facets.length === 0 || !strayEntry(top)) return ranked;
  // "mttq tra vinh 2022 tt thuong xuyen may nd" names the plan by its issuer: no body's entry is asked.
  const issuer = issuerBodies(top.document);
  if (intent.bodies.some((b) => !issuer.includes(b))) return ranked;
  // The part playing most of the roles asked; one playing a role the question sets aside ("ngoài nội dung trọng
  // tâm ra") is not the one asked.
  const plays = (r: RankedSection) => r.document.id === top.document.id && (r.features.facetOwn > 0 || r.features.facetInherited > 0);
  const candidates = ranked.filter((r) => plays(r) && !r.features.facetExcluded);
  const most = Math.max(0, ...candidates.map((r) => r.features.facetOwn));
  const part = candidates.find((r) => r.features.facetOwn === most) ?? ranked.find(plays);
  return part ? [part, ...ranked.filter((r) => r !== part && !strayEntry(r))] : ranked;
}

/**
 * A body's entry playing none of the roles asked is no near tie beside the part that plays it, when the question
 * names no body but the plan's issuer ("kế hoạch của MTTQ tỉnh Trà Vinh, phần tuyên truyền thường xuyên có những ý
 * nào": the Mặt trận's own entry in "Tổ chức thực hiện" is not asked).
 */
function strayTie(r: RankedSection, intent: ResolvedIntent, issuerBodies: IssuerBodies): boolean {
  if (!strayEntry(r) || intent.asksDuty || intent.facets.length === 0) return false;
  const issuer = issuerBodies(r.document);
  return intent.bodies.every((b) => issuer.includes(b));
}

/** The bodies a document's issuer names ("Ban Thường trực Ủy ban MTTQ tỉnh Trà Vinh" → the Mặt trận). */
export type IssuerBodies = (document: RankedSection['document']) => string[];

/** `Chương II`, `Chương II.Mục 1`: groupings above articles, in the outline but never cited (BRIEF: the articles are). */
const GROUPING = /^(?:Chương|Mục) /u;

/** The candidates a citation may name: every one but the groupings, unless nothing else was found. */
function citable(ranked: RankedSection[]): RankedSection[] {
  const kept = ranked.filter((r) => !GROUPING.test(r.section.label));
  return kept.length > 0 ? kept : ranked;
}

/** Picks the sections to quote, best first. `ranked` must be sorted by score. */
export function selectSections(
  all: RankedSection[],
  intent: ResolvedIntent,
  rules: SelectionRules = DEFAULT_RANKING_MODEL.selection,
  issuerBodies: IssuerBodies = () => [],
): RankedSection[] {
  const cited = citable(all);
  const ranked = intent.shape === 'list' ? withoutStrayEntries(cited, intent, issuerBodies) : cited;
  const top = ranked[0];
  if (!top) return [];
  switch (intent.shape) {
    case 'mentions':
      return mentions(ranked, intent, rules);
    case 'comparison':
      return perYear(ranked, intent, rules);
    case 'basis':
      // An Đề án sets out its grounds in a part of its own ("2. Căn cứ chính trị của Đề án"); a plan, in its opening.
      return [ranked.find((r) => r.document.id === top.document.id && BASIS_HEADING.test(foldedView(r.section.heading))) ?? ranked.find((r) => r.section.label === '') ?? top];
    case 'issuer':
      return [ranked.find((r) => r.section.label === '') ?? top];
    default: {
      const named = namedSections(ranked, intent.sectionRefs);
      if (named.length > 0) return withoutRelated(named, rules.maxCited);
      const main = intent.shape === 'list' && MAIN_PARTS_ASKED.test(intent.folded) ? mainPart(ranked, top) : null;
      if (main) return [main];
      const assigned = intent.shape === 'list' ? bodiesPart(ranked, top, intent) : null;
      if (assigned) return [assigned];
      const rows = intent.shape === 'list' ? leadRows(ranked, top, intent) : [];
      if (rows.length > 0) return rows;
      // The opening names the document: a question naming it scores the opening close to whatever it asks, and
      // beside another section the opening adds the document's name, not an answer, unless the question asks about
      // the document itself (its number, date, issuer, scope), which the opening tells.
      const openingAsked = asksAboutDocument(intent.folded);
      const near = ranked.filter(
        (r) =>
          (r === top || r.section.label !== '' || openingAsked) &&
          (r === top || !strayTie(r, intent, issuerBodies)) &&
          // A part the asker set aside ("ngoài nội dung trọng tâm ra") is no near tie of the answer.
          (r === top || !r.features.facetExcluded) &&
          r.score >= top.score * rules.tieRatio &&
          r.coverage >= top.coverage * rules.tieCoverageRatio,
      );
      const picked = withoutRelated(near, rules.maxCited).map((p) => mostSpecific(p, ranked));
      if (intent.shape === 'factoid') return withoutRelated(picked.map((p) => holdingValue(narrowest(p, ranked, rules), ranked, intent.values, rules)), rules.maxCited);
      if (intent.shape !== 'list') return picked;
      const lists = siblingsAsList(picked.map((p) => listClause(wholeList(p, ranked, intent), ranked)), ranked, intent);
      return withoutRelated(lists.map((p) => yearSibling(yearPart(p, ranked, intent.mentionedYears), ranked, intent)), rules.maxCited);
    }
  }
}
