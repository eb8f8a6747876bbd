"""The congress's own documents: the plan (Kế hoạch) and the founding decision of the organising
board and its sub-committees, with the member list as its annex.

Also the facts every congress document prints (issuing bodies, place, signer), which
planning's documents reuse. See documents/layer.py for how a document kind works.
"""

import datetime
import re
from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.blocks import (
    Annex,
    Centered,
    Column,
    Content,
    GroupRow,
    Heading,
    Paragraph,
    Row,
    Table,
    bases_blocks,
    fill_facts,
    text_blocks,
)
from documents.layer import DocumentKind, Section, SeriesKey, register
from documents.liststyle import DASH, PLUS, read_line
from documents.outline import outline_blocks
from documents.vietnamese import to_roman

from . import legal
from .models import BoardMember, Organization, OrganizingBoard, SubcommitteeMember

# Words that name a unit before the place: "tỉnh Ninh Thuận" is printed "Ninh Thuận, ngày …".
_UNIT_WORDS = re.compile(r"\b(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+(?P<place>[^,()]+)$", re.I)

BOARD_ROLES = {
    BoardMember.Role.HEAD: "Trưởng ban",
    BoardMember.Role.STANDING_DEPUTY: "Phó Trưởng ban Thường trực",
    BoardMember.Role.DEPUTY: "Phó Trưởng ban",
    BoardMember.Role.MEMBER: "Thành viên",
    BoardMember.Role.SECRETARY: "Thư ký",
}
SUBCOMMITTEE_ROLES = {
    SubcommitteeMember.Role.HEAD: "Trưởng Tiểu ban",
    SubcommitteeMember.Role.DEPUTY: "Phó Trưởng Tiểu ban",
    SubcommitteeMember.Role.MEMBER: "Thành viên",
    SubcommitteeMember.Role.SECRETARY: "Thư ký",
}


# Facts shared by every congress document --------------------------------------------------------


def place_name(congress):
    """ "Ninh Thuận" from "tỉnh Ninh Thuận" (the area) or "Ủy ban nhân dân tỉnh Ninh Thuận" (the host)."""
    for text in (congress.area_name, congress.host.name):
        match = _UNIT_WORDS.search(text or "")
        if match:
            return match.group("place").strip()
    return ""


def board_of(congress):
    try:
        return congress.board
    except OrganizingBoard.DoesNotExist:
        return None


def board_name(congress):
    board = board_of(congress)
    return (board.name if board else "") or f"Ban Tổ chức {congress.name}"


def board_head(congress):
    """The board's head (a BoardMember with its person), or None."""
    board = board_of(congress)
    if board is None:
        return None
    return board.members.select_related("person").filter(role=BoardMember.Role.HEAD).order_by("order", "pk").first()


def organization_series(organization):
    return SeriesKey(f"congress.organization:{organization.pk}", organization.name, organization.abbreviation)


def board_series(congress):
    """An advisory body keeps its own series: the board numbers its documents as "…/CTr-BTC"."""
    board = board_of(congress)
    key = f"congress.organizingboard:{board.pk}" if board else f"congress.congress-board:{congress.pk}"
    return SeriesKey(key, board_name(congress), "BTC")


def title_of(position, organization):
    """ "Chủ tịch" from "Chủ tịch UBND tỉnh, Chủ tịch Hội đồng …": the title without its body."""
    first = re.split(r",| - ", position or "")[0].strip()
    for name in (organization.short_name, organization.name) if organization else ():
        if name and first.lower().endswith(" " + name.lower()):
            return first[: -len(name)].strip()
    return first


def board_letter_defaults(congress, *, type_code, type_name, subject):
    """A document of the board: the host above the board, signed on the board's behalf by its head."""
    head = board_head(congress)
    return {
        "type_code": type_code,
        "type_name": type_name,
        "parent_body": congress.host.name,
        "issuing_body": board_name(congress),
        "place": place_name(congress),
        "subject": subject,
        "signer_collective": board_name(congress),
        "signer_position": "Trưởng ban",
        "signer_note": head.position if head else "",
        "signer_name": head.person.full_name if head else "",
        "signer_person_id": head.person_id if head else None,
        "recipients": [["Thành viên Ban Tổ chức", ""], ["Các Tiểu ban giúp việc Ban Tổ chức", ""]],
        "archive": "VT",
    }


