"""Letters to PDF with WeasyPrint: one print template, the print stylesheet, nothing fetched
from outside the app.

WeasyPrint is slow to import, so it is imported inside the functions that need it. Each
annex is laid out as a document of its own (own orientation, page numbers from its page 2)
and its pages are appended to the letter's.

WeasyPrint holds the layout of every page of a document until it writes the PDF: some 200 MB
for the 200 pages of a 1,000-task schedule. A document whose tables have more than
ROWS_PER_PASS rows is therefore laid out in passes of about that many rows, each written out
and freed before the next, and the PDFs are joined (pypdf). A pass ends at a page break of
the single pass, so the pages are the same: every page after a pass's first one starts with
the rows that would have started it anyway, and a page that begins inside a table depends
only on the row it begins with (the header row repeats, rows are not split). A pass lays out
its rows, keeps its pages up to the last one that begins with a whole row of a table begun
on an earlier page, and the next pass begins with that row at the top of a page, the page
number following on.
"""

import contextlib
import io
import logging
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from .blocks import Table
from .draftmark import mark_svg
from .html import TableRows, blocks_html

BASE_URL = "https://documents.invalid/"
ALLOWED_PREFIX = "documents/"
ROWS_PER_PASS = 200


def letter_html(letter):
    """The print HTML of the letter itself (annexes excluded)."""
    context = {"letter": letter, "body_html": blocks_html(letter.body), "stylesheet": stylesheet_url()}
    return render_to_string("documents/print.html", with_mark(context))


def annex_html(letter, annex):
    context = {"letter": letter, "annex": annex, "body_html": blocks_html(annex.body), "stylesheet": stylesheet_url()}
    return render_to_string("documents/print.html", with_mark(context))


def with_mark(context):
    """The draft mark drawn as shapes (documents.draftmark), so it stays out of the text layer."""
    letter = context["letter"]
    return {**context, "draft_mark_svg": mark_svg(letter.draft_mark) if letter.draft else ""}


def stylesheet_url():
    """The print stylesheet by its source name: the fetcher reads it through the static finders,
    so printing never depends on collected or hashed static files."""
    return f"{settings.STATIC_URL}{ALLOWED_PREFIX}print.css"


def preview_context(letter):
    """What a browser page needs to show the letter and its annexes with the same fragments."""
    return {
        "letter": letter,
        "body_html": blocks_html(letter.body),
        "annex_parts": [{"annex": annex, "html": blocks_html(annex.body)} for annex in letter.annexes],
    }


