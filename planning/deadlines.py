"""Deadline phrases the way Vietnamese official documents write them.

A schedule's last column holds phrases such as "Trước ngày 12/7/2020", "Trong tháng 7/2020" or
"10 ngày trước Đại hội". `parse_deadline` reads one into a `Deadline` that keeps the phrase as typed
and knows the last acceptable date; `phrase_for` writes the canonical phrase for fields a form collects.
"""

import calendar
import datetime
import enum
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from documents.vietnamese import month_year, short_date, to_roman


class Kind(enum.StrEnum):
    ON_DAY = "on_day"
    BEFORE_DAY = "before_day"
    BY_DAY = "by_day"
    IN_MONTH = "in_month"
    IN_QUARTER = "in_quarter"
    ONGOING = "ongoing"
    RELATIVE = "relative"
    IN_YEAR = "in_year"
    HALF_YEAR = "half_year"
    MONTH_END = "month_end"
    FIRST_WEEK = "first_week"
    QUARTER_START = "quarter_start"


ACCEPTED_FORMS = (
    "Ngày 06/7/2020",
    "Trước ngày 12/7/2020",
    "Chậm nhất ngày 12/7/2020",
    "Trong tháng 7/2020",
    "Quý II năm 2020",
    "Cuối tháng 7/2020",
    "Tuần đầu tháng 8/2020",
    "Đầu quý III/2020",
    "6 tháng đầu năm 2020",
    "Năm 2020",
    "Thường xuyên",
    "10 ngày trước Đại hội",
    "Chậm nhất 10 ngày trước khi tổ chức Hội nghị",
    "Trước Đại hội",
    "Từ nay đến Đại hội",
)

# Older than the state's first documents or further ahead than any plan: a typo, not a deadline.
FIRST_YEAR, LAST_YEAR = 1945, 2100


class DeadlineError(ValueError):
    message = _("Cannot read the deadline “%(phrase)s”. Accepted forms: %(forms)s.")

    def __init__(self, phrase):
        super().__init__(phrase)
        self.phrase = phrase

    def __str__(self):
        # Formatted when shown rather than when raised, so it speaks the language active at that moment.
        return self.message % {"phrase": self.phrase, "forms": "; ".join(ACCEPTED_FORMS)}


@dataclass(frozen=True)
class Deadline:
    kind: str
    phrase: str
    day: datetime.date | None = None
    month: int | None = None
    quarter: int | None = None
    year: int | None = None
    offset_days: int | None = None

    def last_date(self, session_date=None):
        """The last day the task may be done; None when the phrase names no day or the session has none yet."""
        match self.kind:
            case Kind.ON_DAY | Kind.BY_DAY:
                return self.day
            case Kind.BEFORE_DAY:
                # "Trước ngày 12/7" leaves the 12th itself out.
                return self.day - datetime.timedelta(days=1)
            case Kind.IN_MONTH:
                return _month_end(self.year, self.month)
            case Kind.IN_QUARTER:
                return _month_end(self.year, self.quarter * 3)
            case Kind.MONTH_END:
                return _month_end(self.year, self.month)
            case Kind.FIRST_WEEK:
                return datetime.date(self.year, self.month, 7)
            case Kind.QUARTER_START:
                # "Đầu quý III": within the quarter's first month.
                return _month_end(self.year, self.quarter * 3 - 2)
            case Kind.HALF_YEAR:
                return _month_end(self.year, self.month)
            case Kind.IN_YEAR:
                return datetime.date(self.year, 12, 31)
            case Kind.RELATIVE if session_date is not None:
                return session_date + datetime.timedelta(days=self.offset_days)
        return None

    def group_month(self, session_date=None):
        last = self.last_date(session_date)
        return last.replace(day=1) if last else None


def _month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


# Patterns run on the lower-cased phrase. A numeric date keeps one separator throughout, and only
# four-digit years count: "12/7/20" could be 1920 or 2020.
_DATE = r"(?:ngày )?(?:\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{4}|\d{1,2} tháng \d{1,2} năm \d{4})"
_MONTH_YEAR = r"(?P<month>\d{1,2})(?:[/.-]| năm )(?P<year>\d{4})"
_QUARTER_YEAR = r"(?P<quarter>[ivx]+|\d)(?:[/.-]| năm )(?P<year>\d{4})"
# "Đại hội", "Hội nghị", "khi tổ chức Hội nghị điển hình tiên tiến…": what follows the session's name is its name.
_SESSION_NAME = r"(?:đại hội|hội nghị)"
_AT_LEAST = r"(?:chậm nhất |tối thiểu |ít nhất )?"
_SESSION = rf"(?:khi )?(?:tổ chức )?{_SESSION_NAME}(?: .*)?"
_QUARTERS_BY_NUMERAL = {to_roman(quarter).lower(): quarter for quarter in range(1, 5)}


