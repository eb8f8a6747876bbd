"""delegates' documents: a session's printed programme, its presidium/secretariat/credentials
committee lists, and the credentials report computed from the delegates checked in.
See documents/layer.py for how a document kind works."""

from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.documents import board_letter_defaults, board_name, board_series, earliest_date
from congress.models import CongressSession
from documents.blocks import Column, Content, Heading, Item, Paragraph, Row, Table
from documents.layer import DocumentKind, register

from .composition import count_traits, evaluate
from .models import Allocation, CheckIn, PanelMember

AGENDA_COLUMNS = (Column("Thời gian", 14, "center"), Column("Nội dung", 56, "justify"), Column("Thực hiện", 30, "left"))
PANEL_COLUMNS = (Column("STT", 8, "center"), Column("Họ và tên", 34), Column("Chức vụ, đơn vị", 58))


class SessionDocument(DocumentKind):
    """A document of one congress session; its scope is the congress."""

    owner_model = "congress.CongressSession"

    def owners(self, scope):
        return list(scope.sessions.all())

    def find_owner(self, scope, owner_pk):
        session = get_object_or_404(CongressSession, congress=scope, pk=owner_pk)
        session.congress = scope
        return session

    def series(self, owner):
        return board_series(owner.congress)

    def earliest_date(self, owner):
        return earliest_date(owner.congress)

    def draft_year(self, owner):
        return owner.congress.year

    def filename(self, owner, record):
        return f"{self.key}-{owner.congress_id}-{owner.pk}"


def agenda_rows(session):
    from .honours import honours_of

    rows = []
    items = list(session.agenda_items.select_related("organization", "presentation__organization"))
    honours = honours_of(session.congress) if any(item.honours for item in items) else []
    for item in items:
        time = item.starts_at.strftime("%Hh%M") if item.starts_at else ""
        talk = getattr(item, "presentation", None)
        who = item.presenter_text
        if talk is not None:
            who = f"{talk.speaker}, {talk.organization.name}" if talk.speaker else talk.organization.name
        what = [Paragraph(item.title)]
        if item.honours:
            what += [Paragraph(f"- {honour.name} ({honour.award})", indent=False) for honour in honours]
        rows.append(Row(((Paragraph(time),), tuple(what), (Paragraph(who),))))
    return rows


@register
class SessionProgramme(SessionDocument):
    key = "session-programme"
    label = _("Session programme")

    def defaults(self, owner):
        subject = f"{owner.name} - {owner.congress.name}"
        return board_letter_defaults(owner.congress, type_code="CTr", type_name="Chương trình", subject=subject)

    def content(self, owner, record):
        body = []
        if owner.when_text or owner.place:
            when = f"Thời gian: {owner.when_text}." if owner.when_text else ""
            place = f" Địa điểm: {owner.place}." if owner.place else ""
            body.append(Paragraph((when + place).strip(), italic=True))
        participants = list(owner.participant_lines.select_related("organization", "person"))
        if participants:
            body.append(Heading(2, "Thành phần tham dự:"))
            body += [Item("-", f"{line.text};") for line in participants]
        rows = agenda_rows(owner)
        body.append(Heading(2, "Chương trình:"))
        body.append(Table(AGENDA_COLUMNS, rows) if rows else Paragraph("Chương trình sẽ thông báo sau."))
        return Content(body=body, closing_mark=False)


def panel_table(members):
    rows = []
    for number, member in enumerate(members, start=1):
        delegate = member.delegate
        where = ", ".join(part for part in (delegate.position, delegate.workplace or delegate.delegation_name) if part)
        rows.append(Row(((Paragraph(f"{number:02d}"),), (Paragraph(delegate.full_name),), (Paragraph(where),))))
    return Table(PANEL_COLUMNS, rows)


