import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from reminders import workdays
from reminders.models import ReminderPolicy
from reminders.policy import Trigger, day_plan, parse_days_before

D = dt.date


def triggers(policy, today, due):
    return day_plan(policy, today).triggers(due)


def test_weekends_and_public_holidays_are_days_off():
    assert workdays.is_working_day(D(2020, 7, 10))  # a Friday
    assert not workdays.is_working_day(D(2020, 7, 11))  # Saturday
    assert not workdays.is_working_day(D(2020, 9, 2))  # National Day
    assert not workdays.is_working_day(D(2020, 4, 2))  # the Hùng Kings' day, 10/3 lunar
    assert not workdays.is_working_day(D(2024, 2, 9))  # Tết's eve, 2024
    assert workdays.is_working_day(D(2024, 2, 15))  # back to work after Tết


def test_lunar_holidays_are_known_after_2030():
    assert not workdays.is_working_day(D(2031, 1, 23))  # Tết 2031, the first day of the lunar year
    assert not workdays.is_working_day(D(2031, 1, 22))  # its eve
    assert not workdays.is_working_day(D(2035, 2, 8))  # Tết 2035
    assert workdays.is_working_day(D(2031, 1, 30))  # back to work
    assert not workdays.is_working_day(D(2031, 4, 1))  # the Hùng Kings' day 2031, 10/3 lunar
    assert not workdays.is_working_day(D(2027, 4, 16))  # the Hùng Kings' day 2027
    assert workdays.is_working_day(D(2027, 4, 15))


def test_the_governments_make_up_days_count():
    assert not workdays.is_working_day(D(2026, 8, 31))  # bridging day off before National Day 2026
    assert workdays.is_working_day(D(2026, 8, 22))  # the Saturday worked in exchange
    assert not workdays.is_working_day(D(2026, 8, 29))  # an ordinary Saturday


def test_a_reminder_due_on_tet_after_2030_moves_to_the_working_day_before():
    plan = day_plan(ReminderPolicy(days_before="1", on_the_day=False), D(2031, 1, 20))

    # Tết's days off run from 21/1 to 27/1; the reminders due on them go out on Monday 20/1.
    upcoming = sorted(
        due for due, found in plan.deadlines.items() if Trigger("upcoming", (due - D(2031, 1, 20)).days) in found
    )
    assert upcoming == [D(2031, 1, day) for day in range(21, 29)]


def test_the_default_policy_reminds_seven_three_one_days_before_and_on_the_day():
    policy = ReminderPolicy()

    assert policy.offsets() == [7, 3, 1, 0]
    assert triggers(policy, D(2020, 7, 7), D(2020, 7, 14)) == [Trigger("upcoming", 7)]
    assert triggers(policy, D(2020, 7, 13), D(2020, 7, 14)) == [Trigger("upcoming", 1)]
    assert triggers(policy, D(2020, 7, 14), D(2020, 7, 14)) == [Trigger("due", 0)]
    assert triggers(policy, D(2020, 7, 9), D(2020, 7, 14)) == []


def test_a_reminder_that_falls_on_a_weekend_comes_on_the_friday_before():
    policy = ReminderPolicy()
    friday = D(2020, 7, 10)

    # Due Sunday 12/7: "on the day" and "1 day before" both fall on the weekend.
    assert triggers(policy, friday, D(2020, 7, 12)) == [Trigger("upcoming", 2)]
    # Due Monday 13/7: three days before is this Friday.
    assert triggers(policy, friday, D(2020, 7, 13)) == [Trigger("upcoming", 3)]
    assert not day_plan(policy, D(2020, 7, 11))  # nothing at all on Saturday


def test_every_day_policies_remind_on_weekends_too():
    policy = ReminderPolicy(working_days_only=False)

    assert triggers(policy, D(2020, 7, 11), D(2020, 7, 12)) == [Trigger("upcoming", 1)]
    assert triggers(policy, D(2020, 7, 10), D(2020, 7, 12)) == []


def test_overdue_tasks_remind_every_two_days_and_escalate_after_five():
    policy = ReminderPolicy()
    due = D(2020, 7, 6)  # a Monday

    assert triggers(policy, D(2020, 7, 8), due) == [Trigger("overdue", 2)]
    assert triggers(policy, D(2020, 7, 9), due) == []
    # Day 4 is Friday 10/7; day 5 is Saturday, so the escalation moves to Monday 13/7 with day 7.
    assert triggers(policy, D(2020, 7, 10), due) == [Trigger("overdue", 4)]
    assert set(triggers(policy, D(2020, 7, 13), due)) == {Trigger("overdue", 7), Trigger("escalation", 7)}


def test_overdue_reminders_stop_after_the_policys_window():
    policy = ReminderPolicy(overdue_for_days=6, escalate_after_days=0)
    due = D(2020, 7, 1)

    assert triggers(policy, D(2020, 7, 7), due) == [Trigger("overdue", 6)]
    assert triggers(policy, D(2020, 7, 9), due) == []


def test_a_policy_switched_off_plans_nothing():
    assert not day_plan(ReminderPolicy(is_active=False), D(2020, 7, 10))


def test_meetings_remind_on_the_last_working_day_before():
    plan = day_plan(ReminderPolicy(), D(2020, 7, 10))

    assert plan.meeting_days == {D(2020, 7, 11), D(2020, 7, 12), D(2020, 7, 13)}


def test_days_before_are_read_from_a_list():
    assert parse_days_before("7, 3; 1, 3") == [7, 3, 1]
    with pytest.raises(ValidationError):
        parse_days_before("7, ba")
    with pytest.raises(ValidationError):
        parse_days_before("0")
