/** Fixed Vietnamese replies of the Zalo bot, kept together so wording is reviewed in one place. */
import { outlineUsage, talkingPointsUsage } from '../../answer/talking-point-words.ts';

/** Sent when handling an update failed for any reason; the log gets the details. */
export const APOLOGY = 'Xin lỗi, hệ thống đang bận, vui lòng thử lại sau.';

export const RATE_LIMITED = 'Bạn gửi hơi nhanh. Vui lòng đợi khoảng một phút rồi hỏi tiếp nhé.';

export const IMAGE_REPLY =
  'Mình chưa đọc được hình ảnh. Bạn vui lòng gõ câu hỏi bằng chữ, ví dụ: "nội dung trọng tâm năm 2023 là gì?"';
export const VOICE_REPLY = 'Mình chưa nghe được tin nhắn thoại. Bạn vui lòng gõ câu hỏi bằng chữ.';
export const STICKER_REPLY = 'Cảm ơn bạn! Gõ câu hỏi về văn bản, hoặc "help" để xem hướng dẫn.';
export const UNSUPPORTED_REPLY =
  'Mình chưa xử lý được loại tin nhắn này. Bạn vui lòng gõ câu hỏi bằng chữ (gửi tệp văn bản không được hỗ trợ trên Zalo).';

export const NOTHING_TO_OPEN = 'Chưa có mục nào để xem. Bạn hãy đặt câu hỏi hoặc gõ "văn bản" trước.';
export const NO_SUCH_ITEM = (n: number, max: number) =>
  max > 0 ? `Không có mục số ${n}. Hãy chọn từ 1 đến ${max}.` : NOTHING_TO_OPEN;
export const DOCUMENT_NOT_FOUND = (ref: string) =>
  `Không tìm thấy văn bản "${ref}". Gõ "văn bản" để xem danh sách.`;
export const SECTION_NOT_FOUND = (label: string) => `Văn bản này không có mục ${label}. Gõ "xem" kèm tên văn bản để xem dàn ý.`;
export const WHICH_DOCUMENT = 'Bạn muốn xem văn bản nào? Ví dụ: "xem 12-KH/ĐU II.1". Gõ "văn bản" để xem danh sách.';
export const NO_DOCUMENTS = 'Kho chưa có văn bản nào.';
export const TOPIC_MISSING = talkingPointsUsage('điểm tin');
export const OUTLINE_TOPIC_MISSING = outlineUsage('đề cương');

export const NOTHING_TO_RATE = 'Chưa có câu trả lời nào để góp ý.';
export const THANKS_UP = 'Cảm ơn bạn đã góp ý!';
export const THANKS_DOWN = 'Cảm ơn bạn. Câu trả lời này sẽ được xem lại.';

export const TOO_LONG = (max: number) => `Câu hỏi dài quá (tối đa ${max} ký tự). Bạn vui lòng hỏi ngắn gọn hơn.`;

export const ADMIN_ONLY = 'Lệnh này chỉ dành cho quản trị viên.';
export const ADMIN_UNAVAILABLE = 'Chức năng quản trị chưa được bật cho Zalo.';
export const CONFIRM_RETIRE = (doc: string) =>
  `Sẽ gỡ văn bản: ${doc}\nNgười dùng sẽ không còn thấy văn bản này. Gõ "xác nhận xoá" trong 2 phút để gỡ.`;
export const NOTHING_TO_CONFIRM = 'Không có yêu cầu gỡ văn bản nào đang chờ.';
export const RETIRED = (doc: string) => `Đã gỡ văn bản: ${doc}`;

/** The help text (one message). `name` is the bot's name, for the group-chat hint. */
export function helpText(name: string | null): string {
  return [
    'Mình trả lời câu hỏi về các văn bản của Đảng, trích nguyên văn và ghi rõ nguồn (văn bản, mục).',
    'Hỏi bằng chữ, có dấu hoặc không dấu, ví dụ: "nội dung trọng tâm năm 2023 là gì?"',
    '',
    'Các lệnh:',
    '• văn bản – danh sách văn bản',
    '• xem <số hiệu> [mục] – dàn ý hoặc toàn văn một mục, ví dụ: xem 12-KH/ĐU II.1',
    '• xem <số> – mở mục số n của câu trả lời trước',
    '• điểm tin <chủ đề> – dàn ý tuyên truyền có trích dẫn',
    '• đề cương <chủ đề> – đề cương tuyên truyền (bản Word có trên Telegram)',
    '• văn bản mới – văn bản đăng trong 30 ngày qua',
    '• theo dõi / bỏ theo dõi – nhận / thôi nhận thông báo khi có văn bản mới',
    '• năm <năm> – văn bản của một năm, ví dụ: năm 2023',
    '• đơn vị <tên đơn vị> – ưu tiên văn bản của đơn vị bạn và cấp trên; "đơn vị" – bỏ',
    '• đúng / sai – góp ý về câu trả lời vừa rồi',
    name ? `Trong nhóm, hãy nhắc @${name} khi hỏi.` : 'Trong nhóm, hãy nhắc tên bot (@) khi hỏi.',
  ].join('\n');
}
