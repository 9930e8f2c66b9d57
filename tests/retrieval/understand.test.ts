import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/text/analyze.ts';
import { loadAbbreviations } from '../../src/text/abbreviations.ts';
import { detectYears, understand } from '../../src/retrieval/understand.ts';
import { askingSentence, storyOnly } from '../../src/retrieval/frame-words.ts';
import { loadDirectiveModel } from '../../src/retrieval/directive-model.ts';
import { foldedView } from '../../src/text/normalize.ts';
import { fixedClock } from '../fakes/clock.ts';

const analyzer = createAnalyzer(loadAbbreviations(join(process.cwd(), 'data', 'abbreviations.json')));
const clock = fixedClock('2023-06-15T08:00:00Z');
const read = (q: string) => understand(q, analyzer, clock.now().getFullYear());

describe('years', () => {
  it.each([
    ['nội dung trọng tâm năm 2023 là gì?', [2023]],
    ['noi dung trong tam nam 2023', [2023]],
    ['hình thức tuyên truyền 2022', [2022]],
    ['nội dung trọng tâm 2022 và 2023 khác gì?', [2022, 2023]],
    ['nội dung tuyên truyền trọng tâm', []],
  ])('%s → %j', (q, years) => {
    expect(read(q).years).toEqual(years);
  });

  it('ignores a range such as "giai đoạn 2021 - 2025"', () => {
    expect(read('Đề án 17 giai đoạn 2021 - 2025 là về vấn đề gì?').years).toEqual([]);
    expect(read('nhiệm kỳ 2020-2025 năm 2022').years).toEqual([2022]);
  });

  it('takes an open period ("từ năm 2022 trở đi") as a part of a plan, not as the year asked about', () => {
    expect(read('tu nam 2022 tro di thi dang uy tuyen truyen nhung noi dung gi').years).toEqual([]);
    expect(read('Kế hoạch định hướng tuyên truyền gì cho năm 2022 và các năm tiếp theo?').years).toEqual([]);
    expect(read('Kế hoạch định hướng tuyên truyền gì cho năm 2022 và các năm tiếp theo?').mentionedYears).toEqual([2022]);
    expect(read('Năm 2022 tuyên truyền những gì?').years).toEqual([2022]);
    expect(read('định hướng tuyên truyền những gì cho năm 2022 và các năm sau đó?').years).toEqual([]);
    expect(read('kế hoạch năm sau có gì mới').years).toEqual([2024]);
  });

  it('resolves "năm nay" and "năm ngoái" against the clock', () => {
    expect(read('hình thức tuyên truyền năm nay').years).toEqual([2023]);
    expect(read('hinh thuc tuyen truyen nam ngoai').years).toEqual([2022]);
    expect(detectYears(foldedView('năm nay'), 2025)).toEqual([2025]);
    // Years set beside a year still to come are targets a plan sets, not the documents' years.
    expect(detectYears(foldedView('so sánh chỉ tiêu giữa năm 2025 và năm 2030'), 2026)).toEqual([]);
    expect(detectYears(foldedView('tỷ trọng kinh tế số ở mốc 2026 và mốc 2030'), 2026)).toEqual([]);
    expect(detectYears(foldedView('kế hoạch năm 2022 và năm 2023 khác gì'), 2026)).toEqual([2022, 2023]);
    expect(detectYears(foldedView('chương trình công tác năm 2028 có những nhiệm vụ gì'), 2026)).toEqual([2028]);
    expect(detectYears(foldedView('năm trước'), 2025)).toEqual([2024]);
  });

  it('does not read a report due "cả năm trước ngày 10/12" as last year', () => {
    expect(detectYears(foldedView('báo cáo 6 tháng, cả năm trước ngày nào'), 2025)).toEqual([]);
    expect(detectYears(foldedView('hằng năm trước ngày 20/12 phải báo cáo'), 2025)).toEqual([]);
    expect(detectYears(foldedView('kết quả năm trước thế nào'), 2025)).toEqual([2024]);
    // Beside a year written out, "năm sau" is the year after it; between two, one of them.
    expect(detectYears(foldedView('kế hoạch năm 2022, năm sau thì sao'), 2026)).toEqual([2022, 2023]);
    expect(detectYears(foldedView('nội dung năm 2022 và năm 2023: năm sau nhấn mạnh thêm gì'), 2026)).toEqual([2022, 2023]);
    expect(detectYears(foldedView('năm tới có kế hoạch gì'), 2026)).toEqual([2027]);
  });

  it('does not take the year of a date as the year asked about', () => {
    expect(read('Nghị quyết 35-NQ/TW ngày 22/10/2018 được nhắc ở đâu?').years).toEqual([]);
    expect(read('Kế hoạch ngày 21/4/2023 của Ban Tổ chức Trung ương năm 2023').years).toEqual([2023]);
  });
});

