"""The initial catalogue of award types (docs/awards.md: Law 06/2022/QH15, Decree
152/2025/NĐ-CP and the provincial rules kept under them). Loaded once by a data migration;
from then on staff edit the rows, never this file.

Where the sources give no figure (council thresholds of titles outside the secret-ballot list,
prize multiples of individual forms of commendation), the value below is a starting point
named in the criteria text, for the province to set.
"""

from decimal import Decimal

T, C, R = "title", "commendation", "rating"
IND, COL, HH = "individual", "collective", "household"

# (name, template code, mandatory, file kinds)
LETTER = ("Tờ trình đề nghị khen thưởng", "Mẫu số 01", True, "pdf,doc,docx")
MINUTES = ("Biên bản bình xét của Hội đồng Thi đua - Khen thưởng (có kết quả bỏ phiếu)", "", True, "pdf,doc,docx")
INITIATIVE = ("Giấy chứng nhận sáng kiến hoặc đề tài nghiên cứu được công nhận", "", True, "pdf,jpg,png")
INITIATIVE_OPTIONAL = (INITIATIVE[0], "", False, INITIATIVE[3])
CONFIRMATIONS = ("Văn bản xác nhận của cơ quan liên quan (công an, thuế, bảo hiểm xã hội…)", "", False, "pdf,jpg,png")


def report(kind):
    return (f"Báo cáo thành tích {kind}, có xác nhận của cấp trình", "Mẫu số 02", True, "pdf,doc,docx")


PERSONAL = report("cá nhân")
COLLECTIVE = report("tập thể")
FLAG = report("đề nghị tặng Cờ thi đua")

GOOD_YEARS = ["httnv", "htxsnv", "ldtt", "cstd_co_so"]

