"""The official-document layer: how any app prints a document in the state format.

Every printed document (Decree 30/2020: letterhead, number, place and date, type and subject,
body, recipients, signature, page numbers, annexes) goes through here, as PDF and as DOCX.
This layer knows no congress: a domain app describes its document and the layer prints it.

How a domain app adds a document
--------------------------------
1. In `<app>/documents.py` (found automatically when Django starts), subclass `DocumentKind`
   and decorate it with `@register`:

       from documents.layer import DocumentKind, register
       from documents.blocks import Content, Heading, Item, Paragraph, Table, text_blocks

       @register
       class AwardList(DocumentKind):
           key = "award-list"                      # unique over all apps, used in URLs
           label = _("Award list")
           owner_model = "awards.Council"          # what a record belongs to
           read_permission = "awards.see_council"  # optional: narrower than the scope's default

           def owners(self, scope): ...            # owners of this kind within a scope (a congress)
           def find_owner(self, scope, owner_pk):  # one owner within the scope, else Http404
           def defaults(self, owner): ...          # the record's first values (see below)
           def series(self, owner): ...            # SeriesKey(key, name, issuer_code): who numbers it
           def content(self, owner, record): ...   # -> Content(body=[blocks], annexes=[Annex(...)])
           def earliest_date(self, owner): ...     # a date the document may not be dated before

   `defaults(owner)` returns a dict of `Document` fields: type_code ("KH"), type_name
   ("Kế hoạch"), parent_body, issuing_body (as written; the layer prints them UPPER), place,
   subject, signer_* fields, recipients ([[name, note], …]), archive. `content()` gathers
   the context in a bounded number of queries and returns blocks (documents.blocks): no
   HTML, so the same content becomes PDF and DOCX. Sections a secretariat edits come from
   `default_sections(owner)` ([Section(key, heading, text)]); read them with
   `self.sections(owner, record)` in `content()`.

2. Print it:

       from documents.layer import get_kind, record_for, letter_for, render_pdf, render_docx

       kind = get_kind("award-list")
       record = record_for(kind, owner)            # the stored record, or an unsaved default one
       letter = letter_for(kind, owner, record)    # everything printed, as plain data
       pdf_bytes, page_count = render_pdf(letter)  # WeasyPrint, imported only here
       docx_bytes = render_docx(letter)            # python-docx, same content

   The PDF uses the kind's `template` (default "documents/letter.html"); a document with a
   layout of its own extends that template and overrides its blocks (`title`, `body`,
   `closing`) but keeps the letterhead and the print stylesheet. Issuing (number, freezing
   the files with their SHA-256) is `documents.services.issue_document`; the pages that
   show, edit and issue a document live in the app that owns the scope (congress/views/
   documents.py), which checks permissions and passes in the scope's default read permission.
"""

from dataclasses import dataclass, field

from django.http import Http404
from django.utils import timezone

from . import linebreaks, numbering
from .blocks import Annex, Content, Heading, Row, Table, close_with_mark, last_row_may_split, nfc
from .vietnamese import date_words, to_roman

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_TITLE = "Nơi nhận:"
DRAFT_MARK = "DỰ THẢO"

# The printed page (Decree 30): text widths in mm and the letterhead's two columns.
PORTRAIT_TEXT_MM = 210 - 30 - 15
LANDSCAPE_TEXT_MM = 297 - 30 - 15
ISSUER_SHARE = 0.45  # the issuer's column; the national title's takes the rest
RECIPIENTS_SHARE = 0.45  # the recipients' column; the signature's takes the rest


@dataclass(frozen=True)
class SeriesKey:
    key: str
    name: str
    issuer_code: str


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str