def _checked_year(text):
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(year)
    return year


def _on_date(match):
    day, month, year = re.findall(r"\d+", match["date"])
    return {"day": datetime.date(_checked_year(year), int(month), int(day))}


def _in_month(match):
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise ValueError(month)
    return {"month": month, "year": _checked_year(match["year"])}


def _in_quarter(match):
    numeral = match["quarter"]
    quarter = int(numeral) if numeral.isdigit() else _QUARTERS_BY_NUMERAL.get(numeral)
    if quarter not in _QUARTERS_BY_NUMERAL.values():
        raise ValueError(numeral)
    return {"quarter": quarter, "year": _checked_year(match["year"])}


def _relative(match):
    days = int(match["days"])
    if days == 0:
        raise ValueError(days)  # "0 ngày sau Đại hội" is neither before nor after
    return {"offset_days": -days if match["side"] == "trước" else days}


def _in_year(match):
    return {"year": _checked_year(match["year"])}


def _half_year(match):
    return {"month": 6 if match["half"] == "đầu" else 12, "year": _checked_year(match["year"])}


_READERS = [
    (Kind.ON_DAY, rf"(?:trong )?(?P<date>{_DATE})", _on_date),
    (Kind.BEFORE_DAY, rf"trước (?P<date>{_DATE})", _on_date),
    (Kind.BY_DAY, rf"(?:(?:chậm nhất|hạn chót)(?: là| vào| đến)?|trước hoặc trong) (?P<date>{_DATE})", _on_date),
    (Kind.IN_MONTH, rf"(?:trong )?tháng {_MONTH_YEAR}", _in_month),
    (Kind.IN_QUARTER, rf"(?:trong )?quý {_QUARTER_YEAR}", _in_quarter),
    (Kind.ONGOING, r"thường xuyên", lambda match: {}),
    (Kind.MONTH_END, rf"cuối tháng {_MONTH_YEAR}", _in_month),
    (Kind.FIRST_WEEK, rf"tuần đầu (?:của )?tháng {_MONTH_YEAR}", _in_month),
    (Kind.QUARTER_START, rf"đầu quý {_QUARTER_YEAR}", _in_quarter),
    (Kind.HALF_YEAR, r"6 tháng (?P<half>đầu|cuối) năm (?P<year>\d{4})", _half_year),
    (Kind.IN_YEAR, r"(?:trong )?năm (?P<year>\d{4})", _in_year),
    (
        Kind.RELATIVE,
        rf"(?:chậm nhất |tối thiểu |ít nhất )?(?P<days>\d{{1,3}}) ngày (?P<side>trước|sau) {_SESSION}",
        _relative,
    ),
    (Kind.RELATIVE, rf"(?P<side>trước|sau) {_SESSION_NAME} (?P<days>\d{{1,3}}) ngày", _relative),
    # "Trước Đại hội": by the day before the session; "Từ nay đến Đại hội": by the session's day.
    (Kind.RELATIVE, rf"trước {_SESSION}", lambda match: {"offset_days": -1}),
    (Kind.RELATIVE, rf"(?:từ nay )?(?:đến|cho đến|tới) {_SESSION}", lambda match: {"offset_days": 0}),
]


def _clean(text):
    # Copies out of Word or PDF bring decomposed accents, stray spaces and the list's "- " marker along.
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    return re.sub(r"^[-–] ?", "", text)


def parse_deadline(text):
    """Read a deadline phrase; DeadlineError when it is empty, unreadable or names an impossible date."""
    phrase = _clean(text)
    key = phrase.lower().rstrip(".;").rstrip()
    for kind, pattern, read in _READERS:
        if match := re.fullmatch(pattern, key):
            try:
                return Deadline(kind, phrase, **read(match))
            except ValueError as error:
                raise DeadlineError(phrase) from error
    raise DeadlineError(phrase)


def phrase_for(kind, *, day=None, month=None, quarter=None, year=None, offset_days=None):
    """The canonical phrase for fields the app collects; DeadlineError when they make no readable deadline."""
    phrase = _compose(Kind(kind), day, month, quarter, year, offset_days)
    # Reading it back keeps out what no schedule could hold: month 13, quarter V, a year 1900.
    return parse_deadline(phrase).phrase


