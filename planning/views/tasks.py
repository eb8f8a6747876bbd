from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from congress.permissions import get_congress
from congress.views.congresses import congress_context
from reminders.selectors import reminders_of

from .. import services
from ..forms import ProgressForm, TaskForm, TaskPartyFormSet
from ..models import Attachment, ProgressUpdate, Task
from ..permissions import get_task, require_task_adder
from ..reminders import TASKS, task_key
from ..selectors import annotate_for, decorate


def warn_about_deadline(request, task):
    """A deadline after the congress session is allowed, but rarely meant."""
    session = task.congress.last_session()
    session_date = session.latest_date if session else None
    if task.due_date and session_date and task.due_date > session_date:
        messages.warning(
            request,
            _("The deadline (%(due)s) falls after the congress session (%(session)s). Check that this is intended.")
            % {"due": task.due_date.strftime("%d/%m/%Y"), "session": session_date.strftime("%d/%m/%Y")},
        )
    elif task.deadline_kind == Task.DeadlineKind.RELATIVE and not task.due_date:
        messages.warning(
            request, _("The deadline counts from a session that has no date yet; it will be set when the session has.")
        )


@login_required
def task_detail(request, pk, task_pk):
    task = decorate(get_task(request.user, pk, task_pk), today=timezone.localdate())
    congress = task.congress
    context = congress_context(request, congress, "schedule")
    subitems = task.subitems.prefetch_related("parties__organization", "parties__subcommittee")
    updates = ProgressUpdate.objects.filter(task=task).select_related("author__person").prefetch_related("attachments")
    context.update(
        task=task,
        subitems=subitems,
        updates=updates,
        events=task.events.select_related("actor__person")[:50],
        can_change=request.user.has_perm("planning.change_task", task),
        can_post=request.user.has_perm("planning.post_progress", task),
        can_add=request.user.has_perm("planning.add_task", congress),
        progress_form=ProgressForm(task=task),
    )
    return render(request, "planning/task_detail.html", context)


