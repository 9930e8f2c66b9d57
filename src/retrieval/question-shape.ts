/**
 * What kind of answer a question asks for (its shape: a list, one fact, where a document is cited, what a plan is
 * based on, who issued it, a comparison of years, whether it is in force), read from meaning cues of the folded
 * question, and the articles and clauses it names.
 */
import { numberStart } from '../text/number-key.ts';
import { exactView, foldedView } from '../text/normalize.ts';

export type QuestionShape = 'mentions' | 'basis' | 'issuer' | 'comparison' | 'list' | 'factoid' | 'in_force' | 'catalog';

const MENTION_CUES = ['nhac den', 'nhac toi', 'duoc nhac', 'nhac o', 'nhac trong', 'de cap', 'trich dan', 'dan chieu', 'vien dan', 'duoc dan', 'dan trong', 'dan o'];
/** The question asks for places ("ở đâu", "những văn bản nào"), not for what a text says. */
const WHERE_CUES = /\b(o dau|cho nao|nhung van ban nao|van ban nao|muc nao|nhung muc nao|nhung noi nao)\b/;
const BASIS_CUES = [
  'can cu',
  'thuc hien van ban nao',
  'thuc hien nhung van ban',
  'dua tren',
  'dua vao van ban',
  'dua vao nhung van ban',
  'dua vao dau',
  'trien khai van ban nao',
  'tren co so nao',
  'de thuc hien van ban',
  'de thuc hien nghi quyet nao',
  'de thuc hien chi thi nao',
  'de thuc hien ke hoach nao',
  'de thuc hien huong dan nao',
];
/**
 * The superior texts a document carries out, asked in other words: "thực hiện theo hướng dẫn nào", "ban hành trên
 * cơ sở những văn bản nào", "lập theo yêu cầu của văn bản nào", "văn bản nào của cấp trên", "làm theo kế hoạch
 * số mấy của tỉnh ủy", and what a report reviews ("sơ kết nghị quyết nào"). Not "theo quy định nào": a law's
 * reader asks for the rule.
 */
const BASIS_PATTERN =
  /\b(?:theo|tren co so|cu the hoa|dua tren|dua vao|theo (?:yeu cau|chi dao|de nghi) cua)(?: (?:nhung|cac))? (?:van ban|huong dan|nghi quyet|chi thi|ket luan|ke hoach|quyet dinh|cong van|chu truong|de an|chuong trinh) nao\b|\b(?:van ban|chu truong|chi dao)(?: nao)? cua cap tren\b|\b(?:so ket|tong ket)(?: \S+){0,4}? (?:nghi quyet|chi thi|ket luan|de an|chuong trinh) nao\b|\b(?:lam theo|thuc hien|trien khai|cu the hoa)(?: theo)? (?:van ban|huong dan|nghi quyet|chi thi|ket luan|ke hoach|quyet dinh|cong van|de an|chuong trinh) so (?:may|nao|bao nhieu)\b/;
/** When a named document was issued or adopted ("ban hành ngày nào", "thông qua tại hội nghị nào"). */
const ISSUED_WHEN_CUES = /\b(?:ban hanh (?:ngay|khi|vao|nam|thang|luc)|ngay ban hanh|ky ngay nao|ky khi nao|thong qua (?:tai|o|ngay|khi|vao)|tai hoi nghi nao|hoi nghi (?:lan thu )?(?:nao|may))\b/;
/** Who issued or signed a document: answered from its opening and its metadata. */
const ISSUER_CUES = /\b(?:(?:do |la )?ai (?:ban hanh|ky)|(?:co quan|don vi|cap uy|cap|to chuc|chu the) nao (?:da )?(?:ban hanh|ky|phat hanh)|nguoi ky|ky ban hanh)\b/;
/** "ai ký", "người ký", "ký với chức danh gì", "ký thay mặt hay thừa lệnh": the signature is asked. */
const SIGNER = /\b(?:ai ky|nguoi ky|ky ten|ky voi chuc|chuc danh (?:gi|nao) ky|ky thay mat|thua lenh)\b/;
/**
 * "được gửi tới những nơi nào", "gửi cho những cơ quan nào", "nơi nhận": the recipients of the document are asked,
 * which its closing block lists. Not "báo cáo … gửi về đâu": where a report goes is a duty the plan sets.
 */
