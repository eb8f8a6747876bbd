"""Seed 000's task schedule, entered as printed: eleven tasks, task 7's two sub-items, three board meetings.

Parties are (role, name): every name keeps the seed's wording, and one found in the directory
(by name or short name) also links to its organisation.
"""

from django.db import transaction

from congress.models import Congress, Organization, Subcommittee
from documents.emphasis import plain
from planning.models import AgendaItem, Meeting, Task, TaskParty

from .lower_levels import load_lower_levels

PROVINCIAL_CONGRESS = "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020"
CONGRESS_NAME = "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020"

MEETING_1 = f"""Họp Ban Tổ chức {CONGRESS_NAME} (phiên thứ nhất):
- Công bố Quyết định của Chủ tịch UBND tỉnh về việc thành lập Ban Tổ chức và các Tiểu ban giúp việc Ban Tổ chức \
{CONGRESS_NAME}.
- Phân công nhiệm vụ cho các thành viên Ban Tổ chức Đại hội.
- Thông qua chương trình hoạt động của Ban Tổ chức Đại hội.
- Chỉ đạo các Tiểu ban tiến hành họp và xây dựng kế hoạch để triển khai thực hiện nhiệm vụ cụ thể.
- Đánh giá – rút kinh nghiệm qua việc tổ chức Đại hội thi đua yêu nước của các cơ quan, địa phương:
+ Hội Nông dân tỉnh.
+ Huyện Ninh Hải.
- Quán triệt các cơ quan, đơn vị, địa phương tổ chức Đại hội thi đua yêu nước hoặc Hội nghị điển hình tiên tiến."""

MEETING_2 = f"""Họp Ban Tổ chức {CONGRESS_NAME} (phiên thứ hai):
- Đánh giá kết quả hoạt động thời gian qua.
- Các Tiểu ban báo cáo tình hình thực hiện nhiệm vụ.
- Tiếp tục chỉ đạo thực hiện các nhiệm vụ:
+ Hoàn thiện, trình ban hành Báo cáo tổng kết phong trào thi đua yêu nước và công tác khen thưởng giai đoạn \
2016-2020 và phương hướng nhiệm vụ công tác thi đua, khen thưởng giai đoạn 2021-2025.
+ Đẩy mạnh công tác tuyên truyền về {CONGRESS_NAME}.
+ Thống nhất danh sách cụ thể đại biểu điển hình tiên tiến tham dự Đại hội thi đua yêu nước tỉnh lần thứ VII – năm \
2020 và đề xuất danh sách đại biểu tham dự Đại hội thi đua yêu nước toàn quốc lần thứ X.
+ Lựa chọn một số báo cáo tham luận để báo cáo tại Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VI - năm \
2020/tập thể, cá nhân thuộc danh sách điển hình tiên tiến.
+ Hoàn thiện video clip phóng sự về phong trào thi đua yêu nước, gương điển hình tiên tiến 05 năm (2016-2020).
- Thông qua kế hoạch kinh phí phục vụ Đại hội thi đua yêu nước tỉnh lần thứ VII.
- Thống nhất xin ý kiến Thường trực Tỉnh ủy về nội dung, chương trình, thời gian tổ chức {CONGRESS_NAME}."""

MEETING_3 = f"""Hợp Ban Tổ chức {CONGRESS_NAME} (*phiên thứ ba*):
1. Chỉ đạo tăng cường công tác tuyên truyền về Đại hội thi đua yêu nước.
2. Thống nhất kế hoạch mời đại biểu, phù hiệu {CONGRESS_NAME}.
3. Thông qua chương trình văn nghệ phục vụ Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII, năm 2020.
4. Rà soát, thông qua chương trình giao lưu điển hình tiên tiến.
5. Rà soát các nội dung phục vụ Đại hội: Chỗ ăn nghỉ của Đại biểu Trung ương, tỉnh bạn; Công tác đảm bảo sức khỏe \
cho Đại biểu; đảm bảo cơ sở, vật chất phục vụ Đại hội, Đại biểu; an ninh trật tự trước, trong và sau Đại hội.
6. Rà soát công tác tổ chức trưng bày triển lãm hình ảnh trước Hội trường Đại hội và trang trí bên trong và ngoài \
Hội trường Đại hội.
7. Rà soát, thống nhất chương trình, kịch bản {CONGRESS_NAME}."""

