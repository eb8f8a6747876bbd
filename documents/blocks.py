"""The body of a document as plain data: what both the PDF and the DOCX are built from.

A domain app describes its document's body as a list of blocks, never as HTML:

    Heading(1, "Mục đích, yêu cầu")        I. MỤC ĐÍCH, YÊU CẦU (numbered by the layer)
    Heading(2, "1. Thời gian: 20/8/2020")  as typed
    Paragraph("Để tổng kết …")             justified, first line indented
    Paragraph("Căn cứ …;", italic=True)    a legal basis
    Item("-", "Chỉ đạo chung …")           "- " and "+ " list items
    Table(columns, rows)                   header row repeated on every page
    Centered("QUYẾT ĐỊNH:")                 a line set in the middle, bold

`text_blocks(text)` reads the official list style a secretariat types ("I.", "1.", "a)",
"- ", "+ " at the start of a line; its grammar is documents.liststyle) into such blocks.
Every text is NFC-normalised here, so nothing downstream has to care.
"""

import re
import unicodedata
from dataclasses import dataclass, field, replace

from . import liststyle


def nfc(text):
    return unicodedata.normalize("NFC", text or "")


@dataclass(frozen=True)
class Heading:
    """Level 1 is a part ("I. …", printed UPPER bold); 2 and 3 keep their typed "1." / "a)"."""

    level: int
    text: str
    numbered: bool = True  # level 1 only: the layer prints the Roman numeral

    def __post_init__(self):
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True)
class Paragraph:
    text: str
    italic: bool = False
    bold: bool = False
    indent: bool = True
    keep_with_next: bool = False  # a lead line ("Vắng mặt 1 thành viên:") never ends a page

    def __post_init__(self):
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True)
class Item:
    """A list item: marker "-" (first level) or "+" (second level)."""

    marker: str
    text: str

    def __post_init__(self):
        object.__setattr__(self, "text", nfc(self.text))

    @property
    def line(self):
        """The item as typed: "- Khai mạc.", as a table cell prints it."""
        return f"{self.marker} {self.text}"


@dataclass(frozen=True)
class Centered:
    text: str
    bold: bool = True

    def __post_init__(self):
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # share of the table's width, in percent
    align: str = "left"  # "left", "center" or "justify"


@dataclass(frozen=True)
class Row:
    """One table row: each cell is a list of blocks (Paragraph / Item / Heading)."""

    cells: tuple


@dataclass(frozen=True)
class GroupRow:
    """A row spanning the whole table: "THÁNG 7/2020:"."""

    text: str

    def __post_init__(self):
        object.__setattr__(self, "text", nfc(self.text))


@dataclass(frozen=True)
class Table:
    """Rows stay whole on a page. Only the last row of a table that ends a letter's body, right above the
    signature, may split (`split_last_row`, set by the layer), so that the signature never stands alone."""

    columns: tuple
    rows: list = field(default_factory=list)
    split_last_row: bool = False


@dataclass
class Annex:
    """An annex after the signature: its own pages, numbering and orientation.

    `label` is "Phụ lục" or "Phụ lục I"; `reference` the italic line "(Kèm theo … số …)",
    which the layer fills in from the record when left empty, naming `issued_by` (else the
    issuing body) as the one who issued the document.
    """

    title: str
    body: list
    label: str = "Phụ lục"
    reference: str = ""
    issued_by: str = ""
    subtitle: str = ""
    landscape: bool = False


@dataclass
class Content:
    """What a domain app's gather function returns: the body, annexes and page setting.

    `closing_mark` puts "./." after the last sentence of the body, as the decree asks of a
    text; a document that is only a table (the task schedule) leaves it off.
    """

    body: list
    annexes: list = field(default_factory=list)
    landscape: bool = False
    subtitle: str = ""
    closing_mark: bool = True
    authority_line: str = ""  # a decision's "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" under its subject
    # Minutes (biên bản): [(title, name)] signed side by side, the secretary's then the chair's,
    # in place of the recipients and the signature block.
    cosigners: list = field(default_factory=list)


_HEADING_LEVELS = {liststyle.PART: 1, liststyle.NUMBERED: 2, liststyle.ARTICLE: 2, liststyle.LETTERED: 3}


def text_blocks(text, *, italic_paragraphs=False):
    """Blocks of text in the official list style, one block per non-empty line."""
    lines = (liststyle.read_line(line) for line in nfc(text).splitlines() if line.strip())
    return [_line_block(kind, line, italic_paragraphs) for kind, line in lines]


def _line_block(kind, line, italic_paragraphs):
    if kind == liststyle.PART:
        return Heading(1, line, numbered=False)
    if kind in _HEADING_LEVELS:
        return Heading(_HEADING_LEVELS[kind], line)
    if kind in (liststyle.DASH, liststyle.PLUS):
        return Item(kind, line)
    return Paragraph(line, italic=italic_paragraphs)


def bases_blocks(text):
    """Legal bases in italic, one per line, each ending ";" and the last one "."."""
    lines = [" ".join(line.split()).rstrip(" ;.,") for line in nfc(text).splitlines() if line.strip()]
    ends = [";"] * (len(lines) - 1) + ["."]
    return [Paragraph(line + end, italic=True) for line, end in zip(lines, ends, strict=False)]


_FACT = re.compile(r"\[([^\[\]\n]{1,60})\]")


def fill_facts(text, facts):
    """Put the facts in where the text names them in brackets: "[Tên Đại hội]" → its name.

    A known fact without a value yet prints as dots for the pen ("Địa điểm: ……"); brackets
    naming no known fact stay as typed, so a typo shows in the printout.
    """
    lookup = {key.casefold(): value for key, value in facts.items()}

    def replace(match):
        key = match.group(1).strip().casefold()
        if key not in lookup:
            return match.group(0)
        value = lookup[key]
        return "……" if value in (None, "") else str(value)

    return _FACT.sub(replace, nfc(text))


def close_with_mark(blocks):
    """The blocks with "./." after the last sentence (once), never after a heading: a body that ends
    with a heading takes it after the last line of text before it. An article ("Điều 4. Thủ trưởng …
    chịu trách nhiệm thi hành Quyết định này.") is a sentence of the body, not a heading."""
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if isinstance(block, (Paragraph, Item)) or _is_article(block):
            text = block.text.rstrip()
            if text.endswith("./."):
                return blocks
            text = text.rstrip(".;:,") + "./."
            return [*blocks[:index], _with_text(block, text), *blocks[index + 1 :]]
    return blocks


def last_row_may_split(blocks):
    """The body with its closing table, if it ends with one, allowed to split its last row (Table)."""
    if blocks and isinstance(blocks[-1], Table):
        return [*blocks[:-1], replace(blocks[-1], split_last_row=True)]
    return blocks


def _is_article(block):
    return isinstance(block, Heading) and block.level > 1 and bool(liststyle.article_opening(block.text))


def _with_text(block, text):
    return replace(block, text=text)


def lead_in(text):
    """How a "1." or "a)" line is set: (bold part, rest).

    Only an article's opening ("Điều 1.") is bold by itself, as Decree 30 sets it; any other
    bold is where the author wrote it (**…**, documents.emphasis).
    """
    if article := liststyle.article_opening(text):
        return article, text[len(article) :]
    return "", text
