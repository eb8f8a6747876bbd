"""The number line and the place-and-date line as Decree 30/2020 writes them.

Numbers below 10 take a leading zero ("Số: 05/KH-UBND"); days below 10 and the months
January and February too ("ngày 05 tháng 01 năm 2020", but "ngày 29 tháng 6 năm 2019").
A draft leaves blanks where its number or day is not fixed yet: "Số:      /KH-UBND",
"ngày      tháng 02 năm 2022" (seed 001).
"""

BLANK = "\u00a0" * 6  # non-breaking, so the blank keeps its width in print and in Word

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
ROMAN += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(number):
    out = []
    for value, numeral in ROMAN:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def padded_number(number):
    return f"{number:02d}"


def symbol_for(type_code, issuer_code):
    """ "KH-UBND"; a letter without a type code ("công văn") is the issuer's alone: "UBND-VX"."""
    return "-".join(part for part in (type_code, issuer_code) if part)


def number_text(number, symbol):
    """ "05/KH-UBND", or blanks before the slash while the number is not given."""
    return f"{padded_number(number) if number else BLANK}/{symbol}"


def number_line(number, symbol):
    return f"Số: {number_text(number, symbol)}"


def month_text(month):
    return f"{month:02d}" if month < 3 else str(month)


def day_text(day):
    return f"{day:02d}"


def date_words(date, *, blank_day=False, year=None):
    """ "ngày 17 tháng 7 năm 2020"; blank day, or blank day and month when no date is set."""
    if date is None:
        return f"ngày {BLANK} tháng {BLANK} năm {year or BLANK}"
    day = BLANK if blank_day else day_text(date.day)
    return f"ngày {day} tháng {month_text(date.month)} năm {date.year}"


def place_date_line(place, date, *, blank_day=False, year=None):
    words = date_words(date, blank_day=blank_day, year=year)
    return f"{place}, {words}" if place else words[0].upper() + words[1:]


def short_date(date):
    """ "05/01/2020", "17/7/2020": the same rules in figures."""
    return f"{day_text(date.day)}/{month_text(date.month)}/{date.year}"
