"""The life of a document: saving its record, issuing it, rendering what a user asks for."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from .blocks import GroupRow, Row, Table
from .layer import empty_annexes, get_kind, letter_for, render_docx, render_pdf
from .models import Document, IssuedVersion, NumberSeries, RenderJob, Section
from .vietnamese import short_date

# Longer documents render in a worker, with progress shown (see documents/tasks.py).
MAX_PAGES_IN_REQUEST = 20
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def save_record(record, *, by, sections=None):
    """Save a record's edits, and its edited sections ({key: (heading, text)}).

    1. The number series is created the first time the issuer's document is saved.
    2. A change to an issued document starts the draft of its next version; the issued
       files stay as they are.
    """
    with transaction.atomic():
        if record.series.pk is None:
            series = record.series
            record.series, _created = NumberSeries.objects.get_or_create(
                key=series.key, defaults={"name": series.name, "issuer_code": series.issuer_code}
            )
        if record.pk and record.is_issued:
            start_new_version(record)
        record.save()
        for order, (key, (heading, text)) in enumerate((sections or {}).items(), start=1):
            Section.objects.update_or_create(
                document=record, key=key, defaults={"order": order, "heading": heading, "text": text}
            )
    return record


def save_outline(record, sections, *, by):
    """Save a free-sections document's whole list of sections ([{key, level, heading, text}], and
    "follows_default" for one that keeps printing the kind's default text), in order."""
    with transaction.atomic():
        save_record(record, by=by)
        record.sections.all().delete()
        Section.objects.bulk_create(
            Section(
                document=record,
                key=section["key"],
                order=order,
                level=section["level"],
                heading=section["heading"],
                text=section["text"],
                follows_default=section.get("follows_default", False),
            )
            for order, section in enumerate(sections, start=1)
        )
    return record


def start_new_version(record):
    """The issued version stays; the record becomes the draft of the next, without number or day."""
    record.status = Document.Status.DRAFT
    record.version += 1
    record.number = None


def issue_problems(record, *, number, issued_on, earliest=None):
    """What stops the record from being issued with this number and date, in words for the user."""
    problems = []
    if record.series.pk and record.series.is_taken(number, issued_on.year):
        problems.append(
            _("Number %(number)s is already used in the series of %(series)s in %(year)s.")
            % {"number": f"{number:02d}", "series": record.series.name, "year": issued_on.year}
        )
    if earliest and issued_on < earliest:
        problems.append(
            _("The document cannot be dated before %(date)s, the day the organising board was founded.")
            % {"date": short_date(earliest)}
        )
    if record.signer_name and not record.signer_position:
        problems.append(_("The signer has no position: enter the position printed above the signature."))
    if not record.signer_name:
        problems.append(_("Enter who signs the document."))
    if not record.recipient_lines():
        problems.append(_("The list of recipients is empty: enter at least one recipient."))
    return problems


def content_problems(kind, owner, record):
    """What the content still lacks: the kind's own checks, and a ticked annex that would print empty."""
    problems = list(kind.issue_problems(owner, record))
    for title in empty_annexes(kind, owner, record):
        problems.append(
            _("The annex “%(title)s” is empty: fill it in, or untick it, before issuing.") % {"title": title}
        )
    return problems


def issue_document(document, *, number, issued_on, by):
    """Issue the document under a number of its series.

    1. Refuse a number already used in the series that year, a date before the earliest
       the owner allows, a signer without a position, no recipients.
    2. Give the record its number and date; render the PDF and the DOCX without the
       draft mark.
    3. Freeze both files in storage with their SHA-256; the database refuses a second
       use of the number in the series and year, even from two requests at once.
    """
    kind, owner = get_kind(document.kind), document.owner
    problems = issue_problems(document, number=number, issued_on=issued_on, earliest=kind.earliest_date(owner))
    problems += content_problems(kind, owner, document)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        save_record(document, by=by)
        NumberSeries.objects.select_for_update().filter(pk=document.series_id).first()
        document.number, document.date, document.blank_day = number, issued_on, False
        document.status = Document.Status.ISSUED
        letter = letter_for(kind, owner, document, draft=False)
        pdf, page_count = render_pdf(letter)
        docx = render_docx(letter)
        issue = IssuedVersion(
            document=document,
            version=document.version,
            series=document.series,
            year=issued_on.year,
            number=number,
            number_text=document.number_text,
            issued_on=issued_on,
            pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            docx_sha256=hashlib.sha256(docx).hexdigest(),
            page_count=page_count,
            record=snapshot(document),
            issued_by=by,
        )
        stem = f"{kind.filename(owner, document)}-v{document.version}"
        issue.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        issue.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
        try:
            with transaction.atomic():
                issue.save()
        except IntegrityError:
            issue.pdf.delete(save=False)
            issue.docx.delete(save=False)
            raise ValidationError(_("This number was used by another document a moment ago. Choose another.")) from None
        document.page_count = page_count
        document.save()
    return issue


