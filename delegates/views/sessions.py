"""A session's participants, timed programme, presidium/secretariat/credentials lists and check-in."""

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from congress.concurrency import rows_guard, save_guarded
from congress.search import matching
from congress.views.common import paginate
from congress.views.congresses import congress_context

from .. import services
from ..badges import BadCode, read_code
from ..documents import invitations_pdf
from ..filters import SentInvitationFilter
from ..forms import AgendaFormSet, CheckInSearchForm, PanelFormSet, ParticipantFormSet, PointFormSet
from ..honours import honours_of
from ..invitations import recipients, send_invitations, sent_mails
from ..models import CheckIn, PanelMember
from ..permissions import get_door, get_session
from ..rules import registered_units

SEARCH_LIMIT = 20


def session_context(request, session):
    context = congress_context(request, session.congress, "sessions")
    context["session"] = session
    context["can_manage_delegates"] = request.user.has_perm("delegates.manage_delegates", session.congress)
    return context


def panels_of(session):
    members = session.panel_members.select_related("delegate__quota__organization").order_by("panel", "order", "pk")
    lists = {value: (label, []) for value, label in PanelMember.Panel.choices}
    for member in members:
        lists[member.panel][1].append(member)
    return [(value, label, rows) for value, (label, rows) in lists.items()]


def checkin_counts(session):
    """Checked in: total, by kind and by unit (two queries)."""
    delegates = session.congress.delegates.order_by()
    arrived = Exists(CheckIn.objects.filter(session=session, delegate=OuterRef("pk")))
    totals = delegates.annotate(arrived=arrived).aggregate(
        expected=Count("pk"), present=Count("pk", filter=Q(arrived=True))
    )
    by_unit = list(
        delegates.annotate(arrived=arrived)
        .values("quota__organization__name", "kind")
        .annotate(expected=Count("pk"), present=Count("pk", filter=Q(arrived=True)))
        .order_by("kind", "quota__organization__name")
    )
    return totals, by_unit


@login_required
def programme(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk)
    context = session_context(request, session)
    totals, by_unit = checkin_counts(session)
    agenda = list(session.agenda_items.select_related("organization", "presentation__organization"))
    mine = registered_units(request.user, session.congress)
    honours = honours_of(session.congress) if any(item.honours for item in agenda) else []
    for item in agenda:
        item.honours = honours if item.honours else []
        item.talk = getattr(item, "presentation", None)
        item.may_hand_in = item.talk is not None and (
            context["can_manage_delegates"] or item.talk.organization_id in mine
        )
    context.update(
        participants=session.participant_lines.select_related("organization", "person"),
        agenda=agenda,
        panels=panels_of(session),
        points=session.connection_points.select_related("person_in_charge"),
        totals=totals,
        by_unit=by_unit,
        removed_talks=removed_presentations(session) if context["can_manage_delegates"] else [],
    )
    return render(request, "delegates/programme.html", context)


def removed_presentations(session):
    """The session's presentations taken off their items, kept with their drafts (staff see them)."""
    return list(
        session.presentations.filter(item__isnull=True)
        .select_related("organization", "removed_by")
        .order_by("-removed_at", "-pk")
    )


@login_required
def programme_edit(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk, manage=True)
    data = request.POST or None
    participants = ParticipantFormSet(data, instance=session, prefix="participants")
    agenda = AgendaFormSet(data, instance=session, prefix="agenda")
    guard = rows_guard(session, data, {"participant_lines": participants, "agenda_items": agenda})
    conflict = None
    if all([participants.is_valid(), agenda.is_valid()]):

        def save():
            participants.save()
            agenda.save()

        _saved, conflict = save_guarded(guard, save)
        if not conflict:
            messages.success(request, _("The participants and the programme were saved."))
            return redirect("delegates:programme", pk, session.pk)
    context = session_context(request, session)
    context.update(participants=participants, agenda=agenda, form=guard, conflict=conflict)
    return render(request, "delegates/programme_form.html", context, status=_status(request, conflict))


def _status(request, conflict):
    """409 when someone else saved meanwhile (congress/concurrency.py), 422 for a refused form."""
    return 409 if conflict else 422 if request.method == "POST" else 200


@login_required
def panels_edit(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk, manage=True)
    data = request.POST or None
    panels = PanelFormSet(data, instance=session, prefix="panels", congress=session.congress)
    guard = rows_guard(session, data, {"panel_members": panels})
    conflict = None
    if panels.is_valid():
        _saved, conflict = save_guarded(guard, panels.save)
        if not conflict:
            messages.success(request, _("The presidium, secretariat and credentials committee were saved."))
            return redirect("delegates:programme", pk, session.pk)
    context = session_context(request, session)
    context.update(panels=panels, form=guard, conflict=conflict)
    return render(request, "delegates/panels_form.html", context, status=_status(request, conflict))


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def scanned_id(congress_id, request):
    """(the delegate id a scanned badge or a chosen name points to, or None for an unsigned or foreign
    code, and how it was given). Whether that delegate is one of the congress's is checked by the
    statements that record and answer."""
    if request.POST.get("code"):
        try:
            code_congress, delegate_id = read_code(request.POST["code"])
        except BadCode:
            return None, CheckIn.Method.QR
        return (delegate_id if code_congress == congress_id else None), CheckIn.Method.QR
    delegate_id = request.POST.get("delegate", "")
    return (int(delegate_id) if delegate_id.isdigit() and len(delegate_id) < 19 else None), CheckIn.Method.NAME