const RECIPIENTS = /\b(?:noi nhan|duoc gui (?:toi|den|cho) (?:nhung |cac )?(?:noi|dau|co quan|don vi)|gui (?:toi |den |cho |di )?(?:nhung|cac) (?:noi|co quan|don vi) nao)\b/;

/** Whether a question (folded) asks for what a document's closing block says: who signed it, whom it was sent to. */
export function asksClosing(folded: string): boolean {
  return SIGNER.test(folded) || RECIPIENTS.test(folded);
}

/** The words that ask it ("gui", "toi", "noi"): they say what is asked of a document, not that it is off the subject. */
export function closingCueWords(folded: string): string[] {
  return [SIGNER, RECIPIENTS].flatMap((cue) => cue.exec(folded)?.[0].split(' ') ?? []);
}

/** The document's own particulars asked without its number ("số hiệu, ngày ký và cơ quan ban hành?"). */
const PARTICULARS_CUES = /\b(?:co quan ban hanh|ngay ky|so hieu)\b/;
/** "X còn hiệu lực không?", "X có còn hiệu lực?", "X hết hiệu lực chưa?", "X còn áp dụng không?" (src/answer/in-force.ts). */
const IN_FORCE_CUES = /\b(?:con|het|co) hieu luc\b|\bhieu luc (?:cua|khong|chua)\b|\bcon (?:duoc )?ap dung\b/;
/**
 * "Khi luật … có hiệu lực, mỗi gia đình phải làm gì", "từ trước khi luật mới có hiệu lực thì hạn chót … là khi nào",
 * "lúc đó thông tư chưa có hiệu lực thì khai theo mẫu nào": a clause of time or condition before the question, which
 * asks something else than whether or when a text is in force. Read in folded or accented text.
 */
const WHEN_IN_FORCE = /(?<!\p{L})(?:khi|lúc|luc|nếu|neu) [^,.?!;]*?(?:có|co) (?:hiệu|hieu) (?:lực|luc)\s*(?:,|(?:thì|thi)(?!\p{L}))/giu;

/** The question without such a clause of time. */
export function withoutForceClause(text: string): string {
  return text.replace(WHEN_IN_FORCE, ' ');
}

/** The clauses themselves ("khi luật mới có hiệu lực thì"), joined, or '' when the question has none. */
export function forceClauses(text: string): string {
  return [...text.matchAll(WHEN_IN_FORCE)].map((m) => m[0]).join(' ');
}

/** The words saying when, folded ("co hieu luc"), when the question opens with such a clause: they search for nothing asked. */
export function forceClauseWords(text: string): string | null {
  WHEN_IN_FORCE.lastIndex = 0;
  const found = WHEN_IN_FORCE.test(text);
  WHEN_IN_FORCE.lastIndex = 0;
  return found ? 'co hieu luc' : null;
}

/** A question of yes or no ("có bị cấm không?"): one rule is asked about, not a list. */
export const YES_NO = /\b(?:co|duoc|phai|bi|can)\b[^.?!]*\b(?:khong|ko)\s*(?:[?.!]|$)/;

/** "X đã bị thay thế chưa?", "văn bản nào bãi bỏ X?": the same, when the question names X by number. */
const REPLACED_CUES = /\b(?:thay the|bai bo)\b/;
const COMPARE_CUES = ['khac gi', 'khac nhau', 'so sanh', 'khac biet', 'thay doi gi', 'thay doi the nao', 'thay doi nhu the nao', 'thay doi ra sao', 'giong nhau', 'giong va khac', 'diem moi', 'co gi moi', 'khac voi', 'khac so voi'];
/**
 * "những nội dung nào", "các cơ quan nào", "gồm", "liệt kê": the answer is a whole list. So are talking points
 * ("các ý chính", "dàn ý", "đề cương", "luận điểm"): every point of the part they are drawn from. So are the cases
 * ("trường hợp nào thì bị thu hồi": every case of the list).
 */
