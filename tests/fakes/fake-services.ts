/**
 * Deterministic in-memory fakes of the application services (src/core/services.ts), for channel tests.
 * They implement the same interfaces the real engine, library and activity log implement.
 */
import type { Activity, AnswerEngine, Feedback, Library, UsageStats } from '../../src/core/services.ts';
import type { Answer, Citation, Question, StoredDocument, StoredSection, TalkingPoints } from '../../src/core/types.ts';

export const FAKE_DOC: StoredDocument = {
  id: 'doc-1',
  source: '2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt',
  contentHash: 'hash-1',
  type: 'Kế hoạch',
  number: null,
  title: 'thông tin, tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2023',
  issuer: 'Ban Thường vụ Huyện ủy',
  signer: 'Nguyễn Đình Thuận',
  signerRole: 'T/M BAN THƯỜNG VỤ – PHÓ BÍ THƯ',
  place: null,
  issuedOn: null,
  year: 2023,
  yearSource: 'title',
  status: 'active',
  version: 1,
  replacedBy: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  sectionCount: 3,
  chunkCount: 3,
  warnings: [],
};

export const FAKE_SECTIONS: StoredSection[] = [
  section('', '', 0, 'Thực hiện Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của Ban Tổ chức Trung ương…'),
  section('II', 'NỘI DUNG TUYÊN TRUYỀN', 1, ''),
  section('II.1', 'Nội dung tuyên truyền trọng tâm', 2, '- Những kết quả bước đầu <tạo> chuyển biến & mạnh mẽ.\n\n- Phản ánh những kết quả nổi bật.'),
];

function section(label: string, heading: string, level: number, body: string): StoredSection {
  return {
    id: `sec-${label || 'open'}`,
    documentId: FAKE_DOC.id,
    label,
    heading,
    headingLine: heading ? `${label.split('.').pop()}. ${heading}` : '',
    level,
    order: level,
    parentLabel: label.includes('.') ? label.split('.').slice(0, -1).join('.') : label ? '' : null,
    body,
    fullText: body,
  };
}

export function fakeCitation(overrides: Partial<Citation> = {}): Citation {
  return {
    source: FAKE_DOC.source,
    section: 'II.1',
    heading: 'Nội dung tuyên truyền trọng tâm',
    title: FAKE_DOC.title,
    number: null,
    year: 2023,
    type: 'Kế hoạch',
    issuer: FAKE_DOC.issuer,
    issuedOn: null,
    documentId: FAKE_DOC.id,
    quote: '- Những kết quả bước đầu <tạo> chuyển biến & mạnh mẽ.',
    ...overrides,
  };
}

/** An answer as the engine would return it; `quoteRepeat` makes the quote long to test splitting. */
export function fakeAnswer(overrides: Partial<Answer> = {}, quoteRepeat = 1): Answer {
  const citation = fakeCitation({ quote: Array(quoteRepeat).fill(fakeCitation().quote).join('\n\n') });
  return {
    outcome: 'answered',
    text: `${citation.quote}\n\n(Nguồn: Kế hoạch năm 2023, mục II.1)`,
    intro: 'Theo Kế hoạch năm 2023 của Ban Thường vụ Huyện ủy:',
    citations: [citation],
    notice: null,
    mode: 'extractive',
    debug: { topScore: 12.5, retrieved: [{ source: citation.source, section: 'II.1', score: 12.5 }] },
    latencyMs: 5,
    ...overrides,
  };
}

export function fakeRefusal(): Answer {
  return fakeAnswer({
    outcome: 'refused',
    text: 'Nội dung này không có trong văn bản.',
    intro: 'Nội dung này không có trong văn bản.',
    citations: [],
  });
}

/** Engine whose answers are decided by `respond`; records every question it was asked. */
export function createFakeEngine(respond: (q: Question) => Answer = () => fakeAnswer()) {
  const asked: Question[] = [];
  const engine: AnswerEngine & { asked: Question[] } = {
    asked,
    async ask(q) {
      asked.push(q);
      return respond(q);
    },
    async explain(question) {
      return { understood: question, shape: 'factoid', facets: [], bodies: [], unknownShare: 0, refusal: null, answerable: 1, candidates: [] };
    },
    async talkingPoints(topic): Promise<TalkingPoints> {
      const points = [
        { title: 'Kết quả xây dựng Đảng', citations: [fakeCitation()] },
        { title: 'Bảo vệ nền tảng tư tưởng', citations: [fakeCitation({ section: 'II.2' })] },
        { title: 'Phát huy vai trò Mặt trận', citations: [fakeCitation({ section: 'IV.4' })] },
      ];
      const first = points[0]!.citations[0]!;
      return { topic, refused: false, notice: null, points, groups: [{ documentId: first.documentId, year: first.year, points }], documentCount: 1 };
    },
  };
  return engine;
}

export function createFakeLibrary(): Library {
  return {
    async listDocuments() {
      return [FAKE_DOC];
    },
    async findDocument(ref) {
      return ref.trim() === '' ? null : FAKE_DOC;
    },
    async outline() {
      return FAKE_SECTIONS;
    },
    async section(_documentId, label) {
      return FAKE_SECTIONS.find((s) => s.label === label) ?? null;
    },
    async year(year) {
      return { documents: year === 2023 ? [FAKE_DOC] : [], years: [2023] };
    },
  };
}

/** Activity log in memory, with the same semantics as the database one. */
export function createFakeActivity() {
  const counters = new Map<string, number>();
  const seen = new Set<string>();
  const feedback: Feedback[] = [];
  const questions: Array<{ q: Question; a: Answer }> = [];
  const audit: Array<{ action: string; userId: string; detail: Record<string, unknown> }> = [];
  const activity: Activity & { feedback: Feedback[]; questions: typeof questions; audit: typeof audit } = {
    feedback,
    questions,
    audit,
    async recordQuestion(q, a) {
      questions.push({ q, a });
    },
    async recordFeedback(f) {
      feedback.push(f);
    },
    async recordAdminAction(actor, action, detail) {
      audit.push({ action, userId: actor.userId, detail });
    },
    async allowRequest(key, limit) {
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return n <= limit;
    },
    async firstSeen(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
    async stats(): Promise<UsageStats> {
      return {
        questions: questions.length,
        refusals: questions.filter((x) => x.a.outcome !== 'answered').length,
        byChannel: {},
        feedback: { up: feedback.filter((f) => f.helpful).length, down: feedback.filter((f) => !f.helpful).length, reasons: {} },
        unanswered: [],
        daily: [],
      };
    },
  };
  return activity;
}
