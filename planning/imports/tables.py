"""A task table pasted from Word or Excel: its rows read, its parties matched, its deadlines checked.

A browser hands a pasted table over as text: cells separated by tabs, rows by line breaks. Excel quotes a
cell that holds line breaks; Word does not, so a Word row with several paragraphs in a cell arrives cut into
lines, which are glued back here. The columns are those of every schedule (STT, content, lead, coordinating,
deadline), in that order unless a header row names them otherwise.

`parse_table` turns the text into `Row`s the preview shows and the user edits; `check_rows` reads the edited
rows back (numbers, sub-items, deadlines, parties) without writing anything.
"""

import csv
import datetime
import difflib
import enum
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from congress.models import Organization
from documents.liststyle import clean_list_text, html_to_list_text

from ..deadlines import DeadlineError, Kind, parse_deadline

COLUMNS = ("number", "content", "lead", "coordinating", "deadline")
# A province's whole schedule has 50-300 tasks; a paste longer than this is better split by month.
MAX_ROWS = 500

_HTML_TAG = re.compile(r"</?(?:p|ul|ol|li|br|div|span|font|i|b|u|em|strong|h[1-6]|table|tr|td)\b[^>]*>", re.I)
_TASK_NUMBER = re.compile(r"(\d{1,4})[.)]?")
# "7.1" under task 7; "a)", "-", "+" under the task above.
_SUB_NUMBER = re.compile(r"(?:(\d{1,4})\.(\d{1,3})[.)]?|[a-zđ][.)]|[-+•–*])", re.I)
_MONTH = re.compile(r"(?:[ivx]+[.)]?\s+)?(?:tháng|quý)\s.*\d{4}\s*:?", re.I)
_BULLET = re.compile(r"^[-+•–*]\s*")
_LIST_MARKER = re.compile(r"^(?:[-+•–*]\s*|\d{1,2}[.)]\s+)")
_HEADER_WORDS = {
    "number": ("stt", "so tt", "tt"),
    "content": ("noi dung", "nhiem vu", "cong viec"),
    "lead": ("chu tri",),
    "coordinating": ("phoi hop",),
    "deadline": ("thoi gian", "thoi han", "han hoan thanh"),
}


@dataclass
class Row:
    """One task or sub-item as the preview shows it; sub-items are numbered "7.1", "7.2" under task 7."""

    number: str = ""
    content: str = ""
    lead: str = ""
    coordinating: str = ""
    deadline: str = ""
    month: str = ""  # the month heading above the row, as written ("THÁNG 7/2020")
    line: int = 0  # where the row starts in the pasted text


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # lines outside the table: headings, signatures


# Reading the paste ------------------------------------------------------------------------------------------


def parse_table(text):
    """The rows of a pasted table: heading and month rows left out, continued rows joined, sub-items found."""
    records = _glued(_records(text))
    columns = _positions(records)
    table, drafts, month = Table(), [], ""
    for line, record in records:
        cells = {name: record[index].strip() if index < len(record) else "" for name, index in columns.items()}
        if not any(cells.values()) or _is_header(record):
            continue
        if _is_month(cells):
            month = " ".join(cells[name] for name in ("number", "content") if cells[name]).rstrip(":").strip()
            continue
        if _is_stray_line(cells):
            table.skipped.append(cells["number"])
            continue
        _place(drafts, _Draft(line=line, month=month, cells=cells))
    table.rows = [row for draft in _numbered(drafts) for row in draft.rows()]
    return table