def static_fetcher():
    """Serve the app's own print assets (static/documents/…) and refuse every other URL."""
    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = static_path(url)
            if path is None:
                raise ValueError(f"Documents may load only their own static files, not {url}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return StaticOnlyFetcher(fail_on_errors=False)


def static_path(url):
    """The file behind a static URL under documents/, or None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(settings.STATIC_URL):
        return None
    relative = unquote(parts.path[len(settings.STATIC_URL) :])
    if not relative.startswith(ALLOWED_PREFIX) or ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    return Path(found) if found else None


class _PageCounter(logging.Handler):
    """Hears WeasyPrint lay out each page, for progress bars."""

    PAGE = re.compile(r"Creating layout - Page (\d+)")

    def __init__(self, on_page, offset):
        super().__init__(logging.INFO)
        self.on_page, self.offset = on_page, offset

    def emit(self, record):
        match = self.PAGE.search(record.getMessage())
        if match:
            self.on_page(self.offset + int(match.group(1)))


@contextlib.contextmanager
def _listening(on_page, offset):
    if on_page is None:
        yield
        return
    from weasyprint import PROGRESS_LOGGER

    handler, level = _PageCounter(on_page, offset), PROGRESS_LOGGER.level
    PROGRESS_LOGGER.addHandler(handler)
    PROGRESS_LOGGER.setLevel(logging.INFO)
    try:
        yield
    finally:
        PROGRESS_LOGGER.removeHandler(handler)
        PROGRESS_LOGGER.setLevel(level)


def layout(html, fetcher, *, on_page=None, offset=0, stylesheets=None):
    from weasyprint import HTML

    with _listening(on_page, offset):
        return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(stylesheets=stylesheets)


def render_pdf(letter, *, on_page=None, rows_per_pass=None):
    """(PDF bytes, page count) of the letter followed by its annexes.

    `on_page(n)` is called as page n is laid out, for progress reports. A letter with more
    table rows than `rows_per_pass` (default ROWS_PER_PASS) is laid out in passes.
    """
    rows_per_pass = rows_per_pass or ROWS_PER_PASS
    if table_rows(letter) <= rows_per_pass:
        return render_whole(letter, on_page=on_page)
    return render_in_passes(letter, on_page=on_page, rows_per_pass=rows_per_pass)


def table_rows(letter):
    bodies = [letter.body, *(annex.body for annex in letter.annexes)]
    return sum(len(block.rows) for body in bodies for block in body if isinstance(block, Table))


def render_whole(letter, *, on_page=None):
    fetcher = static_fetcher()
    main = layout(letter_html(letter), fetcher, on_page=on_page)
    pages = list(main.pages)
    for annex in letter.annexes:
        pages += layout(annex_html(letter, annex), fetcher, on_page=on_page, offset=len(pages)).pages
    document = main.copy(pages)
    document.metadata.title = letter.title
    document.metadata.authors = [letter.issuing_body]
    return document.write_pdf(), len(pages)


def render_in_passes(letter, *, on_page, rows_per_pass):
    """The letter and each annex laid out a few hundred rows at a time, the PDFs of the passes
    joined in order."""
    from pypdf import PdfWriter

    fetcher, writer, page_count = static_fetcher(), PdfWriter(), 0
    parts = [(letter.body, {})] + [(annex.body, {"annex": annex}) for annex in letter.annexes]
    for body, context in parts:
        for data, pages in part_passes(letter, body, context, fetcher, rows_per_pass, on_page, page_count):
            writer.append(io.BytesIO(data))
            page_count += pages
    writer.add_metadata({"/Title": letter.title, "/Author": letter.issuing_body})
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), page_count


def part_passes(letter, body, context, fetcher, rows_per_pass, on_page, offset):
    """(PDF bytes, pages) of each pass over one part (the letter or an annex)."""
    start, first_page, budget = (0, 0), 1, rows_per_pass
    while True:
        blocks, complete = pass_blocks(body, start, budget)
        html = pass_html(letter, context, blocks, continues=start != (0, 0), goes_on=not complete)
        data, pages, resume = lay_out_pass(html, fetcher, start, first_page, complete, on_page, offset)
        if data is None:
            budget *= 2  # no page break to resume from within these rows: take more
            continue
        yield data, pages
        if complete:
            return
        start, first_page = resume, first_page + pages


def lay_out_pass(html, fetcher, start, first_page, complete, on_page, offset):
    """(PDF bytes, pages, (block, row) the next pass starts with) of one pass; (None, 0, None) when
    an incomplete pass has no page to resume from. Only bytes leave: the layout is freed here."""
    styles = [continuing_pages(first_page)] if first_page > 1 else None
    document = layout(html, fetcher, on_page=on_page, offset=offset + first_page - 1, stylesheets=styles)
    if complete:
        return document.write_pdf(), len(document.pages), None
    cut = next_pass_start(document.pages, start)
    if cut is None:
        return None, 0, None
    pages, resume = cut
    return document.copy(document.pages[:pages]).write_pdf(), pages, resume


def pass_blocks(body, start, budget):
    """The body from `start` (block, row) on, cut after `budget` table rows; and whether it
    reaches the end of the body."""
    first_block, first_row = start
    blocks, left = [], budget
    for index in range(first_block, len(body)):
        block = body[index]
        if not isinstance(block, Table):
            blocks.append(block)
            continue
        row = first_row if index == first_block else 0
        stop = min(len(block.rows), row + left)
        blocks.append(TableRows(block, index, row, stop))
        left -= stop - row
        if left <= 0 and (stop < len(block.rows) or index < len(body) - 1):
            return blocks, False
    return blocks, True


def pass_html(letter, context, blocks, *, continues, goes_on):
    context = {
        "letter": letter,
        **context,
        "body_html": blocks_html(blocks),
        "stylesheet": stylesheet_url(),
        "continues": continues,
        "goes_on": goes_on,
    }
    return render_to_string("documents/print.html", with_mark(context))


def continuing_pages(number):
    """A pass that starts on page `number` of its part numbers its first page too, and has no
    space above its first row: the body's margin shows on a document's first page only."""
    from weasyprint import CSS

    # A user stylesheet: !important outranks the print stylesheet's unnumbered first page.
    numbered = "@top-center { content: counter(page) !important; }"
    return CSS(string=f"@page :first {{ counter-set: page {number}; {numbered} }} body {{ margin-top: 0; }}")


def next_pass_start(pages, start):
    """(page index, (block, row)) of the last page that begins with a whole row of a table begun
    on an earlier page, past `start`; None when no page does."""
    rows = [printed_rows(page) for page in pages]
    for index in range(len(pages) - 1, 0, -1):
        if not rows[index]:
            continue
        first, before = rows[index][0], rows[index - 1]
        if first > start and first not in before and any(block == first[0] for block, _row in before):
            return index, first
    return None


def printed_rows(page):
    """The (block, row) marks of the table rows on a laid-out page, in order."""
    from weasyprint.formatting_structure.boxes import TableRowBox

    marks = []
    for box in page._page_box.descendants():
        if isinstance(box, TableRowBox) and box.element is not None and box.element.get("data-row"):
            block, row = box.element.get("data-row").split("-")
            marks.append((int(block), int(row)))
    return marks
