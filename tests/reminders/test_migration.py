"""The move of the reminder models from planning to reminders keeps every row."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("planning", "0005_bounded_numbers"), ("reminders", None)]


def migrate(targets):
    """Migrate the database to `targets`; the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([node for node in targets if node[1]]).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # migrates; the migrations' rows come back after
def test_moving_the_reminder_models_keeps_every_row():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    old = migrate(BEFORE)
    try:
        Congress, Person = old.get_model("congress", "Congress"), old.get_model("congress", "Person")
        Task, Meeting = old.get_model("planning", "Task"), old.get_model("planning", "Meeting")
        OutboxMail = old.get_model("planning", "OutboxMail")
        Reminder = old.get_model("planning", "ScheduledReminder")
        Policy, Preference = (
            old.get_model("planning", "ReminderPolicy"),
            old.get_model("planning", "ReminderPreference"),
        )
        host = old.get_model("congress", "Organization").objects.create(name="Sở Nội vụ", abbreviation="SNV")
        congress = Congress.objects.create(name="Đại hội thi đua yêu nước tỉnh lần thứ VII", year=2020, host=host)
        person = Person.objects.create(full_name="Phạm Quốc Huy", email="huy@example.org")
        task = Task.objects.create(congress=congress, number=3, content="- Xây dựng báo cáo tổng kết")
        meeting = Meeting.objects.create(congress=congress, number=1, title="Họp Ban Tổ chức lần 1", place="Hội trường")
        Policy.objects.create(congress=congress, days_before="5, 1")
        Preference.objects.create(person=person, choice="none")
        now = timezone.now()
        mail = OutboxMail.objects.create(
            person=person,
            to=person.email,
            digest_date=dt.date(2020, 7, 10),
            subject="[Đại hội] 1 nhiệm vụ",
            not_after=now,
        )
        mail.congresses.add(congress)
        common = {
            "congress": congress,
            "person": person,
            "remind_on": dt.date(2020, 7, 10),
            "due_at": now,
            "not_after": now,
        }
        Reminder.objects.create(kind="due", deadline=dt.date(2020, 7, 10), task=task, mail=mail, **common)
        Reminder.objects.create(kind="meeting", deadline=dt.date(2020, 7, 13), meeting=meeting, **common)
        Reminder.objects.create(
            kind="upcoming",
            deadline=dt.date(2020, 7, 15),
            source="awards.round",
            source_key="round-4",
            title="Nộp hồ sơ",
            **common,
        )

        new = migrate(latest)

        Reminder = new.get_model("reminders", "ScheduledReminder")
        rows = {r.source_key: r for r in Reminder.objects.all()}
        assert set(rows) == {f"task-{task.pk}", f"meeting-{meeting.pk}", "round-4"}
        by_task = rows[f"task-{task.pk}"]
        assert (by_task.source, by_task.title, by_task.link, by_task.details["number"]) == (
            "planning.task",
            "Xây dựng báo cáo tổng kết",
            f"/congresses/{congress.pk}/tasks/{task.pk}/",
            "3",
        )
        assert by_task.mail_id == mail.pk and by_task.status == "pending"
        assert (rows[f"meeting-{meeting.pk}"].source, rows[f"meeting-{meeting.pk}"].title) == (
            "planning.meeting",
            "Họp Ban Tổ chức lần 1",
        )
        assert rows["round-4"].title == "Nộp hồ sơ"
        mails = new.get_model("reminders", "OutboxMail").objects.all()
        assert [(m.subject, [c.pk for c in m.congresses.all()]) for m in mails] == [
            ("[Đại hội] 1 nhiệm vụ", [congress.pk])
        ]
        assert new.get_model("reminders", "ReminderPolicy").objects.get().days_before == "5, 1"
        assert new.get_model("reminders", "ReminderPreference").objects.get().choice == "none"
        assert "reminders_scheduledreminder" in connection.introspection.table_names()
        assert "planning_scheduledreminder" not in connection.introspection.table_names()
    finally:
        migrate(latest)
