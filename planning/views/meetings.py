"""Board and sub-committee meetings: agenda, minutes, conclusions, and their way into the schedule.

The secretariat manages the board's meetings; a sub-committee head manages their sub-committee's.
Everyone with a role in the congress reads them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F, Max
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from congress.concurrency import save_guarded
from congress.permissions import get_congress
from congress.views.common import paginate, render_form
from congress.views.congresses import congress_context

from ..forms_meetings import (
    ConclusionForm,
    MeetingFilter,
    MeetingForm,
    agenda_tree,
    is_numbered,
    linked_task,
    session_ordinal,
)
from ..models import Conclusion, Meeting
from ..services import put_in_schedule, task_from_conclusion

# Access -------------------------------------------------------------------------------------------


def may_manage_body(user, congress, subcommittee):
    """The board's meetings are the secretariat's; a sub-committee's also its head's."""
    if subcommittee is None:
        return user.has_perm("congress.manage_congress", congress)
    subcommittee.congress = congress
    return user.has_perm("congress.manage_subcommittee", subcommittee)


def manageable_subcommittees(user, congress, subcommittees):
    """Those of the congress's sub-committees whose meetings the user manages."""
    return [sub for sub in subcommittees if may_manage_body(user, congress, sub)]


def get_meeting(user, congress, meeting_pk, *, manage=False):
    meeting = get_object_or_404(
        Meeting.objects.select_related("subcommittee", "chair", "task"), congress=congress, pk=meeting_pk
    )
    meeting.congress = congress
    if manage and not may_manage_body(user, congress, meeting.subcommittee):
        raise PermissionDenied
    return meeting


# Pages --------------------------------------------------------------------------------------------


def _meeting_context(request, meeting, **extra):
    return {**congress_context(request, meeting.congress, "meetings"), "meeting": meeting, **extra}


@login_required
def meeting_list(request, pk):
    congress = get_congress(request.user, pk)
    meetings = (
        congress.meetings.select_related("subcommittee", "chair", "task")
        .annotate(conclusion_count=Count("conclusions"))
        .order_by(F("subcommittee__order").asc(nulls_first=True), "subcommittee_id", "number", "pk")
    )
    subcommittees = list(congress.subcommittees.all())
    filterset = MeetingFilter(request.GET, queryset=meetings, subcommittees=subcommittees)
    page = paginate(request, filterset.qs)
    for meeting in page:
        meeting.session = session_ordinal(meeting.number)
        meeting.schedule_task = linked_task(meeting)
    can_create = may_manage_body(request.user, congress, None) or manageable_subcommittees(
        request.user, congress, subcommittees
    )
    context = congress_context(request, congress, "meetings")
    context.update(filter=filterset, page=page, can_create=bool(can_create))
    return render(request, "planning/meeting_list.html", context)


@login_required
def meeting_detail(request, pk, meeting_pk):
    congress = get_congress(request.user, pk)
    meeting = get_meeting(request.user, congress, meeting_pk)
    agenda = agenda_tree(meeting.agenda.order_by("order", "pk"))
    context = _meeting_context(
        request,
        meeting,
        session=session_ordinal(meeting.number),
        agenda=agenda,
        agenda_numbered_as_typed=bool(agenda) and all(is_numbered(item.text) for item, _subitems in agenda),
        participants=meeting.participants.select_related("organization"),
        conclusions=meeting.conclusions.select_related("task").order_by("order", "pk"),
        schedule_task=linked_task(meeting),
        can_edit=may_manage_body(request.user, congress, meeting.subcommittee),
        can_add_task=request.user.has_perm("planning.add_task", congress),
    )
    return render(request, "planning/meeting_detail.html", context)


@login_required
def meeting_edit(request, pk, meeting_pk=None):
    congress = get_congress(request.user, pk)
    meeting = get_meeting(request.user, congress, meeting_pk, manage=True) if meeting_pk else Meeting()
    may_manage_board = may_manage_body(request.user, congress, None)
    subcommittees = manageable_subcommittees(request.user, congress, congress.subcommittees.all())
    if not may_manage_board and not subcommittees:
        raise PermissionDenied
    form = MeetingForm(
        request.POST or None,
        instance=meeting,
        congress=congress,
        may_manage_board=may_manage_board,
        subcommittees=congress.subcommittees.filter(pk__in=[sub.pk for sub in subcommittees]),
    )
    conflict = None
    if form.is_valid():

        def save():
            saved = form.save()
            return saved, _keep_schedule_in_step(request.user, saved, wanted=form.cleaned_data["in_schedule"])

        result, conflict = save_guarded(form, save)
        if not conflict:
            meeting, note = result
            messages.success(request, _("The meeting was saved."))
            if note:
                messages.add_message(request, *note)
            return redirect("planning:meeting_detail", congress.pk, meeting.pk)
    context = congress_context(request, congress, "meetings")
    context.update(meeting=meeting, schedule_task=linked_task(meeting))
    return render_form(request, "planning/meeting_form.html", form, conflict, **context)