TASK_10 = f"""- Dự thảo và rà soát hoàn thiện các văn bản phục vụ {CONGRESS_NAME}, bao gồm:
+ *Diễn văn khai mạc và bế mạc Đại hội.*
+ *Chương trình phát động phong trào thi đua.*
+ *Các báo cáo tham luận tại Đại hội.*
+ *Chương trình và kịch bản chi tiết điều hành Đại hội.*
+ *Nội quy Đại hội.*
- Đề xuất danh sách thành phần Đoàn Chủ tịch, Thư ký Đại hội.
- Tổ chức in ấn tài liệu phục vụ Đại hội.
- Hoàn thiện các hình ảnh, pano để trưng bày tại Đại hội.
- Rà soát, tổng hợp đề xuất các nội dung có liên quan."""

LEAD, COORD = TaskParty.Role.LEAD, TaskParty.Role.COORDINATING
ALL_UNITS = "Các cơ quan, đơn vị, địa phương"
RADIO_TV = "Đài Phát thanh và Truyền hình tỉnh"

# (number, content, parties, deadline phrase, meeting number or None, sub-items)
TASKS = [
    (1, MEETING_1, [(LEAD, "Ban Tổ chức Đại hội"), (COORD, "Văn phòng UBND tỉnh")], "Ngày 06/7/2020", 1, []),
    (
        2,
        "Tiếp tục chỉ đạo; triển khai đẩy mạnh các hoạt động tuyên truyền về Đại hội Thi đua yêu nước tỉnh lần thứ "
        "VII - năm 2020, giới thiệu các gương điển hình tiên tiến trên địa bàn.",
        [
            (LEAD, "Ban Tuyên giáo Tỉnh ủy"),
            (COORD, "Sở Văn hóa, Thể thao và Du lịch"),
            (COORD, "Báo Ninh Thuận"),
            (COORD, RADIO_TV),
        ],
        "Trong tháng 7/2020",
        None,
        [],
    ),
    (
        3,
        "Xây dựng dự thảo Báo cáo tổng kết phong trào thi đua yêu nước và công tác khen thưởng giai đoạn 2016-2020; "
        "phương hướng nhiệm vụ công tác thi đua, khen thưởng giai đoạn 2020-2025.",
        [(LEAD, "Sở Nội vụ"), (COORD, ALL_UNITS)],
        "Trước ngày 12/7/2020",
        None,
        [],
    ),
    (
        4,
        "Trình hồ sơ khen thưởng điển hình tiên tiến giai đoạn 2016-2020 và đề xuất Danh sách, nội dung giao lưu điển "
        "hình tiên tiến trước và trong Đại hội Thi đua yêu nước tỉnh lần thứ VII - năm 2020",
        [(LEAD, "Sở Nội vụ"), (LEAD, "Đài Phát thanh và Truyền hình"), (COORD, ALL_UNITS)],
        "Trước ngày 10/7/2020",
        None,
        [],
    ),
    (
        5,
        "Các Tiểu ban (*Nội dung, Tuyên truyền, Phục vụ*) tiến hành họp, xây dựng kế hoạch cụ thể và phân công "
        "nhiệm vụ cho các thành viên của Tiểu ban.",
        [(LEAD, "Các Tiểu ban (*Nội dung, Tuyên truyền, Phục vụ*)")],
        "Trước ngày 15/7/2020",
        None,
        [],
    ),
    (
        6,
        "Xây dựng phóng sự về phong trào thi đua yêu nước, gương điển hình tiên tiến trong giai đoạn 05 năm "
        "(2016-2020)",
        [(LEAD, RADIO_TV), (COORD, "Sở Nội vụ")],
        "Trước ngày 15/7/2020",
        None,
        [],
    ),
    (
        7,
        "",
        [],
        "",
        None,
        [
            (
                "Sở Văn hóa, Thể thao và Du lịch hoàn thành việc tổ chức Đại hội thi đua yêu nước năm 2020 "
                "(*Đại hội điểm*).",
                [(LEAD, "Sở Văn hóa, Thể thao và Du lịch")],
                "Trước ngày 11/7/2020",
            ),
            (
                "Các cơ quan, đơn vị, địa phương hoàn thành việc tổ chức Đại hội thi đua yêu nước hoặc Hội nghị điển "
                "hình tiên tiến.",
                [(LEAD, ALL_UNITS)],
                "Trước ngày 15/7/2020",
            ),
        ],
    ),
    (
        8,
        "Xây dựng Kế hoạch, nội dung trưng bày hình ảnh tại Đại hội về “Hình ảnh Bác Hồ với phong trào thi đua yêu "
        "nước và các kỳ Đại hội thi đua; giới thiệu về thành tựu kinh tế - xã hội, quốc phòng, an ninh tỉnh Ninh "
        "Thuận giai đoạn 2016-2020” - thông qua Ban Tuyên giáo Tỉnh ủy thẩm định và trình UBND tỉnh xem xét; đồng "
        "thời triển khai công tác tuyên truyền trực quan: pano, băng rôn, cờ phướn ...",
        [
            (LEAD, "Sở Văn hóa, Thể thao và du lịch"),
            (COORD, "Sở Kế hoạch và Đầu tư"),
            (COORD, "Báo Ninh Thuận"),
            (COORD, RADIO_TV),
        ],
        "Trước ngày 15/7/2020",
        None,
        [],
    ),
    (
        9,
        MEETING_2,
        [(LEAD, "Ban Tổ chức Đại hội"), (COORD, "Văn phòng UBND tỉnh"), (COORD, "Các Tiểu ban")],
        "Trước ngày 25/7/2020",
        2,
        [],
    ),
    (
        10,
        TASK_10,
        [(LEAD, "Sở Nội vụ"), (LEAD, "Văn phòng UBND tỉnh"), (COORD, "Các Sở, ngành, địa phương")],
        "Trước ngày 30/7/2020",
        None,
        [],
    ),
    (
        11,
        MEETING_3,
        [(LEAD, "Sở Nội vụ"), (COORD, "Văn phòng UBND tỉnh"), (COORD, "Các Tiểu ban")],
        "Trước ngày 06/8/2020",
        3,
        [],
    ),
]


