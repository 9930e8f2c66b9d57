/**
 * A model of what directives are made of (data/directive-model.json), shared by sections and questions:
 * the role a section plays (purpose, content, focus, form, tasks, implementation, schedule, reporting,
 * funding…) from its heading, the role a question asks for from its words ("trọng điểm" is a focus,
 * "cách thức" a form, "được giao gì" the implementation part), and the bodies plans assign tasks to, by the
 * names people use ("cơ quan tham mưu về tổ chức" is the Ban Tổ chức; "các đoàn thể" includes the Đoàn
 * Thanh niên). Everything is matched on whole words of the folded text.
 */
import { readFileSync } from 'node:fs';
import { exactView, foldedView } from '../text/normalize.ts';

export interface DirectiveModel {
  /** Roles named by a heading ("NỘI DUNG TUYÊN TRUYỀN TRỌNG TÂM" → content, focus). */
  facetsOfHeading(heading: string): string[];
  /** Roles a question asks for. */
  facetsOfQuestion(question: string): string[];
  /** Bodies named in a text, longest names first, each span once. */
  bodiesIn(text: string): string[];
  /**
   * Bodies a question asks about: those it names, less a body named only as the issuer of a document ("Kế hoạch năm
   * 2022 của Mặt trận Tổ quốc tỉnh …" names the plan, not the Mặt trận's entry in it).
   */
  bodiesAsked(question: string): string[];
  /** Whether a body is, or is included in, one of `named` ("các đoàn thể" includes the Đoàn Thanh niên). */
  matchesBody(body: string, named: string[]): boolean;
  /** Administrative levels a text names ("cấp xã", "huyện, thị xã, thành phố"); committee names do not count. */
  levelsIn(text: string): string[];
  /**
   * How documents write what a question says in everyday words ("không mất tiền" → "miễn phí", "đóng cửa một thời
   * gian" → "tạm ngừng hoạt động"): the written phrases of every asked phrase found, matched with accents.
   */
  writtenFor(question: string): string[];
  /**
   * The folded words of a question the model reads as one of `roles` ("các đầu mối" asks for the implementation
   * part, "dàn ý các luận điểm" for the content) or as a body ("Hội Phụ nữ" for a plan that writes "Hội LHPN"):
   * words it understands even when no document uses them.
   */
  cueWords(question: string, roles: readonly string[]): Set<string>;
}

/** Roles that ask what someone must do (what a body must report, and to whom, is one of its duties). */
export const DUTY_FACETS = ['implementation', 'task', 'reporting'];

/**
 * The roles of a plan's own parts, whose cue words ("các đầu mối", "dàn ý", "điểm nhấn") are directive vocabulary.
 * The cues of money, dates, rates, scope and rules ("bao nhiêu tiền", "bao lâu", "áp dụng cho", "cấm") are
 * everyday words that questions outside the subject use as much: they stay unknown when no document has them.
 */
export const PLAN_ROLES = ['purpose', 'requirement', 'content', 'focus', 'regular', 'form', 'task', 'implementation', 'viewpoint', 'slogan'];

interface ModelFile {
  facets: Record<string, { heading: string[]; question: string[] }>;
  levels: Record<string, string[]>;
  bodies: Record<string, { names: string[]; covers?: string[]; issuesDocuments?: boolean }>;
  phrasings?: Array<{ asked: string[]; written: string[] }>;
}