def _keep_schedule_in_step(user, meeting, *, wanted):
    """Put the meeting in the schedule when asked and allowed; a (level, message) to tell, or None."""
    task = linked_task(meeting)
    if not wanted:
        if task is None:
            return None
        return messages.INFO, _("The meeting stays in the schedule: delete its task there to remove it.")
    if task is not None:
        task.congress = meeting.congress
        if not user.has_perm("planning.change_task", task):
            return messages.WARNING, _("The meeting's task in the schedule was left as it is: you may not change it.")
    elif not user.has_perm("planning.add_task", meeting.congress):
        return messages.WARNING, _("The meeting was not added to the schedule: you may not add tasks.")
    put_in_schedule(meeting, by=user)
    return None


@login_required
def meeting_delete(request, pk, meeting_pk):
    congress = get_congress(request.user, pk)
    meeting = get_meeting(request.user, congress, meeting_pk, manage=True)
    if request.method == "POST":
        meeting.delete()
        messages.success(request, _("“%(name)s” was removed.") % {"name": meeting})
        return redirect("planning:meeting_list", congress.pk)
    context = _meeting_context(request, meeting, schedule_task=linked_task(meeting))
    context["converted_count"] = meeting.conclusions.exclude(task=None).count()
    return render(request, "planning/meeting_confirm_delete.html", context)


@login_required
def conclusion_edit(request, pk, meeting_pk, conclusion_pk=None):
    congress = get_congress(request.user, pk)
    meeting = get_meeting(request.user, congress, meeting_pk, manage=True)
    if conclusion_pk:
        conclusion = get_object_or_404(meeting.conclusions.select_related("task"), pk=conclusion_pk)
    else:
        last = meeting.conclusions.aggregate(Max("order"))["order__max"]
        conclusion = Conclusion(order=(last or 0) + 1)
    form = ConclusionForm(request.POST or None, instance=conclusion, meeting=meeting)
    conflict = None
    if form.is_valid():
        _saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The conclusion was saved."))
            return redirect(_conclusions_url(meeting))
    context = _meeting_context(request, meeting, conclusion=conclusion)
    return render_form(request, "planning/conclusion_form.html", form, conflict, **context)


@login_required
def conclusion_delete(request, pk, meeting_pk, conclusion_pk):
    congress = get_congress(request.user, pk)
    meeting = get_meeting(request.user, congress, meeting_pk, manage=True)
    conclusion = get_object_or_404(meeting.conclusions.select_related("task"), pk=conclusion_pk)
    if request.method == "POST":
        conclusion.delete()
        messages.success(request, _("The conclusion was removed."))
        return redirect(_conclusions_url(meeting))
    context = _meeting_context(request, meeting, conclusion=conclusion)
    return render(request, "planning/conclusion_confirm_delete.html", context)


@login_required
def conclusion_to_task(request, pk, meeting_pk, conclusion_pk):
    congress = get_congress(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm("planning.add_task", congress):
        raise PermissionDenied
    meeting = get_meeting(request.user, congress, meeting_pk)
    with transaction.atomic():
        # The lock makes a second click wait for the first and then find its task.
        conclusion = get_object_or_404(Conclusion.objects.select_for_update(), meeting=meeting, pk=conclusion_pk)
        conclusion.meeting = meeting
        task = conclusion.task
        if task is None:
            task = task_from_conclusion(conclusion, by=request.user)
            messages.success(request, _("The conclusion is now a task of the schedule. Set its deadline and parties."))
        else:
            messages.info(request, _("This conclusion is already a task of the schedule."))
    task.congress = congress
    return redirect(_task_url(request.user, task))


def _task_url(user, task):
    name = "planning:task_edit" if user.has_perm("planning.change_task", task) else "planning:task_detail"
    return reverse(name, args=[task.congress.pk, task.pk])


def _conclusions_url(meeting):
    return reverse("planning:meeting_detail", args=[meeting.congress.pk, meeting.pk]) + "#conclusions"