@register
class SessionPanels(SessionDocument):
    key = "session-panels"
    label = _("Presidium, secretariat and credentials committee")

    def defaults(self, owner):
        subject = f"Danh sách Đoàn Chủ tịch, Thư ký và Ban Thẩm tra tư cách đại biểu - {owner.congress.name}"
        return board_letter_defaults(owner.congress, type_code="DS", type_name="Danh sách", subject=subject)

    def content(self, owner, record):
        members = list(
            owner.panel_members.select_related("delegate__quota__organization").order_by("panel", "order", "pk")
        )
        titles = {
            PanelMember.Panel.PRESIDIUM: "Đoàn Chủ tịch",
            PanelMember.Panel.SECRETARIAT: "Đoàn Thư ký",
            PanelMember.Panel.CREDENTIALS: "Ban Thẩm tra tư cách đại biểu",
        }
        body = []
        for number, (panel, title) in enumerate(titles.items(), start=1):
            rows = [member for member in members if member.panel == panel]
            if rows:
                body += [Heading(2, f"{number}. {title} ({len(rows):02d} người):"), panel_table(rows)]
        if not body:
            body.append(Paragraph("Chưa có danh sách."))
        return Content(body=body, closing_mark=False)


def credentials_figures(session):
    """Summoned and present delegates of the session, by kind and by composition (three queries)."""
    congress = session.congress
    delegates = congress.delegates.order_by()
    arrived = Exists(CheckIn.objects.filter(session=session, delegate=OuterRef("pk")))
    totals = delegates.annotate(arrived=arrived).aggregate(
        summoned=Count("pk"),
        present=Count("pk", filter=Q(arrived=True)),
        official=Count("pk", filter=Q(kind="official")),
        official_present=Count("pk", filter=Q(kind="official", arrived=True)),
        guest_present=Count("pk", filter=Q(kind="guest", arrived=True)),
    )
    allocation = Allocation.objects.filter(congress=congress).first()
    present = delegates.filter(Exists(CheckIn.objects.filter(session=session, delegate=OuterRef("pk"))))
    composition = evaluate(count_traits(present, congress, allocation)["all"], list(congress.composition_targets.all()))
    return totals, composition


def share(count, total):
    return f"{100 * count / total:.2f}".replace(".", ",") + "%" if total else "0%"


@register
class CredentialsReport(SessionDocument):
    key = "credentials-report"
    label = _("Credentials report")

    def defaults(self, owner):
        subject = f"Thẩm tra tư cách đại biểu dự {owner.congress.name}"
        values = board_letter_defaults(owner.congress, type_code="BC", type_name="Báo cáo", subject=subject)
        values["signer_collective"] = "BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU"
        values["signer_position"] = "Trưởng ban"
        return values

    def content(self, owner, record):
        totals, composition = credentials_figures(owner)
        present = totals["present"]
        moment = timezone.localtime().strftime("%Hh%M")
        body = [
            Paragraph(
                f"Căn cứ danh sách đại biểu được triệu tập và kết quả điểm danh đến {moment}, Ban Thẩm tra tư cách "
                f"đại biểu báo cáo {owner.congress.name} như sau:"
            ),
            Heading(2, "1. Số lượng đại biểu:"),
            Item("-", f"Tổng số đại biểu được triệu tập: {totals['summoned']} đại biểu;"),
            Item("-", f"Số đại biểu có mặt: {present} đại biểu, đạt {share(present, totals['summoned'])};"),
            Item(
                "+",
                f"Đại biểu chính thức có mặt: {totals['official_present']}/{totals['official']} đại biểu;",
            ),
            Item("+", f"Đại biểu khách mời có mặt: {totals['guest_present']} đại biểu;"),
            Item("-", f"Số đại biểu vắng mặt: {totals['summoned'] - present} đại biểu."),
            Heading(2, "2. Cơ cấu đại biểu có mặt:"),
        ]
        if composition.checks:
            for check in composition.checks:
                status = "đạt" if check.is_met else "chưa đạt"
                body.append(
                    Item(
                        "-",
                        f"{check.target.label}: {check.count} đại biểu, chiếm {share(check.count, present)} "
                        f"(chỉ tiêu {check.target.goal_text}, {status});",
                    )
                )
        else:
            body.append(Item("-", "Hội nghị không đặt chỉ tiêu cơ cấu đại biểu."))
        body += [
            Heading(2, "3. Kết luận:"),
            Paragraph(
                "Tất cả đại biểu có mặt đều đủ tư cách đại biểu dự Hội nghị. Số đại biểu có mặt "
                + ("đạt" if present * 2 > totals["summoned"] else "chưa đạt")
                + " quá nửa tổng số đại biểu được triệu tập."
            ),
        ]
        return Content(body=body)


