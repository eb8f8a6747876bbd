"""The honours' printed documents, through the document layer (documents/layer.py):

- the list of proposed honours per award type (Danh sách đề nghị khen thưởng) of a round;
- the submission letter (Tờ trình) of the emulation council, carrying that list as its annex;
- the minutes of a council session (Biên bản bình xét) with the ballot results;
- the list of advanced models to be honoured at the congress.

They are documents of the congress's emulation council; its chair signs. Each gathers its
context in a bounded number of queries.
"""

import datetime
from itertools import groupby

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress import legal
from congress.documents import host_letter_defaults, issuer_style, organization_series, place_name
from congress.models import Congress
from documents.blocks import (
    Annex,
    Centered,
    Column,
    Content,
    GroupRow,
    Heading,
    Item,
    Paragraph,
    Row,
    Table,
    text_blocks,
)
from documents.layer import DocumentKind, SeriesKey, register
from documents.vietnamese import join_words, short_date

from .models import CouncilMember, CouncilSession, Nomination, NominationRound
from .selectors import ranking

Status = Nomination.Status
PROPOSED = (Status.APPROVED, Status.PROPOSED, Status.DECIDED)


def council_name(congress):
    """The emulation council of the congress's area; a cluster has no council of its own, so its
    documents are issued by the body that hosts the cluster's conference."""
    if congress.kind == Congress.Kind.CLUSTER_REVIEW:
        return congress.host.name
    area = f" {congress.area_name}" if congress.area_name else ""
    return f"Hội đồng Thi đua - Khen thưởng{area}"


def council_series(congress):
    return SeriesKey(f"awards.council:{congress.pk}", council_name(congress), "HĐTĐKT")


def council_chair(congress):
    return (
        CouncilMember.objects.filter(congress=congress, role=CouncilMember.Role.CHAIR)
        .select_related("person")
        .order_by("order", "pk")
        .first()
    )


def council_defaults(congress, *, type_code, type_name, subject):
    """A document of the council, signed on its behalf by its chair."""
    chair = council_chair(congress)
    host, parent, collective = congress.host, congress.host.name, "Hội đồng"
    if congress.kind == Congress.Kind.CLUSTER_REVIEW:  # the host issues, headed and signed as its kind of body
        style = issuer_style(host)
        parent = host.parent.name if host.parent_id and style.parent_above else ""
        collective = style.collective
    return {
        "type_code": type_code,
        "type_name": type_name,
        "parent_body": parent,
        "issuing_body": council_name(congress),
        "place": place_name(congress),
        "subject": subject,
        "signer_collective": collective,
        "signer_position": "Chủ tịch",
        "signer_name": chair.person.full_name if chair else "",
        "signer_person_id": chair.person_id if chair else None,
        "recipients": [["Thường trực Hội đồng Thi đua - Khen thưởng", ""], ["Các cơ quan, đơn vị có liên quan", ""]],
        "archive": "VT",
    }


def cell(text):
    return [Paragraph(str(text), indent=False)]


def text_cell(text):
    """A cell of several lines as typed ("- Hoàn thành …" one a line): a line each, in the PDF and the DOCX
    alike (a line break inside a justified paragraph would stretch the line before it in Word and LibreOffice)."""
    return text_blocks(str(text)) or cell("")


def nominee_line(nomination):
    if nomination.person_id and nomination.person.position:
        return f"{nomination.person.full_name}, {nomination.person.position}"
    return nomination.nominee_name


def proposed(nomination_round):
    return list(
        nomination_round.nominations.filter(status__in=PROPOSED)
        .select_related("award_type", "person", "organization", "proposing_organization")
        .prefetch_related("ballots")
        .order_by("award_type__order", "award_type_id", "pk")
    )


def result_text(nomination):
    ballots = list(nomination.ballots.all())
    if not ballots:
        return ""
    ballot = ballots[-1]
    return f"{ballot.approvals}/{ballot.members_total} ({ballot.approval_share:.1f}%)".replace(".", ",")


class RoundDocument(DocumentKind):
    """A document of one nomination round; its scope is the congress."""

    annex_only = False  # a list: printed as the annex of a Tờ trình or a Quyết định, never numbered alone

    def issue_problems(self, owner, record):
        if self.annex_only:
            return [_("A list is issued as the annex of a submission (Tờ trình) or a decision, not on its own.")]
        return []

    owner_model = "awards.NominationRound"

    def owners(self, scope):
        rounds = list(NominationRound.objects.filter(congress=scope).order_by("-year", "pk"))
        for nomination_round in rounds:
            nomination_round.congress = scope
        return rounds

    def find_owner(self, scope, owner_pk):
        nomination_round = get_object_or_404(NominationRound, congress=scope, pk=owner_pk)
        nomination_round.congress = scope
        return nomination_round

    def series(self, owner):
        return council_series(owner.congress)

    def draft_year(self, owner):
        return owner.year

    def filename(self, owner, record):
        return f"{self.key}-{owner.congress_id}-{owner.pk}"


