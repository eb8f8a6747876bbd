"""The official list style: how a secretariat types a text in Word, read and written in one place.

One paragraph per line; "I." opens a part, "1." / "1.2." / "1)" and "a)" lines are numbered as
typed, "Điều 1." an article, "- " opens a first-level item and "+ " a second-level one ("•" and
"–" are how Word bullets arrive). No markup is ever stored: HTML coming in (the seed's Word
conversion, a paste) is flattened here, and HTML going out is built from escaped text only.
`read_line` is the grammar; `list_lines` (pages), `documents.blocks.text_blocks` (print) and
the cleaners below all go through it.
"""

import re
import unicodedata
from html import unescape
from html.parser import HTMLParser
from itertools import pairwise

import nh3
from django.utils.safestring import SafeString, mark_safe

from . import emphasis

_EMPHASIS_TAG = re.compile(r"<(/?)(b|strong|i|em)(?:\s[^>]*)?>", re.IGNORECASE)


def _emphasis_tag(match):
    return "**" if match.group(2).lower() in ("b", "strong") else "*"


# What a line of list text is, by how it opens.
PART = "part"  # "I. MỤC ĐÍCH, YÊU CẦU"
NUMBERED = "numbered"  # "1. ", "2.1. ", "1) "
LETTERED = "lettered"  # "a) "
ARTICLE = "article"  # "Điều 1. "
DASH = "-"
PLUS = "+"
PARAGRAPH = "p"

_PART = re.compile(r"[IVXLC]+\.\s")
_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]\s")
_LETTER = re.compile(r"[a-zđ]\)\s")
_ARTICLE = re.compile(r"Điều \d+\.")
_NUMBERED = re.compile(rf"(?:{_NUMBER.pattern}|{_LETTER.pattern})")
# "•" and "–" are how Word bullets arrive; they are read and stored as "- ".
_BULLET = re.compile(r"([-+•–])\s")


def read_line(line):
    """(kind, text) of one line, its spaces collapsed; an item's text comes without its marker."""
    line = " ".join(line.split())
    if _PART.match(line):
        return PART, line
    if _NUMBER.match(line):
        return NUMBERED, line
    if _ARTICLE.match(line):
        return ARTICLE, line
    if _LETTER.match(line):
        return LETTERED, line
    if bullet := _BULLET.match(line):
        return (PLUS if bullet.group(1) == "+" else DASH), line[bullet.end() :]
    return PARAGRAPH, line


def article_opening(line):
    """ "Điều 1." of an article's line, else ""."""
    article = _ARTICLE.match(line)
    return article.group(0) if article else ""


def item_text(line):
    """A line without the "- " or "+ " that lists it."""
    return read_line(line)[1]


# Tags that end a line; any other tag (i, b, span, font, Word's o:p...) only wraps text and is dropped.
_LIST_TAGS = frozenset({"ul", "ol"})
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_BLOCK_TAGS = (
    _LIST_TAGS | _HEADINGS | {"p", "div", "br", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote"}
)
# Emphasis read from HTML travels through the flattening as these marks and becomes *…* / **…** at the end.
_I_OPEN, _I_CLOSE, _B_OPEN, _B_CLOSE = "\x02", "\x03", "\x04", "\x05"
_EMPHASIS_OPEN = {"i": _I_OPEN, "em": _I_OPEN, "b": _B_OPEN, "strong": _B_OPEN}
_EMPHASIS_CLOSE = {"i": _I_CLOSE, "em": _I_CLOSE, "b": _B_CLOSE, "strong": _B_CLOSE}
# Not text of the document: Word pastes carry their styles and settings in these.
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "xml"})

# Where a glued item can begin: after the end of a sentence or clause. Dashes elsewhere are part of the
# text ("2016-2020", "Đánh giá – rút kinh nghiệm", "Phan Rang - Tháp Chàm").
_ITEM_GAP = re.compile(r"(?:(?<=[.:;!?…])|(?<=[.:;!?…][\x03\x05]))\s*(?=\S)")
_SENTENCE_END = ".!?…"
_TYPED_BULLET = re.compile(r"(?:[•–]\s*|[-*]\s+)")
_INDENT = re.compile(r"(?:\t|\s{2,})")


class _Flattener(HTMLParser):
    """Cuts HTML into runs of text, each with the list nesting it stood in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks = []  # (list depth, loose in a list without <li>, text)
        self._open = []  # open ul/ol/li, innermost last
        self._text = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        self._skipping += tag in _SKIPPED_TAGS
        if tag in _EMPHASIS_OPEN:
            self._text.append(_EMPHASIS_OPEN[tag])
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag == "li":
                self._close_item()  # HTML lets </li> be omitted
            if tag == "li" or tag in _LIST_TAGS:
                self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in _EMPHASIS_CLOSE:
            self._text.append(_EMPHASIS_CLOSE[tag])
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag == "li":
                self._close_item()
            elif tag in _LIST_TAGS and tag in self._open:
                # Close the list and anything left open inside it (Word leaves <li> unclosed).
                last = len(self._open) - 1 - self._open[::-1].index(tag)
                del self._open[last:]

    def handle_data(self, data):
        if not self._skipping:
            self._text.append(data)

    def close(self):
        super().close()
        self._flush()

    def _close_item(self):
        if self._open and self._open[-1] == "li":
            self._open.pop()

    def _flush(self):
        text = " ".join("".join(self._text).split())
        self._text = []
        if text:
            depth = sum(tag in _LIST_TAGS for tag in self._open)
            self.chunks.append((depth, depth > 0 and self._open[-1] != "li", text))


def html_to_list_text(html: str) -> str:
    """The seed's HTML-ish cells, or HTML pasted from Word, as plain text in the official list style."""
    parser = _Flattener()
    parser.feed(unicodedata.normalize("NFC", html))
    parser.close()
    lines = [_emphasis_marks(line) for chunk in parser.chunks for line in _chunk_lines(*chunk)]
    return unicodedata.normalize("NFC", "\n".join(line for line in lines if line))


