"""A session's participants, timed programme, presidium/secretariat/credentials lists and check-in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from congress.search import matching
from congress.views.congresses import congress_context

from .. import services
from ..forms import AgendaFormSet, CheckInSearchForm, PanelFormSet, ParticipantFormSet
from ..models import CheckIn, Delegate, PanelMember
from ..permissions import get_session

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
    context.update(
        participants=session.participant_lines.select_related("organization", "person"),
        agenda=session.agenda_items.select_related("organization"),
        panels=panels_of(session),
        totals=totals,
        by_unit=by_unit,
    )
    return render(request, "delegates/programme.html", context)


@login_required
def programme_edit(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk, manage=True)
    data = request.POST or None
    participants = ParticipantFormSet(data, instance=session, prefix="participants")
    agenda = AgendaFormSet(data, instance=session, prefix="agenda")
    if all([participants.is_valid(), agenda.is_valid()]):
        with transaction.atomic():
            participants.save()
            agenda.save()
        messages.success(request, _("The participants and the programme were saved."))
        return redirect("delegates:programme", pk, session.pk)
    context = session_context(request, session)
    context.update(participants=participants, agenda=agenda)
    return render(request, "delegates/programme_form.html", context, status=422 if data else 200)


@login_required
def panels_edit(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk, manage=True)
    data = request.POST or None
    panels = PanelFormSet(data, instance=session, prefix="panels", congress=session.congress)
    if panels.is_valid():
        with transaction.atomic():
            panels.save()
        messages.success(request, _("The presidium, secretariat and credentials committee were saved."))
        return redirect("delegates:programme", pk, session.pk)
    context = session_context(request, session)
    context["panels"] = panels
    return render(request, "delegates/panels_form.html", context, status=422 if data else 200)


@login_required
def check_in(request, pk, session_pk):
    """The door page: search a delegate by name and check them in; counts live on every load."""
    session = get_session(request.user, pk, session_pk, manage=True)
    congress = session.congress
    if request.method == "POST":
        delegate = get_object_or_404(Delegate, congress=congress, pk=request.POST.get("delegate"))
        _row, created = services.check_in(session, delegate, by=request.user)
        if created:
            messages.success(request, _("%(name)s is checked in.") % {"name": delegate.full_name})
        else:
            messages.info(request, _("%(name)s was already checked in.") % {"name": delegate.full_name})
        return redirect(f"{request.path}?q={request.POST.get('q', '')}")
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
    totals, _by_unit = checkin_counts(session)
    context = session_context(request, session)
    context.update(form=form, found=found, totals=totals)
    return render(request, "delegates/check_in.html", context)
