"""Writing checked rows as tasks: what `import_tasks` creates, and that it creates all or nothing."""

import datetime as dt

import pytest

from congress.models import Organization
from planning.imports import services
from planning.imports.services import guess_kind, import_tasks
from planning.imports.tables import PartyMatcher, Row, check_rows
from planning.models import Task, TaskEvent, TaskParty
from tests.factories import OrganizationFactory


def checked(congress, *rows, organizations=()):
    matcher = PartyMatcher(organizations, congress.subcommittees.all())
    return check_rows(list(enumerate(rows)), matcher).rows


def test_import_creates_tasks_subitems_parties_and_history(congress, subcommittee, secretariat):
    home_affairs = OrganizationFactory(name="Sở Nội vụ")
    rows = checked(
        congress,
        Row(number="1", content="Xây dựng kế hoạch", lead="Sở Nội vụ", coordinating="Tiểu ban Nội dung"),
        Row(number="1.1", content="Dự thảo", deadline="Trước ngày 15/7/2020"),
        organizations=[home_affairs],
    )

    tasks = import_tasks(congress, rows=rows, matched={}, created={}, by=secretariat)

    parent, subitem = tasks
    parent.refresh_from_db()
    assert (parent.number, parent.parent_id, subitem.parent_id, subitem.number) == (1, None, parent.pk, 1)
    assert parent.due_date == dt.date(2020, 7, 14)
    assert [(party.role, party.organization, party.subcommittee) for party in parent.parties.all()] == [
        ("lead", home_affairs, None),
        ("coordinating", None, subcommittee),
    ]
    assert sorted(TaskEvent.objects.values_list("task", "actor", "kind", "changes")) == [
        (task.pk, secretariat.pk, "created", {"source": "import"}) for task in tasks
    ]


def test_unknown_names_are_matched_or_added_to_the_directory_as_decided(congress, secretariat):
    culture = OrganizationFactory(name="Sở Văn hóa, Thể thao và Du lịch")
    rows = checked(congress, Row(number="1", content="Triển lãm", lead="Sở VHTTDL", coordinating="Sở Tài nguyên"))
    lead, coordinating = rows[0].lead[0], rows[0].coordinating[0]

    import_tasks(
        congress,
        rows=rows,
        matched={lead.key: culture},
        created={coordinating.key: "Sở Tài nguyên"},
        by=secretariat,
    )

    added = Organization.objects.get(name="Sở Tài nguyên")
    assert added.kind == Organization.Kind.DEPARTMENT
    assert [(party.organization, party.phrase) for party in TaskParty.objects.all()] == [
        (culture, "Sở VHTTDL"),
        (added, "Sở Tài nguyên"),
    ]


def test_a_failure_part_way_leaves_neither_tasks_nor_new_organisations(congress, secretariat, monkeypatch):
    rows = checked(congress, Row(number="1", content="Triển lãm", lead="Sở Tài nguyên"))
    key = rows[0].lead[0].key

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.TaskEvent.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        import_tasks(congress, rows=rows, matched={}, created={key: "Sở Tài nguyên"}, by=secretariat)

    assert (Task.objects.count(), Organization.objects.filter(name="Sở Tài nguyên").count()) == (0, 0)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("UBND xã Tân Phú", Organization.Kind.COMMUNE),
        ("UBND huyện Đức Phổ", Organization.Kind.DISTRICT),
        ("Ủy ban nhân dân tỉnh", Organization.Kind.PEOPLES_COMMITTEE),
        ("Liên đoàn Lao động tỉnh", Organization.Kind.UNION),
        ("Nhà văn hóa tỉnh", Organization.Kind.OTHER),
        ("Công đoàn Viên chức", Organization.Kind.UNION),
        ("Báo Quảng Ngãi", Organization.Kind.MEDIA),
        ("Hội Nông dân tỉnh", Organization.Kind.MASS_ORGANIZATION),
        ("Ngân hàng Chính sách xã hội", Organization.Kind.ENTERPRISE),
        ("Sở Tư pháp", Organization.Kind.DEPARTMENT),
    ],
)
def test_a_new_organisation_kind_is_guessed_from_its_first_words(name, kind):
    assert guess_kind(name) == kind