def _records(text):
    """(first line, cells) per record; Excel's quoted cells keep their line breaks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab")
    records, line = [], 1
    for record in reader:
        records.append((line, record))
        line = reader.line_num + 1
    return records


def _glued(records):
    """Word puts a cell's paragraphs on lines of their own: a record shorter than the table is continued by the
    lines after it, until it has all its cells."""
    width = max((len(record) for _, record in records), default=0)
    glued, pending = [], None
    for line, record in records:
        if pending and record and len(pending[1]) + len(record) - 1 <= width:
            pending[1][-1] += "\n" + record[0]
            pending[1].extend(record[1:])
            if len(pending[1]) == width:
                glued.append(pending)
                pending = None
            continue
        if pending:
            glued.append(pending)
            pending = None
        if 2 <= len(record) < width:
            pending = (line, list(record))
        else:
            glued.append((line, record))
    if pending:
        glued.append(pending)
    return glued


def _positions(records):
    """Column index per field: from a header row when there is one, else the schedule's usual order."""
    for _line, record in records:
        if _is_header(record):
            found = {}
            for index, cell in enumerate(record):
                name = _header_column(cell)
                if name and name not in found:
                    found[name] = index
            if {"content", "lead", "deadline"} <= found.keys():
                return {name: found.get(name, len(record)) for name in COLUMNS}
    return {name: index for index, name in enumerate(COLUMNS)}


def _header_column(cell):
    key = re.sub(r"^(?:co quan|don vi) ", "", name_key(cell))
    for name, words in _HEADER_WORDS.items():
        if any(key == word or key.startswith(word + " ") for word in words):
            return name
    return None


def _is_header(record):
    return sum(_header_column(cell) is not None for cell in record if len(cell) < 80) >= 3


def _is_month(cells):
    text = " ".join(cells[name] for name in ("number", "content") if cells[name])
    others = any(cells[name] for name in ("lead", "coordinating", "deadline"))
    return not others and bool(_MONTH.fullmatch(text))


def _is_stray_line(cells):
    """A line of the document around the table (its title, "Nơi nhận:"), pasted along with it."""
    number = cells["number"]
    rest = any(cells[name] for name in COLUMNS[1:])
    return bool(number) and not rest and not (_TASK_NUMBER.fullmatch(number) or _SUB_NUMBER.fullmatch(number))


@dataclass
class _Draft:
    """A row while the table is read: raw cells, which may still be continued on the next page."""

    line: int
    month: str
    cells: dict
    numbered: bool = False
    subitems: list = field(default_factory=list)
    number: str = ""

    def extend(self, cells):
        for name in ("content", "coordinating"):
            if cells[name]:
                self.cells[name] = _joined(self.cells[name], cells[name])

    def rows(self):
        subitems = self.subitems
        if subitems and _starts_list(self.cells):
            # The numbered row holds the first sub-item itself (seed 000's task 7): the task has no text of its own.
            subitems = [_Draft(self.line, self.month, self.cells), *subitems]
            self.cells = dict.fromkeys(COLUMNS[1:], "")
        elif not subitems:
            subitems = _split_listed(self)
        own = self.as_row(self.number, _cell_text(self.cells["content"]))
        return [own, *(sub.as_subitem(f"{self.number}.{order}") for order, sub in enumerate(subitems, start=1))]

    def as_subitem(self, number):
        return self.as_row(number, _unlisted(_cell_text(self.cells["content"])))

    def as_row(self, number, content):
        return Row(
            number=number,
            content=content,
            lead=_unmarked(self.cells["lead"]),
            coordinating=_unmarked(self.cells["coordinating"]),
            deadline=_unmarked(self.cells["deadline"]),
            month=self.month,
            line=self.line,
        )


def _place(drafts, draft):
    """A numbered row starts a task; an unnumbered one with its own lead or deadline is a sub-item of the
    numbered task above; one with text only continues the row above (a page break cut it)."""
    number = draft.cells["number"]
    if match := _TASK_NUMBER.fullmatch(number):
        draft.numbered, draft.number = True, match[1]
        drafts.append(draft)
        return
    parent = drafts[-1] if drafts and drafts[-1].numbered else None
    has_own_party = draft.cells["lead"] or draft.cells["deadline"]
    if parent and (_SUB_NUMBER.fullmatch(number) if number else has_own_party):
        parent.subitems.append(draft)
    elif parent and not number:
        (parent.subitems[-1] if parent.subitems else parent).extend(draft.cells)
    else:
        draft.number = number  # unnumbered, or a number that cannot be read: the preview asks
        drafts.append(draft)


def _numbered(drafts):
    """Unnumbered tasks take the number after the one above them."""
    last = 0
    for draft in drafts:
        if not draft.number:
            draft.number = str(last + 1)
        if _TASK_NUMBER.fullmatch(draft.number):
            last = int(_TASK_NUMBER.fullmatch(draft.number)[1])
    return drafts


