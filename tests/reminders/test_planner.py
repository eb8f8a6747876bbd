import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from congress.models import CongressRole, SubcommitteeMember
from planning.models import Task, TaskParty
from reminders import registry
from reminders.models import ReminderPolicy, ReminderPreference, ScheduledReminder
from reminders.planner import plan_day, preview_day
from tests.factories import (
    CongressRoleFactory,
    MeetingFactory,
    OrganizationFactory,
    PersonFactory,
    SubcommitteeMemberFactory,
    TaskFactory,
    TaskPartyFactory,
    UserFactory,
)

from . import helpers as reminder_helpers
from .helpers import at, focal_point_of, task_led_by

# Fixtures shared by the reminder tests.
agency = reminder_helpers.agency
deputy = reminder_helpers.deputy
huy = reminder_helpers.huy

Kind = ScheduledReminder.Kind


def key_number(key):
    """A task's or a meeting's id from its key ("task-12" → 12); other keys as they are."""
    head, _, number = key.partition("-")
    return int(number) if head in ("task", "meeting") and number.isdigit() else key


def planned():
    return sorted(
        (r.person.full_name, r.kind, key_number(r.source_key), r.remind_on)
        for r in ScheduledReminder.objects.select_related("person")
    )


def test_a_task_due_tomorrow_reminds_the_focal_point_of_its_lead_organisation(congress, agency, huy):
    task = task_led_by(congress, agency, "Trước ngày 12/7/2020")

    plan_day(at("10/07/2020"))

    assert planned() == [("Phạm Quốc Huy", Kind.UPCOMING, task.pk, dt.date(2020, 7, 10))]


def test_nothing_is_planned_before_the_digest_hour(congress, agency, huy):
    task_led_by(congress, agency, "Trước ngày 12/7/2020")

    plan_day(at("10/07/2020", hour=7, minute=29))

    assert planned() == []


def test_planning_twice_keeps_one_reminder(congress, agency, huy):
    task_led_by(congress, agency, "Trước ngày 12/7/2020")

    plan_day(at("10/07/2020"))
    plan_day(at("10/07/2020", hour=9))

    assert ScheduledReminder.objects.count() == 1


def test_the_database_refuses_a_second_copy_of_a_reminder(congress, agency, huy):
    task_led_by(congress, agency, "Trước ngày 12/7/2020")
    plan_day(at("10/07/2020"))
    reminder = ScheduledReminder.objects.get()
    reminder.pk = None

    with pytest.raises(IntegrityError), transaction.atomic():
        reminder.save()


def test_assignees_and_the_lead_subcommittees_head_are_reminded_too(congress, subcommittee, agency, huy):
    task = task_led_by(congress, agency, "Ngày 10/7/2020")
    assignee = PersonFactory(full_name="Trần Thị Lan")
    task.assignees.add(assignee)
    TaskPartyFactory(task=task, organization=None, subcommittee=subcommittee)
    SubcommitteeMemberFactory(subcommittee=subcommittee, role=SubcommitteeMember.Role.HEAD, person__full_name="Đỗ Hà")

    plan_day(at("10/07/2020"))

    assert [name for name, *_ in planned()] == ["Phạm Quốc Huy", "Trần Thị Lan", "Đỗ Hà"]
    assert {kind for _, kind, *_ in planned()} == {Kind.DUE}


def test_coordinating_organisations_are_reminded_only_when_the_policy_says_so(congress, agency, huy):
    task = task_led_by(congress, agency, "Ngày 10/7/2020")
    partner = OrganizationFactory()
    focal_point_of(congress, partner, full_name="Người phối hợp")
    TaskPartyFactory(task=task, organization=partner, role=TaskParty.Role.COORDINATING)

    plan_day(at("10/07/2020"))
    assert [name for name, *_ in planned()] == ["Phạm Quốc Huy"]

    ScheduledReminder.objects.all().delete()
    ReminderPolicy.objects.create(congress=congress, remind_coordinating=True)
    plan_day(at("10/07/2020"))
    assert [name for name, *_ in planned()] == ["Người phối hợp", "Phạm Quốc Huy"]


def test_done_and_cancelled_tasks_never_remind(congress, agency, huy):
    task_led_by(congress, agency, "Ngày 10/7/2020", status=Task.Status.CANCELLED)
    task_led_by(congress, agency, "Ngày 10/7/2020", status=Task.Status.DONE, completed_on=dt.date(2020, 7, 1))

    plan_day(at("10/07/2020"))

    assert planned() == []


def test_a_long_overdue_task_escalates_to_the_agency_head_and_the_standing_deputy(congress, agency, huy, deputy):
    agency.head = PersonFactory(full_name="Lê Giám Đốc")
    agency.save()
    task = task_led_by(congress, agency, "Ngày 06/7/2020")

    plan_day(at("13/07/2020"))

    assert planned() == [
        ("Lê Giám Đốc", Kind.ESCALATION, task.pk, dt.date(2020, 7, 13)),
        ("Lê Văn Bình", Kind.ESCALATION, task.pk, dt.date(2020, 7, 13)),
        ("Phạm Quốc Huy", Kind.OVERDUE, task.pk, dt.date(2020, 7, 13)),
    ]


def test_a_sub_item_without_parties_answers_through_its_parent(congress, agency, huy):
    parent = task_led_by(congress, agency, "")
    item = TaskFactory(congress=congress, parent=parent, deadline="Ngày 10/7/2020")
    parent.save()

    plan_day(at("10/07/2020"))

    assert planned() == [("Phạm Quốc Huy", Kind.DUE, item.pk, dt.date(2020, 7, 10))]