def attach_signed_scan(issue, upload):
    """The signed, stamped scan of an issued version, kept with its SHA-256: from now on the official copy."""
    upload.seek(0)
    digest = hashlib.sha256(upload.read()).hexdigest()
    upload.seek(0)
    with transaction.atomic():
        if issue.signed_scan:
            issue.signed_scan.delete(save=False)
        issue.signed_scan.save(
            f"{issue.document.kind}-{issue.document_id}-v{issue.version}-signed.pdf", upload, save=False
        )
        issue.signed_scan_sha256 = digest
        issue.save(update_fields=["signed_scan", "signed_scan_sha256"])
    return issue


def snapshot(record):
    fields = model_to_dict(record, exclude=["id", "owner_type", "series"])
    fields["date"] = record.date.isoformat() if record.date else None
    return fields


def render_current(record, fmt, *, on_page=None):
    """(bytes, page count or None) of the record as it stands now, draft mark and all."""
    kind = get_kind(record.kind)
    letter = letter_for(kind, record.owner, record)
    if fmt == "pdf":
        data, page_count = render_pdf(letter, on_page=on_page)
        if record.pk:
            Document.objects.filter(pk=record.pk).update(page_count=page_count)
        return data, page_count
    return render_docx(letter), None


def estimated_pages(record, letter):
    """Pages the record printed last time, else a count from its content (rows and text)."""
    if record.page_count:
        return record.page_count
    rows = chars = 0
    for block in [*letter.body, *(block for annex in letter.annexes for block in annex.body)]:
        if isinstance(block, Table):
            rows += sum(1 for row in block.rows if isinstance(row, (Row, GroupRow)))
            chars += sum(
                len(getattr(item, "text", ""))
                for row in block.rows
                if isinstance(row, Row)
                for c in row.cells
                for item in c
            )
        else:
            chars += len(getattr(block, "text", ""))
    return 1 + len(letter.annexes) + rows // 10 + chars // 3000


def start_render_job(record, *, fmt, by):
    """Queue a worker to render a long document; the page polls the job for its progress."""
    from .tasks import render_document_job

    job = RenderJob.objects.create(document=record, format=fmt, requested_by=by, step=_("Waiting for a worker"))
    render_document_job.delay_on_commit(job_id=job.pk)
    return job


def run_render_job(job):
    """Render the job's document, telling its progress page by page; the file is kept with the job."""
    job.status, job.step, job.progress = RenderJob.Status.RUNNING, _("Gathering the content"), 5
    job.save(update_fields=["status", "step", "progress"])
    expected = max(job.document.page_count or 0, 1)

    def on_page(number):
        if number % 5 == 0:
            progress = min(95, 10 + int(85 * number / max(expected, number + 1)))
            RenderJob.objects.filter(pk=job.pk).update(
                progress=progress, step=_("Laying out page %(n)s") % {"n": number}
            )

    try:
        data, page_count = render_current(job.document, job.format, on_page=on_page)
    except Exception:
        RenderJob.objects.filter(pk=job.pk).update(status=RenderJob.Status.FAILED, step=_("Rendering failed."))
        raise
    job.refresh_from_db()
    job.file.save(f"{job.document.kind}-{job.pk}.{job.format}", ContentFile(data), save=False)
    job.status, job.progress, job.page_count = RenderJob.Status.DONE, 100, page_count
    job.step, job.finished_at = _("Ready to download"), timezone.now()
    job.save()
    return job