def _starts_list(cells):
    return any(_BULLET.match(_cell_text(cells[name])) for name in ("lead", "deadline"))


def _split_listed(draft):
    """One row whose cells list several items line by line ("- Trước ngày 11/7\\n- Trước ngày 15/7"), as
    Excel keeps task 7 of seed 000: when the content lists as many items as the deadline, each becomes a
    sub-item."""
    deadlines = _cell_text(draft.cells["deadline"]).splitlines()
    if len(deadlines) < 2 or not all(_BULLET.match(line) for line in deadlines):
        return []
    contents = _items(_cell_text(draft.cells["content"]))
    if len(contents) != len(deadlines):
        return []
    # A lead or coordinating cell that lists as many names goes item by item; otherwise the task keeps it.
    listed = {name: _cell_text(draft.cells[name]).splitlines() for name in ("lead", "coordinating")}
    per_item = {name: lines for name, lines in listed.items() if len(lines) == len(deadlines)}
    subitems = [
        _Draft(
            draft.line,
            draft.month,
            {
                "number": "",
                "content": contents[index],
                "deadline": deadlines[index],
                **{name: lines[index] for name, lines in per_item.items()},
                **{name: "" for name in listed if name not in per_item},
            },
        )
        for index in range(len(deadlines))
    ]
    draft.cells = {**dict.fromkeys(COLUMNS[1:], ""), **{n: draft.cells[n] for n in listed if n not in per_item}}
    return subitems


def _items(text):
    """A cell's "- " items, each with the "+ " lines under it."""
    items = []
    for line in text.splitlines():
        if line.startswith("+ ") and items:
            items[-1] += "\n" + line
        else:
            items.append(line)
    return items


def _unlisted(text):
    """A sub-item's text without the "- " that listed it in the cell; its "+ " lines move up a level."""
    lines = text.splitlines()
    if not lines or not lines[0].startswith("- "):
        return text
    return "\n".join([lines[0][2:], *("- " + line[2:] if line.startswith("+ ") else line for line in lines[1:])])


def _unmarked(raw):
    """A party or deadline cell without the "- " that lists its lines."""
    return "\n".join(_BULLET.sub("", line) for line in _cell_text(raw).splitlines())


def _is_html(text):
    return bool(_HTML_TAG.search(text))


def _joined(first, second):
    if _is_html(first) or _is_html(second) or second[:1].islower():
        return f"{first} {second}"
    return f"{first}\n{second}"


def _cell_text(raw):
    return html_to_list_text(raw) if _is_html(raw) else clean_list_text(raw)


def table_text(rows):
    """The rows back as a pasted table (with month rows), so the user can go back to the text and paste again."""
    output = io.StringIO()
    writer = csv.writer(output, dialect="excel-tab", lineterminator="\n")
    month = ""
    for row in rows:
        if row.month and row.month != month:
            writer.writerow([row.month, "", "", "", ""])
            month = row.month
        writer.writerow([getattr(row, name) for name in COLUMNS])
    return output.getvalue()


# Matching parties against the directory ---------------------------------------------------------------------


class PartyKind(enum.StrEnum):
    ORGANIZATION = "organization"
    SUBCOMMITTEE = "subcommittee"
    PHRASE = "phrase"
    UNKNOWN = "unknown"


@dataclass
class Party:
    """One name of a lead or coordinating cell, as written, and what it stands for."""

    text: str
    kind: PartyKind
    organization: object = None
    subcommittee: object = None
    suggestion: object = None  # for an unknown name: the closest organisation, if any is close

    @property
    def key(self):
        return name_key(self.text)


