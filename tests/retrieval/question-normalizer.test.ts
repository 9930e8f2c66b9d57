import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQuestionNormalizer, type TermStatistics } from '../../src/retrieval/question-normalizer.ts';
import { createAnalyzer } from '../../src/text/analyze.ts';
import { loadAbbreviations } from '../../src/text/abbreviations.ts';
import { loadChatAbbreviations } from '../../src/text/chat-abbreviations.ts';

/** Term statistics of a small collection, counted with the product's own analyzer (each sentence five chunks). */
function statisticsOf(sentences: string[]): TermStatistics {
  const analyzer = createAnalyzer(loadAbbreviations(join(process.cwd(), 'data', 'abbreviations.json')));
  const df = new Map<string, number>();
  for (const s of sentences) for (const term of analyzer.indexTerms(s).keys()) df.set(term, (df.get(term) ?? 0) + 5);
  return { termFrequencies: async (terms) => ({ total: sentences.length * 5, df: new Map(terms.map((t) => [t, df.get(t) ?? 0])) }) };
}

const collection = [
  'Kế hoạch tuyên truyền công tác xây dựng Đảng năm 2023',
  'Ban Tuyên giáo Huyện ủy có nhiệm vụ định hướng thông tin, tuyên truyền',
  'Mặt trận Tổ quốc được giao nhiệm vụ giám sát và phản biện xã hội',
  'Nội dung tuyên truyền trọng tâm năm 2022 về xây dựng Đảng',
  'Kế hoạch số 12-KH/ĐU của Đảng ủy',
];
const analyzer = createAnalyzer(loadAbbreviations(join(process.cwd(), 'data', 'abbreviations.json')));
const normalizer = createQuestionNormalizer({
  statistics: statisticsOf(collection),
  chat: loadChatAbbreviations(join(process.cwd(), 'data', 'chat-abbreviations.json')),
  official: analyzer,
});

describe('reading a question typed on a phone', () => {
  it('spells out chat short forms, choosing a meaning by the words around it', async () => {
    const read = await normalizer.normalize('kh tt xd dang nam 2023');
    expect(read.text).toBe('kế hoạch tuyên truyền xây dựng đảng năm 2023');
    expect(read.meaningChanged).toBe(true);
  });

  it('restores accents from the collection and reads "mttq dc giao nv j"', async () => {
    const read = await normalizer.normalize('mttq dc giao nv j');
    expect(read.text).toBe('Mặt trận Tổ quốc được giao nhiệm vụ gì');
    expect(read.understood).toBe('Mặt trận Tổ quốc được giao nhiệm vụ gì');
  });

  it('fixes a typo that is no Vietnamese syllable when the collection supports the fix', async () => {
    const read = await normalizer.normalize('xay dung dag');
    expect(read.text).toBe('xây dựng đảng');
    // The fix is a guess: compared without accents, and shown.
    expect(read.syllables.at(-1)).toMatchObject({ exact: 'đảng', sure: false });
    expect(read.understood).toBe('xay dung đảng');
  });

  it('spells out the short forms of a plan\'s parts ("yc", "ht", "kp")', async () => {
    expect((await normalizer.normalize('yc tt nam 2023')).text).toBe('yêu cầu tuyên truyền năm 2023');
    expect((await normalizer.normalize('kp tt bn')).text).toMatch(/^kinh phí tuyên truyền /);
  });

  it('spells out the short forms of party life ("sh", "shcb")', async () => {
    expect((await normalizer.normalize('sh chuyen de')).text).toMatch(/^sinh hoạt /);
    expect((await normalizer.normalize('shcb may lan')).text).toMatch(/^sinh hoạt chi bộ /);
  });

  it('never touches document numbers or years', async () => {
    const read = await normalizer.normalize('kh 12-KH/ĐU nam 2021');
    expect(read.text).toContain('12-KH/ĐU');
    expect(read.text).toContain('2021');
  });

  it('keeps an official short form of capitals joined by hyphens: the "TT" of "VH-TT-TT" is no "thường trực"', async () => {
    const read = await normalizer.normalize('Trung tâm VH-TT-TT huyện tt nội dung gì');
    expect(read.text).toContain('VH-TT-TT');
    expect(read.text).not.toContain('VH-Thường');
  });

  it('reads a short form after a number as the unit typed: "1 kg" is no "1 không"', async () => {
    expect((await normalizer.normalize('gia bn 1 kg')).text).toMatch(/ 1 kg$/);
    expect((await normalizer.normalize('co phai bc kg')).text).toMatch(/ không$/);
  });

  it('keeps the plain words of someone who types accents', async () => {
    const read = await normalizer.normalize('Ban Tuyên giáo có nhiệm vụ gì trong tuyên truyền?');
    expect(read.text).toBe('Ban Tuyên giáo có nhiệm vụ gì trong tuyên truyền?');
    expect(read.meaningChanged).toBe(false);
  });

  it('marks words and pairs the collection has never seen', async () => {
    const read = await normalizer.normalize('giá vàng hôm nay');
    expect(read.syllables.filter((s) => s.known === false).map((s) => s.exact)).toContain('vàng');
  });
});

