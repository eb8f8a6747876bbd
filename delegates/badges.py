"""Delegate badges (thẻ đại biểu) on A4 sheets, with a signed QR code.

The QR holds "<congress>.<delegate>:<signature>" signed with the project's SECRET_KEY
(django.core.signing, its own salt): editing the number breaks the signature, so a badge
cannot be forged by hand. Sheets are laid out by WeasyPrint in passes of PASS_BADGES badges,
each written and freed before the next, and joined (pypdf), so 1,000 badges stay well under
250 MB. Nothing is fetched from outside: the sheet names its images "badge:qr/<delegate>" and
"badge:photo/<number>" (one number per stored file), and BadgeImages hands WeasyPrint their bytes
when it lays them out (a QR as a PNG of one pixel a module, drawn unsmoothed; a photo read from
storage as it is, once per file), so the HTML stays small and nothing is base64-encoded only to
be decoded again.
"""

import io

import segno
from django.core import signing
from django.template.loader import render_to_string
from PIL import Image

SALT = "delegates.badge"
PER_PAGE = 8
PASS_BADGES = 32 * PER_PAGE  # whole pages: a pass never ends on a half-filled sheet
PHOTO_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}
# What the badge sheet needs of a browser's default stylesheet (WeasyPrint's HTML one matches
# hundreds of rules against every element, a quarter of the layout time of a sheet).
SHEET_UA_CSS = "html, body, div { display: block } head, style, title { display: none } img { display: inline-block }"


class BadCode(Exception):
    pass


def badge_code(delegate):
    return signing.Signer(salt=SALT).sign(f"{delegate.congress_id}.{delegate.pk}")


def read_code(code):
    """(congress id, delegate id) from a scanned code; BadCode if it was not signed here."""
    try:
        value = signing.Signer(salt=SALT).unsign((code or "").strip())
        congress_id, delegate_id = (int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError) as error:
        raise BadCode from error
    return congress_id, delegate_id


def qr_module_png(code, *, border=1):
    """The code as a greyscale PNG of one pixel a module, for the sheet to enlarge unsmoothed. A fixed
    mask spares segno from trying all eight (5× faster, still a valid QR)."""
    matrix = segno.make(code, error="m", mask=0, boost_error=False).matrix
    size = len(matrix) + 2 * border
    blank = b"\xff" * border
    rows = [blank * size] * border
    rows += [blank + bytes(0 if dark else 255 for dark in row) + blank for row in matrix]
    rows += [blank * size] * border
    buffer = io.BytesIO()
    Image.frombytes("L", (size, size), b"".join(rows)).save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


def photo_type(delegate):
    """The photo's content type, or None when there is no photo the sheet can show."""
    if not delegate.photo:
        return None
    return PHOTO_TYPES.get("." + delegate.photo.name.rsplit(".", 1)[-1].lower())


KIND_TITLES = {"guest": "ĐẠI BIỂU KHÁCH MỜI", "official": "ĐẠI BIỂU CHÍNH THỨC"}


def badge_context(delegate, photos):
    """What one badge shows; `photos` numbers the stored photo files of the sheet (name -> number)."""
    photo = ""
    if photo_type(delegate):
        photo = f"badge:photo/{photos.setdefault(delegate.photo.name, len(photos))}"
    return {
        "name": delegate.full_name,
        "position": delegate.position,
        "delegation": delegate.delegation_name,
        "kind": delegate.kind,
        "kind_title": KIND_TITLES[delegate.kind],
        "photo": photo,
        "qr": f"badge:qr/{delegate.pk}",
    }


def sheets_html(congress, delegates, photos):
    """Eight badges a page, two columns by four rows, each placed absolutely; within a badge the
    lines follow each other."""
    pages = []
    for start in range(0, len(delegates), PER_PAGE):
        page = []
        for place, delegate in enumerate(delegates[start : start + PER_PAGE]):
            page.append({**badge_context(delegate, photos), "column": place % 2, "row": place // 2})
        pages.append(page)
    return render_to_string("delegates/badges_print.html", {"congress": congress, "pages": pages})


def badge_images(delegates, photos):
    """The URL fetcher of a sheet: the QR codes of these delegates and the photos numbered in
    `photos`, by their badge: names, and nothing else."""
    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    codes = {delegate.pk: delegate for delegate in delegates}
    files = {}
    for delegate in delegates:
        if delegate.photo.name in photos:
            files.setdefault(photos[delegate.photo.name], delegate)

    class BadgeImages(URLFetcher):
        def fetch(self, url, headers=None):
            kind, _slash, number = url.removeprefix("badge:").partition("/")
            found = None
            if url.startswith("badge:") and number.isdigit():
                found = {"qr": codes, "photo": files}.get(kind, {}).get(int(number))
            if found is None:
                raise ValueError(f"A badge sheet loads only its own QR codes and photos, not {url}")
            if kind == "qr":
                return URLFetcherResponse(url, qr_module_png(badge_code(found)), {"Content-Type": "image/png"})
            with found.photo.open("rb") as stored:
                return URLFetcherResponse(url, stored.read(), {"Content-Type": photo_type(found)})

    return BadgeImages(fail_on_errors=False)


def sheet_document(html, fetcher):
    """WeasyPrint's HTML with only the default styles the sheet uses. (Should WeasyPrint rename the
    hook, its full default stylesheet applies again: the same badges, a little slower.)"""
    from weasyprint import CSS, HTML

    class Sheet(HTML):
        def _ua_stylesheets(self, forms=False):
            return [CSS(string=SHEET_UA_CSS)]

    return Sheet(string=html, url_fetcher=fetcher)


def badges_pdf(congress, delegates):
    """(PDF bytes, page count) of the badges of these delegates (select_related quota__organization)."""
    from pypdf import PdfWriter

    delegates = list(delegates)
    parts, pages = [], 0
    for start in range(0, max(len(delegates), 1), PASS_BADGES):
        chunk, photos = delegates[start : start + PASS_BADGES], {}
        html = sheets_html(congress, chunk, photos)
        document = sheet_document(html, badge_images(chunk, photos)).render()
        pages += len(document.pages)
        parts.append(document.write_pdf())
        del document
    if len(parts) == 1:
        return parts[0], pages
    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), pages