describe('document types and numbers', () => {
  it('detects document types, accented or not', () => {
    expect(read('Hướng dẫn tuyên truyền của Thành ủy Bắc Kạn').docTypes).toEqual(['Hướng dẫn']);
    expect(read('ke hoach nam 2022').docTypes).toEqual(['Kế hoạch']);
    expect(read('Quy định 85-QĐ/TW nói về việc gì?').docTypes).toEqual(['Quy định']);
    // Law in general, and a code, are not a Luật.
    expect(read('tuyên truyền phổ biến giáo dục pháp luật năm 2023').docTypes).toEqual([]);
    expect(read('Bộ luật Lao động quy định gì về tuổi nghỉ hưu?').docTypes).toContain('Bộ luật');
    expect(read('Bộ luật Lao động quy định gì về tuổi nghỉ hưu?').docTypes).not.toContain('Luật');
  });

  it('marks a year written right after a document number', () => {
    expect(read('Chỉ thị 05 năm 2016 được nhắc đến ở đâu?')).toMatchObject({ years: [2016], citedYears: [2016] });
    expect(read('Nghị quyết 35-NQ/TW năm 2022 được nhắc đến ở đâu?')).toMatchObject({ years: [2022], citedYears: [2022] });
    expect(read('Kế hoạch năm 2023 của Huyện ủy')).toMatchObject({ years: [2023], citedYears: [] });
  });

  it('collects number keys', () => {
    expect(read('Quy định 85-QĐ/TW nói về việc gì?').numberKeys).toEqual(['85-QD/TW']); // the partial 85-QD would match 85-QD/TU too
    expect(read('nghị quyết 35 được nhắc ở đâu').numberKeys).toEqual(['35-NQ']);
  });
});

describe("the asker's purpose", () => {
  it('is no topic: "để tôi đưa vào bài nói" adds no term and no unknown word', () => {
    const plain = read('Hướng dẫn dùng những hình thức nào để tuyên truyền? Liệt kê đầy đủ.');
    const withPurpose = read('Hướng dẫn dùng những hình thức nào để tuyên truyền? Liệt kê đầy đủ để tôi đưa vào bài nói.');
    expect([...withPurpose.terms.keys()].sort()).toEqual([...plain.terms.keys()].sort());
    // "để tuyên truyền" is the documents' purpose, not the asker's: it stays.
    expect(withPurpose.reading.map((s) => s.exact)).toContain('tuyên');
  });
});

describe('words that frame the question', () => {
  it('"chia … thành mấy nhóm, nêu tên từng nhóm" asks for a list and adds no term', () => {
    const framed = read('Hướng dẫn năm 2023 chia nội dung thành mấy nhóm? Nêu tên từng nhóm.');
    expect(framed.shape).toBe('list');
    const words = framed.reading.map((s) => foldedView(s.exact));
    for (const w of ['chia', 'thanh', 'nhom', 'ten']) expect(words).not.toContain(w);
    expect(words).toContain('noi');
  });

  it('"trường hợp nào thì …" asks for every case of the list; "trường hợp này được mấy ngày" for one fact', () => {
    expect(read('Trường hợp nào thì giấy phép bị thu hồi?').shape).toBe('list');
    expect(read('Trường hợp này được gia hạn mấy ngày?').shape).toBe('factoid');
  });

  it('"nhắc tới những fanpage nào" asks for the fanpages, not for a mention', () => {
    const words = read('Kế hoạch năm 2022 nhắc tới những fanpage nào?').reading.map((s) => foldedView(s.exact));
    expect(words).toContain('fanpage');
    expect(words).not.toContain('nhac');
  });

  it('"liệt kê đầy đủ", "kể hết" say how fully to answer, not what', () => {
    const words = read('Ban Chỉ đạo có những nhiệm vụ gì? Liệt kê đầy đủ, kể hết giúp em.').reading.map((s) => foldedView(s.exact));
    for (const w of ['day', 'du', 'het']) expect(words).not.toContain(w);
    expect(read('Hồ sơ phải đầy đủ những giấy tờ gì?').reading.map((s) => foldedView(s.exact))).toContain('day');
  });

  it('keeps "thành" and "nhóm" where they are words of the topic', () => {
    const words = read('Thành ủy giao nhiệm vụ gì cho nhóm tuyên truyền viên?').reading.map((s) => foldedView(s.exact));
    expect(words).toEqual(expect.arrayContaining(['thanh', 'nhom']));
  });
});