const LIST_CUES = /\b(?:chia (?:\w+ ){0,4}(?:thanh|lam|ra)|gom|bao gom|liet ke|y chinh|dan y|de cuong|luan diem|nhung gi|truong hop nao|nhung (?:\w+,? ){1,8}(?:nao|gi)|cac (?:\w+,? ){1,4}(?:nao|gi)|co may|may (?:noi dung|nhiem vu|hinh thuc|nhom|muc|diem|yeu cau))\b/;
/** Questions for one fact: a number, a date, a name ("cơ quan nào lo kinh phí": one body; "các cơ quan nào": a list). */
const FACT_CUES = /(?<!\b(?:nhung|cac) )\b(?:co quan|don vi|ban nganh) nao\b|\b(?:bao nhieu|khi nao|ngay nao|thang nao|nam nao|bao gio|luc nao|thoi han|han chot|so may|so hieu|ai ky|do ai|la ai|o dau|bao lau|may lan|ty le)\b/;
/** Roles whose parts are lists: asking what they are ("mục đích là gì", "hình thức gì") asks for the list. */
const LIST_FACETS = ['purpose', 'requirement', 'content', 'focus', 'regular', 'form', 'task', 'implementation', 'target', 'shortcoming', 'situation', 'viewpoint', 'slogan', 'lessons', 'prohibition', 'condition', 'dossier'];

/** The shape, and what it is instead when the number it names is a document of the collection. */
export function detectShape(folded: string, years: number[], numberKeys: string[], facets: string[]): { shape: QuestionShape; ifNamedInStore: QuestionShape | null } {
  // Whole words: "căn cước" (can cuoc) holds no "căn cứ" (can cu).
  const has = (cues: string[]) => cues.some((c) => ` ${folded.replace(/[^a-z0-9]+/g, ' ')} `.includes(` ${c} `));
  const asksList = LIST_CUES.test(folded) || (facets.some((f) => LIST_FACETS.includes(f)) && !FACT_CUES.test(folded));
  const plain = asksList ? 'list' : 'factoid';
  // Two years joined by "và" compare them, unless the question asks what one plan says about later years.
  const forceAsked = IN_FORCE_CUES.test(withoutForceClause(folded));
  if (forceAsked || (numberKeys.length > 0 && REPLACED_CUES.test(folded))) return { shape: 'in_force', ifNamedInStore: null };
  if (numberKeys.length === 0 && asksCatalog(folded)) return { shape: 'catalog', ifNamedInStore: null };
  const twoYears = years.length > 1 && /\b(va|voi|sang)\b/.test(folded) && !/\b(tiep theo|tro di|nam sau|nam tiep)\b/.test(folded);
  if (has(COMPARE_CUES) || twoYears) return { shape: 'comparison', ifNamedInStore: null };
  if (ISSUER_CUES.test(folded) || RECIPIENTS.test(folded)) return { shape: 'issuer', ifNamedInStore: null };
  // "phối hợp dựa trên những nguyên tắc gì" asks for a part (the principles), not for the texts the document rests on.
  const asksPart = facets.length > 0 && !/\b(?:can cu|van ban)\b/.test(folded);
  if ((has(BASIS_CUES) && !asksPart) || BASIS_PATTERN.test(folded)) return { shape: 'basis', ifNamedInStore: null };
  // "where is X cited" needs an X: a number, or a question for places ("ở đâu", "những văn bản nào").
  if (has(MENTION_CUES) && (numberKeys.length > 0 || WHERE_CUES.test(folded)) && !mentionsSomethingElse(folded)) {
    return { shape: 'mentions', ifNamedInStore: null };
  }
  // When it was issued or adopted ("ban hành ngày nào"): the citing documents give it for a document the collection
  // only cites; the opening part (place and date, the conference that adopted it) for one it holds.
  if (numberKeys.length > 0 && ISSUED_WHEN_CUES.test(folded)) return { shape: 'mentions', ifNamedInStore: 'issuer' };
  // Not for a list: "kể đủ số hiệu và ngày ban hành" of the rules a guide cites asks for those rules.
  if (!asksList && (PARTICULARS_CUES.test(folded) || ISSUED_WHEN_CUES.test(folded))) return { shape: 'issuer', ifNamedInStore: null };
  // "Quy định 85-QĐ/TW nói về việc gì?" about a directive the collection only cites: show where it is cited. If the
  // collection holds that directive itself, the question is about its content. A deadline ("hạn ngày nào", "trước
  // ngày nào") is the plan's, not the named document's date.
  if (
    numberKeys.length > 0 &&
    numberIsSubject(folded) &&
    /\b(noi ve|la ve|ve viec gi|quy dinh gi|noi gi|la gi|(?<!\b(?:han|truoc|cham nhat|xong) )ngay nao|giai doan nao)\b/.test(folded)
  ) {
    return { shape: 'mentions', ifNamedInStore: plain };
  }
  return { shape: plain, ifNamedInStore: null };
}