LIST_COLUMNS = (
    Column("STT", 6, "center"),
    Column("Họ và tên, chức vụ / Tên tập thể", 30),
    Column("Đơn vị đề nghị", 20),
    Column("Tóm tắt thành tích", 32, "justify"),
    Column("Kết quả bình xét", 12, "center"),
)


def proposal_tables(nominations):
    body = []
    for award_type, rows in groupby(nominations, key=lambda nomination: nomination.award_type):
        body.append(Heading(1, award_type.name))
        table_rows = [
            Row(
                (
                    cell(number),
                    cell(nominee_line(nomination)),
                    cell(nomination.proposing_organization.name),
                    text_cell(nomination.achievements),
                    cell(result_text(nomination)),
                )
            )
            for number, nomination in enumerate(rows, start=1)
        ]
        body.append(Table(LIST_COLUMNS, table_rows))
    return body or [Paragraph("Chưa có hồ sơ được Hội đồng thông qua.")]


@register
class AwardProposalList(RoundDocument):
    key = "award-proposal-list"
    annex_only = True
    read_permission = "awards.see_council"  # the standing office and the council, not every role
    label = _("List of proposed honours")

    def defaults(self, owner):
        subject = join_words("Các tập thể, cá nhân đề nghị khen thưởng", owner.name)
        return council_defaults(owner.congress, type_code="", type_name="Danh sách", subject=subject)

    def content(self, owner, record):
        return Content(body=proposal_tables(proposed(owner)), landscape=True)


def submission_bases(nomination_round, record):
    """The law and decree in force on the letter's date (else mid-year of the round)."""
    day = record.date or datetime.date(nomination_round.year, 6, 30)
    return legal.bases(day, legal.EMULATION_LAW, legal.EMULATION_DECREE)


@register
class AwardSubmission(RoundDocument):
    key = "award-submission"
    read_permission = "awards.see_council"  # the standing office and the council, not every role
    label = _("Submission letter for honours")
    optional_annexes = ("award-proposal-list",)

    def defaults(self, owner):
        values = council_defaults(
            owner.congress,
            type_code="TTr",
            type_name="Tờ trình",
            subject=join_words("Về việc đề nghị khen thưởng", owner.name),
        )
        values["recipients"] = [["Như trên", ""], ["Thường trực Hội đồng Thi đua - Khen thưởng", ""]]
        values["annexes"] = ["award-proposal-list"]
        return values

    def content(self, owner, record):
        nominations = proposed(owner)
        council = council_name(owner.congress)
        body = [
            Paragraph(f"Kính gửi: Chủ tịch {owner.congress.host.name}.", indent=False, bold=True),
            *(Paragraph(f"{line};", italic=True) for line in submission_bases(owner, record)),
            Paragraph(
                f"{council} đã tổ chức họp xét, bỏ phiếu đối với các hồ sơ "
                f"{join_words('đề nghị khen thưởng', owner.name)}. "
                f"{council} kính trình Chủ tịch {owner.congress.host.name} xem xét, khen thưởng như sau:"
            ),
        ]
        for award_type, rows in groupby(nominations, key=lambda nomination: nomination.award_type):
            rows = list(rows)
            collectives = sum(1 for nomination in rows if not nomination.person_id)
            people = len(rows) - collectives
            parts = [f"{count:02d} {text}" for count, text in ((collectives, "tập thể"), (people, "cá nhân")) if count]
            body.append(Item("-", f"{award_type.name}: {' và '.join(parts)};"))
        if not nominations:
            body.append(Paragraph("Chưa có hồ sơ được Hội đồng thông qua."))
        body.append(Paragraph("(Có danh sách kèm theo)", italic=True))
        body.append(Paragraph(f"Kính trình Chủ tịch {owner.congress.host.name} xem xét, quyết định."))
        return Content(body=body)


DECISION_COLUMNS = (
    Column("STT", 7, "center"),
    Column("Tập thể, cá nhân", 58),
    Column("Đơn vị đề nghị", 35),
)


def counted(nominations):
    collectives = sum(1 for nomination in nominations if not nomination.person_id)
    people = len(nominations) - collectives
    parts = [f"{count:02d} {text}" for count, text in ((collectives, "tập thể"), (people, "cá nhân")) if count]
    return " và ".join(parts)


