"""Working days in Vietnam: Monday to Friday, except the public holidays of the Labour Code 2019
(art. 112): New Year's Day, Tết (five days), the Hùng Kings' day (10th of the 3rd lunar month),
30 April, 1 May and National Day (2 September and the day before or after it).

The lunar holidays are data: their solar dates are listed below for the years they are known.
Days that the government moves each year (bridging days, the second National Day holiday and
the Saturdays worked in exchange) are not included; a reminder on such a day is early or late
by a day, never lost.
"""

import datetime

DAY = datetime.timedelta(days=1)

FIXED = {(1, 1), (4, 30), (5, 1), (9, 2)}

# The first day of the lunar year; the holiday is its eve and the four days that follow.
TET = {
    2019: datetime.date(2019, 2, 5),
    2020: datetime.date(2020, 1, 25),
    2021: datetime.date(2021, 2, 12),
    2022: datetime.date(2022, 2, 1),
    2023: datetime.date(2023, 1, 22),
    2024: datetime.date(2024, 2, 10),
    2025: datetime.date(2025, 1, 29),
    2026: datetime.date(2026, 2, 17),
    2027: datetime.date(2027, 2, 6),
    2028: datetime.date(2028, 1, 26),
    2029: datetime.date(2029, 2, 13),
    2030: datetime.date(2030, 2, 3),
}

HUNG_KINGS = {
    datetime.date(2019, 4, 14),
    datetime.date(2020, 4, 2),
    datetime.date(2021, 4, 21),
    datetime.date(2022, 4, 10),
    datetime.date(2023, 4, 29),
    datetime.date(2024, 4, 18),
    datetime.date(2025, 4, 7),
    datetime.date(2026, 4, 26),
}

HOLIDAYS = HUNG_KINGS | {first + offset * DAY for first in TET.values() for offset in range(-1, 4)}


def is_holiday(day):
    return (day.month, day.day) in FIXED or day in HOLIDAYS


def is_working_day(day):
    return day.weekday() < 5 and not is_holiday(day)


def previous_working_day(day):
    """The day itself when it is a working day, else the last working day before it."""
    while not is_working_day(day):
        day -= DAY
    return day


def next_working_day(day):
    """The day itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += DAY
    return day


def days_off_after(day):
    """The non-working days that directly follow `day`."""
    following = []
    day += DAY
    while not is_working_day(day):
        following.append(day)
        day += DAY
    return following


def days_off_before(day):
    """The non-working days that directly precede `day`."""
    preceding = []
    day -= DAY
    while not is_working_day(day):
        preceding.append(day)
        day -= DAY
    return preceding
