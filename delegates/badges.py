"""Delegate badges (thẻ đại biểu) on A4 sheets, with a signed QR code.

The QR holds "<congress>.<delegate>:<signature>" signed with the project's SECRET_KEY
(django.core.signing, its own salt): editing the number breaks the signature, so a badge
cannot be forged by hand. Sheets are laid out by WeasyPrint in passes of PASS_BADGES badges,
each written and freed before the next, and joined (pypdf), so 1,000 badges stay well under
250 MB. Nothing is fetched: photos and QR codes are data: URIs.
"""

import base64
import io

import segno
from django.core import signing
from django.template.loader import render_to_string

SALT = "delegates.badge"
PER_PAGE = 8
PASS_BADGES = 200
PHOTO_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


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


def qr_png(code, *, scale=8, border=4):
    """The code as a PNG. A fixed mask spares segno from trying all eight (5× faster, still a valid QR)."""
    buffer = io.BytesIO()
    segno.make(code, error="m", mask=0, boost_error=False).save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()


def qr_uri(code):
    return "data:image/png;base64," + base64.b64encode(qr_png(code, scale=3, border=1)).decode()


def photo_uri(delegate):
    if not delegate.photo:
        return ""
    suffix = "." + delegate.photo.name.rsplit(".", 1)[-1].lower()
    content_type = PHOTO_TYPES.get(suffix)
    if content_type is None:
        return ""
    try:
        with delegate.photo.open("rb") as stored:
            data = stored.read()
    except OSError:
        return ""
    return f"data:{content_type};base64,{base64.b64encode(data).decode()}"


KIND_TITLES = {"guest": "ĐẠI BIỂU KHÁCH MỜI", "official": "ĐẠI BIỂU CHÍNH THỨC"}


def badge_context(delegate):
    return {
        "name": delegate.full_name,
        "position": delegate.position,
        "delegation": delegate.delegation_name,
        "kind": delegate.kind,
        "kind_title": KIND_TITLES[delegate.kind],
        "photo": photo_uri(delegate),
        "qr": qr_uri(badge_code(delegate)),
    }


def sheets_html(congress, delegates):
    """Eight badges a page, two columns by four rows, each placed absolutely (the cheapest layout)."""
    pages = []
    for start in range(0, len(delegates), PER_PAGE):
        page = []
        for place, delegate in enumerate(delegates[start : start + PER_PAGE]):
            page.append({**badge_context(delegate), "column": place % 2, "row": place // 2})
        pages.append(page)
    return render_to_string("delegates/badges_print.html", {"congress": congress, "pages": pages})


def _fetcher():
    from weasyprint import URLFetcher

    return URLFetcher(allowed_protocols=["data"], fail_on_errors=False)


def badges_pdf(congress, delegates):
    """(PDF bytes, page count) of the badges of these delegates (select_related quota__organization)."""
    from pypdf import PdfWriter
    from weasyprint import HTML

    delegates = list(delegates)
    if not delegates:
        delegates = []
    parts, pages = [], 0
    for start in range(0, max(len(delegates), 1), PASS_BADGES):
        chunk = delegates[start : start + PASS_BADGES]
        document = HTML(string=sheets_html(congress, chunk), url_fetcher=_fetcher()).render()
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