# Shortened forms official documents use interchangeably with the full words.
_ABBREVIATIONS = [
    (re.compile(r"\buy ban nhan dan\b"), "ubnd"),
    (re.compile(r"\bhoi dong nhan dan\b"), "hdnd"),
    (re.compile(r"\bmat tran to quoc\b"), "mttq"),
    (re.compile(r"\bphat thanh (?:va )?truyen hinh\b"), "ptth"),
    (re.compile(r"\blien doan lao dong\b"), "ldld"),
    (re.compile(r"\bthi dua (?:va |- )?khen thuong\b"), "tdkt"),
]
# Names that start one of these stand for many bodies at once and stay phrases: "Các cơ quan, đơn vị, địa phương".
_COLLECTIVE_STARTS = ("cac ", "tat ca ", "toan the ", "ban to chuc dai hoi", "ban to chuc hoi nghi", "tieu ban")
_COLLECTIVE_NAMES = ("ban to chuc", "cac tieu ban", "thuong truc ban to chuc", "thanh vien ban to chuc")
# The first word of an agency's name: after a comma, such a word starts a new party, any other word goes on
# with the one before ("Sở Văn hóa, Thể thao và Du lịch").
_AGENCY_WORDS = frozenset(
    ["sở", "ban", "báo", "đài", "văn", "phòng", "ủy", "uỷ", "ubnd", "hđnd", "mttq", "hội", "đoàn", "tỉnh", "huyện"]
    + ["thành", "thị", "xã", "phường", "quận", "trung", "trường", "bệnh", "viện", "công", "liên", "kho", "ngân"]
    + ["cục", "chi", "bộ", "tòa", "toà", "thanh", "thường", "các", "tiểu", "đảng", "lãnh", "cơ", "đơn", "tổng", "tập"]
)