describe('shapes read with the directive model', () => {
  const directives = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));
  it.each([
    // A part asked for after "dựa trên" is that part, not the texts the document rests on.
    ['Hai bên phối hợp với nhau dựa trên những nguyên tắc gì?', 'list'],
    ['Kế hoạch được xây dựng dựa trên văn bản nào?', 'basis'],
    ['Nội dung tuyên truyền căn cứ vào những văn bản nào?', 'basis'],
    // Conditions and a dossier's papers are lists, asked with "là gì" as much as with "những".
    ['Điều kiện để được mở cơ sở dạy thêm là gì?', 'list'],
    ['hồ sơ xin giấy phép là gì', 'list'],
  ])('%s → %s', (question, shape) => {
    expect(understand(question, analyzer, 2023, directives).shape).toBe(shape);
  });
});

describe('shapes', () => {
  it.each([
    ['Giải Búa liềm vàng được nhắc đến ở đâu?', 'mentions'],
    ['Nghị quyết 35-NQ/TW được nhắc đến trong những văn bản nào?', 'mentions'],
    ['Quy định 85-QĐ/TW nói về việc gì?', 'mentions'],
    ['Hướng dẫn của Thành ủy Bắc Kạn căn cứ vào văn bản nào?', 'basis'],
    ['Kế hoạch được xây dựng dựa trên văn bản nào?', 'basis'],
    ['Số hiệu, ngày ký và cơ quan ban hành của kết luận về phát triển đảng viên?', 'issuer'],
    // The particulars of the documents a text cites, asked as a list, are those documents.
    ['Hướng dẫn dẫn những quy định nào về nêu gương? Kể đủ số hiệu và ngày ban hành.', 'list'],
    ['Kế hoạch 12-KH/ĐU do ai ban hành?', 'issuer'],
    // Cues are whole words: "căn cước" is no "căn cứ".
    ['lam lai can cuoc online thi lam ntn', 'factoid'],
    // The superior texts asked in other words than "căn cứ".
    ['kh 12-KH/DU thuc hien theo van ban nao cua cap tren', 'basis'],
    ['Báo cáo này được lập theo yêu cầu của văn bản nào của Trung ương?', 'basis'],
    ['bc 236-BC/TU so ket nghi quyet nao, giai doan nao', 'basis'],
    ['Báo cáo tổng kết 10 năm thực hiện nghị quyết nào?', 'basis'],
    ['Kế hoạch năm 2023 được ban hành trên cơ sở những văn bản nào?', 'basis'],
    ['Kế hoạch của Mặt trận thực hiện theo hướng dẫn nào?', 'basis'],
    ['kh cua dang uy xa trien khai nghi quyet so may cua huyen', 'basis'],
    ['Xử phạt theo quy định nào?', 'factoid'],
    // One body asked for is a fact; "các cơ quan nào" is a list.
    ['Cơ quan nào lo kinh phí thực hiện kế hoạch?', 'factoid'],
    ['Các cơ quan nào được giao thực hiện kế hoạch?', 'list'],
    ['ai ky huong dan cua thanh uy bac kan', 'issuer'],
    ['Kế hoạch số 12-KH/ĐU do cấp ủy nào ban hành?', 'issuer'],
    ['Trách nhiệm của cơ quan nào trong việc tổ chức hội nghị báo cáo viên?', 'factoid'],
    ['Nội dung cần phải ban hành kế hoạch tại kỳ họp thứ hai là gì?', 'factoid'],
    ['nội dung trọng tâm 2022 và 2023 khác gì?', 'comparison'],
    ['so sanh noi dung tuyen truyen nam 2022 voi nam 2023', 'comparison'],
    ['Nội dung trọng tâm đã thay đổi thế nào từ năm 2022 sang năm 2023?', 'comparison'],
    ['Nội dung tuyên truyền thường xuyên năm 2022 gồm những gì?', 'list'],
    ['liệt kê các hình thức tuyên truyền', 'list'],
    // A long plural noun phrase between "những" and "nào" still asks for a list.
    ['Năm 2026 cần tuyên truyền những ngày lễ lớn, sự kiện lịch sử nào?', 'list'],
    ['Ban Tuyên giáo Thành ủy Bắc Kạn có nhiệm vụ gì?', 'factoid'],
    ['Quy định 05-QĐ/TU còn hiệu lực không?', 'in_force'],
    ['quy dinh 05 co con hieu luc ko', 'in_force'],
    ['Hướng dẫn 07-HD/BTGTU hết hiệu lực chưa?', 'in_force'],
    ['Quy định 05-QĐ/TU đã bị thay thế chưa?', 'in_force'],
    ['Khi nào luật rác thải có hiệu lực?', 'in_force'],
    // A clause of time before the question dates it; the question asks something else.
    ['Khi luật về rác thải có hiệu lực, mỗi gia đình phải thực hiện những việc gì?', 'list'],
    ['khi luat moi co hieu luc, ho kinh doanh phai lam nhung viec gi', 'list'],
    // So does a clause of condition that ends in "thì": what follows it is asked.
    ['Tôi bán hủ tiếu từ trước khi luật mới có hiệu lực thì hạn chót phải đăng ký là khi nào?', 'factoid'],
    ['lúc đó thông tư chưa có hiệu lực thì khai theo mẫu nào?', 'factoid'],
    ['quy định hiện hành về tiếp dân của bí thư cấp ủy', 'factoid'],
    ['Tiếp tục thực hiện Chỉ thị nào về thay thế cán bộ?', 'factoid'],
    // A number inside a longer subject: the subject is asked, not where the number is cited.
    ['Nguyên nhân chủ quan của hạn chế khi thực hiện Chỉ thị 12 là gì?', 'factoid'],
    ['Cho hỏi nội dung chính của Chỉ thị 05 là gì?', 'mentions'],
    ['NQ 28 nói về gì?', 'mentions'],
    // What a named plan mentions is its content; where a number is mentioned is the reference mode.
    ['kh de an 17 cua dang uy khoi lao cai nhac toi nhung fanpage nao', 'list'],
    ['Nghị quyết 35 được nhắc đến trong văn bản nào?', 'mentions'],
    ['Văn bản nào nhắc đến Chỉ thị 05?', 'mentions'],
    ['qd 238 cua ban bi thu dc nhac o dau, ve j', 'mentions'],
    // Talking points are every point of the part they are drawn from.
    ['Soạn giúp dàn ý tuyên truyền về chống "diễn biến hòa bình" năm 2022', 'list'],
    ['goi y vai y chinh de noi chuyen voi dang vien ve neu guong', 'list'],
    ['Cần các luận điểm để tuyên truyền về phòng, chống tham nhũng', 'list'],
  ])('%s → %s', (q, shape) => {
    expect(read(q).shape).toBe(shape);
  });

  it.each([
    ['Kế hoạch 42-KH/ĐUK ban hành ngày nào?', 'issuer'],
    ['Nghị quyết 05-NQ/HU được thông qua tại hội nghị nào?', 'issuer'],
    ['Quy định 85-QĐ/TW nói về việc gì?', 'factoid'],
  ])('%s, about a document the collection holds → %s (its opening part tells when it was issued)', (q, shape) => {
    const intent = read(q);
    expect(intent.shape).toBe('mentions');
    expect(intent.shapeIfNamedInStore).toBe(shape);
  });

  it('reads "hạn ngày nào" as the plan\'s deadline, not as the date of the document it names', () => {
    expect(read('Chi bộ báo cáo kết quả thực hiện Quy định 144-QĐ/TW về đâu, hạn ngày nào?').shape).not.toBe('mentions');
    expect(read('Quy định 144-QĐ/TW ban hành ngày nào?').shape).toBe('mentions');
  });
});

