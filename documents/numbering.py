"""The number line and the place-and-date line as Decree 30/2020 writes them.

Numbers below 10 take a leading zero ("Số: 05/KH-UBND"). A draft leaves blanks where its
number or day is not fixed yet: "Số:      /KH-UBND", "ngày      tháng 02 năm 2022" (seed 001).
"""

from .vietnamese import BLANK, date_words


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


def place_date_line(place, date, *, blank_day=False, year=None):
    words = date_words(date, blank_day=blank_day, year=year)
    return f"{place}, {words}" if place else words[0].upper() + words[1:]
