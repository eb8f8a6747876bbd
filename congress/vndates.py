"""Dates the way Vietnamese official documents write them.

Days below 10 and the months January and February take a leading zero
("05/01/2020", "17/7/2020"; "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019").
"""


def _month(month):
    return f"{month:02d}" if month < 3 else str(month)


def short_date(day):
    return f"{day.day:02d}/{_month(day.month)}/{day.year}"


def long_date(day):
    return f"ngày {day.day:02d} tháng {_month(day.month)} năm {day.year}"


def month_year(month, year):
    return f"{_month(month)}/{year}"