@register
class AwardDecision(RoundDocument):
    """The host's decision awarding the honours the council proposed, with their list as its annex."""

    key = "award-decision"
    read_permission = "awards.see_council"
    label = _("Award decision")

    def series(self, owner):
        return organization_series(owner.congress.host)

    def defaults(self, owner):
        subject = join_words("Về việc khen thưởng", owner.name)
        values = host_letter_defaults(owner.congress, type_code="QĐ", type_name="Quyết định", subject=subject)
        values["recipients"] = [["Như Điều 2", ""], ["Hội đồng Thi đua - Khen thưởng", ""]]
        return values

    def issue_problems(self, owner, record):
        if not proposed(owner):
            return [_("No honour has been approved in this round yet: there is nothing to decide.")]
        return []

    def content(self, owner, record):
        congress, nominations = owner.congress, proposed(owner)
        style = issuer_style(congress.host)
        host = congress.host.name
        authority = host if host.casefold().startswith(style.collective.casefold()) else f"{style.collective} {host}"
        day = record.date or datetime.date(owner.year, 6, 30)
        bases = legal.bases(day, *style.decision_bases) or legal.bases(day, legal.EMULATION_LAW)
        body = [Paragraph(f"{line};", italic=True) for line in bases]
        body.append(Paragraph(f"Xét đề nghị của {council_name(congress)}.", italic=True))
        body.append(Centered("QUYẾT ĐỊNH:"))
        groups = [(award_type, list(rows)) for award_type, rows in groupby(nominations, key=lambda n: n.award_type)]
        if len(groups) == 1:
            award_type, rows = groups[0]
            body.append(Heading(2, f"Điều 1. Tặng {award_type.name} cho {counted(rows)} (có danh sách kèm theo)."))
        else:
            body.append(Heading(2, "Điều 1. Khen thưởng các tập thể, cá nhân (có danh sách kèm theo):"))
            last = len(groups) - 1  # the article's list ends with its last item
            body += [
                Item("-", f"{award_type.name}: {counted(rows)}{'.' if index == last else ';'}")
                for index, (award_type, rows) in enumerate(groups)
            ]
        body.append(  # an article's "Điều 1." is bold, as Decree 30 sets it (documents.blocks.lead_in)
            Heading(
                2,
                "Điều 2. Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu "
                "trách nhiệm thi hành Quyết định này.",
            )
        )
        annex_body = []
        for award_type, rows in groups:
            annex_body.append(Heading(1, award_type.name))
            annex_body.append(
                Table(
                    DECISION_COLUMNS,
                    [
                        Row((cell(number), cell(nominee_line(row)), cell(row.proposing_organization.name)))
                        for number, row in enumerate(rows, start=1)
                    ],
                )
            )
        annex = Annex(
            title=join_words("Danh sách tập thể, cá nhân được khen thưởng", owner.name),
            body=annex_body,
            issued_by=authority,
        )
        return Content(body=body, annexes=[annex], authority_line=authority)


@register
class AdvancedModelsList(RoundDocument):
    key = "advanced-models-list"
    annex_only = True
    label = _("List of advanced models honoured at the congress")

    def defaults(self, owner):
        subject = f"Các tập thể, cá nhân điển hình tiên tiến được khen thưởng tại {owner.congress.name}"
        return council_defaults(owner.congress, type_code="", type_name="Danh sách", subject=subject)

    def content(self, owner, record):
        nominations = proposed(owner)
        groups = [
            ("Tập thể", [n for n in nominations if not n.person_id]),
            ("Cá nhân", [n for n in nominations if n.person_id]),
        ]
        rows = []
        for title, members in groups:
            if not members:
                continue
            rows.append(GroupRow(title.upper()))
            for number, nomination in enumerate(members, start=1):
                decision = nomination.decision_number
                if nomination.decision_date:
                    decision = f"{decision} ngày {short_date(nomination.decision_date)}"
                rows.append(
                    Row(
                        (
                            cell(number),
                            cell(nominee_line(nomination)),
                            cell(nomination.award_type.name),
                            cell(decision or nomination.get_status_display()),
                        )
                    )
                )
        columns = (
            Column("STT", 7, "center"),
            Column("Tập thể, cá nhân", 43),
            Column("Hình thức khen thưởng", 28),
            Column("Quyết định", 22, "center"),
        )
        body = [Table(columns, rows)] if rows else [Paragraph("Chưa có tập thể, cá nhân được khen thưởng.")]
        return Content(body=body)


MINUTES_COLUMNS = (
    Column("STT", 5, "center"),
    Column("Tập thể, cá nhân", 27),
    Column("Danh hiệu, hình thức", 18),
    Column("Tán thành", 9, "center"),
    Column("Không tán thành", 9, "center"),
    Column("Không biểu quyết", 9, "center"),
    Column("Ý kiến bằng văn bản tán thành", 10, "center"),
    Column("Tỷ lệ / tổng số thành viên", 13, "center"),
)


