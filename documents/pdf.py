"""Letters to PDF with WeasyPrint: one print template, the print stylesheet, nothing fetched
from outside the app.

WeasyPrint is slow to import, so it is imported inside the functions that need it. Each
annex is laid out as a document of its own (own orientation, page numbers from its page 2)
and its pages are appended to the letter's.
"""

import contextlib
import logging
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from .html import blocks_html

BASE_URL = "https://documents.invalid/"
ALLOWED_PREFIX = "documents/"


def letter_html(letter):
    """The print HTML of the letter itself (annexes excluded)."""
    context = {"letter": letter, "body_html": blocks_html(letter.body), "stylesheet": stylesheet_url()}
    return render_to_string("documents/print.html", context)


def annex_html(letter, annex):
    context = {"letter": letter, "annex": annex, "body_html": blocks_html(annex.body), "stylesheet": stylesheet_url()}
    return render_to_string("documents/print.html", context)


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


def layout(html, fetcher, *, on_page=None, offset=0):
    from weasyprint import HTML

    with _listening(on_page, offset):
        return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()


def render_pdf(letter, *, on_page=None):
    """(PDF bytes, page count) of the letter followed by its annexes.

    `on_page(n)` is called as page n is laid out, for progress reports.
    """
    fetcher = static_fetcher()
    main = layout(letter_html(letter), fetcher, on_page=on_page)
    pages = list(main.pages)
    for annex in letter.annexes:
        pages += layout(annex_html(letter, annex), fetcher, on_page=on_page, offset=len(pages)).pages
    document = main.copy(pages)
    document.metadata.title = letter.title
    document.metadata.authors = [letter.issuing_body]
    return document.write_pdf(), len(pages)
