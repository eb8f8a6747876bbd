"""The cluster's printed documents, through the document layer (documents/layer.py); their scope
is the year's review conference, so they appear on the conference's Documents tab:

- the score summary table (members × criteria groups, total, rank), landscape;
- the minutes of the review conference, with the election's votes;
- the proposal letter (Tờ trình) with the list of proposals as its annex;
- the pledge (Bản giao ước thi đua) of the year, with one signature block per member.

The leader's organisation issues them on behalf of the cluster. Each gathers its context in a
bounded number of queries.
"""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.documents import place_name
from documents.blocks import Annex, Column, Content, Heading, Item, Paragraph, Row, Table, text_blocks
from documents.layer import DocumentKind, SeriesKey, register
from documents.vietnamese import short_date

from .models import ClusterYear
from .selectors import ranking
from .services import conference_session, tally


def cell(text, *, bold=False):
    return [Paragraph(str(text), indent=False, bold=bold)]


class YearDocument(DocumentKind):
    owner_model = "clusters.ClusterYear"

    def owners(self, scope):
        return list(ClusterYear.objects.filter(conference=scope).select_related("cluster", "leader__organization"))

    def find_owner(self, scope, owner_pk):
        return get_object_or_404(
            ClusterYear.objects.select_related("cluster", "conference__host", "leader__organization"),
            conference=scope,
            pk=owner_pk,
        )

    def series(self, owner):
        return SeriesKey(f"clusters.cluster:{owner.cluster_id}", owner.cluster.name, "CTĐ")

    def draft_year(self, owner):
        return owner.conference_date.year

    def filename(self, owner, record):
        return f"{self.key}-{owner.cluster_id}-{owner.year}"

    def base_defaults(self, owner, *, type_code, type_name, subject):
        leader = owner.leader.organization if owner.leader else None
        return {
            "type_code": type_code,
            "type_name": type_name,
            "parent_body": owner.cluster.name,
            "issuing_body": leader.name if leader else owner.cluster.name,
            "place": place_name(owner.conference),
            "subject": subject,
            "signer_collective": owner.cluster.leader_titles[0],
            "signer_position": "",
            "signer_name": leader.head.full_name if leader and leader.head_id else "",
            "recipients": [["Các thành viên " + owner.cluster.name, ""], ["Ban Thi đua - Khen thưởng", ""]],
            "archive": "VT",
        }


def summary_table(owner):
    """The members × criteria groups table; a rank decided by a tie rule carries a mark (*, **, …)
    that the legend under the table explains."""
    table = ranking(owner)
    marks = {str(label): "*" * (index + 1) for index, label in enumerate(table.rule_labels)}
    share = 50 / max(len(table.groups), 1)
    columns = (
        Column("TT", 5, "center"),
        Column("Đơn vị", 30),
        *[Column(group.name, share, "center") for group in table.groups],
        Column("Tổng điểm", 8, "center"),
        Column("Xếp hạng", 7, "center"),
    )
    rows = [
        Row(
            (
                cell(index),
                cell(row.member.organization.name),
                *[cell(text) for text in row.group_cells(table.groups)],
                cell(row.total_text, bold=True),
                cell(f"{row.rank}{marks.get(row.tie_note, '')}"),
            )
        )
        for index, row in enumerate(table.rows, start=1)
    ]
    used = {row.tie_note for row in table.rows if row.tie_note}
    legend = [
        Paragraph(f"({marks[label]}) Bằng tổng điểm, xếp hạng theo quy tắc: {label}.", italic=True, indent=False)
        for label in marks
        if label in used
    ]
    left_out = [
        Paragraph(f"Không xếp hạng: {member.organization.name} ({exclusion.reason}).", italic=True, indent=False)
        for member, exclusion in table.excluded
    ]
    return table, [Table(columns, rows), *legend, *left_out]