@register
class CouncilMinutes(DocumentKind):
    key = "council-minutes"
    read_permission = "awards.see_council"  # the standing office and the council, not every role
    label = _("Minutes of the council session")
    owner_model = "awards.CouncilSession"

    def owners(self, scope):
        sessions = list(
            CouncilSession.objects.filter(round__congress=scope).select_related("round").order_by("round", "number")
        )
        for session in sessions:
            session.round.congress = scope
        return sessions

    def find_owner(self, scope, owner_pk):
        session = get_object_or_404(CouncilSession.objects.select_related("round"), round__congress=scope, pk=owner_pk)
        session.round.congress = scope
        return session

    def series(self, owner):
        return council_series(owner.round.congress)

    def earliest_date(self, owner):
        return timezone.localdate(owner.held_at)

    def draft_year(self, owner):
        return timezone.localtime(owner.held_at).year

    def filename(self, owner, record):
        return f"{self.key}-{owner.round.congress_id}-{owner.pk}"

    def defaults(self, owner):
        subject = f"{join_words('Họp xét khen thưởng', owner.round.name)} (phiên họp số {owner.number})"
        values = council_defaults(owner.round.congress, type_code="BB", type_name="Biên bản", subject=subject)
        values["recipients"] = [["Thành viên Hội đồng", ""]]
        return values

    def content(self, owner, record):
        attendance = list(owner.attendance.select_related("member__person"))
        present = [row.member for row in attendance if row.present]
        absent = [row.member for row in attendance if not row.present]
        held = timezone.localtime(owner.held_at)
        body = [
            Heading(1, "Thời gian, địa điểm"),
            Paragraph(f"Vào lúc {held:%H} giờ {held:%M} ngày {short_date(held.date())}, tại {owner.place or '…'}."),
            Heading(1, "Thành phần"),
            Paragraph(f"Có mặt {len(present)}/{len(attendance)} thành viên Hội đồng:", keep_with_next=True),
            *[Item("-", f"Đồng chí {member.person.title_line} - {member.get_role_display()};") for member in present],
        ]
        if absent:
            body.append(Paragraph(f"Vắng mặt {len(absent)} thành viên:", keep_with_next=True))
            body += [Item("-", f"Đồng chí {member.person.title_line};") for member in absent]
        body += [Heading(1, "Kết quả bỏ phiếu"), *self._results(owner)]
        body.append(
            Paragraph(
                "Tỷ lệ tán thành tính trên tổng số thành viên Hội đồng; khi các trường hợp bằng nhau, ưu tiên nữ "
                "và tập thể có từ 70% nữ trở lên. Biên bản được thông qua tại phiên họp."
            )
        )
        return Content(body=body, landscape=True, cosigners=self._cosigners(attendance))

    def _cosigners(self, attendance):
        """The secretary and the chair of the session sign the minutes."""
        by_role = {}
        for row in attendance:
            by_role.setdefault(row.member.role, row.member.person.full_name)
        Role = CouncilMember.Role
        return [("Thư ký", by_role.get(Role.SECRETARY, "")), ("Chủ tịch Hội đồng", by_role.get(Role.CHAIR, ""))]

    def _results(self, owner):
        blocks = []
        for award_type, ballots in ranking(owner):
            rows = []
            for ballot in ballots:
                verdict = "Thông qua" if ballot.approved else "Không thông qua"
                share = f"{ballot.approvals}/{ballot.members_total} ({ballot.approval_share:.1f}%)".replace(".", ",")
                note = " (ưu tiên nữ)" if ballot.preferred_in_tie else ""
                rows.append(
                    Row(
                        (
                            cell(ballot.rank),
                            cell(nominee_line(ballot.nomination) + note),
                            cell(award_type.short_name),
                            cell(ballot.votes_for),
                            cell(ballot.votes_against),
                            cell(ballot.abstentions),
                            cell(ballot.written_for),
                            cell(f"{share}: {verdict}"),
                        )
                    )
                )
            secret = "bỏ phiếu kín" if award_type.secret_ballot else "biểu quyết công khai"
            blocks.append(
                Paragraph(
                    f"{award_type.name} ({secret}; cần đạt {award_type.approval_threshold}% tổng số thành viên):",
                    bold=True,
                    indent=False,
                    keep_with_next=True,
                )
            )
            blocks.append(Table(MINUTES_COLUMNS, rows))
        return blocks or [Paragraph("Phiên họp chưa có kết quả bỏ phiếu.")]
