from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from congress.permissions import get_congress
from congress.views.congresses import congress_context
from documents.spreadsheets import workbook_bytes, xlsx_response

from ..deadlines import ACCEPTED_FORMS
from ..exports import task_template_sheet
from ..imports.forms import MAX_ROWS, PasteForm, SheetForm, TaskImport
from ..imports.services import import_tasks
from ..permissions import require_task_adder

PREVIEW_STEPS = ("recheck", "confirm", "back")


@login_required
def task_import(request, pk):
    """Paste a table, see how each row was read and fix it, then add every row as a task at once."""
    congress = get_congress(request.user, pk)
    require_task_adder(request.user, congress)
    context = {
        **congress_context(request, congress, "schedule"),
        "max_rows": MAX_ROWS,
        "accepted_forms": "; ".join(ACCEPTED_FORMS),
    }
    step = request.POST.get("step") if request.method == "POST" else None
    if step in PREVIEW_STEPS:
        preview = TaskImport(request.POST, congress=congress, user=request.user)
        if step == "back":
            form = PasteForm(initial={"table": preview.table_text()})
            return render(request, "planning/task_import.html", {**context, "form": form, "sheet_form": SheetForm()})
        if step == "confirm" and preview.is_valid():
            tasks = import_tasks(congress, **preview.cleaned_values(), by=request.user)
            count = sum(task.parent_id is None for task in tasks)
            message = ngettext("%(count)s task was added.", "%(count)s tasks were added.", count)
            messages.success(request, message % {"count": count})
            return redirect("planning:schedule", congress.pk)
        return _preview(request, preview, context, status=422 if step == "confirm" else 200)
    if step == "upload":
        form, sheet_form = PasteForm(), SheetForm(request.POST, request.FILES)
    else:
        form, sheet_form = PasteForm(request.POST or None), SheetForm()
    for checked in (form, sheet_form):
        if checked.is_bound and checked.is_valid():
            preview = TaskImport.from_table(checked.parsed, congress=congress, user=request.user)
            return _preview(request, preview, context)
    status = 422 if form.errors or sheet_form.errors else 200
    context.update(form=form, sheet_form=sheet_form)
    return render(request, "planning/task_import.html", context, status=status)


def _preview(request, preview, context, status=200):
    return render(request, "planning/task_import_preview.html", {**context, "preview": preview}, status=status)


@login_required
def task_import_template(request, pk):
    """An empty task table to fill in Excel: the schedule's columns and two example rows."""
    congress = get_congress(request.user, pk)
    require_task_adder(request.user, congress)
    return xlsx_response(workbook_bytes([task_template_sheet()]), _("Task table template.xlsx"))