# code, name, short name, kind, scope, authority, criteria, prerequisites, secret, threshold, quorum, prize, documents
TYPES = [
    ("htxsnv", "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV", R, IND, "Thủ trưởng cơ quan, đơn vị",
     "Kết quả xếp loại hằng năm; chỉ dùng cho lịch sử khen thưởng.", [], False, 50, 80, None, []),
    ("httnv", "Hoàn thành tốt nhiệm vụ", "HTTNV", R, IND, "Thủ trưởng cơ quan, đơn vị",
     "Kết quả xếp loại hằng năm; chỉ dùng cho lịch sử khen thưởng.", [], False, 50, 80, None, []),
    ("cstd_toan_quoc", "Chiến sĩ thi đua toàn quốc", "CSTĐ toàn quốc", T, IND, "Thủ tướng Chính phủ",
     "Lựa chọn trong số những cá nhân có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp tỉnh (hoặc cấp bộ, "
     "ngành), có sáng kiến hoặc đề tài nghiên cứu có phạm vi ảnh hưởng toàn quốc.",
     [{"titles": ["cstd_tinh"], "consecutive": 2}], True, 90, 80, "4.5",
     [LETTER, PERSONAL, MINUTES, INITIATIVE, CONFIRMATIONS]),
    ("cstd_tinh", "Chiến sĩ thi đua cấp tỉnh", "CSTĐ cấp tỉnh", T, IND, "Chủ tịch Ủy ban nhân dân tỉnh",
     "Lựa chọn trong số những cá nhân có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở, có sáng kiến "
     "được áp dụng hiệu quả, có phạm vi ảnh hưởng trong tỉnh.",
     [{"titles": ["cstd_co_so"], "consecutive": 3}], True, 90, 80, "3",
     [LETTER, PERSONAL, MINUTES, INITIATIVE, CONFIRMATIONS]),
    ("cstd_co_so", "Chiến sĩ thi đua cơ sở", "CSTĐ cơ sở", T, IND,
     "Thủ trưởng cơ quan, đơn vị; Chủ tịch Ủy ban nhân dân cấp xã",
     "Đạt danh hiệu Lao động tiên tiến và có một trong các thành tích: hoàn thành xuất sắc nhiệm vụ, có sáng "
     "kiến được công nhận, có đề tài nghiên cứu được nghiệm thu.",
     [{"titles": ["ldtt"], "consecutive": 1}], True, 80, 80, "1",
     [LETTER, PERSONAL, MINUTES, INITIATIVE_OPTIONAL]),
    ("ldtt", "Lao động tiên tiến", "LĐTT", T, IND, "Thủ trưởng cơ quan, đơn vị",
     "Hoàn thành tốt nhiệm vụ, tích cực tham gia phong trào thi đua. Ngưỡng biểu quyết: tỉnh quy định.",
     [], False, 50, 80, "0.3", [LETTER, PERSONAL, MINUTES]),
    ("co_chinh_phu", "Cờ thi đua của Chính phủ", "Cờ thi đua Chính phủ", T, COL, "Thủ tướng Chính phủ",
     "Lựa chọn trong số các tập thể dẫn đầu cụm, khối thi đua được tặng Cờ thi đua cấp tỉnh.",
     [{"titles": ["co_tinh"], "count": 1, "within": 1}], True, 80, 80, "12", [LETTER, FLAG, MINUTES]),
    ("co_tinh", "Cờ thi đua cấp tỉnh", "Cờ thi đua tỉnh", T, COL, "Chủ tịch Ủy ban nhân dân tỉnh",
     "Tặng tập thể dẫn đầu cụm, khối thi đua do tỉnh tổ chức.", [], True, 80, 80, "8", [LETTER, FLAG, MINUTES]),
    ("tt_ldxs", "Tập thể lao động xuất sắc", "TTLĐXS", T, COL, "Chủ tịch Ủy ban nhân dân tỉnh",
     "Hoàn thành xuất sắc nhiệm vụ; 100% thành viên hoàn thành nhiệm vụ, có ít nhất 70% đạt danh hiệu Lao động "
     "tiên tiến, có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở. Ngưỡng biểu quyết: tỉnh quy định.",
     [], False, 50, 80, "1.5", [LETTER, COLLECTIVE, MINUTES]),
    ("tt_ldtt", "Tập thể lao động tiên tiến", "TTLĐTT", T, COL, "Thủ trưởng cơ quan, đơn vị",
     "Có ít nhất 70% thành viên đạt danh hiệu Lao động tiên tiến, không có cá nhân bị kỷ luật từ hình thức "
     "khiển trách trở lên. Ngưỡng biểu quyết: tỉnh quy định.", [], False, 50, 80, "0.8",
     [LETTER, COLLECTIVE, MINUTES]),
    ("xa_tieu_bieu", "Xã, phường, thị trấn tiêu biểu", "Xã, phường tiêu biểu", T, COL,
     "Chủ tịch Ủy ban nhân dân tỉnh", "Ngưỡng biểu quyết: tỉnh quy định.", [], False, 50, 80, None,
     [LETTER, COLLECTIVE, MINUTES]),
    ("thon_van_hoa", "Thôn, tổ dân phố văn hóa", "Thôn, tổ dân phố văn hóa", T, COL,
     "Chủ tịch Ủy ban nhân dân cấp xã", "Ngưỡng biểu quyết: tỉnh quy định.", [], False, 50, 80, None,
     [LETTER, COLLECTIVE]),
    ("gia_dinh_van_hoa", "Gia đình văn hóa", "Gia đình văn hóa", T, HH, "Chủ tịch Ủy ban nhân dân cấp xã",
     "Ngưỡng biểu quyết: tỉnh quy định.", [], False, 50, 80, None, [LETTER]),
    ("anh_hung_ld", "Danh hiệu Anh hùng Lao động", "Anh hùng Lao động", C, IND, "Chủ tịch nước",
     "Danh hiệu vinh dự nhà nước.", [], True, 90, 80, None, [LETTER, PERSONAL, MINUTES, CONFIRMATIONS]),
    ("huan_chuong_ld3", "Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Ba", C, IND, "Chủ tịch nước",
     "Ngưỡng biểu quyết: tỉnh quy định.", [], False, 50, 80, None, [LETTER, PERSONAL, MINUTES, CONFIRMATIONS]),
    ("bk_ttg_ca_nhan", "Bằng khen của Thủ tướng Chính phủ (cá nhân)", "Bằng khen Thủ tướng", C, IND,
     "Thủ tướng Chính phủ",
     "Đã được tặng Bằng khen cấp tỉnh, 05 năm liên tục trở lên hoàn thành tốt nhiệm vụ, trong thời gian đó có 03 "
     "lần đạt danh hiệu Chiến sĩ thi đua cơ sở. Mức tiền thưởng cá nhân: bằng 1/2 tập thể (tỉnh điều chỉnh).",
     [
         {"titles": ["bk_tinh_ca_nhan"], "count": 1},
         {"titles": GOOD_YEARS, "consecutive": 5, "label": "Hoàn thành tốt nhiệm vụ trở lên"},
         {"titles": ["cstd_co_so"], "count": 3, "within": 5},
     ],
     False, 50, 80, "3.5", [LETTER, PERSONAL, MINUTES]),
    ("bk_ttg_tap_the", "Bằng khen của Thủ tướng Chính phủ (tập thể)", "Bằng khen Thủ tướng", C, COL,
     "Thủ tướng Chính phủ", "Ngưỡng biểu quyết: tỉnh quy định.", [], False, 50, 80, "7",
     [LETTER, COLLECTIVE, MINUTES]),
    ("bk_tinh_ca_nhan", "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)", "Bằng khen UBND tỉnh", C, IND,
     "Chủ tịch Ủy ban nhân dân tỉnh",
     "Có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở. Mức tiền thưởng cá nhân: bằng 1/2 tập thể "
     "(tỉnh điều chỉnh).",
     [{"titles": ["cstd_co_so"], "consecutive": 2}], False, 50, 80, "1.5", [LETTER, PERSONAL, MINUTES]),
    ("bk_tinh_tap_the", "Bằng khen của Chủ tịch UBND tỉnh (tập thể)", "Bằng khen UBND tỉnh", C, COL,
     "Chủ tịch Ủy ban nhân dân tỉnh", "Ngưỡng biểu quyết: tỉnh quy định.", [], False, 50, 80, "3",
     [LETTER, COLLECTIVE, MINUTES]),
    ("giay_khen_tap_the", "Giấy khen (tập thể)", "Giấy khen", C, COL, "Thủ trưởng cơ quan, đơn vị",
     "Ngưỡng biểu quyết: tỉnh quy định.", [], False, 50, 80, "0.6", [LETTER, COLLECTIVE]),
    ("ky_niem_chuong", "Kỷ niệm chương", "Kỷ niệm chương", C, IND, "Bộ, ngành, đoàn thể Trung ương",
     "Ngưỡng biểu quyết: tỉnh quy định.", [], False, 50, 80, None, [LETTER, PERSONAL]),
]  # fmt: skip


def load_catalogue(AwardType, RequiredDocument):
    """Create the award types missing from the catalogue (by code); existing rows are left as staff edited them."""
    existing = set(AwardType.objects.values_list("code", flat=True))
    for order, row in enumerate(TYPES, start=1):
        code, name, short, kind, scope, authority, criteria, prereq, secret, threshold, quorum, prize, docs = row
        if code in existing:
            continue
        award_type = AwardType.objects.create(
            code=code,
            name=name,
            short_name=short,
            kind=kind,
            scope=scope,
            authority=authority,
            criteria=criteria,
            prerequisites=prereq,
            secret_ballot=secret,
            approval_threshold=threshold,
            quorum=quorum,
            prize_multiple=Decimal(prize) if prize else None,
            order=order,
        )
        RequiredDocument.objects.bulk_create(
            RequiredDocument(
                award_type=award_type, order=index, name=doc, template_code=template, mandatory=mandatory, file_kinds=k
            )
            for index, (doc, template, mandatory, k) in enumerate(docs, start=1)
        )