def name_key(text):
    """A name as matching sees it: no case, no accents, no punctuation, standard abbreviations."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).casefold()).replace("đ", "d")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    for pattern, short in _ABBREVIATIONS:
        text = pattern.sub(short, text)
    return text


def _key_variants(key):
    """A key with and without its trailing "tỉnh": "Đài Phát thanh và Truyền hình" names the same body as
    "Đài Phát thanh và Truyền hình tỉnh"."""
    variants = [key]
    if key.endswith(" tinh"):
        variants.append(key.removesuffix(" tinh"))
    return variants


class PartyMatcher:
    """Matches the names in a pasted lead or coordinating cell to the organisations and sub-committees they
    stand for; the directory is read once per request."""

    def __init__(self, organizations, subcommittees=()):
        self.organizations = list(organizations)
        self._names, self._abbreviations, self._subcommittees = {}, {}, {}
        for organization in self.organizations:
            for name in (organization.name, organization.short_name):
                for key in _key_variants(name_key(name)) if name else ():
                    self._names.setdefault(key, set()).add(organization)
            if organization.abbreviation:
                self._abbreviations.setdefault(name_key(organization.abbreviation), set()).add(organization)
        for subcommittee in subcommittees:
            self._subcommittees[name_key(subcommittee.name)] = subcommittee
        self._suggestion_keys = {key: next(iter(orgs)) for key, orgs in self._names.items() if len(orgs) == 1}

    @classmethod
    def for_congress(cls, congress):
        organizations = Organization.objects.active().only("pk", "name", "short_name", "abbreviation")
        return cls(organizations, congress.subcommittees.all())

    def find(self, text):
        """The sub-committee or organisation a name stands for, also without a closing remark such as
        "(chủ trì)"; an abbreviation counts when only one body uses it. None when unknown or ambiguous."""
        key = name_key(text)
        bare = re.sub(r"\s*\([^()]*\)$", "", text.strip())
        keys = _key_variants(key) + ([name_key(bare)] if bare != text.strip() else [])
        for candidate in keys:
            if candidate in self._subcommittees:
                return self._subcommittees[candidate]
            found = self._names.get(candidate, ())
            if len(found) == 1:
                return next(iter(found))
        found = self._abbreviations.get(key, ())
        return next(iter(found)) if len(found) == 1 else None

    def suggest(self, text):
        """The organisation whose name is closest to an unknown one, if any is close enough."""
        close = difflib.get_close_matches(name_key(text), self._suggestion_keys, n=1, cutoff=0.7)
        return self._suggestion_keys[close[0]] if close else None

    def names_in(self, text):
        """The organisations and sub-committees a sentence names, in the order it names them; a name inside a
        longer one ("Sở Nội vụ" in "Sở Nội vụ tỉnh") counts once."""
        key = f" {name_key(text)} "
        found = []
        candidates = [(name, sub) for name, sub in self._subcommittees.items()]
        candidates += [(name, next(iter(orgs))) for name, orgs in self._names.items() if len(orgs) == 1]
        for name, target in candidates:
            start = key.find(f" {name} ")
            if name and start >= 0:
                found.append((start, start + len(name) + 1, target))
        found.sort(key=lambda item: (item[0], -item[1]))
        targets, end = [], -1
        for start, stop, target in found:
            if start >= end and target not in targets:
                targets.append(target)
            end = max(end, stop)
        return targets

    def match_parties(self, cell):
        """The parties of a lead or coordinating cell, in order: one per line or ";", and within a line the
        longest runs of comma-separated pieces that name something known."""
        parties = []
        for line in re.split(r"[\n;]", cell):
            line = _LIST_MARKER.sub("", line.strip()).strip(" .,")
            if line:
                parties.extend(self._line_parties(_pieces(line)))
        return parties

    def _line_parties(self, pieces, *, split_and=True):
        parties, start = [], 0
        while start < len(pieces):
            end, target = self._longest_match(pieces, start)
            if target is None:
                end = start + 1
                while end < len(pieces) and _continues(pieces[end][0]) and not self._longest_match(pieces, end)[1]:
                    end += 1
                parties.extend(self._unmatched(_text_of(pieces[start:end]), split_and=split_and))
            else:
                parties.append(self._party(_text_of(pieces[start:end]), target))
            start = end
        return parties

    def _longest_match(self, pieces, start):
        for end in range(min(len(pieces), start + 6), start, -1):
            target = self.find(_text_of(pieces[start:end]))
            if target is not None:
                return end, target
        return start + 1, None

    def _party(self, text, target):
        if isinstance(target, Organization):
            return Party(text, PartyKind.ORGANIZATION, organization=target)
        return Party(text, PartyKind.SUBCOMMITTEE, subcommittee=target)

    def _unmatched(self, text, *, split_and):
        if _is_collective(text):
            return [Party(text, PartyKind.PHRASE)]
        # "và" joins two bodies as often as it belongs to one name ("Sở Kế hoạch và Đầu tư"): split only when
        # every part is then known.
        pieces = _pieces(text, separator=r"\s+và\s+") if split_and else []
        if len(pieces) > 1:
            parts = self._line_parties(pieces, split_and=False)
            if all(party.kind != PartyKind.UNKNOWN for party in parts):
                return parts
        return [Party(text, PartyKind.UNKNOWN, suggestion=self.suggest(text))]


def _pieces(text, separator=r"\s*,\s*"):
    """[(piece, separator before it)] split outside parentheses, so "Các Tiểu ban (Nội dung, Phục vụ)" holds."""
    pieces, depth, start = [], 0, 0
    for match in re.finditer(rf"[()]|{separator}", text):
        char = match.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append(text[start : match.start()])
            pieces.append(char)
            start = match.end()
    pieces.append(text[start:])
    words = pieces[0::2]
    separators = ["", *pieces[1::2]]
    return [(word.strip(), sep) for word, sep in zip(words, separators, strict=True) if word.strip()]


def _text_of(pieces):
    return "".join(sep + piece if index else piece for index, (piece, sep) in enumerate(pieces))


def _continues(piece):
    first = piece.split(maxsplit=1)[0]
    if first[:1].islower():
        return True
    return first.casefold() not in _AGENCY_WORDS and not (first.isupper() and len(first) > 1)


def _is_collective(text):
    key = name_key(text)
    return key.startswith(_COLLECTIVE_STARTS) or key in _COLLECTIVE_NAMES or " cac " in f" {key} "


def match_parties(cell, congress):
    """The parties of one cell, matched against the directory and the congress's sub-committees."""
    return PartyMatcher.for_congress(congress).match_parties(cell)


# Checking the rows before they become tasks -----------------------------------------------------------------


