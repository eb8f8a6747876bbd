"""A congress's official documents: list, record, preview, downloads, issuing, versions.

Every document kind registered with the documents layer (the congress's plan and founding
decision, planning's schedule and meeting documents, awards' letters and minutes, and those
later apps add) is shown here, scoped to its congress: everyone with a role reads and
downloads, unless the kind names a narrower `read_permission` (the council's minutes); the
secretariat edits the record and issues.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from documents.forms import (
    DocumentForm,
    IssueForm,
    OutlineFormSet,
    OutlineSectionForm,
    SectionsForm,
    SignedScanForm,
    arranged_rows,
)
from documents.layer import all_kinds, can_read, get_kind, letter_for, record_for
from documents.models import Document, RenderJob
from documents.pdf import preview_context
from documents.services import (
    MAX_PAGES_IN_REQUEST,
    attach_signed_scan,
    estimated_pages,
    issue_document,
    render_current,
    save_outline,
    save_record,
    start_render_job,
)
from documents.views import bytes_response, stored_response

from ..concurrency import ConcurrentEditMixin, save_guarded
from ..permissions import get_congress
from .common import render_form
from .congresses import congress_context

FORMATS = ("pdf", "docx")


class GuardedDocumentForm(ConcurrentEditMixin, DocumentForm):
    """The record's fields, saved only over the version the user loaded (the layer knows no congress app)."""

    guard_creation = True


class GuardedSectionsForm(ConcurrentEditMixin, SectionsForm):
    """The document's text, section by section: a concurrent save of the text or the record is a conflict."""

    fingerprint_related = ("sections",)
    guard_creation = True

    def __init__(self, *args, record, **kwargs):
        self.instance = record
        super().__init__(*args, **kwargs)

    def describe_saved(self, saved):
        saved_sections = {section.key: section for section in saved.sections.all()} if saved else {}
        rows = []
        for section in self.sections:
            stored = saved_sections.get(section.key)
            theirs = stored.text if stored else section.text
            mine = self.cleaned_data.get(f"{section.key}-text", "")
            rows.append((section.heading or _("Text"), theirs, mine, theirs != mine))
        return rows


class GuardedOutlineForm(ConcurrentEditMixin, forms.Form):
    """The fingerprint of a free-sections document (a plan): a concurrent save of its sections is a conflict."""

    fingerprint_related = ("sections",)
    guard_creation = True

    def __init__(self, *args, record, formset, **kwargs):
        self.instance, self.formset = record, formset
        super().__init__(*args, **kwargs)

    def describe_saved(self, saved):
        theirs = [(section.heading, section.text) for section in (saved.sections.all() if saved else [])]
        mine = [(section["heading"], section["text"]) for section in self.formset.sections()]
        theirs_text, mine_text = outline_text(theirs), outline_text(mine)
        return [(_("Sections"), theirs_text, mine_text, theirs_text != mine_text)]


def outline_text(sections):
    return "\n\n".join("\n".join(part for part in (heading, text) if part) for heading, text in sections)


# What a kind that names no narrower permission asks of its reader: any role in the congress.
READ_PERMISSION = "congress.see_congress"


@dataclass
class Opened:
    congress: object
    kind: object
    owner: object
    record: Document

    def url(self, name="congress:document", *args):
        return reverse(name, args=[self.congress.pk, self.kind.key, self.owner.pk, *args])


def open_document(user, pk, kind_key, owner_pk, *, manage=False):
    """The congress (404 to strangers, 403 to read-only users when managing), the kind, its owner, the record."""
    congress = get_congress(user, pk, manage=manage)
    kind = get_kind(kind_key)
    if not can_read(user, kind, congress, default_permission=READ_PERMISSION):
        raise PermissionDenied
    owner = kind.find_owner(congress, owner_pk)
    return Opened(congress, kind, owner, record_for(kind, owner))


def _context(request, opened, **extra):
    context = congress_context(request, opened.congress, "documents")
    context.update(kind=opened.kind, owner=opened.owner, record=opened.record, opened=opened, **extra)
    return context


