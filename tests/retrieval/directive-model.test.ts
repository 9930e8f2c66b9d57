import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDirectiveModel } from '../../src/retrieval/directive-model.ts';

const model = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));

describe('what directives are made of', () => {
  it.each([
    ['II. NỘI DUNG TUYÊN TRUYỀN TRỌNG TÂM', ['content', 'focus']],
    ['3. Hình thức tuyên truyền', ['form']],
    ['IV - TỔ CHỨC THỰC HIỆN', ['implementation']],
    ['Chế độ báo cáo', ['reporting']],
    ['I. MỤC ĐÍCH, YÊU CẦU', ['purpose', 'requirement']],
    // A body's name is not a role: the "báo cáo" of "báo cáo viên" is no report.
    ['Điều 5. Nhiệm vụ của báo cáo viên', ['task']],
    // Rights and duties are two roles: a clause listing the duties answers "nghĩa vụ gì" better than its article.
    ['Điều 14. Quyền và nghĩa vụ của người sử dụng xe điện hai bánh', ['rights', 'implementation']],
    ['Người sử dụng xe điện hai bánh có các nghĩa vụ sau đây', ['implementation']],
    ['IV. BÀI HỌC KINH NGHIỆM', ['lessons']],
    // A law's conditions and the papers of a dossier are roles of their own.
    ['Điều 10. Điều kiện đối với cơ sở dạy thêm', ['condition']],
    ['Điều 4. Hồ sơ đề nghị cấp giấy phép', ['dossier']],
    // A decree's penalty chapter, and the clause that fines, play the penalty role its articles inherit.
    ['Chương IV. XỬ PHẠT VI PHẠM HÀNH CHÍNH', ['penalty']],
    ['Phạt tiền từ 1.000.000 đồng đến 3.000.000 đồng đối với một trong các hành vi sau đây', ['penalty']],
  ])('the heading "%s" plays %j', (heading, facets) => {
    expect(model.facetsOfHeading(heading).sort()).toEqual([...facets].sort());
  });

  it.each([
    ['noi dung trong diem nam 2023 la gi', ['content', 'focus']],
    ['cách thức tuyên truyền năm 2022', ['form']],
    ['Mặt trận được giao gì?', ['implementation']],
    ['hạn báo cáo khi nào', ['reporting', 'schedule']],
    ['giao cho báo cáo viên những nhiệm vụ gì', ['implementation', 'task']],
    // Everyday words for the roles: a date asked by "tháng mấy", regular content by "đều đặn, lâu dài", the focus by "then chốt".
    ['xã bị kiểm tra vào tháng mấy', ['schedule']],
    ['tuyên truyền đều đặn, lâu dài những gì', ['regular']],
    ['những vấn đề then chốt cần tuyên truyền', ['focus']],
    ['hộ gia đình có nghĩa vụ gì', ['implementation']],
    ['người thuê trọ có những quyền gì', ['rights']],
    ['quyền và nghĩa vụ của người sử dụng xe điện', ['rights', 'implementation']],
    // A report named as the document asked about is no reporting part; its own reporting dates still are.
    ['báo cáo tổng kết của Tỉnh ủy đã chỉ ra những hạn chế nào', ['shortcoming']],
    ['Báo cáo 245-BC/TU nêu những hạn chế gì', ['shortcoming']],
    ['báo cáo này đánh giá những hạn chế gì', ['shortcoming']],
    ['báo cáo 6 tháng gửi khi nào', ['reporting', 'schedule']],
    // Everyday words for a review's parts: "điểm yếu" are its shortcomings, "điểm mạnh" what it achieved.
    ['nghị quyết chỉ ra những điểm yếu nào của du lịch cộng đồng', ['shortcoming']],
    ['phong trào có những điểm mạnh nào', ['situation']],
    // The lessons a review draws, and the banners a slogan is written on.
    ['qua 80 năm rút ra được những điều gì', ['lessons']],
    ['cho xin mấy câu để kẻ băng rôn', ['slogan']],
    ['muốn mở lớp thì phải đáp ứng điều kiện gì', ['condition']],
    ['ra xã đăng ký thì cần chuẩn bị những giấy tờ gì', ['dossier']],
    // "Những việc … bị cấm" asks what is forbidden, not what must be done.
    ['dv dung fb thi nhung viec nao bi cam', ['prohibition']],
    ['đảng viên có những việc không được làm nào', ['prohibition']],
    // A fine asked in money is a penalty, not the funding of a plan; money paid for a service still is funding.
    ['tha rong cho ra duong bi phat bao nhieu tien vay', ['penalty']],
    ['quán bún nhà tôi chưa lắp bể tách mỡ, bị kiểm tra thì phạt nhiêu', ['penalty']],
    ['thu tiền học thêm mà không đưa biên lai thì bị phạt bao nhiêu tiền', ['funding', 'penalty']],
  ])('the question "%s" asks for %j', (question, facets) => {
    expect(model.facetsOfQuestion(question).sort()).toEqual([...facets].sort());
  });

  it('knows bodies by the names people use', () => {
    expect(model.bodiesIn('cơ quan tham mưu về tổ chức của Thành ủy')).toEqual(['ban-to-chuc']);
    expect(model.bodiesIn('Ban Thường trực Ủy ban MTTQ xã')).toEqual(['mat-tran']);
    expect(model.bodiesIn('btg huyen uy lo viec j')).toEqual(['ban-tuyen-giao']);
  });

  it('does not ask about a body named only as the issuer of a document', () => {
    expect(model.bodiesAsked('Kế hoạch năm 2022 của Mặt trận Tổ quốc tỉnh Trà Vinh có mục đích gì?')).toEqual([]);
    expect(model.bodiesAsked('kh nay thuc hien hd so may cua uy ban trung uong mttq')).toEqual([]);
    expect(model.bodiesAsked('Hướng dẫn do Ban Tuyên giáo ban hành yêu cầu gì?')).toEqual([]);
    // Named again outside the issuer's phrase, or after "của" with no document before it: asked.
    expect(model.bodiesAsked('Trong kế hoạch của Mặt trận tỉnh, Ban Thường trực Ủy ban MTTQ tỉnh phải làm gì')).toEqual(['mat-tran']);
    expect(model.bodiesAsked('Kế hoạch của Huyện ủy giao Mặt trận làm gì?')).toEqual(['mat-tran']);
    expect(model.bodiesAsked('nhiệm vụ của Ban Tuyên giáo là gì')).toEqual(['ban-tuyen-giao']);
    // People issue no directive; a duty's owner is no issuer.
    expect(model.bodiesAsked('Hướng dẫn viện dẫn những quy định nào về trách nhiệm nêu gương của cán bộ, đảng viên?')).toEqual(['dang-vien']);
    expect(model.bodiesAsked('Quy định nào nói về nhiệm vụ của Ban Tuyên giáo?')).toEqual(['ban-tuyen-giao']);
  });

  it('counts the Đoàn Thanh niên among "các đoàn thể" and the other way round', () => {
    expect(model.matchesBody('doan-thanh-nien', ['doan-the'])).toBe(true);
    expect(model.matchesBody('doan-the', ['doan-thanh-nien'])).toBe(true);
    expect(model.matchesBody('ban-to-chuc', ['ban-tuyen-giao'])).toBe(false);
  });

  it('reads administrative levels, not committee names or "xã hội"', () => {
    expect(model.levelsIn('Ban Thường trực Ủy ban MTTQ xã, phường, thị trấn')).toEqual(['commune']);
    expect(model.levelsIn('UBND huyện, thị xã, thành phố')).toEqual(['district']);
    expect(model.levelsIn('Huyện ủy giao các tổ chức chính trị - xã hội')).toEqual([]);
    expect(model.levelsIn('Mặt trận cấp tỉnh')).toEqual(['province']);
  });
});