@register
class ScoreSummary(YearDocument):
    key = "cluster-score-summary"
    label = _("Score summary table of the cluster")

    def defaults(self, owner):
        return self.base_defaults(
            owner,
            type_code="BTH",
            type_name="Bảng tổng hợp",
            subject=f"điểm thi đua năm {owner.year} của {owner.cluster.name}",
        )

    def content(self, owner, record):
        table, blocks = summary_table(owner)
        rules = "; ".join(str(label) for label in table.rule_labels)
        body = [
            *blocks,
            Paragraph(f"Khi bằng tổng điểm, xếp hạng lần lượt theo: {rules}.", italic=True),
        ]
        return Content(body=body, landscape=True)


@register
class ReviewMinutes(YearDocument):
    key = "cluster-minutes"
    label = _("Minutes of the cluster review conference")

    def defaults(self, owner):
        values = self.base_defaults(
            owner, type_code="BB", type_name="Biên bản", subject=f"Hội nghị tổng kết công tác thi đua năm {owner.year}"
        )
        values["recipients"] = [["Các thành viên " + owner.cluster.name, ""]]
        return values

    def content(self, owner, record):
        table, summary = summary_table(owner)
        leader_title, deputy_title = owner.cluster.leader_titles
        session = conference_session(owner)
        participants = list(session.participant_lines.select_related("person", "organization")) if session else []
        when = f"Ngày {short_date(owner.conference_date)}"
        if session and session.starts_at:
            starts = timezone.localtime(session.starts_at)
            when = f"Vào hồi {starts:%H} giờ {starts:%M} ngày {short_date(starts.date())}"
        where = f", tại {session.place}" if session and session.place else ""
        if participants:
            attending = [Paragraph("Thành phần tham dự:"), *[Item("-", f"{line.text};") for line in participants]]
        else:
            members = [row.member for row in table.rows] + [member for member, _exclusion in table.excluded]
            attending = [
                Paragraph(f"Đại diện {len(members)} đơn vị thành viên:"),
                *[Item("-", f"{member.organization.name};") for member in members],
            ]
        body = [
            Heading(1, "Thời gian, địa điểm"),
            Paragraph(
                f"{when}{where}, {owner.cluster.name} tổ chức Hội nghị tổng kết công tác thi đua năm {owner.year}."
            ),
            Heading(1, "Thành phần"),
            *attending,
            Heading(1, "Kết quả chấm điểm, xếp hạng"),
            *summary,
            Heading(1, f"Bầu {leader_title}, {deputy_title} năm tiếp theo"),
            *self._votes(owner),
            Paragraph("Biên bản được thông qua tại Hội nghị."),
        ]
        # Minutes are signed by the conference's secretary and its chair, the leading member's head (issue 14):
        # no recipients, no "TM." line.
        leader = owner.leader.organization if owner.leader_id else None
        chair = leader.head.full_name if leader and leader.head_id else ""
        return Content(body=body, landscape=True, cosigners=[("Thư ký Hội nghị", ""), ("Chủ trì Hội nghị", chair)])

    def _votes(self, owner):
        leaders, deputies, leader, deputy = tally(owner)
        leader_title, deputy_title = owner.cluster.leader_titles
        votes = list(owner.votes.select_related("voter__organization", "leader__organization", "deputy__organization"))
        if not votes:
            return [Paragraph("Chưa có phiếu bầu.")]
        columns = (
            Column("TT", 6, "center"),
            Column("Đơn vị bỏ phiếu", 34),
            Column(leader_title, 30),
            Column(deputy_title, 30),
        )
        rows = [
            Row(
                (
                    cell(i),
                    cell(v.voter.organization.name),
                    cell(v.leader.organization.name),
                    cell(v.deputy.organization.name),
                )
            )
            for i, v in enumerate(votes, start=1)
        ]
        return [
            Table(columns, rows),
            Paragraph(
                f"Kết quả: {leader.organization.name} được bầu làm {leader_title} "
                f"({leaders[leader]}/{len(votes)} phiếu); "
                f"{deputy.organization.name} được bầu làm {deputy_title} ({deputies[deputy]}/{len(votes)} phiếu) "
                f"năm {owner.year + 1}."
            ),
        ]