@dataclass(frozen=True)
class IssuerStyle:
    """How a kind of body heads and signs its documents (Decree 30, Annex I).

    `parent_above`: its parent body is printed above its name; `collective`: the "TM." line
    ("" when its head signs in his own name); `head_title`: the position under it ("" to take
    it from the signer's position); `decision_bases`: the series of legal instruments its
    decisions cite (congress.legal) and the proposing line, if any.
    """

    parent_above: bool
    collective: str
    head_title: str = ""
    decision_bases: tuple = ()
    proposed_by: str = ""


COMMITTEE = IssuerStyle(
    parent_above=False,
    collective="Ủy ban nhân dân",
    head_title="Chủ tịch",
    decision_bases=(legal.LOCAL_GOVERNMENT_LAW, legal.EMULATION_LAW, legal.EMULATION_DECREE),
    proposed_by="Theo đề nghị của Giám đốc Sở Nội vụ",
)
TRADE_UNION = IssuerStyle(
    parent_above=True,
    collective="Ban Thường vụ",
    head_title="Chủ tịch",
    decision_bases=(legal.TRADE_UNION_CHARTER, legal.EMULATION_LAW),
)
COUNCIL = IssuerStyle(
    parent_above=True, collective="Hội đồng", head_title="Chủ tịch", decision_bases=(legal.EMULATION_LAW,)
)
ORGANISING_BOARD = IssuerStyle(parent_above=True, collective="Ban Tổ chức", head_title="Trưởng ban")
AGENCY = IssuerStyle(parent_above=True, collective="", decision_bases=(legal.EMULATION_LAW, legal.EMULATION_DECREE))

# A People's Committee at every level has no line above its name ("ỦY BAN NHÂN DÂN / THỊ XÃ X").
ISSUER_STYLES = {
    Organization.Kind.PEOPLES_COMMITTEE: COMMITTEE,
    Organization.Kind.DISTRICT: COMMITTEE,
    Organization.Kind.COMMUNE: COMMITTEE,
    Organization.Kind.UNION: TRADE_UNION,
    Organization.Kind.MASS_ORGANIZATION: TRADE_UNION,
}
# Bodies known by the first words of their name, whatever their kind in the directory.
ISSUER_STYLES_BY_NAME = (("Hội đồng", COUNCIL), ("Ban Tổ chức", ORGANISING_BOARD), ("Ủy ban nhân dân", COMMITTEE))


def issuer_style(organization):
    for prefix, style in ISSUER_STYLES_BY_NAME:
        if organization.name.casefold().startswith(prefix.casefold()):
            return style
    return ISSUER_STYLES.get(organization.kind, AGENCY)


def document_day(congress):
    """The day a congress document's defaults are reckoned on: the congress's session, else the board's
    founding, else mid-year."""
    session = congress.last_session()
    if session and session.starts_at:
        return timezone.localdate(session.starts_at)
    board = board_of(congress)
    return board.founded_on if board and board.founded_on else datetime.date(congress.year, 6, 30)


def host_letter_defaults(congress, *, type_code, type_name, subject, collective=True):
    """A document of the host (UBND, LĐLĐ tỉnh, a council), headed and signed as its kind of body does."""
    host = congress.host
    signer = host.head_on(document_day(congress))  # the head on the document's day (head terms)
    if signer is None:
        head = board_head(congress)
        signer = head.person if head else None
    style = issuer_style(host)
    return {
        "type_code": type_code,
        "type_name": type_name,
        "parent_body": host.parent.name if host.parent_id and style.parent_above else "",
        "issuing_body": host.name,
        "place": place_name(congress),
        "subject": subject,
        "signer_collective": style.collective if collective else "",
        "signer_position": style.head_title or (title_of(signer.position, host) if signer else ""),
        "signer_name": signer.full_name if signer else "",
        "signer_person_id": signer.pk if signer else None,
        "recipients": [["Thành viên Ban Tổ chức", ""], ["Các cơ quan, đơn vị, địa phương", ""]],
        "archive": "VT",
    }