/** Folded words separated by single spaces, padded, so phrases match on whole words. */
function words(text: string): string {
  return ` ${foldedView(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** The same in the exact view (accents kept, one tone-mark placement). */
function exactWords(text: string): string {
  return ` ${exactView(text).replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim()} `;
}

function phrases(list: string[]): string[] {
  return list.map((p) => words(p)).sort((a, b) => b.length - a.length);
}

/**
 * Reads `w` (padded words) for `phrases` in their order (longest first), each span once: a phrase found is cut out
 * (replaced by a break) before shorter ones are looked for. Gives the ids found and what is left.
 */
function readSpans(w: string, phrases: Array<{ id: string; name: string }>, spans?: string[]): { found: string[]; rest: string } {
  let rest = w;
  const found: string[] = [];
  for (const { id, name } of phrases) {
    if (!rest.includes(name)) continue;
    if (!found.includes(id)) found.push(id);
    spans?.push(name);
    rest = rest.split(name).join(' | ');
  }
  return { found, rest };
}

/** The ids of the phrases found in `w` (see {@link readSpans}). */
function claimed(w: string, phrases: Array<{ id: string; name: string }>, spans?: string[]): string[] {
  return readSpans(w, phrases, spans).found;
}

/** `w` with every span of `phrases` replaced by a break. */
function cutOut(w: string, phrases: Array<{ id: string; name: string }>): string {
  return readSpans(w, phrases).rest;
}

/**
 * A document named by its type, then (within eight words) "của" or "do": the body right after it issued the document
 * ("kế hoạch tuyên truyền năm 2022 của …", "hướng dẫn do … ban hành"). Not across a duty ("quy định nào về trách
 * nhiệm của Ban Tuyên giáo" asks the Ban's duty).
 */
const ISSUED_BY =
  / (?:ke hoach|kh|huong dan|nghi quyet|nq|chi thi|de an|chuong trinh|ctr|thong bao|ket luan|quyet dinh|quy dinh|quy che|bao cao|cong van|thong tri|to trinh|de cuong|van ban)(?: (?!cua |do |nhiem vu|trach nhiem|vai tro|chuc nang|quyen han|nghia vu)[a-z0-9]+){0,8} (?:cua|do)(?= )/g;

/**
 * A report named as the document asked about ("báo cáo tổng kết của Tỉnh ủy …", "Báo cáo 245-BC/TU", "báo cáo này",
 * "báo cáo số 12"): the document, not its reporting part. "Chế độ báo cáo", "báo cáo 6 tháng" still ask for that part.
 */
const REPORT_NAMED = / (?:bao cao|bc)(?: (?:so|tong) ket)?(?= (?:cua|do|nay) | so \d| \d+ bc )/g;

const TITLE_WORD = /^ (?:uy|ban|thuong|truc|vu|trung|uong|dang|doan|tinh|huyen|xa|thanh|pho|cap|chap|hanh)(?= )/;

/** Builds the model from its data. */
export function createDirectiveModel(file: ModelFile): DirectiveModel {
  const facets = Object.entries(file.facets).map(([id, f]) => ({ id, heading: phrases(f.heading), question: phrases(f.question) }));
  const names = Object.entries(file.bodies)
    .flatMap(([id, b]) => b.names.map((n) => ({ id, name: words(n) })))
    .sort((a, b) => b.name.length - a.name.length);
  const levels = Object.entries(file.levels)
    .flatMap(([id, list]) => list.map((n) => ({ id, name: exactWords(n) })))
    .sort((a, b) => b.name.length - a.name.length);
  const issuers = names.filter(({ id }) => file.bodies[id]?.issuesDocuments !== false);
  const covers = new Map(Object.entries(file.bodies).map(([id, b]) => [id, new Set(b.covers ?? [])]));
  const phrasings = (file.phrasings ?? []).map((p) => ({ asked: p.asked.map((a) => exactWords(a)), written: p.written.map((x) => exactWords(x)) }));

  const facetsOfHeading = (heading: string) => {
    const w = cutOut(words(heading), names);
    return facets.filter((f) => f.heading.some((p) => w.includes(p))).map((f) => f.id);
  };
  // A question's cues, longest first, each span read once: "giao nhiệm vụ cho" asks who is assigned, and the
  // "nhiệm vụ" inside it is not a second question about tasks.
  const questionCues = facets
    .flatMap((f) => f.question.map((name) => ({ id: f.id, name })))
    .sort((a, b) => b.name.length - a.name.length);

  return {
    facetsOfHeading,
    facetsOfQuestion(question) {
      // A body's name is read before the cues: the "báo cáo" of "báo cáo viên" asks for no report.
      const found = claimed(cutOut(words(question).replace(REPORT_NAMED, ' |'), names), questionCues);
      return facets.map((f) => f.id).filter((id) => found.includes(id));
    },
    // Each span names one body: "Ban Thường trực Ủy ban Mặt trận" is the Mặt trận, not a "Thường trực".
    bodiesIn: (text) => claimed(words(text), names),
    bodiesAsked(question) {
      let w = words(question);
      for (const m of [...w.matchAll(ISSUED_BY)].reverse()) {
        // Words of a committee's title may come first ("của Ủy ban Trung ương Mặt trận Tổ quốc").
        let at = (m.index ?? 0) + m[0].length;
        for (let skipped = 0; skipped <= 6; skipped++) {
          const issuer = issuers.find((n) => w.startsWith(n.name, at));
          if (issuer) {
            w = `${w.slice(0, at)} |${w.slice(at + issuer.name.length - 1)}`;
            break;
          }
          const title = TITLE_WORD.exec(w.slice(at));
          if (!title) break;
          at += title[0].length;
        }
      }
      return claimed(w, names);
    },
    levelsIn(text) {
      // "Huyện ủy", "Tỉnh đoàn" name a committee, not the level its entry is about; "xã hội" is no commune.
      return claimed(exactWords(text).replace(/ (?:tỉnh|huyện|thành|quận|thị|xã|đảng) (?:uỷ|đoàn) | xã hội /gu, ' | '), levels);
    },
    writtenFor(question) {
      const w = exactWords(question);
      // A question that already says it the documents' way ("trên mạng xã hội") needs no paraphrase of it.
      // The longest asked phrase wins: "buộc đóng cửa" is a suspension, not the "đóng cửa" of a closure.
      const found = phrasings.flatMap((p) => p.asked.filter((a) => w.includes(a)));
      const longest = (a: string) => !found.some((other) => other !== a && other.length > a.length && other.includes(a));
      const fired = phrasings.filter((p) => p.asked.some((a) => w.includes(a) && longest(a)) && !p.written.some((x) => !p.asked.includes(x) && w.includes(x)));
      return [...new Set(fired.flatMap((p) => p.written.map((x) => x.trim())))];
    },
    cueWords(question, roles) {
      const w = words(question);
      const spans: string[] = [];
      claimed(w, questionCues.filter((c) => roles.includes(c.id)), spans);
      claimed(w, names, spans);
      return new Set(spans.flatMap((span) => span.trim().split(' ')));
    },
    matchesBody(body, named) {
      return named.some((n) => n === body || (covers.get(n)?.has(body) ?? false) || (covers.get(body)?.has(n) ?? false));
    },
  };
}

/** Reads the model from its JSON file (done once by the composition root). */
export function loadDirectiveModel(path: string): DirectiveModel {
  return createDirectiveModel(JSON.parse(readFileSync(path, 'utf8')) as ModelFile);
}