def proposal_rows(owner):
    table = ranking(owner)
    rules = list(owner.proposal_rules.select_related("award_type"))
    rows = []
    for rule in rules:
        for row in table.rows:
            if rule.rank_from <= row.rank <= rule.rank_to:
                rows.append((rule.award_type, row))
    return table, rows


@register
class ProposalLetter(YearDocument):
    key = "cluster-proposal"
    label = _("Proposal letter of the cluster")

    def defaults(self, owner):
        return self.base_defaults(
            owner,
            type_code="TTr",
            type_name="Tờ trình",
            # Decree 30: the subject in sentence case, "Về việc …" as a Tờ trình words it.
            subject=f"Về việc đề nghị khen thưởng thành tích thi đua năm {owner.year} của {owner.cluster.name}",
        )

    def content(self, owner, record):
        table, rows = proposal_rows(owner)
        body = [
            Paragraph(
                f"Căn cứ kết quả chấm điểm, xếp hạng thi đua năm {owner.year} được thống nhất tại Hội nghị tổng kết "
                f"ngày {short_date(owner.conference_date)}, {owner.cluster.name} đề nghị khen thưởng {len(rows)} "
                "đơn vị có thành tích xuất sắc (danh sách kèm theo)."
            ),
            Paragraph("Kính đề nghị xem xét, quyết định."),
        ]
        columns = (
            Column("TT", 6, "center"),
            Column("Đơn vị", 38),
            Column("Hình thức đề nghị", 30),
            Column("Tổng điểm", 13, "center"),
            Column("Xếp hạng", 13, "center"),
        )
        annex_rows = [
            Row((cell(i), cell(row.member.organization.name), cell(award.name), cell(row.total_text), cell(row.rank)))
            for i, (award, row) in enumerate(rows, start=1)
        ]
        annex = Annex(title="Danh sách đề nghị khen thưởng", body=[Table(columns, annex_rows)])
        return Content(body=body, annexes=[annex])


@register
class Pledge(YearDocument):
    key = "cluster-pledge"
    label = _("Emulation pledge of the cluster")

    def defaults(self, owner):
        values = self.base_defaults(
            owner,
            type_code="GƯ",
            type_name="Bản giao ước thi đua",
            subject=f"năm {owner.year} của {owner.cluster.name}",
        )
        values["signer_collective"] = ""
        values["signer_name"] = ""
        return values

    def content(self, owner, record):
        members = list(owner.cluster.members.select_related("organization__head"))
        text = owner.pledge_content or "Các đơn vị thành viên giao ước thi đua hoàn thành xuất sắc nhiệm vụ năm."
        signatures = []
        for start in range(0, len(members), 2):
            pair = members[start : start + 2]
            cells = []
            for member in pair:
                head = member.organization.head
                cells.append(
                    [
                        Paragraph(f"ĐẠI DIỆN {member.organization.name.upper()}", bold=True, indent=False),
                        Paragraph("(Ký, ghi rõ họ tên, đóng dấu)", italic=True, indent=False),
                        Paragraph(" ", indent=False),
                        Paragraph(" ", indent=False),
                        Paragraph(head.full_name if head else "", bold=True, indent=False),
                    ]
                )
            if len(cells) == 1:
                cells.append([Paragraph(" ", indent=False)])
            signatures.append(Row(tuple(cells)))
        body = [
            Paragraph(
                f"Tại Hội nghị ngày {short_date(owner.conference_date)}, các đơn vị thành viên {owner.cluster.name} "
                f"cùng ký giao ước thi đua năm {owner.year} với các nội dung sau:"
            ),
            *text_blocks(text),
            Paragraph(
                "Các đơn vị thành viên cam kết thực hiện tốt các nội dung đã giao ước; kết quả là căn cứ chấm điểm, "
                "xếp hạng thi đua cuối năm."
            ),
            Table((Column("", 50, "center"), Column("", 50, "center")), signatures),
        ]
        return Content(body=body)