@login_required
def task_edit(request, pk, task_pk=None):
    if task_pk:
        task = get_task(request.user, pk, task_pk, perm="planning.change_task")
        congress = task.congress
    else:
        congress = get_congress(request.user, pk)
        require_task_adder(request.user, congress)
        task = _new_task(request, congress)
    data = _parties_as_new(request.POST, task) if request.method == "POST" else None
    form = TaskForm(data, instance=task, congress=congress)
    formset = TaskPartyFormSet(data, instance=task, congress=congress, prefix="parties")
    conflict = None
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            task = services.save_task(
                task,
                values=form.cleaned_data,
                parties=formset.parties(),
                by=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except services.VersionConflict as error:
            conflict = _conflict(form, error.current)
        else:
            messages.success(request, _("Task %(number)s was saved.") % {"number": task.display_number})
            warn_about_deadline(request, task)
            return redirect("planning:task_detail", congress.pk, task.pk)
    context = congress_context(request, congress, "schedule")
    context.update(task=task, form=form, formset=formset, conflict=conflict)
    status = 409 if conflict else 422 if request.method == "POST" else 200
    return render(request, "planning/task_form.html", context, status=status)


def _parties_as_new(data, task):
    """After someone else's save the party rows the user loaded are gone (save_task replaces them all):
    their rows are taken as new ones, so the conflict page keeps them instead of refusing them."""
    if not task.pk or data.get("version") in (None, "", str(task.version)):
        return data
    data = data.copy()
    for key in [key for key in data if key.startswith("parties-") and key.endswith("-id")]:
        del data[key]
    data["parties-INITIAL_FORMS"] = "0"
    return data


def _new_task(request, congress):
    parent = None
    parent_pk = request.GET.get("parent") or request.POST.get("parent")
    if parent_pk:
        parent = get_object_or_404(Task, congress=congress, pk=parent_pk if str(parent_pk).isdigit() else 0)
        parent.congress = congress
    siblings = Task.objects.filter(congress=congress, parent=parent)
    task = Task(congress=congress, parent=parent, number=siblings.count() + 1)
    if parent and not request.user.has_perm("planning.change_task", parent):
        raise PermissionDenied
    return task


def _conflict(form, current):
    """Keep the user's input, show what the other person saved, and let a second save overwrite."""
    data = form.data.copy()
    data["version"] = current.version
    form.data = data
    mine = {
        "number": str(form.cleaned_data["number"]),
        "content": form.cleaned_data["content"],
        "deadline": form.cleaned_data["deadline"],
        "status": str(dict(Task.Status.choices)[form.cleaned_data["status"]]),
    }
    theirs = services.snapshot(current)
    last = current.events.select_related("actor__person").first()
    theirs = {**theirs, "status": str(current.get_status_display())}
    rows = [
        (services.TRACKED[key], theirs[key], mine[key], theirs[key] != mine[key])
        for key in ("number", "content", "deadline", "status")
    ]
    # The parties are edited in the formset below the form: the user's rows are still there.
    rows += [(services.TRACKED[key], theirs[key], _("see the form"), False) for key in ("lead", "coordinating")]
    return {"rows": rows, "last": last, "theirs": theirs}


@login_required
def task_delete(request, pk, task_pk):
    task = get_task(request.user, pk, task_pk, perm="planning.change_task")
    congress = task.congress
    back = reverse("planning:schedule", args=[congress.pk])
    if request.method == "POST":
        label = str(task)
        services.delete_task(task, by=request.user)
        messages.success(request, _("“%(name)s” was removed.") % {"name": label})
        return redirect(back)
    context = congress_context(request, congress, "schedule")
    context.update(object=task, cancel_url=task.get_absolute_url(), subitem_count=task.subitems.count())
    return render(request, "planning/task_confirm_delete.html", context)


@login_required
def progress_create(request, pk, task_pk):
    """Post a progress update. A GET gives the form: as a fragment to htmx (My work loads it on demand)."""
    task = get_task(request.user, pk, task_pk, perm="planning.post_progress")
    if request.method != "POST":
        form = ProgressForm(task=task, auto_id=f"id_%s_{task.pk}")
        if request.htmx:
            context = {
                "task": task,
                "form": form,
                "htmx_target": "closest .app-work-item",
                "next": request.GET.get("next", ""),
            }
            return render(request, "planning/_progress_form.html", context)
        context = congress_context(request, task.congress, "schedule")
        context.update(task=task, progress_form=form, next=request.GET.get("next", ""))
        return render(request, "planning/progress_form.html", context)
    form = ProgressForm(request.POST, request.FILES, task=task, auto_id=f"id_%s_{task.pk}")
    if form.is_valid():
        services.post_progress(
            task,
            by=request.user,
            text=form.cleaned_data["text"],
            new_status=form.cleaned_data["new_status"],
            files=form.cleaned_data["files"],
        )
        if request.htmx:
            task = get_task(request.user, pk, task_pk)
            return _work_item(request, task, None, saved=True)
        messages.success(request, _("Your progress update was posted."))
        return redirect(_next_url(request) or task.get_absolute_url())
    if request.htmx:
        return _work_item(request, task, form, status=422)
    context = congress_context(request, task.congress, "schedule")
    context.update(task=task, progress_form=form, next=request.POST.get("next", ""))
    return render(request, "planning/progress_form.html", context, status=422)


def _work_item(request, task, form, *, saved=False, status=200):
    annotate_for(request.user, [task], today=timezone.localdate())
    context = {
        "task": task,
        "progress_form": form,
        "saved": saved,
        "today": timezone.localdate(),
        "next": request.POST.get("next", ""),
    }
    return render(request, "planning/_work_item.html", context, status=status)


def _next_url(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return None


@login_required
def attachment_download(request, pk, attachment_pk):
    congress = get_congress(request.user, pk)
    attachment = get_object_or_404(
        Attachment.objects.select_related("update__task"), pk=attachment_pk, update__task__congress=congress
    )
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=attachment.name)
    response["Content-Type"] = attachment.content_type
    return response


@login_required
def task_reminders(request, pk, task_pk):
    """Which reminders of the task went to whom, and when (the latest 50)."""
    task = get_task(request.user, pk, task_pk)
    context = congress_context(request, task.congress, "schedule")
    context.update(task=task, reminders=reminders_of(TASKS, task_key(task.pk)))
    template = "planning/_task_reminders.html" if request.htmx else "planning/reminder_task.html"
    return render(request, template, context)