describe('the intent', () => {
  it('keeps "hiện hành" out of the topic: it asks for the document in force', () => {
    const intent = read('quy định hiện hành về tiếp dân');
    expect([...intent.terms.keys()].some((t) => t.includes('hanh'))).toBe(false);
    expect(intent.reading.map((s) => s.exact)).toEqual(['quy', 'định', 'về', 'tiếp', 'dân']);
  });

  it('normalises the text and keeps the expansions for coverage', () => {
    const intent = read('  MTTQ   tỉnh\u00a0làm gì?  ');
    expect(intent.typed).toBe('MTTQ tỉnh làm gì?');
    expect(intent.text).toBe('Mặt trận Tổ quốc tỉnh làm gì?');
  });

  it.each([
    ['Luật Báo chí năm 2016 quy định gì về họp báo?', ['bao chi']],
    ['luat dat dai co cho phep khong', ['dat dai']],
    ['Luật Giao thông đường bộ có phạt không?', ['giao thong duong bo']],
    ['luat livestream nam 2023 co bat dang ky ko', ['livestream']],
    ['Luật yêu cầu nền tảng làm gì?', []],
    ['Luật giao cho Ủy ban nhân dân cấp xã những trách nhiệm gì?', []],
    ['luat bat nguoi ban phai dang ky ko', []],
    // A particle ending a chat message names no law.
    ['ubnd xa co nv j trong viec nay theo luat vay', []],
    ['theo luat z thi sao', []],
    // The law at work ("luật giao những …"), or the asker right after "luật", is no name.
    ['Ủy ban nhân dân cấp xã được luật giao những trách nhiệm gì về bếp ăn tập thể?', []],
    ['Khách bị đau bụng. Theo luật em phải làm những gì ạ?', []],
    ['Luật Giao dịch điện tử có quy định chữ ký số không?', ['giao dich dien tu']],
  ])('reads the laws "%s" names by name', (question, names) => {
    expect(read(question).namedLaws).toEqual(names);
  });

  it('keeps the year written after a law\'s name as that law\'s, not as a filter', () => {
    const intent = read('luat livestream nam 2023 co bat dang ky ko');
    expect(intent.namedLawYears).toEqual([2023]);
    expect(intent.years).toEqual([]);
  });

  it('reads "hôm qua" in the asker\'s own story as the story\'s day, not as a question about now', () => {
    expect(read('Quán bún nhà em hôm qua có khách bị ngộ độc. Theo luật em phải làm những gì ạ?').asksNow).toBe(false);
    expect(read('Hôm qua ai được bầu làm bí thư tỉnh?').asksNow).toBe(true);
  });

  it('composes decomposed input', () => {
    expect(read('nội dung'.normalize('NFD')).text).toBe('nội dung');
  });
});