def earliest_date(congress):
    """A congress document may not be dated before the board was founded."""
    board = board_of(congress)
    return board.founded_on if board else None


def review_years(congress):
    """(the year reviewed, the year launched) when no period is set: an annual review held in 2022
    reviews 2021 and launches 2022; any other congress reviews its own year and launches the next."""
    if congress.kind == congress.Kind.ANNUAL_REVIEW:
        return congress.year - 1, congress.year
    return congress.year, congress.year + 1


def period_words(text, congress):
    """An annual review speaks of "năm 2021", not of "giai đoạn 2021"."""
    if congress.kind == congress.Kind.ANNUAL_REVIEW and not congress.review_period:
        return text.replace("giai đoạn [Giai đoạn", "năm [Giai đoạn")
    return text


def facts(congress):
    """What a text may name in brackets ("[Tên Đại hội]") and the print fills in."""
    session = congress.last_session()
    when = session.when_text if session else ""
    if session and session.notes:
        when = f"{when} ({session.notes.rstrip('.')})" if when else session.notes
    return {
        "Tên Đại hội": congress.name,
        "Năm": congress.year,
        "Giai đoạn": congress.review_period or review_years(congress)[0],
        "Giai đoạn tới": congress.next_period or review_years(congress)[1],
        "Chủ đề": congress.theme,
        "Cơ quan tổ chức": congress.host.name,
        "Ban Tổ chức": board_name(congress),
        "Thời gian": when,
        "Địa điểm": session.place if session else "",
    }


class CongressDocument(DocumentKind):
    """A document that belongs to the congress itself; its scope is the congress."""

    owner_model = "congress.Congress"

    def owners(self, scope):
        return [scope]

    def find_owner(self, scope, owner_pk):
        if owner_pk != scope.pk:
            raise Http404
        return scope

    def earliest_date(self, owner):
        return earliest_date(owner)

    def draft_year(self, owner):
        return owner.year

    def filename(self, owner, record):
        return f"{self.key}-{owner.year}-{owner.pk}"


def section_blocks(section, known):
    blocks = [Heading(1, section.heading)] if section.heading else []
    return blocks + text_blocks(fill_facts(section.text, known))


# The plan ---------------------------------------------------------------------------------------

PLAN_PURPOSE = """1. Mục đích
- Tổng kết, đánh giá kết quả phong trào thi đua yêu nước giai đoạn [Giai đoạn]; rút ra bài học kinh nghiệm; \
đề ra phương hướng, nhiệm vụ và giải pháp đẩy mạnh phong trào thi đua giai đoạn [Giai đoạn tới].
- Biểu dương, tôn vinh, khen thưởng các tập thể, cá nhân điển hình tiên tiến; nhân rộng các gương điển hình \
tiên tiến trong các phong trào thi đua yêu nước.
2. Yêu cầu
- Tổ chức [Tên Đại hội] trang trọng, thiết thực, tiết kiệm, hiệu quả, tránh phô trương, hình thức.
- Các cơ quan, đơn vị, địa phương chủ động phối hợp, triển khai đúng tiến độ các nhiệm vụ được phân công."""

PLAN_AGENDA = """1. Khai mạc.
2. Báo cáo tổng kết phong trào thi đua yêu nước và công tác khen thưởng giai đoạn [Giai đoạn]; phương hướng, \
nhiệm vụ giai đoạn [Giai đoạn tới].
3. Tham luận, giao lưu điển hình tiên tiến.
4. Khen thưởng các tập thể, cá nhân có thành tích xuất sắc tiêu biểu.
5. Phát biểu chỉ đạo và phát động phong trào thi đua.
6. Bế mạc."""

PLAN_CLOSING = (
    "Trên đây là Kế hoạch tổ chức [Tên Đại hội]; yêu cầu các cơ quan, đơn vị, địa phương triển khai thực hiện. "
    "Trong quá trình triển khai thực hiện nếu có phát sinh, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về "
    "[Ban Tổ chức] để tổng hợp, báo cáo xem xét, chỉ đạo."
)