describe('everyday words the documents do not write', () => {
  // Documents that write "phối hợp", "báo cáo", "động viên", never "họp", "hưu" or "đóng".
  const documents = createQuestionNormalizer({
    statistics: statisticsOf(['Phối hợp tổ chức hội nghị, động viên đảng viên', 'Chế độ báo cáo định kỳ', 'Từ năm 2022 trò chơi dân gian']),
    chat: loadChatAbbreviations(join(process.cwd(), 'data', 'chat-abbreviations.json')),
    official: analyzer,
  });

  it('reads the syllables of an everyday word as that word', async () => {
    expect((await documents.normalize('tu nam 2022 tro di')).text).toBe('từ năm 2022 trở đi');
    expect((await documents.normalize('dang vien nghi huu dong dang phi')).text).toContain('nghỉ hưu đóng đảng phí');
    expect((await documents.normalize('bao lau mot lan')).text).toBe('bao lâu một lần');
  });

  it('reads "bao cao" as báo cáo: "bao" is a question word only in "bao nhiêu", "bao lâu"', async () => {
    expect((await documents.normalize('co phai bao cao khong')).text).toBe('có phải báo cáo không');
    expect((await documents.normalize('bao nhieu nguoi')).text).toBe('bao nhiêu người');
  });

  it('reads the asker\'s own words ("tôi", "những", "để", "dùng") as said, whatever the documents write more often', async () => {
    const law = createQuestionNormalizer({
      statistics: statisticsOf(['Diện tích tối thiểu của phòng', 'Nhưng trường hợp đặc biệt', 'Đề nghị cấp giấy chứng nhận', 'Sử dụng nước sạch', 'Thời hạn tối đa', 'Nhưng không quá 30 ngày']),
      chat: loadChatAbbreviations(join(process.cwd(), 'data', 'chat-abbreviations.json')),
      official: analyzer,
    });
    expect((await law.normalize('toi can nhung giay to gi de dang ky')).text).toBe('tôi cần những giấy tờ gì để đăng ký');
    expect((await law.normalize('dung dien qua gio')).text).toMatch(/^dùng/);
    // "mỗi" before a noun, "mới" where it usually stands.
    expect((await law.normalize('cac ban moi noi lam gi')).text).toContain('mỗi nơi làm gì');
    expect((await law.normalize('cho moi mua ve thi dang ky khi nao')).text).toContain('mới mua');
  });

  it('reads "qua" as the word of a question ("qua kênh nào") unless the word beside it says "kết quả"', async () => {
    const results = createQuestionNormalizer({
      statistics: statisticsOf(['Kết quả đạt được', 'Hiệu quả công tác tuyên truyền', 'Nâng cao hiệu quả, kết quả', 'Tuyên truyền trên mạng xã hội']),
      chat: loadChatAbbreviations(join(process.cwd(), 'data', 'chat-abbreviations.json')),
      official: analyzer,
    });
    expect((await results.normalize('tuyen truyen qua mang xa hoi')).text).toBe('tuyên truyền qua mạng xã hội');
    expect((await results.normalize('ket qua dat duoc')).text).toBe('kết quả đạt được');
  });
});
