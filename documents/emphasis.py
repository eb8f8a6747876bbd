"""Emphasis a secretariat writes: *italic* and **bold** in a line of text, printed as written.

Texts are stored as plain text in the official list style (documents.liststyle); emphasis is the
only markup, written with asterisks so a textarea can carry it: "**Thời gian:** 01 buổi",
"(*Thời gian cụ thể sẽ có thông báo sau*)". HTML coming in (a paste from Word) is sanitised with
nh3 to b/strong/i/em/br/p and turned into the same asterisks. Going out, `runs` cuts a line into
(text, bold, italic) pieces for the DOCX and `to_html` escapes and marks it for the PDF.
"""

import re
from html import escape as html_escape
from html import unescape

import nh3
from django.utils.safestring import mark_safe

_MARK = re.compile(r"(\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*|\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=[^\s*])(.+?)(?<=[^\s*])\*)")
ALLOWED_TAGS = {"b", "strong", "i", "em", "br", "p"}


def runs(text):
    """[(text, bold, italic)] of a line; a lone asterisk stays as typed."""
    pieces, position = [], 0
    for match in _MARK.finditer(text or ""):
        if match.start() > position:
            pieces.append((text[position : match.start()], False, False))
        both, bold, italic = match.group(2), match.group(3), match.group(4)
        if both is not None:
            pieces.append((both, True, True))
        elif bold is not None:
            pieces.append((bold, True, False))
        else:
            pieces.append((italic, False, True))
        position = match.end()
    if position < len(text or ""):
        pieces.append((text[position:], False, False))
    return pieces


def plain(text):
    """The line without its emphasis marks: what a reader sees."""
    return "".join(piece for piece, _bold, _italic in runs(text))


def has_marks(text):
    return any(bold or italic for _piece, bold, italic in runs(text))


def to_html(text):
    """The line escaped, with <strong> and <em> where it is marked."""
    if "*" not in text:
        return mark_safe(html_escape(text))  # noqa: S308 - escaped here
    parts = []
    for piece, bold, italic in runs(text):
        html = html_escape(piece)
        if italic:
            html = f"<em>{html}</em>"
        if bold:
            html = f"<strong>{html}</strong>"
        parts.append(html)
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def bold(text):
    return f"**{text}**" if text.strip() else text


def italic(text):
    return f"*{text}*" if text.strip() else text


_TAG = re.compile(r"<(/?)(b|strong|i|em|br|p)\s*/?>", re.IGNORECASE)


def from_html(html):
    """HTML (a paste from Word) as text with asterisks: only b/strong/i/em/br/p survive nh3."""
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={}, strip_comments=True)

    def replace(match):
        closing, tag = match.group(1), match.group(2).lower()
        if tag in ("b", "strong"):
            return "**"
        if tag in ("i", "em"):
            return "*"
        return "" if (tag == "p" and not closing) else "\n"

    text = unescape(_TAG.sub(replace, clean))
    # Word marks each run: "**Thời gian:****01 buổi**" joins into one bold span; empty marks go.
    text = text.replace("****", "").replace("**\n**", "\n")
    text = re.sub(r"(?<=\S)\*\*\s+\*\*(?=\S)", " ", text)  # "**a** **b**": one bold span
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