/** "Kho có những văn bản nào?", "trong kho có bao nhiêu văn bản năm 2022", "liệt kê các văn bản": the collection is asked. */
const CATALOG_CUES =
  /\b(?:(?:trong )?kho(?: du lieu| van ban| tai lieu)?(?: (?:hien|dang|da|hien dang))? (?:co|gom|luu)|trong kho|(?:liet ke|danh sach|ke ten)(?: (?:cac|nhung|tat ca|toan bo))? (?:van ban|tai lieu)|(?:co|gom|luu) (?:tat ca |tong cong |tong so )?(?:bao nhieu|may|bn) (?:van ban|tai lieu))\b/;
/**
 * What a question for the collection may say besides its cue: which documents (year, kind), what to tell of each
 * (kind, issuer, year, date), and chat filler. Any other word is a subject ("văn bản nào về chuyển đổi số"), which
 * the sections answer, not the list of documents.
 */
const CATALOG_WORDS = new Set(
  ('kho du lieu van ban tai hien dang da co gom luu trong liet ke danh sach ten cac nhung tat ca toan bo tong cong so ' +
    'bao nhieu may bn nao gi la nam thang ngay loai co quan don vi ban hanh cua tung moi va voi hoi cho biet xin em toi minh ' +
    'a ad admin bot oi vay the nhi ko khong k nay hieu ky ki nguoi hay duoc do ' +
    'ke hoach huong dan nghi quyet chi thi quy dinh thong bao ket luan quyet dinh cong van chuong trinh bao cao de an ' +
    'luat nghi dinh thong tu quy che').split(' '),
);

/** The question asks which documents the collection holds, about no subject of theirs. */
export function asksCatalog(folded: string): boolean {
  if (!CATALOG_CUES.test(folded)) return false;
  const rest = folded.split(/[^a-z0-9]+/).filter((w) => w !== '' && !/^\d+$/.test(w) && !CATALOG_WORDS.has(w));
  return rest.length <= 1 || catalogTopic(folded) !== null;
}

/** The words of "về …" in a question for the collection's documents on a subject (at most this many). */
const MAX_TOPIC_WORDS = 6;

/**
 * The subject of a question for the collection's documents, folded ("trong kho có những kế hoạch nào về tuyên
 * truyền, của cơ quan nào ban hành" → tuyen truyen): every word besides the catalog's own follows "về" in one
 * phrase. Null when the question is no such question, or says more than a subject.
 */
export function catalogTopic(folded: string): string[] | null {
  if (!CATALOG_CUES.test(folded)) return null;
  const phrases = folded.split(/[,;.?!:()]+/);
  const topic: string[] = [];
  for (const phrase of phrases) {
    const words = phrase.split(/[^a-z0-9]+/).filter((w) => w !== '' && !/^\d+$/.test(w));
    const at = words.indexOf('ve');
    const outside = words.filter((w, i) => (at < 0 || i < at) && !CATALOG_WORDS.has(w));
    if (outside.length > 0) return null;
    if (at >= 0) topic.push(...words.slice(at + 1).filter((w) => !CATALOG_WORDS.has(w)));
  }
  return topic.length > 0 && topic.length <= MAX_TOPIC_WORDS ? topic : null;
}

/** Words before a number that leave it the question's subject: asking, and what a document has. */
const SUBJECT_LEAD = new Set(
  ('cho hoi xin em toi minh anh chi ban oi a ad admin vay the thi theo biet cua la ve nay do ' +
    'noi dung chinh muc dich yeu cau y nghia tinh than toan van van ban so hieu ten goi').split(' '),
);