describe('years that are no filter', () => {
  it.each([
    ['Chỉ tiêu đến năm 2030 của huyện là gì?', []],
    ['đến hết năm 2025 phải hoàn thành bao nhiêu nhà?', []],
    ['Theo Luật Giáo dục năm 2019, học sinh có quyền gì?', []],
    ['Bộ luật Lao động 2019 quy định thời giờ làm việc thế nào?', []],
    ['mất hộ khẩu vào tháng 8 năm 2022 thì làm gì?', []],
    ['kiểm tra vào quý III/2025 ở đâu?', []],
    ['kế hoạch tuyên truyền năm 2023 gồm những gì?', [2023]],
    ['Kế hoạch năm 2023 của Huyện ủy', [2023]],
  ])('%s → %j', (q, years) => {
    expect(read(q).years).toEqual(years);
  });
});

describe('questions about what a named body must do', () => {
  const directives = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));
  const withModel = (q: string) => understand(q, analyzer, clock.now().getFullYear(), directives);

  it.each([
    ['Mặt trận Tổ quốc cấp huyện được giao nhiệm vụ gì?', true],
    ['Mặt trận cấp huyện báo cáo kết quả định kỳ thế nào, gửi về đâu?', true],
    ['Nội dung tuyên truyền trọng tâm năm 2023 là gì?', false],
  ])('%s → asks a duty: %s', (q, duty) => {
    expect(withModel(q).asksDuty).toBe(duty);
  });

  it('reads "từ trước khi luật mới có hiệu lực thì hạn chót …" as asking the transitional rules, not entry into force', () => {
    const q = withModel('Tôi bán hàng rong từ trước khi luật mới có hiệu lực thì hạn chót phải đăng ký là khi nào?');
    expect(q.shape).toBe('factoid');
    expect(q.facets).toContain('transition');
    expect(q.facets).not.toContain('effect');
    // A clause that only dates the question still asks for no part.
    expect(withModel('Khi luật có hiệu lực, mỗi gia đình phải làm những việc gì?').facets).not.toContain('transition');
  });

  it('reads the level a report is sent up to as the recipient\'s, not the body\'s', () => {
    expect(withModel('Mặt trận cấp huyện báo cáo kết quả lên tỉnh định kỳ thế nào?').levels).toEqual(['district']);
    expect(withModel('Mặt trận tỉnh giao nhiệm vụ gì?').levels).toEqual(['province']);
  });
});

