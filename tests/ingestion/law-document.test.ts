/**
 * A law-shaped document made here (no real law is bundled): a state header, `LUẬT` and its name, chapters with
 * `Mục` groupings, 120 articles — with and without khoản, with điểm under khoản and right under the article,
 * titles with and without final punctuation, khoản citing "Điều 12 của Luật này", and an amending article whose
 * new text stands in quotes after "… như sau:". The generator records the labels it wrote; the parser must
 * find exactly those, every article must be a section, and no section may run into the next article.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../ingestion/parse-document.ts';

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const ARTICLES = 120;
const CHAPTERS = 6;

interface Generated {
  text: string;
  labels: string[];
  articleParents: Map<string, string>;
}

/** Article n: its lines and the labels they produce. The shape cycles so that every variant occurs often. */
function article(n: number, out: string[], labels: string[]): void {
  const label = `Điều ${n}`;
  const title = n % 4 === 0 ? `Điều ${n}. Quy định thứ ${n} về thử nghiệm.` : n % 7 === 0 ? `Điều ${n}: Quy định thứ ${n}` : `Điều ${n}. Quy định thứ ${n} về thử nghiệm`;
  out.push(title);
  labels.push(label);
  const shape = n % 5;
  if (n === ARTICLES - 1) return amending(n, out, labels);
  if (shape === 0) {
    out.push(`Nội dung của điều ${n} là một đoạn văn không có khoản, áp dụng trong phạm vi cả nước.`, '');
    return;
  }
  if (shape === 1) {
    out.push('Các hành vi sau đây bị nghiêm cấm:');
    for (const l of LETTERS.slice(0, 5)) {
      out.push(`${l}) Hành vi ${l} của điều ${n};`);
      labels.push(`${label}.${l}`);
    }
    out.push('');
    return;
  }
  const clauses = 2 + (n % 3);
  for (let k = 1; k <= clauses; k += 1) {
    if (k === 2 && shape === 2) {
      out.push(`${k}. Việc thực hiện theo quy định tại Điều 12 của Luật này và khoản 3 Điều 5 của Luật này.`);
      out.push('', 'Điều 12 của Luật này được áp dụng cho cả trường hợp quy định tại khoản này.');
    } else if (k === 2 && shape === 3) {
      out.push(`${k}. Người có thẩm quyền quyết định các nội dung sau đây:`);
      labels.push(`${label}.${k}`);
      for (const l of LETTERS.slice(0, 6)) {
        out.push(`${l}) Nội dung ${l} thuộc khoản ${k} điều ${n};`);
        labels.push(`${label}.${k}.${l}`);
      }
      continue;
    } else {
      out.push(`${k}. Khoản ${k} của điều ${n} quy định trách nhiệm của cơ quan, tổ chức, cá nhân có liên quan.`);
    }
    labels.push(`${label}.${k}`);
  }
  out.push('');
}

/** An amending article: its khoản introduce quoted text whose own `Điều` and `1.` lines are not this law's. */
function amending(n: number, out: string[], labels: string[]): void {
  out.push(
    '1. Sửa đổi, bổ sung Điều 5 như sau:',
    '“Điều 5. Giải thích từ ngữ',
    'Trong Luật này, các từ ngữ dưới đây được hiểu như sau:',
    '1. Thử nghiệm là việc làm thử.',
    '2. Cấu trúc là cách sắp xếp các bộ phận.”.',
    '2. Bổ sung khoản 3 vào Điều 7 như sau:',
    '“3. Chính phủ quy định chi tiết khoản này.”.',
    '',
  );
  labels.push(`Điều ${n}.1`, `Điều ${n}.2`);
}

