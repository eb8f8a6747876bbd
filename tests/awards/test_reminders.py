"""The round's submission deadline reaches the reminder planner through its registry."""

import datetime as dt

from awards.models import Nomination
from awards.reminders import SOURCE, submission_deadlines
from reminders import registry
from reminders.models import ScheduledReminder
from reminders.planner import plan_day
from tests.reminders.helpers import at, focal_point_of

from .factories import NominationFactory, NominationRoundFactory

Status = Nomination.Status


def test_the_awards_provider_is_registered_when_django_starts():
    assert registry.providers()[SOURCE] is submission_deadlines


def test_focal_points_with_dossiers_still_open_are_reminded_of_the_deadline(congress):
    from tests.factories import OrganizationFactory

    nomination_round = NominationRoundFactory(congress=congress, deadline=dt.date(2020, 7, 13), name="Đợt 1")
    late, done, idle = OrganizationFactory(), OrganizationFactory(), OrganizationFactory()
    huy = focal_point_of(congress, late, full_name="Phạm Quốc Huy")
    focal_point_of(congress, done, full_name="Đã nộp xong")
    focal_point_of(congress, idle, full_name="Không có hồ sơ")
    NominationFactory(round=nomination_round, proposing_organization=late, status=Status.RETURNED)
    NominationFactory(round=nomination_round, proposing_organization=done, status=Status.SUBMITTED)

    [item] = submission_deadlines(congress_ids={congress.pk}, due_dates={dt.date(2020, 7, 13)})

    assert (item.recipients, item.title, item.phrase, item.link) == (
        (huy.pk,),
        "Nộp hồ sơ đề nghị khen thưởng: Đợt 1",
        "Chậm nhất ngày 13/7/2020",
        nomination_round.get_absolute_url(),
    )
    assert list(submission_deadlines(congress_ids={congress.pk}, due_dates={dt.date(2020, 7, 14)})) == []


def test_the_planner_reminds_the_focal_point_before_the_deadline(congress):
    from tests.factories import OrganizationFactory

    unit = OrganizationFactory()
    huy = focal_point_of(congress, unit, full_name="Phạm Quốc Huy")
    nomination_round = NominationRoundFactory(congress=congress, deadline=dt.date(2020, 7, 13))
    NominationFactory(round=nomination_round, proposing_organization=unit)

    plan_day(at("10/07/2020"))

    reminder = ScheduledReminder.objects.get(source=SOURCE)
    assert (reminder.person, reminder.source_key) == (huy, f"round-{nomination_round.pk}")