# Invitations (giấy mời) ---------------------------------------------------------------------------

GENERIC_ADDRESSEE = "Các đồng chí đại biểu"


def addressees(session):
    """Who gets an invitation: each guest by name, each unit with a quota (for its delegates)."""
    congress = session.congress
    lines = [
        (f"Đồng chí {guest.full_name}" + (f", {guest.position}" if guest.position else ""), guest.email)
        for guest in congress.delegates.filter(kind="guest").order_by("full_name", "pk")
    ]
    for quota in congress.delegate_quotas.select_related("organization").order_by("order", "pk"):
        lines.append((quota.organization.name, quota.organization.email))
    return lines


@register
class Invitation(SessionDocument):
    key = "invitation"
    label = _("Invitation")

    def defaults(self, owner):
        subject = f"Dự {owner.congress.name}"
        values = board_letter_defaults(owner.congress, type_code="GM", type_name="Giấy mời", subject=subject)
        values["recipients"] = [["Như trên", ""]]
        return values

    def content(self, owner, record, addressee=GENERIC_ADDRESSEE, seats=None):
        congress = owner.congress
        body = [Paragraph(f"Kính gửi: {addressee}", bold=True, indent=False)]
        body.append(
            Paragraph(f"{board_name(congress)} trân trọng kính mời {invitee(addressee, seats)} đến dự {congress.name}.")
        )
        if owner.when_text:
            body.append(Paragraph(f"Thời gian: {owner.when_text}."))
        if owner.place:
            body.append(Paragraph(f"Địa điểm: {owner.place}."))
        first_items = list(owner.agenda_items.order_by("order", "pk")[:1])
        if first_items and first_items[0].starts_at:
            start = first_items[0].starts_at
            body.append(Paragraph(f"Đề nghị đại biểu có mặt trước {start:%H} giờ {start:%M} để đón tiếp."))
        body.append(Paragraph("Rất mong đồng chí đến dự đầy đủ, đúng thời gian."))
        return Content(body=body)


def invitee(addressee, seats):
    if seats:
        return f"{seats:02d} đại biểu của đơn vị"
    return "đồng chí" if addressee.startswith("Đồng chí") else "các đồng chí"


def _invitation_documents(session, lines):
    """(addressee, laid-out letter) for each addressee; each letter goes through the document layer
    (same letterhead, number, signature)."""
    from documents.layer import get_kind, letter_for, record_for
    from documents.pdf import layout, letter_html, static_fetcher

    kind = get_kind("invitation")
    record = record_for(kind, session)
    seats = {
        quota.organization.name: quota.seats
        for quota in session.congress.delegate_quotas.select_related("organization")
    }
    fetcher = static_fetcher()
    for addressee in lines:
        content = kind.content(session, record, addressee=addressee, seats=seats.get(addressee))
        yield addressee, layout(letter_html(letter_for(kind, session, record, content=content)), fetcher)


def invitations_pdf(session):
    """One PDF with one invitation per addressee, for a mail merge: (bytes, pages)."""
    lines = [addressee for addressee, _email in addressees(session)] or [GENERIC_ADDRESSEE]
    pages, first = [], None
    for _addressee, document in _invitation_documents(session, lines):
        first = first or document
        pages += document.pages
    return first.copy(pages).write_pdf(), len(pages)


def invitation_pdfs(session, lines):
    """{addressee: PDF bytes}, one invitation each, for the mails."""
    return {addressee: document.write_pdf() for addressee, document in _invitation_documents(session, lines)}