def plan_bases(congress):
    lines = legal.bases(document_day(congress), legal.EMULATION_LAW)
    if congress.parent_id:
        lines.append(f"Căn cứ Kế hoạch tổ chức {congress.parent.name}")
    board = board_of(congress)
    if board and board.founding_decision:
        lines.append(f"Căn cứ {board.founding_decision} về việc thành lập Ban Tổ chức [Tên Đại hội]")
    return "\n".join(lines)


def plan_time_place(congress):
    lines = ["1. Thời gian: [Thời gian].", "2. Địa điểm: [Địa điểm]."]
    session = congress.last_session()
    points = list(session.connection_points.all()) if session else []
    if points:
        lines[1] = "2. Địa điểm:"
        lines += [f"- Tại {point.name[0].lower()}{point.name[1:]}: {point.place or point.name};" for point in points]
    lines += [
        "3. Thành phần:",
        "- Đại biểu khách mời: đại diện lãnh đạo các cơ quan Trung ương, lãnh đạo tỉnh và các cơ quan có liên quan.",
        "- Đại biểu chính thức: các tập thể, cá nhân điển hình tiên tiến do các cơ quan, đơn vị, địa phương lựa chọn.",
    ]
    return "\n".join(lines)


def plan_duties(congress):
    lines, number = [], 0
    for subcommittee in congress.subcommittees.all():
        number += 1
        lines.append(f"{number}. {subcommittee.name}:")
        lines += text_lines(subcommittee.duties)
    board = board_of(congress)
    if not lines and board:
        for member in board.members.select_related("person__organization").exclude(duties=""):
            number += 1
            unit = member.person.organization.name if member.person.organization_id else member.person.full_name
            lines.append(f"{number}. {unit}:")
            lines += text_lines(member.duties)
    lines += [
        f"{number + 1}. Các cơ quan, đơn vị, địa phương:",
        "- Triển khai thực hiện các nhiệm vụ được phân công theo Chương trình, phân công và tiến trình thực hiện "
        "các nhiệm vụ trọng tâm.",
        "- Cử đại biểu tham dự [Tên Đại hội] đúng thành phần, số lượng.",
    ]
    return "\n".join(lines)


def text_lines(text):
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return [line if read_line(line)[0] in (DASH, PLUS) else f"- {line}" for line in lines]


@register
class Plan(CongressDocument):
    key = "plan"
    label = _("Plan")
    free_sections = True  # the secretariat adds, removes, moves and nests the plan's sections
    optional_annexes = ("schedule",)

    def series(self, owner):
        return organization_series(owner.host)

    def defaults(self, owner):
        values = host_letter_defaults(owner, type_code="KH", type_name="Kế hoạch", subject=f"Tổ chức {owner.name}")
        values["annexes"] = []  # the schedule is attached when the secretariat ticks it
        return values

    def default_sections(self, owner):
        preamble = (
            "Để tổng kết phong trào thi đua yêu nước giai đoạn [Giai đoạn], biểu dương các tập thể, cá nhân điển "
            "hình tiên tiến và phát động phong trào thi đua giai đoạn [Giai đoạn tới]; [Cơ quan tổ chức] ban hành "
            "Kế hoạch tổ chức [Tên Đại hội], cụ thể như sau:"
        )
        return [
            Section("bases", "", plan_bases(owner)),
            Section("preamble", "", period_words(preamble, owner)),
            Section("purpose", "Mục đích, yêu cầu", period_words(PLAN_PURPOSE, owner)),
            Section("time_place", "Thời gian, địa điểm, thành phần", plan_time_place(owner)),
            Section("agenda", "Nội dung, chương trình", period_words(PLAN_AGENDA, owner)),
            Section("duties", "Tổ chức thực hiện", plan_duties(owner)),
            Section("closing", "", PLAN_CLOSING),
        ]

    def content(self, owner, record):
        known = facts(owner)

        def section_text(section, text):
            return bases_blocks(text) if section.key == "bases" else text_blocks(text)

        body = outline_blocks(self.outline(owner, record), lambda text: fill_facts(text, known), section_text)
        return Content(body=body)


# The founding decision --------------------------------------------------------------------------


def decision_bases(congress):
    """What the host's decision cites, by its kind of body and the laws in force on the day."""
    style = issuer_style(congress.host)
    lines = legal.bases(document_day(congress), *style.decision_bases)
    return "\n".join([*lines, style.proposed_by] if style.proposed_by else lines)


