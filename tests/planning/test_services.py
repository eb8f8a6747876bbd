"""Saving a task from cleaned values: fields, parties in order, numbering, history, version check."""

import datetime as dt

import pytest

from planning import services
from planning.models import Task, TaskEvent
from tests.factories import OrganizationFactory, PersonFactory, TaskFactory, TaskPartyFactory


def values(**changes):
    return {
        "number": 1,
        "content": "Xây dựng kế hoạch",
        "deadline": "Trước ngày 15/7/2020",
        "deadline_session": None,
        "status": Task.Status.NOT_STARTED,
        "completed_on": None,
        "assignees": [],
        **changes,
    }


def test_save_task_stores_values_parties_in_order_and_the_creation(congress, secretariat):
    lead, partner = OrganizationFactory(name="Sở Nội vụ"), OrganizationFactory(name="Sở Tư pháp")
    person = PersonFactory()
    parties = [
        {"role": "lead", "organization": lead, "subcommittee": None, "phrase": ""},
        {"role": "coordinating", "organization": partner, "subcommittee": None, "phrase": ""},
        {"role": "coordinating", "organization": None, "subcommittee": None, "phrase": "Các cơ quan, đơn vị"},
    ]

    task = services.save_task(
        Task(congress=congress), values=values(assignees=[person]), parties=parties, by=secretariat
    )

    task.refresh_from_db()
    assert (task.content, task.due_date, list(task.assignees.all())) == (
        "Xây dựng kế hoạch",
        dt.date(2020, 7, 14),
        [person],
    )
    assert [(party.order, party.role, party.label) for party in task.parties.all()] == [
        (1, "lead", lead.display_name),
        (2, "coordinating", partner.display_name),
        (3, "coordinating", "Các cơ quan, đơn vị"),
    ]
    assert list(TaskEvent.objects.values_list("kind", flat=True)) == ["created"]


def test_save_task_replaces_the_parties_and_records_only_what_changed(congress, secretariat):
    task = TaskFactory(congress=congress, number=1, content="Xây dựng kế hoạch", deadline="Trước ngày 15/7/2020")
    old = TaskPartyFactory(task=task)
    new = OrganizationFactory(name="Sở Tư pháp")

    services.save_task(
        task,
        values=values(),
        parties=[{"role": "lead", "organization": new, "subcommittee": None, "phrase": ""}],
        by=secretariat,
        expected_version=task.version,
    )

    assert [party.organization for party in task.parties.all()] == [new]
    assert TaskEvent.objects.get().changes == {"lead": [old.organization.display_name, new.display_name]}


def test_save_task_on_top_of_a_newer_save_is_a_conflict_and_changes_nothing(congress, secretariat):
    task = TaskFactory(congress=congress, content="Xây dựng kế hoạch")

    with pytest.raises(services.VersionConflict):
        services.save_task(
            task, values=values(content="Khác"), parties=[], by=secretariat, expected_version=task.version - 1
        )

    task.refresh_from_db()
    assert (task.content, task.parties.count(), TaskEvent.objects.count()) == ("Xây dựng kế hoạch", 0, 0)