def find_organization(name):
    """The directory entry a printed name stands for, if any (case-insensitive, name or short name)."""
    for field in ("short_name", "name"):
        match = Organization.objects.filter(**{f"{field}__iexact": name}).first()
        if match:
            return match
    return Organization.objects.filter(name__iexact=f"{name} tỉnh").first()


def add_parties(task, parties):
    for order, (role, name) in enumerate(parties, start=1):
        organization = find_organization(plain(name))
        subcommittee = Subcommittee.objects.filter(congress=task.congress, name__iexact=plain(name)).first()
        TaskParty.objects.create(
            task=task, role=role, order=order, organization=organization, subcommittee=subcommittee, phrase=name
        )


def add_meeting(congress, number, content):
    title, *items = content.splitlines()
    meeting = Meeting.objects.create(congress=congress, number=number, title=title.rstrip(":"))
    parent = None
    for order, line in enumerate(items, start=1):
        is_child = line.startswith("+ ")
        text = line[2:] if line[:2] in ("- ", "+ ") else line
        item = AgendaItem.objects.create(meeting=meeting, parent=parent if is_child else None, order=order, text=text)
        if not is_child:
            parent = item
    return meeting


@transaction.atomic
def load_schedule():
    """Enter seed 000's schedule into the provincial demo congress, once; False if it is there already."""
    congress = Congress.objects.get(name=PROVINCIAL_CONGRESS)
    load_lower_levels(congress)  # on every run, so a database loaded before the feature gets them too
    if congress.tasks.exists():
        return False
    for number, content, parties, phrase, meeting_number, subitems in TASKS:
        meeting = add_meeting(congress, meeting_number, content) if meeting_number else None
        task = Task(congress=congress, number=number, content=content, meeting=meeting)
        task.set_deadline(phrase)
        task.save()
        add_parties(task, parties)
        for sub_number, (sub_content, sub_parties, sub_phrase) in enumerate(subitems, start=1):
            subitem = Task(congress=congress, parent=task, number=sub_number, content=sub_content)
            subitem.set_deadline(sub_phrase)
            subitem.save()
            add_parties(subitem, sub_parties)
        if subitems:
            task.save()  # now that it has sub-items, the parent takes their latest date
    return True