def decision_articles(congress):
    lines = [
        "Điều 1. Thành lập Ban Tổ chức [Tên Đại hội] và các Tiểu ban giúp việc Ban Tổ chức (có danh sách kèm theo).",
        "Điều 2. Nhiệm vụ của Ban Tổ chức và các Tiểu ban:",
        "- Ban Tổ chức chịu trách nhiệm xây dựng kế hoạch, chương trình và chỉ đạo tổ chức [Tên Đại hội]; "
        "Trưởng ban phân công nhiệm vụ cụ thể cho các thành viên.",
    ]
    for subcommittee in congress.subcommittees.all():
        duties = "; ".join(line[2:].rstrip(".;") for line in text_lines(subcommittee.duties))
        lines.append(f"- {subcommittee.name}: {duties or 'thực hiện nhiệm vụ do Trưởng ban Ban Tổ chức phân công'}.")
    lines += [
        "Điều 3. Ban Tổ chức và các Tiểu ban tự giải thể sau khi hoàn thành nhiệm vụ.",
        "Điều 4. Thủ trưởng các cơ quan, đơn vị có liên quan và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi "
        "hành Quyết định này.",
    ]
    return "\n".join(lines)


def member_rows(congress):
    """The annex's table: the board, then each sub-committee, with a group row each (a few queries)."""
    board = board_of(congress)
    members = list(board.members.select_related("person__organization")) if board else []
    groups = [(board_name(congress), [(m.person, m.position, m.role) for m in members], BOARD_ROLES)]
    for sub in congress.subcommittees.prefetch_related("members__person__organization"):
        groups.append((sub.name, [(m.person, m.position, m.role) for m in sub.members.all()], SUBCOMMITTEE_ROLES))
    rows = []
    for group, (title, people, roles) in enumerate(groups, start=1):
        rows.append(GroupRow(f"{to_roman(group)}. {title.upper()}"))
        rows += [member_row(number, *member, roles) for number, member in enumerate(people, start=1)]
    return rows


def member_row(number, person, position, role, roles):
    texts = (str(number), person.full_name, position or "", roles.get(role, ""))
    return Row(tuple([Paragraph(text, indent=False)] for text in texts))


MEMBER_COLUMNS = (
    Column("STT", 8, "center"),
    Column("Họ và tên", 27),
    Column("Chức vụ, đơn vị công tác", 43),
    Column("Nhiệm vụ", 22, "center"),
)


@register
class FoundingDecision(CongressDocument):
    key = "founding-decision"
    label = _("Founding decision of the organising board")

    def series(self, owner):
        return organization_series(owner.host)

    def defaults(self, owner):
        subject = f"Về việc thành lập Ban Tổ chức và các Tiểu ban giúp việc Ban Tổ chức {owner.name}"
        values = host_letter_defaults(owner, type_code="QĐ", type_name="Quyết định", subject=subject)
        values["recipients"] = [["Như Điều 4", ""], ["Thành viên Ban Tổ chức", ""]]
        return values

    def default_sections(self, owner):
        return [Section("bases", "", decision_bases(owner)), Section("articles", "", decision_articles(owner))]

    def content(self, owner, record):
        known = facts(owner)
        sections = {section.key: section for section in self.sections(owner, record)}
        body = bases_blocks(fill_facts(sections["bases"].text, known))
        body.append(Centered("QUYẾT ĐỊNH:"))
        body += text_blocks(fill_facts(sections["articles"].text, known))
        # The collective decides: "ỦY BAN NHÂN DÂN TỈNH …", "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH …".
        style, host = issuer_style(owner.host), owner.host.name
        authority = host
        if style.collective and not host.casefold().startswith(style.collective.casefold()):
            authority = f"{style.collective} {host}"
        annex = Annex(
            title=f"Danh sách thành viên Ban Tổ chức và các Tiểu ban giúp việc Ban Tổ chức {owner.name}",
            body=[Table(MEMBER_COLUMNS, member_rows(owner))],
            issued_by=authority,
        )
        return Content(body=body, annexes=[annex], authority_line=authority)
