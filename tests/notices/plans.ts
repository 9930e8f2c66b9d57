/** Two short 2024 plans with a number, a year and a "Mục đích" part, for the notices tests. */

/** Kế hoạch số 45-KH/ĐUK (2024): its purpose opens with "Nâng cao nhận thức …". */
export const PLAN_45 = `ĐẢNG BỘ TỈNH LÀO CAI
ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH

Số: 45-KH/ĐUK
Lào Cai, ngày 10 tháng 01 năm 2024

KẾ HOẠCH
tuyên truyền chuyển đổi số trong các cơ quan Đảng năm 2024

Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số; đưa nghị quyết của Đảng đến từng đảng viên qua điện thoại thông minh.

- Xây dựng đội ngũ tuyên truyền viên trên không gian mạng ở mỗi chi bộ.

2. Yêu cầu

- Bám sát thực tiễn, thiết thực, hiệu quả.

II. NỘI DUNG TUYÊN TRUYỀN

1. Nhiệm vụ trọng tâm về chuyển đổi số

- Xây dựng trang thông tin điện tử của Đảng bộ, cập nhật văn bản chỉ đạo hằng tuần.

- Mỗi chi bộ lập một nhóm nhắn tin để phổ biến nghị quyết và lấy ý kiến đảng viên.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn Bình
`;

/** Kế hoạch số 46-KH/ĐUK (2024), another document of the same body. */
export const PLAN_46 = `ĐẢNG BỘ TỈNH LÀO CAI
ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH

Số: 46-KH/ĐUK
Lào Cai, ngày 20 tháng 02 năm 2024

KẾ HOẠCH
số hóa tài liệu lưu trữ của các chi bộ năm 2024

Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Số hóa toàn bộ hồ sơ đảng viên và biên bản sinh hoạt chi bộ trong năm 2024.

- Xây dựng đội ngũ tuyên truyền viên trên không gian mạng ở mỗi chi bộ.

2. Yêu cầu

- Bám sát thực tiễn, thiết thực, hiệu quả.

II. NỘI DUNG TUYÊN TRUYỀN

1. Nhiệm vụ trọng tâm về chuyển đổi số

- Xây dựng trang thông tin điện tử của Đảng bộ, cập nhật văn bản chỉ đạo hằng tuần.

- Mỗi chi bộ lập một nhóm nhắn tin để phổ biến nghị quyết và lấy ý kiến đảng viên.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn Bình
`;
