"""The emulation council: its members, its sessions with attendance, ballots, results and ranking.

The standing office (its secretary) enters everything; council members read the sessions, the
dossiers before the council and their own named votes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from congress.concurrency import save_guarded
from congress.permissions import get_congress

from .. import services
from ..forms import AddDossiersForm, AttendanceForm, BallotForm, CouncilMemberForm, SessionForm
from ..models import CouncilMember, CouncilSession, Vote
from ..permissions import get_round, get_session, require
from ..selectors import ranking
from .common import awards_context


def _require_council_reader(user, congress):
    if not user.has_perm("awards.see_council", congress):
        raise Http404


@login_required
def council_members(request, pk):
    congress = get_congress(request.user, pk)
    _require_council_reader(request.user, congress)
    form = None
    if request.user.has_perm("awards.manage_awards", congress):
        form = CouncilMemberForm(request.POST or None, congress=congress)
        if form.is_valid():
            form.save()
            messages.success(request, _("The member was added to the council."))
            return redirect("awards:council", congress.pk)
    elif request.method == "POST":
        require(request.user, "awards.manage_awards", congress)
    members = CouncilMember.objects.filter(congress=congress).select_related("person__organization")
    sessions = CouncilSession.objects.filter(round__congress=congress).select_related("round")
    context = awards_context(request, congress, members=members, form=form, sessions=sessions)
    return render(request, "awards/council.html", context, status=422 if form is not None and form.errors else 200)


@login_required
def council_member_delete(request, pk, member_pk):
    congress = get_congress(request.user, pk)
    _require_council_reader(request.user, congress)
    require(request.user, "awards.manage_awards", congress)
    member = get_object_or_404(CouncilMember.objects.select_related("person"), congress=congress, pk=member_pk)
    if request.method == "POST":
        member.delete()
        messages.success(request, _("“%(name)s” was removed.") % {"name": member.person})
        return redirect("awards:council", congress.pk)
    context = awards_context(request, congress, object=member)
    return render(request, "awards/council_member_confirm_delete.html", context)


@login_required
def session_create(request, pk, round_pk):
    nomination_round = get_round(request.user, pk, round_pk, manage=True)
    number = nomination_round.sessions.count() + 1
    form = SessionForm(request.POST or None, instance=CouncilSession(number=number), nomination_round=nomination_round)
    if form.is_valid():
        session = services.open_session(form.save(commit=False))
        messages.success(request, _("The session was created. Record who is present."))
        return redirect("awards:session_attendance", nomination_round.congress.pk, session.pk)
    context = awards_context(request, nomination_round.congress, form=form, round=nomination_round)
    return render(request, "awards/session_form.html", context, status=422 if form.is_bound else 200)


@login_required
def session_detail(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk)
    congress = session.round.congress
    attendance = list(session.attendance.select_related("member__person"))
    total, present = len(attendance), sum(row.present for row in attendance)
    agenda = list(
        session.nominations.select_related("award_type", "person", "organization").order_by("award_type__order", "pk")
    )
    ballots = {ballot.nomination_id: ballot for ballot in session.ballots.all()}
    for nomination in agenda:
        nomination.ballot = ballots.get(nomination.pk)
        if nomination.ballot:
            nomination.ballot.nomination = nomination
    context = awards_context(
        request,
        congress,
        session=session,
        attendance=attendance,
        total=total,
        present=present,
        agenda=agenda,
        groups=ranking(session),
        own_votes=Vote.objects.filter(ballot__session=session, member__person__user=request.user).select_related(
            "ballot__nomination__person", "ballot__nomination__organization", "ballot__nomination__award_type"
        ),
        can_manage=request.user.has_perm("awards.manage_awards", congress),
    )
    return render(request, "awards/session_detail.html", context)


@login_required
def session_attendance(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk, manage=True)
    attendance = list(session.attendance.select_related("member__person"))
    form = AttendanceForm(request.POST or None, attendance=attendance)
    if form.is_valid():
        try:
            services.record_attendance(session, present_ids=[int(pk) for pk in form.cleaned_data["present"]])
        except services.TransitionError as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Attendance was recorded."))
        return redirect(session)
    context = awards_context(request, session.round.congress, session=session, form=form)
    return render(request, "awards/session_attendance.html", context, status=422 if form.is_bound else 200)


@login_required
def session_add(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk, manage=True)
    form = AddDossiersForm(request.POST or None, session=session)
    if form.is_valid():
        try:
            services.add_to_session(session, form.cleaned_data["nominations"], by=request.user)
        except services.TransitionError as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("The dossiers are on the session's agenda."))
        return redirect(session)
    context = awards_context(request, session.round.congress, session=session, form=form)
    return render(request, "awards/session_add.html", context, status=422 if form.is_bound else 200)


@login_required
def ballot_edit(request, pk, session_pk, nomination_pk):
    session = get_session(request.user, pk, session_pk, manage=True)
    nomination = get_object_or_404(
        session.nominations.select_related("award_type", "person", "organization"), pk=nomination_pk
    )
    nomination.round = session.round
    attendance = list(session.attendance.select_related("member__person"))
    ballot = session.ballots.filter(nomination=nomination).prefetch_related("votes").first()
    form = BallotForm(request.POST or None, nomination=nomination, attendance=attendance, ballot=ballot)
    conflict = None
    if form.is_valid():
        try:
            _saved, conflict = save_guarded(
                form,
                lambda: services.record_ballot(
                    session, nomination, by=request.user, counts=form.counts(), votes=form.votes()
                ),
            )
        except services.TransitionError as refused:
            form.add_error(None, refused.message)
        else:
            if not conflict:
                message = _("The ballot on %(name)s was recorded.") % {"name": nomination.nominee_name}
                messages.success(request, message)
                return redirect(session)
    total, present = len(attendance), sum(row.present for row in attendance)
    context = awards_context(
        request, session.round.congress, session=session, nomination=nomination, form=form, total=total, present=present
    )
    context["conflict"] = conflict
    status = 409 if conflict else 422 if form.is_bound else 200
    return render(request, "awards/ballot_form.html", context, status=status)


@login_required
def session_close(request, pk, session_pk):
    session = get_session(request.user, pk, session_pk, manage=True)
    error = None
    if request.method == "POST":
        try:
            services.close_session(session, by=request.user)
        except services.TransitionError as refused:
            error = refused.message
        else:
            messages.success(request, _("The session was closed and the results recorded on the dossiers."))
            return redirect(session)
    context = awards_context(request, session.round.congress, session=session, error=error)
    return render(request, "awards/session_confirm_close.html", context, status=422 if error else 200)