def _compose(kind, day, month, quarter, year, offset_days):
    match kind:
        case Kind.ON_DAY:
            return f"Ngày {short_date(day)}"
        case Kind.BEFORE_DAY:
            return f"Trước ngày {short_date(day)}"
        case Kind.BY_DAY:
            return f"Chậm nhất ngày {short_date(day)}"
        case Kind.IN_MONTH:
            return f"Trong tháng {month_year(month, year)}"
        case Kind.IN_QUARTER:
            return f"Quý {to_roman(quarter)} năm {year}"
        case Kind.ONGOING:
            return "Thường xuyên"
        case Kind.MONTH_END:
            return f"Cuối tháng {month_year(month, year)}"
        case Kind.FIRST_WEEK:
            return f"Tuần đầu tháng {month_year(month, year)}"
        case Kind.QUARTER_START:
            return f"Đầu quý {to_roman(quarter)}/{year}"
        case Kind.HALF_YEAR:
            return f"6 tháng {'đầu' if month == 6 else 'cuối'} năm {year}"
        case Kind.IN_YEAR:
            return f"Năm {year}"
        case Kind.RELATIVE if offset_days == 0:
            return "Từ nay đến Đại hội"
        case Kind.RELATIVE:
            return f"{abs(offset_days)} ngày {'trước' if offset_days < 0 else 'sau'} Đại hội"


# A deadline written inside a sentence: "…, hoàn thành trước ngày 18/12/2026." The longest forms come
# first so "chậm nhất ngày 18/12/2026" is not read as its bare date.
_IN_TEXT = re.compile(
    r"(?:(?:trước hoặc trong|chậm nhất(?: là| vào| đến)?|hạn chót|trước|trong) )?(?:ngày )?\d{1,2}/\d{1,2}/\d{4}"
    r"|(?:trong |cuối )?tháng \d{1,2}/\d{4}"
    r"|(?:trong |đầu )?quý [ivx]+(?:/| năm )\d{4}"
    r"|6 tháng (?:đầu|cuối) năm \d{4}"
    r"|\d{1,3} ngày (?:trước|sau) (?:đại hội|hội nghị)"
    r"|trước (?:đại hội|hội nghị)",
    re.IGNORECASE,
)


def find_deadline(text):
    """The first readable deadline phrase written inside a sentence, capitalised as a schedule prints it;
    None when the text names none."""
    for match in _IN_TEXT.finditer(_clean(text)):
        try:
            deadline = parse_deadline(match.group())
        except DeadlineError:
            continue
        phrase = deadline.phrase[:1].upper() + deadline.phrase[1:]
        return Deadline(
            deadline.kind, phrase, deadline.day, deadline.month, deadline.quarter, deadline.year, deadline.offset_days
        )
    return None


# Moving a schedule to the next congress ------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{4}")
_WORDED_DATE = re.compile(r"\d{1,2} tháng \d{1,2} năm \d{4}", re.IGNORECASE)


def _add_months(year, month, months):
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def shifted(deadline, *, days, months):
    """The deadline moved to the next congress: a day moves by `days`, a month, quarter, half-year or year by
    `months`; a phrase counted from the session or an ongoing task stays as it is. A dated phrase keeps its
    wording ("Hạn chót ngày 12/7/2020" stays "Hạn chót ngày …"); the others take the canonical phrase."""
    kind = Kind(deadline.kind)
    if kind in (Kind.ON_DAY, Kind.BEFORE_DAY, Kind.BY_DAY):
        day = deadline.day + datetime.timedelta(days=days)
        return _same_wording(deadline, day) or parse_deadline(phrase_for(kind, day=day))
    if kind in (Kind.IN_MONTH, Kind.MONTH_END, Kind.FIRST_WEEK):
        year, month = _add_months(deadline.year, deadline.month, months)
        return parse_deadline(phrase_for(kind, month=month, year=year))
    # A half-year or a quarter moves by its middle month, so a shift of a few months changes it only halfway.
    if kind == Kind.HALF_YEAR:
        year, month = _add_months(deadline.year, deadline.month - 3, months)
        return parse_deadline(phrase_for(kind, month=6 if month <= 6 else 12, year=year))
    if kind in (Kind.IN_QUARTER, Kind.QUARTER_START):
        year, month = _add_months(deadline.year, deadline.quarter * 3 - 1, months)
        return parse_deadline(phrase_for(kind, quarter=(month - 1) // 3 + 1, year=year))
    if kind == Kind.IN_YEAR:
        year, _month = _add_months(deadline.year, 12, months)
        return parse_deadline(phrase_for(kind, year=year))
    return deadline


def _same_wording(deadline, day):
    """The phrase with only its date replaced, when that reads back as the new day."""
    phrase = _NUMERIC_DATE.sub(lambda match: short_date(day).replace("/", match[1]), deadline.phrase, count=1)
    phrase = _WORDED_DATE.sub(f"{day.day:02d} tháng {day.month} năm {day.year}", phrase, count=1)
    try:
        moved = parse_deadline(phrase)
    except DeadlineError:
        return None
    return moved if (moved.kind, moved.day) == (deadline.kind, day) else None
