"""Working days in Vietnam: Monday to Friday, except the public holidays.

The holidays come from the `holidays` package (Vietnam): New Year's Day, Tết (the eve and the
four days after, moved off weekends as the government does), the Hùng Kings' day (10th of the
3rd lunar month), 30 April, 1 May, National Day (2 September and the day before or after it),
Vietnam Cultural Day from 2026, the days off in place of a holiday on a weekend, and the
bridging days the government grants. The lunar dates are computed, so no year runs out.

What the package does not list is the Saturday worked in exchange for a bridging day; those
are the government's decisions, kept here as data (add next year's when it is announced).
"""

import datetime
from functools import lru_cache

import holidays

DAY = datetime.timedelta(days=1)

# Saturdays worked in exchange for a bridging day off (the day off itself is in the package).
MAKE_UP_WORKING_DAYS = {
    datetime.date(2019, 1, 5),  # for Monday 31/12/2018
    datetime.date(2019, 5, 4),  # for Monday 29/4/2019
    datetime.date(2024, 5, 4),  # for Monday 29/4/2024
    datetime.date(2025, 4, 26),  # for Friday 2/5/2025
    datetime.date(2026, 8, 22),  # for Monday 31/8/2026
}


@lru_cache(maxsize=64)
def holidays_of(year):
    """{date: name} of Vietnam's public holidays and days off in `year`."""
    return dict(holidays.country_holidays("VN", years=year))


def is_holiday(day):
    return day in holidays_of(day.year)


def is_working_day(day):
    if day in MAKE_UP_WORKING_DAYS:
        return True
    return day.weekday() < 5 and not is_holiday(day)


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