@login_required
def document_list(request, pk):
    congress = get_congress(request.user, pk)
    readable = [
        kind for kind in all_kinds() if can_read(request.user, kind, congress, default_permission=READ_PERMISSION)
    ]
    entries = [(kind, owner) for kind in readable for owner in kind.owners(congress)]
    records = {
        (record.kind, record.owner_type_id, record.owner_id): record
        for record in Document.objects.for_owners([owner for _kind, owner in entries])
    }
    rows = []
    for kind, owner in entries:
        content_type = ContentType.objects.get_for_model(owner)
        record = records.get((kind.key, content_type.pk, owner.pk))
        rows.append(
            {
                "kind": kind,
                "owner": owner,
                "record": record,
                "url": reverse("congress:document", args=[congress.pk, kind.key, owner.pk]),
                "pdf_url": reverse("congress:document_file", args=[congress.pk, kind.key, owner.pk, "pdf"]),
            }
        )
    context = congress_context(request, congress, "documents")
    context["rows"] = rows
    return render(request, "documents/document_list.html", context)


@login_required
def document_detail(request, pk, kind, owner_pk):
    opened = open_document(request.user, pk, kind, owner_pk)
    record = opened.record
    context = _context(
        request,
        opened,
        issues=record.issues.select_related("issued_by").order_by("-version") if record.pk else [],
        jobs=record.jobs.order_by("-created_at")[:5] if record.pk else [],
        can_manage=request.user.has_perm("congress.manage_congress", opened.congress),
        has_sections=bool(opened.kind.default_sections(opened.owner)),
    )
    return render(request, "documents/document_detail.html", context)


@login_required
def document_preview(request, pk, kind, owner_pk):
    opened = open_document(request.user, pk, kind, owner_pk)
    letter = letter_for(opened.kind, opened.owner, opened.record)
    return render(request, "documents/document_preview.html", _context(request, opened, **preview_context(letter)))


@login_required
def document_file(request, pk, kind, owner_pk, fmt):
    """The issued file from storage; a draft rendered now, or in a worker when it is long."""
    opened = open_document(request.user, pk, kind, owner_pk)
    record, inline = opened.record, request.GET.get("inline") == "1"
    filename = opened.kind.filename(opened.owner, record)
    if fmt not in FORMATS:
        return redirect(opened.url())
    issue = record.latest_issue() if record.is_issued else None
    if issue is not None:
        return stored_response(getattr(issue, fmt), f"{filename}-v{issue.version}", fmt, inline=inline)
    letter = letter_for(opened.kind, opened.owner, record)
    if estimated_pages(record, letter) > MAX_PAGES_IN_REQUEST:
        if record.pk is None:
            save_record(record, by=request.user)
        job = start_render_job(record, fmt=fmt, by=request.user)
        return redirect(opened.url("congress:document_job", job.pk))
    data, _pages = render_current(record, fmt)
    return bytes_response(data, f"{filename}-du-thao", fmt, inline=inline)


@login_required
def document_edit(request, pk, kind, owner_pk):
    opened = open_document(request.user, pk, kind, owner_pk, manage=True)
    record, was_issued = opened.record, opened.record.is_issued
    annexes = [(key, get_kind(key).label) for key in opened.kind.optional_annexes]
    form = GuardedDocumentForm(
        request.POST or None, instance=record, annexes=annexes, earliest=opened.kind.earliest_date(opened.owner)
    )
    conflict = None
    if form.is_valid():
        if form.has_changed() or record.pk is None:
            _saved, conflict = save_guarded(form, lambda: save_record(form.save(), by=request.user))
            if not conflict:
                _say_saved(request, record, was_issued)
        if not conflict:
            return redirect(opened.url())
    return render_form(request, "documents/document_form.html", form, conflict, **_context(request, opened))


@login_required
def document_text(request, pk, kind, owner_pk):
    opened = open_document(request.user, pk, kind, owner_pk, manage=True)
    if opened.kind.free_sections:
        return _document_outline(request, opened)
    record, was_issued = opened.record, opened.record.is_issued
    form = GuardedSectionsForm(request.POST or None, sections=opened.kind.sections(opened.owner, record), record=record)
    conflict = None
    if form.is_valid():
        changed = form.changed_sections()
        if changed:
            _saved, conflict = save_guarded(form, lambda: save_record(record, by=request.user, sections=changed))
            if not conflict:
                _say_saved(request, record, was_issued)
        if not conflict:
            return redirect(opened.url())
    return render_form(request, "documents/document_text.html", form, conflict, **_context(request, opened))


OUTLINE_PREFIX = "sections"