/**
 * The number is what the question is about ("Quy định 85-QĐ/TW nói về việc gì?", "nội dung chính của Chỉ thị 05
 * là gì?"), not a word of a longer subject ("nguyên nhân của hạn chế khi thực hiện Chỉ thị 12 là gì?": the
 * shortcomings are asked, and a report on carrying out the directive has them).
 */
function numberIsSubject(folded: string): boolean {
  const at = numberStart(folded);
  if (at < 0) return false;
  const before = folded.slice(0, at).split(/[^a-z0-9]+/).filter((w) => w !== '' && !SUBJECT_LEAD.has(w));
  return before.length < 3;
}

/** Words after "nhắc đến" that do not name what is mentioned. */
const AFTER_CUE_FILLER = new Set('den toi trong o tai nhung cac nao gi khong ko k chua van ban vb muc dieu cho a nhi vay the'.split(' '));

/**
 * "Kế hoạch 12 nhắc tới những fanpage nào?": the document named before the cue is where to look, and what it
 * mentions comes after the cue: a question about its content, not about where the number is cited.
 */
function mentionsSomethingElse(folded: string): boolean {
  if (WHERE_CUES.test(folded)) return false;
  const cue = MENTION_CUES.map((c) => ({ c, at: folded.indexOf(c) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0];
  const at = numberStart(folded);
  if (!cue || at < 0 || at > cue.at) return false;
  const after = folded.slice(cue.at + cue.c.length).split(/[^a-z0-9]+/).filter((w) => w !== '' && !AFTER_CUE_FILLER.has(w));
  return after.length > 0 && numberStart(folded.slice(cue.at)) < 0;
}

/** What an opening part holds: the document's number, date, issuer and signer ("số hiệu", "ban hành ngày nào"). */
const ABOUT_THE_DOCUMENT = /\b(?:so hieu|ky hieu|so may|so bao nhieu|ban hanh|ngay nao|ai ky|nguoi ky|do ai|co quan nao|ap dung cho|ap dung doi voi|pham vi)\b/;

/** The question asks about the document itself, which its opening part tells. */
export function asksAboutDocument(folded: string): boolean {
  return ABOUT_THE_DOCUMENT.test(folded) || ISSUED_WHEN_CUES.test(folded) || ISSUER_CUES.test(folded);
}

/**
 * The articles and clauses a question names, as labels: "Điều 11" → `Điều 11`, "khoản 2 Điều 5" and "Điều 5
 * khoản 2" → `Điều 5.2` (a point narrows no further: folded, "điểm đ" and "điểm d" are one letter).
 */
export function sectionRefs(folded: string): string[] {
  const refs = new Set<string>();
  for (const m of folded.matchAll(/\b(?:khoan (\d+)\s*,?\s*(?:cua\s+)?)?dieu (\d+)\b(?:\s*,?\s*khoan (\d+))?/g)) {
    const clause = m[1] ?? m[3];
    refs.add(clause ? `Điều ${m[2]}.${clause}` : `Điều ${m[2]}`);
  }
  // "Phụ lục 2", "phụ lục số 1": an appendix is cited by its number.
  for (const m of folded.matchAll(/\bphu luc (?:so )?(\d{1,2})\b/g)) refs.add(`Phụ lục ${m[1]}`);
  // "mục II", "mục III.2 của kế hoạch": a part cited by its Roman label ("mục tiêu", "mục đích" are words, not labels).
  for (const m of folded.matchAll(/\bmuc ((?:i{1,3}|iv|vi{0,3}|ix|x{1,2})(?:\.\d{1,2}){0,2})\b(?!\.?\p{L})/gu)) refs.add((m[1] as string).replace(/^[ivx]+/, (r) => r.toUpperCase()));
  return [...refs];
}

/** A kind of value a fact question asks for that a text either holds or lacks: an address, or a sum or a rate. */
export type ValueKind = 'email' | 'phone' | 'website' | 'amount';

const VALUE_CUES: Array<[ValueKind, RegExp]> = [
  ['email', /\b(?:e ?mail|thu dien tu|hop thu)\b/],
  ['phone', /\b(?:so dien thoai|dien thoai|sdt|hotline|duong day nong)\b/],
  ['website', /\b(?:website|web|trang thong tin dien tu|cong thong tin dien tu|dia chi trang)\b/],
  // "mức hỗ trợ … bao nhiêu", "bị phạt bao nhiêu tiền", "lệ phí là bao nhiêu", "được hỗ trợ mấy phần trăm".
  ['amount', /\b(?:(?:bao nhieu|may) (?:tien|dong|phan tram|trieu|nghin|ngan)|(?:muc|le phi|phi|tien|phat|ho tro|thu|chi|kinh phi)(?: \S+){0,8} (?:bao nhieu|la may)|ty le (?:\S+ ){0,4}bao nhieu)\b/],
];

/** The values a question asks for ("qua email nào", "số điện thoại đường dây nóng"). */
export function valuesAsked(folded: string): ValueKind[] {
  return VALUE_CUES.filter(([, cue]) => cue.test(folded)).map(([kind]) => kind);
}

const VALUE_PATTERNS: Record<ValueKind, RegExp> = {
  email: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u,
  // A Vietnamese number: 0 or +84, then nine or ten digits, spaced or dotted in groups.
  phone: /(?:\+84|\b0)(?:[ .-]?\d){8,10}\b/,
  website: /\b(?:https?:\/\/|www\.)\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:vn|com|org|net|gov)\b/u,
  // Allowances are written as multiples of the base salary ("0,2 mức lương cơ sở", "hệ số 0,3").
  amount: /\d[\d.,]*\s*(?:đồng|%|phần trăm|triệu|nghìn|ngàn|tỷ|m3|m³|lít|kg|người|hộ|lần|ngày|tháng|năm|giờ|mức lương)(?!\p{L})|hệ số\s*\d/u,
};

/** Whether a text holds a value of that kind. */
export function holdsValue(text: string, kind: ValueKind): boolean {
  return VALUE_PATTERNS[kind].test(text);
}

/**
 * An amount of money as documents write it ("3.000.000 đồng", "15 triệu", "2 tỷ đồng", "500.000đ", "0,3 mức lương cơ
 * sở"); narrower than `amount`.
 */
const MONEY = /\d[\d.,]*\s*(?:đồng|đ\b|triệu|tỷ|nghìn đồng|ngàn đồng|vnđ|mức lương)|hệ số\s*\d/iu;

/** Whether a text names an amount of money. */
export function namesMoney(text: string): boolean {
  return MONEY.test(text);
}

/**
 * "bao nhiêu tiền", "mấy triệu", "bn đồng", read with the accents the question has: "máy đóng cọc" is a machine,
 * and "mấy đồng chí" people. An unaccented word stands for any of its accented forms.
 */
const COUNTED_MONEY = /(?<![\p{L}])(?:bao nhiêu|bao nhieu|mấy|may|bn)\s+(?:tiền|tien|triệu|trieu|tỷ|tỉ|ty|đồng|dong)(?![\p{L}])(?!\s+(?:chí|chi)(?![\p{L}]))/u;

/**
 * The question asks an amount of money ("bao nhiêu tiền", "giá vé … bao nhiêu", "kinh phí … bao nhiêu"), read on
 * the question as typed or restored: "giá" and "lương" count only with their accents ("tham gia", "số lượng"),
 * "đồng" not before "chí". Narrower than the `amount` value, which also takes rates and counts.
 */
export function asksMoney(text: string): boolean {
  const folded = foldedView(text);
  const amount = String.raw`(?:\s+\S+){0,8}\s+(?:bao nhieu|bn)\b`;
  return (
    COUNTED_MONEY.test(exactView(text)) ||
    new RegExp(String.raw`\b(?:phu cap|thu lao|kinh phi|muc chi|muc ho tro)\b${amount}`).test(folded) ||
    (/(?:^|\s)(?:giá|lương)(?!\s+trị)\s/u.test(exactView(text)) && /\b(?:bao nhieu|bn)\b/.test(folded))
  );
}