def _emphasis_marks(line):
    """The flattener's emphasis marks as *…* and **…**, spaces outside them, empty ones dropped."""
    for opening, closing, mark in ((_B_OPEN, _B_CLOSE, "**"), (_I_OPEN, _I_CLOSE, "*")):
        line = re.sub(rf"{opening}\s*{closing}", "", line)
        line = re.sub(rf"{opening}(\s*)", rf"\1{opening}", line)
        line = re.sub(rf"(\s*){closing}", rf"{closing}\1", line)
        line = line.replace(opening, mark).replace(closing, mark)
    return " ".join(line.split())


def _chunk_lines(depth, loose, text):
    # The seed lost its <li> tags: text sitting straight in a list with no typed marker held one item per sentence.
    by_sentence = loose and not (_BULLET.match(text) or _NUMBERED.match(text))
    return [_as_line(piece, depth) for piece in _split_items(text, by_sentence)]


def _split_items(text, by_sentence):
    starts = [gap.end() for gap in _ITEM_GAP.finditer(text) if _item_starts(text, gap, by_sentence)]
    pieces = (text[start:end].strip() for start, end in pairwise([0, *starts, len(text)]))
    return [piece for piece in pieces if piece]


def _item_starts(text, gap, by_sentence):
    rest, spaced = text[gap.end() :], bool(gap.group())
    if _NUMBERED.match(rest):
        return spaced  # "khoản 2.1. Nội dung" is a reference, "… Đại hội. 2. Thống nhất" an item
    if _BULLET.match(rest):
        return True  # the converter glued "…Đại hội.- Thông qua…" with no space at all
    return by_sentence and spaced and text[gap.start() - 1] in _SENTENCE_END and rest[0].isupper()


def _as_line(piece, depth):
    if _NUMBERED.match(piece):
        return piece
    if _BULLET.match(piece):
        return ("+ " if piece[0] == "+" else "- ") + piece[2:]
    if depth == 0:
        return piece
    return ("- " if depth == 1 else "+ ") + piece


def clean_list_text(text: str) -> str:
    """What a user typed or pasted as plain text, normalised to the official list style."""
    text = unicodedata.normalize("NFC", text)
    text = _EMPHASIS_TAG.sub(_emphasis_tag, text)  # <b>, <i> typed or pasted: kept as **…** and *…*
    plain = unescape(nh3.clean(text, tags=set()))
    lines = (_clean_line(line) for line in plain.splitlines())
    return "\n".join(line for line in lines if line)


def _clean_line(line):
    body = " ".join(line.split())
    bullet = _TYPED_BULLET.match(body)
    if not bullet:
        return body
    # Word and mail clients indent sub-items instead of typing "+".
    marker = "+ " if _INDENT.match(line) else "- "
    return marker + body[bullet.end() :]


def list_lines(text: str) -> list[tuple[str, str]]:
    """[(level, text)] with level "p", "-", "+" or "num"; numbered lines keep their "1." or "a)"."""
    lines = (read_line(line) for line in text.splitlines() if line.strip())
    return [(_LEVELS.get(kind, "p"), line) for kind, line in lines]


_LEVELS = {DASH: "-", PLUS: "+", NUMBERED: "num", LETTERED: "num"}


def render_list_text(text: str) -> SafeString:
    """HTML for a page: <p> paragraphs, "- " items in <ul class="list-dash">, "+ " items nested in them."""
    blocks = _group(list_lines(text))
    return mark_safe("\n".join(_render_block(kind, content) for kind, content in blocks))  # noqa: S308 - to_html escapes


def _group(lines):
    """Blocks in reading order: ("p"|"num", text), ("-", [(text, [sub-items])]) or ("+", [text])."""
    blocks = []
    for level, text in lines:
        last = blocks[-1] if blocks else (None, None)
        if level == "-" and last[0] == "-":
            last[1].append((text, []))
        elif level == "-":
            blocks.append(("-", [(text, [])]))
        elif level == "+" and last[0] in ("-", "+"):
            (last[1][-1][1] if last[0] == "-" else last[1]).append(text)
        else:
            blocks.append((level, [text] if level == "+" else text))
    return blocks


def _render_block(kind, content):
    # Every text goes through emphasis.to_html, which escapes it; the tags around are the code's own.
    if kind == "p":
        return f"<p>{emphasis.to_html(content)}</p>"
    if kind == "num":
        return f'<p class="list-num">{emphasis.to_html(content)}</p>'
    if kind == "+":
        return _plus_list(content)
    items = "".join(f"<li>{emphasis.to_html(text)}{_plus_list(subs) if subs else ''}</li>" for text, subs in content)
    return f'<ul class="list-dash">{items}</ul>'


def _plus_list(texts):
    return '<ul class="list-plus">' + "".join(f"<li>{emphasis.to_html(text)}</li>" for text in texts) + "</ul>"