def _document_outline(request, opened):
    """A plan's sections: add, remove, move up or down, nest; the buttons rearrange, only Save writes."""
    record, was_issued = opened.record, opened.record.is_issued
    action = request.POST.get("action", "save") if request.method == "POST" else ""
    if action and action != "save":
        rows = arranged_rows(request.POST, OUTLINE_PREFIX, action)
        formset = OutlineFormSet(initial=rows, prefix=OUTLINE_PREFIX)
        guard = GuardedOutlineForm(request.POST, record=record, formset=formset)
        return render(
            request, "documents/document_outline.html", {"form": guard, "formset": formset, **_context(request, opened)}
        )
    if action:
        formset = OutlineFormSet(request.POST, prefix=OUTLINE_PREFIX)
    else:
        initial = [
            {"key": s.key, "level": s.level, "heading": s.heading, "text": s.text}
            for s in opened.kind.outline(opened.owner, record)
        ]
        formset = OutlineFormSet(initial=initial, prefix=OUTLINE_PREFIX)
    guard = GuardedOutlineForm(request.POST or None, record=record, formset=formset)
    conflict = None
    if action and formset.is_valid() and guard.is_valid():
        sections = formset.sections()
        _saved, conflict = save_guarded(guard, lambda: save_outline(record, sections, by=request.user))
        if not conflict:
            _say_saved(request, record, was_issued)
            return redirect(opened.url())
    status = 409 if conflict else (422 if action and not formset.is_valid() else 200)
    context = {"form": guard, "formset": formset, "conflict": conflict, **_context(request, opened)}
    context["help_lines"] = OutlineSectionForm.HELP
    return render(request, "documents/document_outline.html", context, status=status)


def _say_saved(request, record, was_issued):
    if was_issued:
        messages.info(
            request,
            _("The issued version stays as it was; your changes are the draft of version %(version)s.")
            % {"version": record.version},
        )
    else:
        messages.success(request, _("The document was saved."))


@login_required
def document_issue(request, pk, kind, owner_pk):
    opened = open_document(request.user, pk, kind, owner_pk, manage=True)
    record = opened.record
    if record.is_issued:
        messages.info(request, _("This version is already issued."))
        return redirect(opened.url())
    earliest = opened.kind.earliest_date(opened.owner)
    form = IssueForm(request.POST or None, record=record, earliest=earliest)
    if form.is_valid():
        try:
            issue = issue_document(
                record, number=form.cleaned_data["number"], issued_on=form.cleaned_data["issued_on"], by=request.user
            )
        except ValidationError as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Issued as number %(number)s.") % {"number": issue.number_text})
            return redirect(opened.url())
    return render_form(request, "documents/document_issue.html", form, **_context(request, opened))


@login_required
def document_signed_scan(request, pk, kind, owner_pk, version):
    """Attach the signed, stamped scan of an issued version: from then on it is the official copy."""
    opened = open_document(request.user, pk, kind, owner_pk, manage=True)
    if opened.record.pk is None:
        return redirect(opened.url())
    issue = get_object_or_404(opened.record.issues, version=version)
    form = SignedScanForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        attach_signed_scan(issue, form.cleaned_data["scan"])
        messages.success(request, _("The signed scan is attached: it is now the official copy."))
        return redirect(opened.url())
    return render_form(request, "documents/document_signed_scan.html", form, issue=issue, **_context(request, opened))


@login_required
def issued_file(request, pk, kind, owner_pk, version, fmt):
    opened = open_document(request.user, pk, kind, owner_pk)
    if opened.record.pk is None or fmt not in FORMATS:
        return redirect(opened.url())
    issue = get_object_or_404(opened.record.issues, version=version)
    filename = f"{opened.kind.filename(opened.owner, opened.record)}-v{issue.version}"
    if fmt == "pdf" and request.GET.get("signed") == "1":
        if not issue.signed_scan:
            return redirect(opened.url())
        return stored_response(issue.signed_scan, f"{filename}-signed", "pdf", inline=request.GET.get("inline") == "1")
    return stored_response(getattr(issue, fmt), filename, fmt, inline=request.GET.get("inline") == "1")


@login_required
def document_job(request, pk, kind, owner_pk, job_pk):
    opened = open_document(request.user, pk, kind, owner_pk)
    job = get_object_or_404(RenderJob, document_id=opened.record.pk, pk=job_pk)
    template = "documents/_job_progress.html" if request.htmx else "documents/job_detail.html"
    return render(request, template, _context(request, opened, job=job))


@login_required
def document_job_file(request, pk, kind, owner_pk, job_pk):
    opened = open_document(request.user, pk, kind, owner_pk)
    job = get_object_or_404(RenderJob, document_id=opened.record.pk, pk=job_pk, status=RenderJob.Status.DONE)
    filename = f"{opened.kind.filename(opened.owner, opened.record)}-du-thao"
    return stored_response(job.file, filename, job.format)