@dataclass
class CheckedRow:
    """A row as it would be saved: its place in the schedule, its deadline read, its parties matched."""

    index: int
    row: Row
    is_subitem: bool = False
    typed_number: int | None = None
    number: int | None = None  # what the task gets; a sub-item's is its place under its task
    parent: "CheckedRow | None" = None
    subitems: list = field(default_factory=list)
    deadline: object = None
    last_date: datetime.date | None = None
    after_session: bool = False
    lead: list = field(default_factory=list)
    coordinating: list = field(default_factory=list)
    errors: dict = field(default_factory=dict)

    def add_error(self, name, message):
        self.errors.setdefault(name, []).append(message)

    @property
    def parties(self):
        return [("lead", party) for party in self.lead] + [("coordinating", party) for party in self.coordinating]


@dataclass
class Check:
    rows: list[CheckedRow]
    renumbered: bool = False  # the typed numbers are taken: the tasks follow the schedule's last one

    @property
    def tasks(self):
        return [row for row in self.rows if not row.is_subitem]

    @property
    def has_errors(self):
        return any(row.errors for row in self.rows)

    def unknown_names(self):
        """Each unknown name once, in the order it first appears, with the rows it appears in."""
        names = {}
        for row in self.rows:
            for _role, party in row.parties:
                if party.kind == PartyKind.UNKNOWN:
                    names.setdefault(party.key, (party, []))[1].append(row)
        return list(names.values())


def check_rows(rows, matcher, *, session_date=None, taken_numbers=()):
    """Read edited rows as tasks: `rows` is [(index, Row)] of the rows kept; nothing is saved."""
    checked = [CheckedRow(index, row) for index, row in rows]
    _link_subitems(checked)
    for item in checked:
        _check_content(item)
        _check_deadline(item, session_date)
        item.lead = matcher.match_parties(item.row.lead)
        item.coordinating = matcher.match_parties(item.row.coordinating)
        if any(len(party.text) > 255 for _, party in item.parties):
            item.add_error("lead", _("A party's name is longer than 255 characters; split it with “;”."))
    for item in checked:
        if item.subitems and not item.row.deadline.strip():
            # As the saved task will: without a deadline of its own, a task ends with its latest sub-item.
            item.last_date = max((sub.last_date for sub in item.subitems if sub.last_date), default=None)
            item.after_session = bool(item.last_date and session_date and item.last_date > session_date)
    return Check(checked, renumbered=_number(checked, set(taken_numbers)))


def _link_subitems(checked):
    tasks = []
    for item in checked:
        number = item.row.number.strip()
        if match := _TASK_NUMBER.fullmatch(number):
            item.typed_number = int(match[1])
            tasks.append(item)
        elif match := _SUB_NUMBER.fullmatch(number):
            item.is_subitem = True
            parents = [task for task in tasks if match[1] is None or task.typed_number == int(match[1])]
            if parents:
                item.parent = parents[-1]
                item.parent.subitems.append(item)
            else:
                item.add_error("number", _("There is no task %(number)s above this sub-item.") % {"number": match[1]})
        else:
            item.add_error("number", _("Write the number as 7 for a task, or 7.1 for a sub-item of task 7."))


def _check_content(item):
    if not item.row.content.strip() and (item.is_subitem or not item.subitems):
        item.add_error("content", _("Write what must be done."))


def _check_deadline(item, session_date):
    phrase = item.row.deadline.strip()
    if not phrase:
        return
    try:
        item.deadline = parse_deadline(phrase)
    except DeadlineError as error:
        item.add_error("deadline", str(error))
        return
    if item.deadline.kind == Kind.RELATIVE and session_date is None:
        return
    item.last_date = item.deadline.last_date(session_date)
    item.after_session = bool(item.last_date and session_date and item.last_date > session_date)


def _number(checked, taken):
    """Keep the typed numbers unless the schedule already uses one or the table repeats one; then number the
    tasks on from the schedule's last, in the order pasted. Sub-items count from 1 under their task."""
    tasks = [item for item in checked if item.typed_number is not None]
    typed = [item.typed_number for item in tasks]
    renumber = len(set(typed)) != len(typed) or bool(taken & set(typed))
    start = max(taken, default=0)
    for position, item in enumerate(tasks, start=1):
        item.number = start + position if renumber else item.typed_number
        for order, subitem in enumerate(item.subitems, start=1):
            subitem.number = order
    return renumber