class DocumentKind:
    key = ""
    label = ""
    owner_model = ""
    template = "documents/letter.html"
    optional_annexes = ()  # keys of other kinds this one may carry as annexes
    # The author adds, removes, moves and nests the sections (documents.outline): read them with
    # `self.outline(owner, record)`; the defaults are older-shape sections ("1." typed inside).
    free_sections = False
    # Who may read and download it: a permission checked against the scope. None leaves it to
    # the scope's default, which the pages that serve the documents pass in (see can_read).
    read_permission = None

    def owners(self, scope):
        return []

    def find_owner(self, scope, owner_pk):
        raise Http404

    def defaults(self, owner):
        raise NotImplementedError

    def series(self, owner):
        raise NotImplementedError

    def content(self, owner, record):
        raise NotImplementedError

    def earliest_date(self, owner):
        return None

    def issue_problems(self, owner, record):
        """What in the owner's content still stops the document from being issued, in words for the user
        ("the time of the meeting is not set yet"); the layer adds its own checks (documents.services)."""
        return []

    def draft_year(self, owner):
        """The year a draft without a date prints: "ngày … tháng … năm 2020"."""
        return timezone.localdate().year

    def default_sections(self, owner):
        return []

    def as_annex(self, owner, record):
        """This document printed as another's annex; by default its body under its subject."""
        content = self.content(owner, record)
        return Annex(title=record.subject, body=content.body, subtitle=content.subtitle, landscape=content.landscape)

    def sections(self, owner, record):
        """The editable sections: the stored text where the secretariat changed it, else the default."""
        stored = {section.key: section for section in record.sections.all()} if record.pk else {}
        merged = []
        for default in self.default_sections(owner):
            section = stored.get(default.key)
            merged.append(Section(default.key, section.heading, section.text) if section else default)
        return merged

    def outline(self, owner, record):
        """A free-sections kind's sections in order (documents.outline.OutlineSection): the stored ones,
        and the default text where a section still follows it (all of them until the first save)."""
        from .models import Section as StoredSection
        from .outline import OutlineSection, explode

        defaults = {section.key: section for section in self.default_sections(owner)}
        stored = list(record.sections.all()) if record.pk else []
        if not stored:
            stored = [StoredSection(key=key, follows_default=True) for key in defaults]
        sections = []
        for row in stored:
            if row.follows_default:
                default = defaults.get(row.key)
                sections += explode(default.key, default.heading, default.text) if default else []
            else:
                sections.append(OutlineSection(row.key, row.level, row.heading, row.text))
        return sections

    def filename(self, owner, record):
        return f"{self.key}-{owner.pk}"


_registry = {}


def register(kind_class):
    kind = kind_class()
    if kind.key in _registry and type(_registry[kind.key]) is not kind_class:
        raise ValueError(f"Two document kinds use the key {kind.key!r}.")
    _registry[kind.key] = kind
    return kind_class


def get_kind(key):
    try:
        return _registry[key]
    except KeyError:
        raise Http404 from None


def all_kinds():
    return list(_registry.values())


def can_read(user, kind, scope, *, default_permission):
    """Whether the user may read and download this kind's documents within the scope."""
    return user.has_perm(kind.read_permission or default_permission, scope)


def record_for(kind, owner):
    """The stored record of this document, or a new unsaved one with the kind's defaults."""
    from .models import Document, NumberSeries

    record = Document.objects.for_owner(owner).filter(kind=kind.key).select_related("series").first()
    if record is not None:
        return record
    series_key = kind.series(owner)
    series = NumberSeries.objects.filter(key=series_key.key).first() or NumberSeries(
        key=series_key.key, name=series_key.name, issuer_code=series_key.issuer_code
    )
    values = kind.defaults(owner)
    record = Document(owner=owner, kind=kind.key, series=series, **values)
    if not record.symbol:
        record.symbol = numbering.symbol_for(record.type_code, series.issuer_code)
    return record


@dataclass
class Letter:
    """Everything a document prints, as plain strings and blocks; the renderers read only this."""

    title: str
    parent_body: str
    issuing_body: str
    number_line: str
    place_date_line: str
    type_name: str
    subject: str
    subtitle: str
    authority_line: str
    body: list
    recipients: list  # [(name, note)]
    archive_line: str
    signature_lines: list
    signer_note: str
    signer_name: str
    annexes: list = field(default_factory=list)
    landscape: bool = False
    draft: bool = True
    template: str = "documents/letter.html"
    national_title: str = NATIONAL_TITLE
    motto: str = MOTTO
    recipients_title: str = RECIPIENTS_TITLE
    draft_mark: str = DRAFT_MARK
    parent_lines: list = field(default_factory=list)
    cosigners: list = field(default_factory=list)  # [(title, name)]: minutes, no "Nơi nhận"
    issuer_lines: list = field(default_factory=list)
    letterhead_size: int = 13


def letter_for(kind, owner, record, *, draft=None, content=None):
    """What the record and its owner's content print, with the layer's rules applied:
    UPPER bodies and signature, numbered parts, "./.", the annex references."""
    content = content or kind.content(owner, record)
    annexes = list(content.annexes)
    for annex_key in record.annexes or []:
        if annex_key in kind.optional_annexes:
            annexes.append(_annex_of(annex_key, owner))
    annexes = [annex for annex in annexes if not is_empty(annex.body)]  # an empty annex is never attached
    place_date = numbering.place_date_line(
        record.place,
        record.date,
        blank_day=record.blank_day and not record.is_issued,
        year=record.date.year if record.date else kind.draft_year(owner),
    )
    body = last_row_may_split(number_parts(content.body))
    letter = Letter(
        title=nfc(f"{record.type_name} {record.subject}"),
        parent_body=nfc(record.parent_body).upper(),
        issuing_body=nfc(record.issuing_body).upper(),
        number_line=numbering.number_line(record.number, record.symbol),
        place_date_line=nfc(place_date),
        type_name=nfc(record.type_name).upper(),
        subject=nfc(record.subject),
        subtitle=nfc(content.subtitle),
        authority_line=nfc(content.authority_line).upper(),
        body=close_with_mark(body) if content.closing_mark else body,
        recipients=[(nfc(name), nfc(note)) for name, note in record.recipient_lines()],
        archive_line=nfc(f"Lưu: {record.archive}" if record.archive else "Lưu"),
        signature_lines=[nfc(line) for line in record.signature_lines()],
        signer_note=nfc(record.signer_note).upper(),
        signer_name=nfc(record.signer_name),
        landscape=content.landscape,
        draft=not record.is_issued if draft is None else draft,
        template=kind.template,
        cosigners=[(nfc(title).upper(), nfc(name)) for title, name in content.cosigners],
    )
    letter.annexes = label_annexes(annexes, record, year=record.date.year if record.date else kind.draft_year(owner))
    break_lines(letter)
    return letter