describe('words the collection has not seen', () => {
  const directives = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));
  /** A question whose words the collection knows except `unseen` (folded). */
  const withUnseen = (q: string, unseen: string[]) => {
    const plain = understand(q, analyzer, 2023).reading;
    const syllables = plain.map((s) => ({ ...s, known: !unseen.includes(foldedView(s.exact)), pairKnown: true }));
    syllables.forEach((s, i) => {
      const next = syllables[i + 1];
      if (next && (unseen.includes(foldedView(s.exact)) || unseen.includes(foldedView(next.exact)))) s.pairKnown = false;
    });
    return understand({ typed: q, text: q, syllables, meaningChanged: false, understood: q }, analyzer, 2023, directives);
  };

  it('counts words the directive model reads as a plan part ("các đầu mối", "dàn ý các luận điểm") as understood', () => {
    const q = withUnseen('Kế hoạch phân công cho những cơ quan nào? Liệt kê đủ các đầu mối.', ['dau', 'moi']);
    expect(q.facets).toContain('implementation');
    expect(q.unknownShare).toBe(0);
    expect(q.unknownPairShare).toBe(0);
    expect(withUnseen('Gợi ý dàn ý các luận điểm tuyên truyền về xây dựng Đảng', ['dan', 'luan']).unknownShare).toBe(0);
  });

  it('counts the name of a body the model knows as understood, though the documents write it otherwise', () => {
    const q = withUnseen('Đoàn Thanh niên và Hội Phụ nữ huyện được giao làm gì?', ['phu', 'nu']);
    expect(q.bodies).toContain('hoi-phu-nu');
    expect(q.unknownShare).toBe(0);
    expect(q.unknownPairShare).toBe(0);
  });

  it('keeps everyday words of money and time unknown: they are as much the words of questions outside the subject', () => {
    const q = withUnseen('làm hộ chiếu mất bao nhiêu tiền', ['ho', 'chieu', 'tien']);
    expect(q.facets).toContain('funding');
    expect(q.unknownShare).toBeGreaterThan(0.5);
    expect(withUnseen('giá vàng hôm nay bao nhiêu', ['gia', 'vang']).unknownShare).toBeGreaterThan(0.5);
  });

  it('counts the words of the asking sentence only when a story comes before it', () => {
    expect(withUnseen('Tôi gửi chó cho em gái trông mấy hôm. Ai phải bồi thường?', ['gai', 'hom']).unknownShare).toBe(0);
    expect(withUnseen('Tôi gửi chó cho em gái trông mấy hôm, ai phải bồi thường', ['gai', 'hom']).unknownShare).toBeGreaterThan(0);
  });

  it('finds a place the collection has never seen, named with capitals or as a province', () => {
    expect(withUnseen('Đề án 17 của Tỉnh ủy Yên Bái năm 2022 yêu cầu gì?', ['yen', 'bai']).unknownPlaces).toEqual(['tỉnh uỷ Yên Bái']);
    expect(withUnseen('de an 17 cua tinh yen bai yeu cau gi', ['yen', 'bai']).unknownPlaces).toEqual(['tỉnh Yen Bai']);
    expect(withUnseen('tinh uy yen bai yeu cau gi', ['yen', 'bai']).unknownPlaces).toEqual(['tỉnh uy Yen Bai']);
    expect(withUnseen('Huyện Mỹ Lạc giao nhiệm vụ gì?', ['my', 'lac']).unknownPlaces).toEqual(['huyện Mỹ Lạc']);
  });

  it('reads no place in everyday words after a level, in a name the collection writes, or in the story', () => {
    // "phân công" after "Huyện ủy" is a verb, though the collection never wrote it.
    expect(withUnseen('Kế hoạch của Huyện ủy phân công cho những cơ quan nào?', ['phan', 'cong']).unknownPlaces).toEqual([]);
    expect(withUnseen('xã mình cần tuyên truyền gì', ['minh']).unknownPlaces).toEqual([]);
    expect(withUnseen('Tỉnh ủy Yên Bái yêu cầu gì?', []).unknownPlaces).toEqual([]);
    expect(withUnseen('Tôi là đảng viên ở tỉnh Yên Bái. Đề án 17 yêu cầu gì?', ['yen', 'bai']).unknownPlaces).toEqual([]);
  });

  it('finds a foreign country the collection never writes; a name of one syllable only after "ở", "bên", "nước"…', () => {
    expect(withUnseen('O Trung Quoc uy ban kiem tra hoat dong the nao', ['trung', 'quoc']).unknownPlaces).toEqual(['Trung Quốc']);
    expect(withUnseen('Bên Mỹ nuôi chó có phải đăng ký không?', ['my']).unknownPlaces).toEqual(['Mỹ']);
    // "mỹ" of "thẩm mỹ" is no country; a country the collection writes is held.
    expect(withUnseen('Thẩm mỹ viện có phải đăng ký không?', ['my']).unknownPlaces).toEqual([]);
    expect(withUnseen('Hợp tác với Trung Quốc gồm những gì?', []).unknownPlaces).toEqual([]);
    expect(withUnseen('Nộp quá hạn thì bị phạt bao nhiêu?', ['han']).unknownPlaces).toEqual([]);
    expect(withUnseen('Bên anh có phải đăng ký không?', ['anh']).unknownPlaces).toEqual([]);
  });
});