# A photo of a badge is read from the phone's file (a blob: URL) into the scanner's canvas.
@csp_update({"img-src": ["blob:"]})
@login_required
def check_in(request, pk, session_pk):
    """The door page at phone width: scan a badge's signed QR with the camera, or search by name;
    each delegate is checked in once per session; the counts refresh live. A scan is answered with
    a small JSON in three statements besides the session and the user (two on PostgreSQL): the
    session with the user's roles, the INSERT, the name with the counts."""
    if request.method == "POST":
        session_id, congress_id = get_door(request.user, pk, session_pk)
        delegate_id, method = scanned_id(congress_id, request)
        created, name, totals = None, None, None
        if delegate_id is not None:
            created, name, totals = services.scan(
                session_id, congress_id, delegate_id, by_id=request.user.pk, method=method
            )
        if totals is None:
            name, totals = services.door_counts(session_id, congress_id)
        if name is None:
            message, created = _("This badge is not valid for this congress."), None
        else:
            template = _("%(name)s is checked in.") if created else _("%(name)s was already checked in.")
            message = template % {"name": name}
        if wants_json(request):
            return JsonResponse({"message": message, "created": created, **totals}, status=200 if name else 400)
        level = messages.success if created else messages.info if name else messages.error
        level(request, message)
        return redirect(f"{request.path}?{urlencode({'q': request.POST.get('q', '')})}")
    if request.GET.get("counts") and wants_json(request):
        session_id, congress_id = get_door(request.user, pk, session_pk)
        return JsonResponse(services.door_counts(session_id, congress_id)[1])
    session = get_session(request.user, pk, session_pk, manage=True)
    congress = session.congress
    form = CheckInSearchForm(request.GET or None)
    found = []
    if form.is_valid() and form.cleaned_data["q"]:
        arrived = Exists(CheckIn.objects.filter(session=session, delegate=OuterRef("pk")))
        found = list(
            congress.delegates.filter(matching(["full_name"], form.cleaned_data["q"]))
            .select_related("quota__organization")
            .annotate(arrived=arrived)
            .order_by("full_name", "pk")[:SEARCH_LIMIT]
        )
    context = session_context(request, session)
    context.update(form=form, found=found, totals=services.door_counts(session.pk, congress.pk)[1])
    return render(request, "delegates/check_in.html", context)


@login_required
def invitations(request, pk, session_pk):
    """Every invitation of the session in one PDF for a mail merge: each guest, each unit."""
    session = get_session(request.user, pk, session_pk, manage=True)
    data, _pages = invitations_pdf(session)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="giay-moi-{session.congress_id}-{session.pk}.pdf"'
    return response


@login_required
def points_edit(request, pk, session_pk):
    """An online session's connection points: who answers for each, the technical contact, the
    test-connection time and, on the day, the attendance at each point."""
    session = get_session(request.user, pk, session_pk, manage=True)
    queryset = session.connection_points.select_related("organization", "person_in_charge")
    data = request.POST or None
    points = PointFormSet(data, queryset=queryset, prefix="points")
    guard = rows_guard(session, data, {"connection_points": points})
    conflict = None
    if points.is_valid():
        _saved, conflict = save_guarded(guard, points.save)
        if not conflict:
            messages.success(request, _("The connection points were saved."))
            return redirect("delegates:programme", pk, session.pk)
    context = session_context(request, session)
    context.update(points=points, form=guard, conflict=conflict)
    return render(request, "delegates/points_form.html", context, status=_status(request, conflict))


SEATS_PER_ROW = 12
ROW_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def seat_rows(congress):
    """Seats by delegation: guests first, then the units in quota order, each delegation in
    consecutive seats, rows of SEATS_PER_ROW (one query)."""
    delegates = congress.delegates.select_related("quota__organization").order_by(
        "kind", "quota__order", "quota_id", "delegation", "full_name", "pk"
    )
    groups = []
    for seat, delegate in enumerate(delegates):
        name = delegate.delegation_name
        if not groups or groups[-1]["name"] != name:
            groups.append({"name": name, "first": seat, "delegates": []})
        groups[-1]["delegates"].append(delegate)
    for group in groups:
        last = group["first"] + len(group["delegates"]) - 1
        group["from"], group["to"] = seat_label(group["first"]), seat_label(last)
    return groups


def seat_label(index):
    row, place = divmod(index, SEATS_PER_ROW)
    letter = ROW_LETTERS[row % len(ROW_LETTERS)] + ("" if row < len(ROW_LETTERS) else str(row // len(ROW_LETTERS)))
    return f"{letter}{place + 1}"


@login_required
def seating(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk)
    context = session_context(request, session)
    context.update(groups=seat_rows(session.congress), seats_per_row=SEATS_PER_ROW)
    return render(request, "delegates/seating.html", context)


@login_required
def invitations_send(request, pk, session_pk):
    """Confirm, then send each invitation through the outbox to the guests and units whose
    e-mail is known; below, what was sent to whom and how it went."""
    session = get_session(request.user, pk, session_pk, manage=True)
    if request.method == "POST":
        count = send_invitations(session, by=request.user)
        if count:
            messages.success(request, _("%(count)s invitations were queued in the outbox.") % {"count": count})
        else:
            messages.info(request, _("No invitation to send: every known e-mail was already sent one."))
        return redirect("delegates:invitations_send", pk, session.pk)
    context = session_context(request, session)
    found = recipients(session)
    sent = SentInvitationFilter(request.GET or None, queryset=sent_mails(session))
    context.update(
        recipients=found,
        to_send=sum(recipient.will_send for recipient in found),
        filter=sent,
        page=paginate(request, sent.qs, per_page=50),
    )
    return render(request, "delegates/invitations_send.html", context)
