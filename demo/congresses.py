"""Demo data drawn from the three seed documents of Ninh Thuận (shared/seeds/).

- 000: task schedule of the 7th provincial Patriotic Emulation Congress, 2020;
- 001: plan of the online annual review conference, 2022, with connection points;
- 003: plan of the provincial trade union's 7th advanced-models conference, 2020.

The tables below are the data; load_demo() writes them in one transaction. Every row is
looked up by its natural key, so a second run never duplicates anything.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from congress.models import (
    BoardMember,
    Congress,
    CongressRole,
    CongressSession,
    ConnectionPoint,
    HeadTerm,
    Organization,
    OrganizingBoard,
    Person,
    Subcommittee,
    SubcommitteeMember,
)

DEMO_PASSWORD = "demo12345"
DEMO_CONGRESS_NAME = "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020"
MAIL = "@demo.ninhthuan.example"

K = Organization.Kind
F, M = Person.Gender.FEMALE, Person.Gender.MALE
B = BoardMember.Role
S = SubcommitteeMember.Role
R = CongressRole.Role

# (key, unit, place): the province's city and districts.
DISTRICTS = [
    ("prtc", "thành phố", "Phan Rang - Tháp Chàm"),
    ("ninh_hai", "huyện", "Ninh Hải"),
    ("ninh_phuoc", "huyện", "Ninh Phước"),
    ("ninh_son", "huyện", "Ninh Sơn"),
    ("bac_ai", "huyện", "Bác Ái"),
    ("thuan_bac", "huyện", "Thuận Bắc"),
    ("thuan_nam", "huyện", "Thuận Nam"),
]

# (key, parent key, name, short name, abbreviation used in document numbers, kind); parents first.
ORGANIZATIONS = [
    ("hdtdkt_tw", None, "Hội đồng Thi đua - Khen thưởng Trung ương", "HĐTĐKT Trung ương", "HĐTĐKT", K.OTHER),
    ("tld", None, "Tổng Liên đoàn Lao động Việt Nam", "Tổng Liên đoàn", "TLĐ", K.UNION),
    (
        "tld_csktxh",
        "tld",
        "Ban Chính sách Kinh tế - Xã hội và Thi đua - Khen thưởng",
        "Ban CSKTXH và TĐKT Tổng Liên đoàn",
        "CSKTXH&TĐKT",
        K.DEPARTMENT,
    ),
    ("tinh_uy", None, "Tỉnh ủy Ninh Thuận", "Tỉnh ủy", "TU", K.OTHER),
    ("tt_tinh_uy", "tinh_uy", "Thường trực Tỉnh ủy", "TT Tỉnh ủy", "", K.OTHER),
    ("btgtu", "tinh_uy", "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "BTGTU", K.DEPARTMENT),
    ("bdvtu", "tinh_uy", "Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "BDVTU", K.DEPARTMENT),
    ("hdnd", None, "Hội đồng nhân dân tỉnh Ninh Thuận", "HĐND tỉnh", "HĐND", K.OTHER),
    ("tt_hdnd", "hdnd", "Thường trực Hội đồng nhân dân tỉnh", "TT HĐND tỉnh", "", K.OTHER),
    ("doan_dbqh", None, "Đoàn đại biểu Quốc hội tỉnh Ninh Thuận", "Đoàn ĐBQH tỉnh", "ĐĐBQH", K.OTHER),
    ("mttq", None, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "MTTQ", K.MASS_ORGANIZATION),
    ("hnd", None, "Hội Nông dân tỉnh", "Hội Nông dân tỉnh", "HNDT", K.MASS_ORGANIZATION),
    ("bao", None, "Báo Ninh Thuận", "Báo Ninh Thuận", "BNT", K.MEDIA),
    ("dai", None, "Đài Phát thanh và Truyền hình tỉnh", "Đài PTTH tỉnh", "PTTH", K.MEDIA),
    ("ubnd", None, "Ủy ban nhân dân tỉnh Ninh Thuận", "UBND tỉnh", "UBND", K.PEOPLES_COMMITTEE),
    ("hdtdkt", "ubnd", "Hội đồng Thi đua - Khen thưởng tỉnh", "HĐTĐKT tỉnh", "HĐTĐKT", K.OTHER),
    ("vpub", "ubnd", "Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh", "VPUB", K.DEPARTMENT),
    ("vxnv", "vpub", "Phòng Văn xã - Nội vụ", "Phòng VXNV", "VXNV", K.DEPARTMENT),
    ("hcqt", "vpub", "Phòng Hành chính - Quản trị", "Phòng HCQT", "HCQT", K.DEPARTMENT),
    ("snv", "ubnd", "Sở Nội vụ", "Sở Nội vụ", "SNV", K.DEPARTMENT),
    ("btdkt", "snv", "Ban Thi đua - Khen thưởng tỉnh", "Ban TĐKT tỉnh", "BTĐKT", K.DEPARTMENT),
    ("svhttdl", "ubnd", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "SVHTTDL", K.DEPARTMENT),
    ("skhdt", "ubnd", "Sở Kế hoạch và Đầu tư", "Sở KHĐT", "SKHĐT", K.DEPARTMENT),
    ("snnptnt", "ubnd", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NNPTNT", "SNNPTNT", K.DEPARTMENT),
    ("sldtbxh", "ubnd", "Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH", "SLĐTBXH", K.DEPARTMENT),
    ("syt", "ubnd", "Sở Y tế", "Sở Y tế", "SYT", K.DEPARTMENT),
    *[
        (f"ubnd_{key}", "ubnd", f"Ủy ban nhân dân {unit} {place}", f"UBND {unit} {place}", "UBND", K.DISTRICT)
        for key, unit, place in DISTRICTS
    ],
    ("ubnd_nhon_hai", "ubnd_ninh_hai", "Ủy ban nhân dân xã Nhơn Hải", "UBND xã Nhơn Hải", "UBND", K.COMMUNE),
    ("ldld", None, "Liên đoàn Lao động tỉnh Ninh Thuận", "LĐLĐ tỉnh", "LĐLĐ", K.UNION),
    ("ldld_btv", "ldld", "Ban Thường vụ Liên đoàn Lao động tỉnh", "Ban Thường vụ LĐLĐ tỉnh", "", K.OTHER),
    ("ldld_tt", "ldld", "Thường trực Liên đoàn Lao động tỉnh", "Thường trực LĐLĐ tỉnh", "", K.OTHER),
    ("ldld_hdtdkt", "ldld", "Hội đồng Thi đua - Khen thưởng LĐLĐ tỉnh", "HĐTĐKT LĐLĐ tỉnh", "HĐTĐKT", K.OTHER),
    ("ldld_ctcs", "ldld", "Ban Công tác cơ sở", "Ban Công tác cơ sở LĐLĐ tỉnh", "CTCS", K.DEPARTMENT),
    ("ldld_vp", "ldld", "Văn phòng Liên đoàn Lao động tỉnh", "Văn phòng LĐLĐ tỉnh", "VP", K.DEPARTMENT),
    ("cdvc", "ldld", "Công đoàn Viên chức tỉnh", "Công đoàn Viên chức tỉnh", "CĐVC", K.UNION),
    ("cdkcn", "ldld", "Công đoàn Các Khu công nghiệp tỉnh", "Công đoàn Các KCN tỉnh", "CĐKCN", K.UNION),
    *[
        (f"ldld_{key}", "ldld", f"Liên đoàn Lao động {unit} {place}", f"LĐLĐ {unit} {place}", "LĐLĐ", K.UNION)
        for key, unit, place in DISTRICTS
    ],
]

# (key, full name, gender, birth year, ethnicity, position, organisation key, e-mail).
# The first three are the signers of the seeds; the rest are invented staff.
PEOPLE = [
    ("vinh", "Lưu Xuân Vĩnh", M, None, "", "Chủ tịch UBND tỉnh", "ubnd", ""),
    (
        "nam",
        "Trần Quốc Nam",
        M,
        None,
        "",
        "Chủ tịch UBND tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh",
        "ubnd",
        "",
    ),
    ("dong", "Trần Văn Đông", M, None, "", "Chủ tịch LĐLĐ tỉnh", "ldld", ""),
    ("binh", "Lê Văn Bình", M, 1968, "Kinh", "Giám đốc Sở Nội vụ", "snv", "lvbinh" + MAIL),
    ("ha", "Nguyễn Thị Thu Hà", F, 1976, "Kinh", "Phó Giám đốc Sở Nội vụ", "snv", "ntthuha" + MAIL),
    ("thu", "Trần Thị Minh Thư", F, 1990, "Kinh", "Chuyên viên Ban Thi đua - Khen thưởng tỉnh", "snv", "ttmthu" + MAIL),
    ("huy", "Phạm Quốc Huy", M, 1985, "Kinh", "Chánh Văn phòng Sở Nội vụ", "snv", "pqhuy" + MAIL),
    ("khoa", "Đỗ Minh Khoa", M, 1992, "Kinh", "Chuyên viên công nghệ thông tin, Sở Nội vụ", "snv", "dmkhoa" + MAIL),
    ("quang", "Trương Minh Quang", M, 1970, "Kinh", "Chánh Văn phòng UBND tỉnh", "vpub", "tmquang" + MAIL),
    ("ngoc", "Lâm Thị Bích Ngọc", F, 1980, "Kinh", "Phó Chánh Văn phòng UBND tỉnh", "vpub", "ltbngoc" + MAIL),
    ("minh", "Bá Văn Minh", M, 1983, "Chăm", "Trưởng phòng Hành chính - Quản trị", "hcqt", "bvminh" + MAIL),
    ("hanh", "Chamaléa Thị Hạnh", F, 1991, "Raglai", "Chuyên viên Phòng Văn xã - Nội vụ", "vxnv", "cthanh" + MAIL),
    ("thanh", "Quảng Đại Thành", M, 1971, "Chăm", "Phó Trưởng Ban Tuyên giáo Tỉnh ủy", "btgtu", "qdthanh" + MAIL),
    (
        "oanh",
        "Võ Thị Kim Oanh",
        F,
        1972,
        "Kinh",
        "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
        "svhttdl",
        "vtkoanh" + MAIL,
    ),
    ("loc", "Huỳnh Văn Lộc", M, 1969, "Kinh", "Giám đốc Sở Kế hoạch và Đầu tư", "skhdt", "hvloc" + MAIL),
    ("tam", "Phan Thị Thanh Tâm", F, 1974, "Kinh", "Tổng Biên tập Báo Ninh Thuận", "bao", "pttam" + MAIL),
    (
        "nghia",
        "Đặng Hữu Nghĩa",
        M,
        1973,
        "Kinh",
        "Giám đốc Đài Phát thanh và Truyền hình tỉnh",
        "dai",
        "dhnghia" + MAIL,
    ),
    ("tien", "Chamaléa Văn Tiến", M, 1970, "Raglai", "Chủ tịch Hội Nông dân tỉnh", "hnd", "cvtien" + MAIL),
    ("thuy", "Nguyễn Thị Lệ Thủy", F, 1975, "Kinh", "Phó Chủ tịch LĐLĐ tỉnh", "ldld", "ntlthuy" + MAIL),
    ("hoa", "Châu Văn Hòa", M, 1978, "Chăm", "Trưởng Ban Công tác cơ sở", "ldld_ctcs", "cvhoa" + MAIL),
    ("anh", "Đỗ Thị Ngọc Ánh", F, 1982, "Kinh", "Chánh Văn phòng LĐLĐ tỉnh", "ldld_vp", "dtnanh" + MAIL),
    ("lan", "Thiên Thị Ngọc Lan", F, 1993, "Chăm", "Chuyên viên Ban Công tác cơ sở", "ldld_ctcs", "ttnlan" + MAIL),
]

# The provincial chairmen of the seeds' dates: seed 000 (July 2020) is signed by Lưu Xuân Vĩnh,
# seed 001 (February 2022) by Trần Quốc Nam; the change of term is set at mid-2021.
HEAD_TERMS = [
    ("ubnd", "vinh", datetime.date(2016, 7, 1), datetime.date(2021, 6, 30)),
    ("ubnd", "nam", datetime.date(2021, 7, 1), None),
    ("hdtdkt", "vinh", datetime.date(2016, 7, 1), datetime.date(2021, 6, 30)),
    ("hdtdkt", "nam", datetime.date(2021, 7, 1), None),
]

# organisation key -> person key of its head (today).
ORG_HEADS = {
    "ubnd": "nam",
    "hdtdkt": "nam",
    "snv": "binh",
    "vpub": "quang",
    "hcqt": "minh",
    "svhttdl": "oanh",
    "skhdt": "loc",
    "bao": "tam",
    "dai": "nghia",
    "hnd": "tien",
    "ldld": "dong",
    "ldld_ctcs": "hoa",
    "ldld_vp": "anh",
}

OFFICE_GROUP = "Văn phòng Thường trực"
OFFICE_PERMISSIONS = ["add_congress", "add_organization", "change_organization", "add_person", "change_person"]

# (username, person key, superuser, groups, what the login is for).
USERS = [
    (
        "vanphong",
        "thu",
        False,
        [OFFICE_GROUP],
        "Văn phòng Thường trực (Sở Nội vụ): quản lý Đại hội tỉnh lần thứ VII và Hội nghị trực tuyến năm 2022, "
        "tạo Đại hội mới, sửa danh bạ",
    ),
    ("bantochuc", "oanh", False, [], "Thành viên Ban Tổ chức Đại hội tỉnh lần thứ VII (chỉ xem)"),
    ("tieuban", "ha", False, [], "Trưởng Tiểu ban Nội dung, Đại hội tỉnh lần thứ VII"),
    ("sonoivu", "huy", False, [], "Đầu mối của Sở Nội vụ, Đại hội tỉnh lần thứ VII"),
    ("xem", "hanh", False, [], "Người xem, Đại hội tỉnh lần thứ VII"),
    (
        "congdoan",
        "lan",
        False,
        [],
        "Ban Công tác cơ sở LĐLĐ tỉnh: chỉ quản lý Hội nghị điển hình tiên tiến trong CNVCLĐ lần thứ VII "
        "(không thấy Đại hội tỉnh)",
    ),
    ("admin", "khoa", True, [], "Quản trị hệ thống: xem và sửa được tất cả"),
]
DEMO_LOGINS = [(username, description) for username, _, _, _, description in USERS]

# Congresses, parents first; "host" and "parent" name keys of ORGANIZATIONS and CONGRESSES.
CONGRESSES = [
    {
        "key": "national",
        "name": "Đại hội Thi đua yêu nước toàn quốc lần thứ X",
        "kind": Congress.Kind.CONGRESS,
        "level": Congress.Level.NATIONAL,
        "edition": 10,
        "year": 2020,
        "area_name": "toàn quốc",
        "host": "hdtdkt_tw",
        "parent": None,
        "review_period": "2016-2020",
        "next_period": "2021-2025",
        "status": Congress.Status.PREPARING,
    },
    {
        "key": "vii",
        "name": DEMO_CONGRESS_NAME,
        "kind": Congress.Kind.CONGRESS,
        "level": Congress.Level.PROVINCE,
        "edition": 7,
        "year": 2020,
        "area_name": "tỉnh Ninh Thuận",
        "host": "ubnd",
        "parent": "national",
        "review_period": "2016-2020",
        "next_period": "2021-2025",
        "status": Congress.Status.PREPARING,
    },
    {
        "key": "union",
        "name": "Hội nghị điển hình tiên tiến trong công nhân, viên chức, lao động tỉnh Ninh Thuận "
        "lần thứ VII - năm 2020",
        "kind": Congress.Kind.ADVANCED_MODELS,
        "level": Congress.Level.PROVINCE,
        "edition": 7,
        "year": 2020,
        "area_name": "trong công nhân, viên chức, lao động tỉnh Ninh Thuận",
        "theme": "Đoàn kết, năng động, sáng tạo, thi đua thực hiện thắng lợi nhiệm vụ của tổ chức công đoàn, "
        "góp phần phát triển kinh tế - xã hội của tỉnh, giai đoạn 2021 – 2025",
        "host": "ldld",
        "parent": "vii",
        "review_period": "2016-2020",
        "next_period": "2021-2025",
        "status": Congress.Status.PREPARING,
    },
    {
        "key": "review",
        "name": "Hội nghị trực tuyến tổng kết công tác thi đua, khen thưởng năm 2021 và triển khai nhiệm vụ năm 2022",
        "kind": Congress.Kind.ANNUAL_REVIEW,
        "level": Congress.Level.PROVINCE,
        "year": 2022,
        "host": "ubnd",
        "parent": None,
        "format": Congress.Format.ONLINE,
        "status": Congress.Status.PREPARING,
    },
]

# (congress key, name, planned year, planned month, place, notes); each congress has one session.
SESSIONS = [
    ("vii", "Phiên chính thức", 2020, 8, "", ""),
    ("union", "Phiên chính thức", 2020, 7, "Hội trường LĐLĐ tỉnh", "½ ngày"),
    (
        "review",
        "Phiên chính thức",
        2022,
        2,
        "Phòng họp trực tuyến số 1, Văn phòng Ủy ban nhân dân tỉnh",
        "01 buổi, dự kiến từ ngày 22/02/2022 đến 25/02/2022 (thời gian chính thức sẽ có giấy mời cụ thể).",
    ),
]

# Connection points of the online conference: (level, name, room, organisation key).
CONNECTION_POINTS = [
    ("province", "Điểm cầu tỉnh", "Phòng họp trực tuyến số 1, Văn phòng Ủy ban nhân dân tỉnh", "ubnd"),
    *[
        ("district", f"Điểm cầu {unit} {place}", f"Phòng họp trực tuyến của {unit} {place}", f"ubnd_{key}")
        for key, unit, place in DISTRICTS
    ],
    ("commune", "Điểm cầu xã Nhơn Hải", "Phòng họp trực tuyến của xã Nhơn Hải", "ubnd_nhon_hai"),
    ("commune", "Điểm cầu các xã, phường, thị trấn", "Phòng họp trực tuyến của xã, phường, thị trấn", None),
]

# congress key -> (board name, [(person key, role, position as printed, duties)]).
BOARDS = {
    "vii": (
        "Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII, năm 2020",
        [
            ("vinh", B.HEAD, "Chủ tịch UBND tỉnh", "Chỉ đạo chung hoạt động của Ban Tổ chức Đại hội."),
            (
                "binh",
                B.STANDING_DEPUTY,
                "Giám đốc Sở Nội vụ",
                "Giúp Trưởng ban điều hành hoạt động của Ban Tổ chức; phụ trách Tiểu ban Nội dung.",
            ),
            ("quang", B.DEPUTY, "Chánh Văn phòng UBND tỉnh", "Phụ trách Tiểu ban Phục vụ."),
            ("thanh", B.DEPUTY, "Phó Trưởng Ban Tuyên giáo Tỉnh ủy", "Phụ trách Tiểu ban Tuyên truyền."),
            ("ha", B.MEMBER, "", ""),
            ("oanh", B.MEMBER, "", ""),
            ("loc", B.MEMBER, "", ""),
            ("tam", B.MEMBER, "", ""),
            ("nghia", B.MEMBER, "", ""),
            ("tien", B.MEMBER, "", ""),
            ("thu", B.SECRETARY, "Chuyên viên Ban Thi đua - Khen thưởng tỉnh, Sở Nội vụ", ""),
        ],
    ),
    "union": (
        "Ban Tổ chức Hội nghị điển hình tiên tiến trong công nhân, viên chức, lao động tỉnh Ninh Thuận "
        "lần thứ VII - năm 2020",
        [
            (
                "dong",
                B.HEAD,
                "Chủ tịch LĐLĐ tỉnh",
                "Chỉ đạo chung; cho ý kiến kịch bản và phóng sự trước ngày 29/5/2020.",
            ),
            ("thuy", B.DEPUTY, "", ""),
            (
                "hoa",
                B.MEMBER,
                "Trưởng Ban Công tác cơ sở, LĐLĐ tỉnh",
                "Phân bổ đại biểu, thẩm định hồ sơ khen thưởng, dự thảo báo cáo tổng kết, kịch bản Hội nghị.",
            ),
            ("anh", B.MEMBER, "", "Kinh phí, trang trí Hội trường, phát hành Giấy mời, đón tiếp đại biểu."),
            ("lan", B.SECRETARY, "Chuyên viên Ban Công tác cơ sở, LĐLĐ tỉnh", ""),
        ],
    ),
    "review": (
        "Ban Tổ chức Hội nghị trực tuyến tổng kết công tác thi đua, khen thưởng năm 2021 và triển khai nhiệm vụ "
        "năm 2022",
        [
            ("nam", B.HEAD, "Chủ tịch UBND tỉnh - Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh", "Chủ trì Hội nghị."),
            ("binh", B.STANDING_DEPUTY, "", "Chuẩn bị báo cáo tổng kết; làm công tác tổ chức Hội nghị."),
            ("quang", B.MEMBER, "", "Bố trí lịch, phát hành Giấy mời, chuẩn bị phòng họp trực tuyến."),
            ("thu", B.SECRETARY, "Chuyên viên Ban Thi đua - Khen thưởng tỉnh, Sở Nội vụ", ""),
        ],
    ),
}

# Sub-committees of the provincial congress: (kind, name, duties, [(person key, role)]).
SUBCOMMITTEES = [
    (
        Subcommittee.Kind.CONTENT,
        "Tiểu ban Nội dung",
        "- Xây dựng dự thảo Báo cáo tổng kết phong trào thi đua yêu nước và công tác khen thưởng giai đoạn "
        "2016-2020; phương hướng nhiệm vụ công tác thi đua, khen thưởng giai đoạn 2021-2025.\n"
        "- Dự thảo diễn văn khai mạc và bế mạc, chương trình phát động phong trào thi đua, các báo cáo tham luận, "
        "chương trình và kịch bản chi tiết điều hành Đại hội, nội quy Đại hội.\n"
        "- Đề xuất danh sách thành phần Đoàn Chủ tịch, Thư ký Đại hội.",
        [("ha", S.HEAD), ("thu", S.MEMBER), ("hanh", S.MEMBER)],
    ),
    (
        Subcommittee.Kind.PROPAGANDA,
        "Tiểu ban Tuyên truyền",
        "- Đẩy mạnh các hoạt động tuyên truyền về Đại hội Thi đua yêu nước tỉnh lần thứ VII - năm 2020, "
        "giới thiệu các gương điển hình tiên tiến trên địa bàn.\n"
        "- Xây dựng phóng sự về phong trào thi đua yêu nước, gương điển hình tiên tiến 05 năm (2016-2020).\n"
        "- Trưng bày hình ảnh tại Đại hội; tuyên truyền trực quan: pano, băng rôn, cờ phướn.",
        [("thanh", S.HEAD), ("oanh", S.MEMBER), ("tam", S.MEMBER), ("nghia", S.MEMBER)],
    ),
    (
        Subcommittee.Kind.LOGISTICS,
        "Tiểu ban Phục vụ",
        "- Xây dựng kế hoạch kinh phí phục vụ Đại hội; tổ chức in ấn tài liệu phục vụ Đại hội.\n"
        "- Bố trí chỗ ăn nghỉ của đại biểu Trung ương, tỉnh bạn; đảm bảo sức khỏe cho đại biểu.\n"
        "- Đảm bảo cơ sở vật chất, an ninh trật tự trước, trong và sau Đại hội; trang trí bên trong và ngoài "
        "Hội trường Đại hội.",
        [("quang", S.HEAD), ("ngoc", S.MEMBER), ("minh", S.MEMBER)],
    ),
]

# (username, congress key, role, organisation key, sub-committee name).
ROLES = [
    ("vanphong", "vii", R.SECRETARIAT, None, None),
    ("vanphong", "review", R.SECRETARIAT, None, None),
    ("bantochuc", "vii", R.BOARD_MEMBER, None, None),
    ("tieuban", "vii", R.SUBCOMMITTEE_HEAD, None, "Tiểu ban Nội dung"),
    ("sonoivu", "vii", R.FOCAL_POINT, "snv", None),
    ("xem", "vii", R.VIEWER, None, None),
    ("congdoan", "union", R.SECRETARIAT, None, None),
]


def load_demo():
    """Create the demo data; False if the provincial congress of seed 000 is already there."""
    with transaction.atomic():
        if Congress.objects.filter(name=DEMO_CONGRESS_NAME).exists():
            return False
        orgs = load_organizations()
        people = load_people(orgs)
        users = load_users(people)
        congresses = load_congresses(orgs)
        load_sessions(congresses, orgs)
        load_boards(congresses, people)
        subcommittees = load_subcommittees(congresses["vii"], people)
        load_roles(congresses, users, orgs, subcommittees)
    return True


def load_organizations():
    orgs = {}
    for key, parent_key, name, short_name, abbreviation, kind in ORGANIZATIONS:
        orgs[key], _ = Organization.objects.update_or_create(
            name=name,
            parent=orgs.get(parent_key),
            defaults={"short_name": short_name, "abbreviation": abbreviation, "kind": kind},
        )
    return orgs


def load_people(orgs):
    people = {}
    for key, full_name, gender, birth_year, ethnicity, position, org_key, email in PEOPLE:
        people[key], _ = Person.objects.update_or_create(
            full_name=full_name,
            organization=orgs[org_key],
            defaults={
                "gender": gender,
                "birth_year": birth_year,
                "ethnicity": ethnicity,
                "position": position,
                "email": email,
            },
        )
    for org_key, person_key in ORG_HEADS.items():
        orgs[org_key].head = people[person_key]
        orgs[org_key].save(update_fields=["head"])
    for org_key, person_key, started_on, ended_on in HEAD_TERMS:
        organization, person = orgs[org_key], people[person_key]
        HeadTerm.objects.get_or_create(
            organization=organization, person=person, started_on=started_on, defaults={"ended_on": ended_on}
        )
    return people


def load_office_group():
    group, _ = Group.objects.get_or_create(name=OFFICE_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="congress", codename__in=OFFICE_PERMISSIONS)
    )
    return group


def load_users(people):
    groups = {OFFICE_GROUP: load_office_group()}
    users = {}
    for username, person_key, superuser, group_names, _ in USERS:
        person = people[person_key]
        user, created = get_user_model().objects.update_or_create(
            username=username,
            defaults={
                "email": person.email,
                "first_name": person.full_name[:150],
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(*(groups[name] for name in group_names))
        Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
        person.user = user
        person.save(update_fields=["user"])
        users[username] = user
    return users


def load_congresses(orgs):
    congresses = {}
    for row in CONGRESSES:
        fields = dict(row)
        key, name, host, parent = fields.pop("key"), fields.pop("name"), fields.pop("host"), fields.pop("parent")
        congresses[key], _ = Congress.objects.update_or_create(
            name=name, defaults={**fields, "host": orgs[host], "parent": congresses.get(parent)}
        )
    return congresses


def load_sessions(congresses, orgs):
    for congress_key, name, year, month, place, notes in SESSIONS:
        session, _ = CongressSession.objects.update_or_create(
            congress=congresses[congress_key],
            name=name,
            defaults={
                "timing": CongressSession.Timing.MONTH,
                "planned_year": year,
                "planned_month": month,
                "place": place,
                "notes": notes,
            },
        )
        if congress_key == "review":
            load_connection_points(session, orgs)


def load_connection_points(session, orgs):
    for order, (level, name, place, org_key) in enumerate(CONNECTION_POINTS, start=1):
        ConnectionPoint.objects.update_or_create(
            session=session,
            name=name,
            defaults={"level": level, "place": place, "organization": orgs.get(org_key), "order": order},
        )


def load_boards(congresses, people):
    for congress_key, (board_name, members) in BOARDS.items():
        board, _ = OrganizingBoard.objects.update_or_create(
            congress=congresses[congress_key], defaults={"name": board_name}
        )
        for order, (person_key, role, position_text, duties) in enumerate(members, start=1):
            BoardMember.objects.update_or_create(
                board=board,
                person=people[person_key],
                defaults={"role": role, "order": order, "position_text": position_text, "duties": duties},
            )


def load_subcommittees(congress, people):
    subcommittees = {}
    for order, (kind, name, duties, members) in enumerate(SUBCOMMITTEES, start=1):
        subcommittee, _ = Subcommittee.objects.update_or_create(
            congress=congress, name=name, defaults={"kind": kind, "duties": duties, "order": order}
        )
        for member_order, (person_key, role) in enumerate(members, start=1):
            SubcommitteeMember.objects.update_or_create(
                subcommittee=subcommittee,
                person=people[person_key],
                defaults={"role": role, "order": member_order},
            )
        subcommittees[name] = subcommittee
    return subcommittees


def load_roles(congresses, users, orgs, subcommittees):
    for username, congress_key, role, org_key, subcommittee_name in ROLES:
        CongressRole.objects.get_or_create(
            congress=congresses[congress_key],
            user=users[username],
            role=role,
            organization=orgs.get(org_key),
            subcommittee=subcommittees.get(subcommittee_name),
        )