describe('a story told before the question', () => {
  it('reads a year of the asker\'s own life as no document year, and one naming a document as one', () => {
    expect(understand('Nhà tôi nuôi chó từ năm 2020 đến giờ, chưa đăng ký. Hạn chót phải đăng ký là khi nào?', analyzer, 2026).years).toEqual([]);
    expect(understand('Kế hoạch năm 2023 của Huyện ủy. Nội dung trọng tâm là gì?', analyzer, 2026).years).toEqual([2023]);
    expect(understand('Tôi hỏi về năm 2023. Nội dung trọng tâm năm 2023 là gì?', analyzer, 2026).years).toEqual([2023]);
  });

  it('leaves the asking sentence to weigh in full', () => {
    const asked = askingSentence('Em sắp đi thuê trọ lần đầu, nghe kể nhiều chủ trọ hay ép người thuê. Vậy chủ trọ không được làm gì?');
    expect(asked).not.toBeNull();
    expect(storyOnly('b:thuê_trọ', asked)).toBe(false); // "trọ" is in the asking sentence too
    expect(storyOnly('f:nghe', asked)).toBe(true);
    expect(storyOnly('g:lan_dau', asked)).toBe(true);
  });

  it('is no story without a question mark, or in a question of one sentence', () => {
    expect(askingSentence('Tôi cần dàn ý về chống diễn biến hòa bình. Gợi ý các luận điểm theo kế hoạch năm 2022.')).toBeNull();
    expect(askingSentence('Chủ trọ có được gắn camera trong phòng không?')).toBeNull();
  });

  it('weighs the words of the story at half in the search', () => {
    const intent = understand('Nhà em ở gần chợ. Chủ trọ có được gắn camera trong phòng không?', analyzer, 2026);
    expect(intent.terms.get('w:chợ')).toBe(0.5);
    expect(intent.terms.get('f:camera')).toBe(1);
  });
});