def test_a_changed_deadline_replans_what_is_still_pending(congress, agency, huy):
    task = task_led_by(congress, agency, "Ngày 10/7/2020")
    plan_day(at("10/07/2020"))
    task.set_deadline("Ngày 13/7/2020")
    task.save()

    plan_day(at("10/07/2020", hour=8))

    assert planned() == [("Phạm Quốc Huy", Kind.UPCOMING, task.pk, dt.date(2020, 7, 10))]
    assert ScheduledReminder.objects.get().deadline == dt.date(2020, 7, 13)


def test_a_meeting_reminds_its_participants_the_working_day_before(congress):
    from zoneinfo import ZoneInfo

    meeting = MeetingFactory(
        congress=congress, starts_at=dt.datetime(2020, 7, 13, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    )
    meeting.participants.add(PersonFactory(full_name="Đại biểu dự họp"))

    plan_day(at("10/07/2020"))

    assert planned() == [("Đại biểu dự họp", Kind.MEETING, meeting.pk, dt.date(2020, 7, 10))]


def test_registered_deadlines_are_planned_once_like_tasks(congress):
    person = PersonFactory(full_name="Đầu mối khen thưởng")

    def rounds(*, congress_ids, due_dates):
        day = dt.date(2020, 7, 13)
        if congress.pk in congress_ids and day in due_dates:
            yield registry.DeadlineItem(
                key="round-1",
                congress_id=congress.pk,
                due_date=day,
                recipients=(person.pk, person.pk),
                title="Nộp hồ sơ khen thưởng đợt 1",
                link="/awards/rounds/1/",
            )

    registry.register("test.round", rounds)
    try:
        plan_day(at("10/07/2020"))
        plan_day(at("10/07/2020", hour=9))
    finally:
        registry.unregister("test.round")

    assert planned() == [("Đầu mối khen thưởng", Kind.UPCOMING, "round-1", dt.date(2020, 7, 10))]
    assert ScheduledReminder.objects.get().source == "test.round"


def test_a_failing_provider_does_not_stop_the_others(congress, agency, huy):
    task_led_by(congress, agency, "Ngày 10/7/2020")

    def broken(**kwargs):
        raise RuntimeError("database of awards is down")

    registry.register("test.broken", broken)
    try:
        plan_day(at("10/07/2020"))
    finally:
        registry.unregister("test.broken")

    assert len(planned()) == 1


def test_the_preview_saves_nothing(congress, agency, huy):
    task_led_by(congress, agency, "Ngày 10/7/2020")

    reminders = preview_day(at("10/07/2020"))

    assert [(r.person_id, r.kind) for r in reminders] == [(huy.pk, Kind.DUE)]
    assert not ScheduledReminder.objects.exists()


def test_a_person_who_opted_out_is_still_planned_but_never_mailed(congress, agency, huy):
    ReminderPreference.objects.create(person=huy, choice=ReminderPreference.Choice.NONE)
    task_led_by(congress, agency, "Ngày 10/7/2020")

    plan_day(at("10/07/2020"))

    assert len(planned()) == 1


def test_users_with_the_subcommittee_head_role_are_reminded(congress, subcommittee):
    user = UserFactory()
    PersonFactory(user=user, full_name="Trưởng tiểu ban")
    CongressRoleFactory(
        congress=congress, user=user, role=CongressRole.Role.SUBCOMMITTEE_HEAD, subcommittee=subcommittee
    )
    task = TaskFactory(congress=congress, deadline="Ngày 10/7/2020")
    TaskPartyFactory(task=task, organization=None, subcommittee=subcommittee)

    plan_day(at("10/07/2020"))

    assert [name for name, *_ in planned()] == ["Trưởng tiểu ban"]


def test_a_pending_reminder_of_a_task_closed_moved_or_deleted_is_dropped_at_the_next_run(congress, agency, huy):
    closed = task_led_by(congress, agency, "Ngày 10/7/2020")
    moved = task_led_by(congress, agency, "Ngày 10/7/2020")
    deleted = task_led_by(congress, agency, "Ngày 10/7/2020")
    kept = task_led_by(congress, agency, "Ngày 10/7/2020")
    plan_day(at("10/07/2020"))
    assert ScheduledReminder.objects.count() == 4

    Task.objects.filter(pk=closed.pk).update(status=Task.Status.DONE, completed_on=dt.date(2020, 7, 9))
    Task.objects.filter(pk=moved.pk).update(due_date=dt.date(2020, 8, 20))
    deleted.delete()
    plan_day(at("10/07/2020", hour=9))

    assert sorted(ScheduledReminder.objects.values_list("source_key", flat=True)) == [f"task-{kept.pk}"]


def test_a_pending_reminder_of_a_meeting_moved_to_another_day_is_dropped(congress):
    from zoneinfo import ZoneInfo

    meeting = MeetingFactory(
        congress=congress, starts_at=dt.datetime(2020, 7, 13, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    )
    meeting.participants.add(PersonFactory(full_name="Đại biểu dự họp"))
    plan_day(at("10/07/2020"))
    assert ScheduledReminder.objects.count() == 1

    meeting.starts_at = dt.datetime(2020, 7, 20, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    meeting.save()
    plan_day(at("10/07/2020", hour=9))

    assert not ScheduledReminder.objects.exists()
