"""Render any document of a congress from the command line, issued or draft.

    python manage.py render_document 3 schedule --format pdf --out lich.pdf
    python manage.py render_document "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020" \
        meeting-notice --owner 12 --format docx --out thong-bao.docx

An issued document is written from its frozen file; a draft is rendered now.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from congress.models import Congress
from documents.layer import all_kinds, get_kind, record_for
from documents.services import render_current


class Command(BaseCommand):
    help = "In một văn bản của Đại hội ra tệp PDF hoặc DOCX."

    def add_arguments(self, parser):
        parser.add_argument("congress", help="Mã số (id) hoặc tên đầy đủ của Đại hội.")
        parser.add_argument("kind", help="Loại văn bản: " + ", ".join(kind.key for kind in all_kinds()))
        parser.add_argument("--format", choices=["pdf", "docx"], default="pdf")
        parser.add_argument("--out", required=True, help="Tệp ghi ra.")
        parser.add_argument("--owner", type=int, help="Mã số của cuộc họp (với văn bản của một cuộc họp).")

    def handle(self, *args, congress, kind, format, out, owner, **options):
        congress = find_congress(congress)
        try:
            document_kind = get_kind(kind)
        except Http404:
            raise CommandError(f"Không có loại văn bản “{kind}”.") from None
        owner = find_owner(document_kind, congress, owner)
        record = record_for(document_kind, owner)
        issue = record.latest_issue() if record.is_issued else None
        if issue is not None:
            data = getattr(issue, format).read()
            pages = issue.page_count
        else:
            data, pages = render_current(record, format)
        Path(out).write_bytes(data)
        state = "bản đã ban hành" if issue else "bản dự thảo"
        pages_text = f", {pages} trang" if pages else ""
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {out} ({state}{pages_text})."))


def find_congress(reference):
    congress = Congress.objects.filter(pk=int(reference)).first() if reference.isdigit() else None
    congress = congress or Congress.objects.filter(name=reference).first()
    if congress is None:
        raise CommandError(f"Không tìm thấy Đại hội “{reference}”.")
    return congress


def find_owner(kind, congress, owner_pk):
    owners = kind.owners(congress)
    if owner_pk is None:
        if len(owners) == 1:
            return owners[0]
        choices = ", ".join(f"{owner.pk} ({owner})" for owner in owners) or "không có"
        raise CommandError(f"Hãy chọn --owner trong: {choices}.")
    try:
        return kind.find_owner(congress, owner_pk)
    except Http404:
        raise CommandError(f"Không có văn bản “{kind.key}” với --owner {owner_pk} trong Đại hội này.") from None