describe("the asker's preamble before a colon", () => {
  const directives = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));
  it('names who asks, not whose duties are asked', () => {
    const intent = understand('Báo cáo viên Mặt trận cần nắm: năm 2022, kế hoạch của Ủy ban MTTQ tỉnh chọn những vấn đề nào làm điểm nhấn?', analyzer, 2026, directives);
    // Neither the asker's role nor the plan's issuer ("kế hoạch của Ủy ban MTTQ tỉnh") is a body whose duties are asked.
    expect(intent.bodies).toEqual([]);
    expect(intent.terms.has('b:báo_cáo')).toBe(false);
  });

  it('is kept when it carries the topic or is the question itself', () => {
    const topic = understand('Chuẩn bị nói chuyện với đảng viên về đấu tranh với thông tin xuyên tạc: Kết luận 41 yêu cầu những nội dung nào?', analyzer, 2026, directives);
    expect(topic.terms.has('b:xuyên_tạc')).toBe(true);
    const compared = understand('So sánh giúp tôi các nội dung trọng điểm năm 2022 và năm 2023: năm sau nhấn mạnh thêm những gì?', analyzer, 2026, directives);
    expect(compared.terms.has('b:trọng_điểm')).toBe(true);
  });
});

describe('a part the asker sets aside ("ngoài … ra, … còn …")', () => {
  const directives = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));
  const roles = (q: string) => understand(q, analyzer, 2026, directives);

  it('is not asked: its roles are set aside and its words do not search', () => {
    const intent = roles('Ngoài các vấn đề trọng điểm, Kế hoạch năm 2023 còn yêu cầu tuyên truyền những nội dung nào?');
    expect(intent.facets).toEqual(['content']);
    expect(intent.excludedFacets).toEqual(['focus']);
    expect(intent.terms.has('b:trọng_điểm')).toBe(false);
    const typed = roles('ngoai may nd trong diem ra thi mttq nam 2022 con tt nhung nd nao nua');
    expect(typed.excludedFacets).toEqual(['focus']);
    expect(typed.facets).not.toContain('focus');
    expect(roles('Ngoài tiền phạt, người vi phạm còn có thể bị buộc làm những gì?').terms.has('b:tiền_phạt')).toBe(false);
  });

  it('is only a clause that the question goes on from with "còn", "nữa", "khác" or "thêm"', () => {
    expect(roles('Làm việc ngoài giờ hành chính có được trả thêm tiền không?').excludedFacets).toEqual([]);
    const plain = roles('Ngoài nội dung trọng tâm, kế hoạch có hình thức nào?');
    expect(plain.excludedFacets).toEqual([]);
    expect(plain.facets).toContain('focus');
  });
});

describe('a clause of time ("Khi luật … có hiệu lực, …")', () => {
  it('dates the question: "có hiệu lực" searches for nothing asked', () => {
    const intent = understand('Khi luật về rác thải có hiệu lực, mỗi gia đình phải thực hiện những việc gì?', analyzer, 2026);
    expect(intent.terms.has('b:hiệu_lực')).toBe(false);
    expect(intent.terms.has('b:gia_đình')).toBe(true);
    expect(understand('Luật về rác thải có hiệu lực từ ngày nào?', analyzer, 2026).terms.has('b:hiệu_lực')).toBe(true);
  });
});

describe('who asks, before a comma ("Với tư cách …, …")', () => {
  const directives = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));
  it('names the asker, not the body whose duties are asked', () => {
    const intent = understand('Với tư cách cán bộ tư pháp xã, đề nghị liệt kê các việc mà UBND xã phải làm.', analyzer, 2026, directives);
    expect(intent.bodies).toEqual(['uy-ban-nhan-dan']);
    expect(intent.facets).toEqual(['task']);
  });
});

describe('a question about who holds an office now', () => {
  it.each([
    ['Bí thư Tỉnh ủy hiện nay là ai?', true],
    ['chu tich ubnd xa bay gio ten la gi', true],
    ['Ai là người ký kế hoạch này?', false],
    ['Hiện nay ai có thẩm quyền xử phạt?', false],
    ['mình là bí thư chi bộ, hiện nay chi bộ phải làm gì?', false],
  ])('%s → %s', (question, expected) => {
    expect(understand(question, analyzer, 2026).asksOfficeholder).toBe(expected);
  });
});