def break_lines(letter):
    """The letterhead's and the signature's lines, broken as a person breaks them (documents.linebreaks):
    the issuer in 13 pt, or 12 pt when a line the author typed is wider than its column."""
    text_mm = LANDSCAPE_TEXT_MM if letter.landscape else PORTRAIT_TEXT_MM
    issuer_mm, signature_mm = text_mm * ISSUER_SHARE, text_mm * (1 - RECIPIENTS_SHARE)
    for size in (13, 12):
        parent = linebreaks.lines(letter.parent_body, width_mm=issuer_mm, size=size)
        issuer = linebreaks.lines(letter.issuing_body, width_mm=issuer_mm, size=size, bold=True)
        fitting = linebreaks.fits(parent, width_mm=issuer_mm, size=size) and linebreaks.fits(
            issuer, width_mm=issuer_mm, size=size, bold=True
        )
        if fitting:
            break
    letter.parent_lines, letter.issuer_lines, letter.letterhead_size = parent, issuer, size
    letter.signature_lines = [
        part
        for line in letter.signature_lines
        for part in linebreaks.lines(line, width_mm=signature_mm, size=14, bold=True)
    ]


def is_empty(blocks):
    """No text and no table row with content: what an empty annex holds."""
    for block in blocks:
        if isinstance(block, Table):
            if any(isinstance(row, Row) for row in block.rows):
                return False
        elif getattr(block, "text", "").strip():
            return False
    return True


def empty_annexes(kind, owner, record):
    """The titles of the annexes ticked on the record that would print empty."""
    titles = []
    for annex_key in record.annexes or []:
        if annex_key in kind.optional_annexes:
            annex = _annex_of(annex_key, owner)
            if is_empty(annex.body):
                titles.append(nfc(annex.title))
    return titles


def _annex_of(annex_key, owner):
    """Another kind's document as an annex: "the schedule as the plan's annex"."""
    annex_kind = get_kind(annex_key)
    return annex_kind.as_annex(owner, record_for(annex_kind, owner))


def number_parts(blocks):
    """Level-1 headings the layer numbers get their Roman numeral; all are UPPER."""
    numbered, count = [], 0
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1:
            text = block.text.upper()
            if block.numbered:
                count += 1
                text = f"{to_roman(count)}. {text}"
            block = Heading(1, text, numbered=False)
        numbered.append(block)
    return numbered


def label_annexes(annexes, record, *, year=None):
    """ "Phụ lục I", "Phụ lục II" when there are several; the reference line from the record."""
    several = len(annexes) > 1
    for index, annex in enumerate(annexes, start=1):
        if several and annex.label == "Phụ lục":
            annex.label = f"Phụ lục {to_roman(index)}"
        if not annex.reference:
            annex.reference = annex_reference(record, issued_by=annex.issued_by, year=year)
        annex.title = nfc(annex.title).upper()
        annex.body = number_parts(annex.body)
    return annexes


def annex_reference(record, *, issued_by="", year=None):
    """ "(Kèm theo Kế hoạch số 54/KH-UBND ngày 17 tháng 7 năm 2020 của Ủy ban nhân dân tỉnh …)"."""
    kind_name = record.type_name[:1].upper() + record.type_name[1:].lower()
    # The year the document itself prints: "ngày … tháng … năm 2020" for a draft of 2020.
    date = date_words(record.date, blank_day=record.blank_day and not record.is_issued, year=year)
    issuer = linebreaks.keep_places(nfc(issued_by or record.issuing_body))  # never "… tỉnh Ninh / Thuận)"
    return nfc(f"(Kèm theo {kind_name} số {record.number_text} {date} của {issuer})")


__all__ = [
    "Content",
    "DocumentKind",
    "Letter",
    "SeriesKey",
    "Section",
    "all_kinds",
    "can_read",
    "get_kind",
    "letter_for",
    "record_for",
    "register",
    "render_docx",
    "render_pdf",
]


def render_pdf(letter, *, on_page=None):
    from .pdf import render_pdf as render

    return render(letter, on_page=on_page)


def render_docx(letter):
    from .word import render_docx as render

    return render(letter)