function generateLaw(): Generated {
  const out = [
    'QUỐC HỘI',
    '--------',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '---------------',
    'Luật số: 77/2025/QH15',
    'Hà Nội, ngày 20 tháng 11 năm 2025',
    '',
    'LUẬT',
    'THỬ NGHIỆM CẤU TRÚC',
    '',
    'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;',
    'Quốc hội ban hành Luật Thử nghiệm cấu trúc.',
    '',
  ];
  const labels = [''];
  const articleParents = new Map<string, string>();
  const perChapter = ARTICLES / CHAPTERS;
  for (let c = 0; c < CHAPTERS; c += 1) {
    const chapter = `Chương ${ROMAN[c]}`;
    out.push(chapter, `QUY ĐỊNH NHÓM ${c + 1}`, '');
    labels.push(chapter);
    for (let i = 1; i <= perChapter; i += 1) {
      const n = c * perChapter + i;
      let parent = chapter;
      if (c % 2 === 1) {
        const group = Math.ceil(i / 10);
        if (i % 10 === 1) {
          out.push(`Mục ${group}`, `NHÓM ĐIỀU ${group}`, '');
          labels.push(`${chapter}.Mục ${group}`);
        }
        parent = `${chapter}.Mục ${group}`;
      }
      articleParents.set(`Điều ${n}`, parent);
      article(n, out, labels);
    }
  }
  out.push(
    'Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 10 thông qua ngày 20 tháng 11 năm 2025.',
    '',
    'CHỦ TỊCH QUỐC HỘI',
    '',
    'Trần Văn An',
  );
  return { text: out.join('\n'), labels, articleParents };
}

describe('a generated law: chapters, Mục, 120 articles, khoản and điểm', () => {
  const law = generateLaw();
  const doc = parseDocument({ source: 'luat-thu-nghiem.txt', text: law.text, contentHash: 'law' });
  const byLabel = new Map(doc.sections.map((s) => [s.label, s]));

  it('finds exactly the labels the generator wrote, in order', () => {
    expect(doc.sections.map((s) => s.label)).toEqual(law.labels);
  });

  it('makes every article a section under its chapter or Mục', () => {
    for (let n = 1; n <= ARTICLES; n += 1) {
      const section = byLabel.get(`Điều ${n}`);
      expect(section, `Điều ${n}`).toBeDefined();
      expect(section!.parentLabel).toBe(law.articleParents.get(`Điều ${n}`));
      expect(section!.level).toBe(section!.parentLabel!.includes('Mục') ? 3 : 2);
    }
  });

  it('never lets a section run into another article', () => {
    for (const s of doc.sections) {
      const articleLines = s.body.split('\n').filter((line) => /^Điều \d+[.:]/u.test(line));
      expect(articleLines, `section ${s.label}`).toEqual([]);
    }
  });

  it('reads article titles with and without final punctuation', () => {
    expect(byLabel.get('Điều 4')!.heading).toBe('Quy định thứ 4 về thử nghiệm');
    expect(byLabel.get('Điều 7')!.heading).toBe('Quy định thứ 7');
    expect(byLabel.get('Điều 3')!.heading).toBe('Quy định thứ 3 về thử nghiệm');
    expect(byLabel.get('Chương II')!.heading).toBe('QUY ĐỊNH NHÓM 2');
    expect(byLabel.get('Chương II.Mục 1')!.heading).toBe('NHÓM ĐIỀU 1');
  });

  it('keeps a line that starts with "Điều 12 của Luật này" in its khoản', () => {
    expect(byLabel.get('Điều 2.2')!.body).toContain('Điều 12 của Luật này được áp dụng');
  });

  it('keeps quoted amended text inside the khoản that introduces it', () => {
    const amend = byLabel.get(`Điều ${ARTICLES - 1}.1`)!;
    expect(amend.heading).toBe('Sửa đổi, bổ sung Điều 5 như sau');
    expect(amend.body).toContain('“Điều 5. Giải thích từ ngữ');
    expect(amend.body).toContain('2. Cấu trúc là cách sắp xếp các bộ phận.”.');
    expect(byLabel.get(`Điều ${ARTICLES - 1}.2`)!.body).toBe('“3. Chính phủ quy định chi tiết khoản này.”.');
  });

  it('keeps the passing formula and the signature out of the last article', () => {
    const last = byLabel.get(`Điều ${ARTICLES}.2`) ?? byLabel.get(`Điều ${ARTICLES}`)!;
    expect(last.body).not.toContain('thông qua ngày');
    expect(doc.sections.some((s) => s.body.includes('CHỦ TỊCH QUỐC HỘI'))).toBe(false);
  });

  it('detects the law’s type, number, name, issuer, signer and year', () => {
    expect(doc.metadata).toMatchObject({
      type: 'Luật',
      number: '77/2025/QH15',
      title: 'Thử nghiệm cấu trúc',
      issuer: 'Quốc hội',
      signer: 'Trần Văn An',
      issuedOn: '2025-11-20',
      year: 2025,
    });
  });
});
