"""Numbers and dates the way Vietnamese official documents write them (Decree 30/2020).

Days below 10 and the months January and February take a leading zero: "05/01/2020",
"17/7/2020"; "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019". Editions, quarters and
a document's parts are counted in Roman numerals. A draft leaves blanks where its day is not
fixed yet: "ngày      tháng 02 năm 2022" (seed 001).
"""

BLANK = "\u00a0" * 6  # non-breaking, so the blank keeps its width in print and in Word

_NUMERALS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
_NUMERALS += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(number):
    """7 -> "VII": editions, quarters, a document's parts and annexes."""
    if number < 1:
        raise ValueError("Roman numerals start at 1")
    digits = []
    for value, numeral in _NUMERALS:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


def _day(day):
    return f"{day:02d}"


def _month(month):
    return f"{month:02d}" if month < 3 else str(month)


def short_date(date):
    """ "05/01/2020", "17/7/2020"."""
    return f"{_day(date.day)}/{_month(date.month)}/{date.year}"


def month_year(month, year):
    """ "01/2020", "7/2020"."""
    return f"{_month(month)}/{year}"


def date_words(date, *, blank_day=False, year=None):
    """ "ngày 17 tháng 7 năm 2020"; a blank day, or blank day and month when no date is set."""
    if date is None:
        return f"ngày {BLANK} tháng {BLANK} năm {year or BLANK}"
    day = BLANK if blank_day else _day(date.day)
    return f"ngày {day} tháng {_month(date.month)} năm {date.year}"


def join_words(head, tail):
    """ "đề nghị khen thưởng" + "Khen thưởng năm 2024" → "đề nghị khen thưởng năm 2024": the two
    joined without saying twice the words where they meet."""
    head_words, tail_words = head.split(), tail.split()
    for size in range(min(len(head_words), len(tail_words)), 0, -1):
        if [word.casefold() for word in head_words[-size:]] == [word.casefold() for word in tail_words[:size]]:
            return " ".join(head_words + tail_words[size:])
    return f"{head} {tail}".strip()
