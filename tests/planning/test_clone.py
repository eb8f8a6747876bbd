"""The next congress from the last: a preview of the moved dates, then the copy in one step."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from congress.models import BoardMember, Congress, CongressRole, CongressSession, Subcommittee
from demo.congresses import load_demo
from demo.schedule import PROVINCIAL_CONGRESS, load_schedule
from planning.clone import clone_congress, next_congress_plan
from planning.models import LowerLevelCongress, TaskEvent
from tests.factories import (
    BoardMemberFactory,
    CongressSessionFactory,
    OrganizationFactory,
    SubcommitteeMemberFactory,
    TaskFactory,
    TaskPartyFactory,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def source(congress, subcommittee):
    """Congress day 20/8/2020 at 07:30; three tasks, one with a sub-item, one cancelled; one lower level."""
    CongressSessionFactory(
        congress=congress,
        name="Phiên chính thức",
        timing=CongressSession.Timing.EXACT,
        starts_at=dt.datetime(2020, 8, 20, 7, 30, tzinfo=HCM),
    )
    dated = TaskFactory(congress=congress, number=1, deadline="Trước ngày 31/7/2020", content="Xây dựng báo cáo")
    TaskPartyFactory(task=dated, organization=None, subcommittee=subcommittee)
    TaskPartyFactory(task=dated, role="coordinating", organization=None, phrase="Các sở, ban, ngành")
    parent = TaskFactory(congress=congress, number=2, deadline="", content="Chuẩn bị khánh tiết")
    TaskFactory(congress=congress, parent=parent, number=1, deadline="Trong tháng 8/2020", content="")
    TaskFactory(congress=congress, number=3, deadline="Chậm nhất 10 ngày trước Đại hội", status="in_progress")
    TaskFactory(congress=congress, number=4, deadline="Ngày 01/8/2020", status="cancelled")
    LowerLevelCongress.objects.create(
        congress=congress,
        organization=OrganizationFactory(),
        due_phrase="Quý II năm 2020",
        due_date=dt.date(2020, 6, 30),
    )
    BoardMemberFactory(board=congress.board, role=BoardMember.Role.HEAD, position_text="Chủ tịch UBND tỉnh")
    SubcommitteeMemberFactory(subcommittee=subcommittee)
    return congress


def clone_url(congress):
    return reverse("planning:congress_clone", args=[congress.pk])


QUERY = {"year": "2025", "edition": "8", "new_day": "15/08/2025", "review_period": "2020-2025", "keep_people": "on"}


def test_the_preview_shows_the_moved_dates_and_saves_nothing(client_for, secretariat, source):
    response = client_for(secretariat).get(clone_url(source), QUERY)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Trước ngày 26/7/2025" in html  # 31/7/2020 was 20 days before 20/8/2020
    assert "Trong tháng 8/2025" in html
    assert "Chậm nhất 10 ngày trước Đại hội" in html
    assert "07:30 ngày 15/8/2025" in html
    assert Congress.objects.count() == 1


def test_the_form_starts_from_the_previous_congress_five_years_on(client_for, secretariat, source):
    form = client_for(secretariat).get(clone_url(source)).context["form"]

    assert (form.initial["year"], form.initial["edition"], form.initial["new_day"]) == (2025, 8, dt.date(2025, 8, 20))


def test_creating_copies_the_structure_with_every_deadline_keeping_its_distance(client_for, secretariat, source):
    response = client_for(secretariat).post(clone_url(source), QUERY)

    new = Congress.objects.exclude(pk=source.pk).get()
    assert response.url == reverse("planning:schedule", args=[new.pk])
    assert (new.name, new.edition, new.year, new.review_period) == (
        "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VIII - năm 2025",
        8,
        2025,
        "2020-2025",
    )
    session = new.sessions.get()
    assert session.starts_at == dt.datetime(2025, 8, 15, 7, 30, tzinfo=HCM)
    tasks = {task.number: task for task in new.tasks.filter(parent=None)}
    assert sorted(tasks) == [1, 2, 3]
    assert (tasks[1].deadline_phrase, tasks[1].due_date, tasks[1].status) == (
        "Trước ngày 26/7/2025",
        dt.date(2025, 7, 25),
        "not_started",
    )
    assert [(p.role, p.label) for p in tasks[1].parties.all()] == [
        ("lead", "Tiểu ban Nội dung"),
        ("coordinating", "Các sở, ban, ngành"),
    ]
    assert tasks[1].parties.first().subcommittee.congress == new
    assert tasks[2].subitems.get().deadline_phrase == "Trong tháng 8/2025"
    assert tasks[2].due_date == dt.date(2025, 8, 31)
    assert (tasks[3].deadline_phrase, tasks[3].deadline_kind, tasks[3].due_date) == (
        "Chậm nhất 10 ngày trước Đại hội",
        "relative",
        dt.date(2025, 8, 5),
    )
    assert TaskEvent.objects.filter(task__congress=new, changes={"source": "previous congress"}).count() == 4
    lower = new.lower_levels.get()
    assert (lower.due_phrase, lower.due_date) == ("Quý II năm 2025", dt.date(2025, 6, 30))
    assert new.board.members.get().position_text == "Chủ tịch UBND tỉnh"
    assert Subcommittee.objects.get(congress=new).members.count() == 1
    assert set(CongressRole.objects.filter(congress=new).values_list("user", flat=True)) == set(
        CongressRole.objects.filter(congress=source).values_list("user", flat=True)
    )


def test_without_keeping_people_only_the_structure_and_the_creator_are_copied(client_for, secretariat, source):
    client_for(secretariat).post(clone_url(source), {**QUERY, "keep_people": ""})

    new = Congress.objects.exclude(pk=source.pk).get()
    assert new.board.members.count() == 0
    assert Subcommittee.objects.get(congress=new).members.count() == 0
    assert list(new.roles.values_list("user", "role")) == [(secretariat.pk, "secretariat")]


def test_a_new_day_before_the_previous_congress_is_refused(client_for, secretariat, source):
    response = client_for(secretariat).post(clone_url(source), {**QUERY, "new_day": "01/01/2019"})

    assert response.status_code == 422
    assert response.context["form"].errors["new_day"]
    assert Congress.objects.count() == 1


def test_a_previous_congress_without_a_session_day_is_explained(client_for, secretariat, congress):
    response = client_for(secretariat).get(clone_url(congress), QUERY)

    assert response.status_code == 422
    assert response.context["form"].non_field_errors()


def test_a_stranger_finds_no_page_and_a_viewer_may_not_clone(client_for, source, stranger, viewer):
    assert client_for(stranger).get(clone_url(source)).status_code == 404
    assert client_for(viewer).get(clone_url(source)).status_code == 403
    assert client_for(viewer).post(clone_url(source), QUERY).status_code == 403
    assert Congress.objects.filter(year=2025).count() == 0


@pytest.mark.parametrize("extra", [0, 30])
def test_the_preview_and_the_copy_read_a_fixed_number_of_queries(
    client_for, secretariat, source, django_assert_num_queries, extra
):
    for number in range(extra):
        task = TaskFactory(congress=source, number=10 + number, deadline="Cuối tháng 7/2020")
        TaskPartyFactory(task=task)
        TaskFactory(congress=source, parent=task, number=1, deadline="", content="")
    client = client_for(secretariat)
    ContentType.objects.clear_cache()  # the plan's record looks its owner type up once per process
    # +1 each: the delegates' copier looks for an allocation (planning/clone.py register_copier).
    with django_assert_num_queries(13):
        client.get(clone_url(source), QUERY)
    with django_assert_num_queries(34):
        client.post(clone_url(source), QUERY)


def test_the_demo_congress_is_copied_with_its_plan_sections(db):
    load_demo()
    load_schedule()
    demo = Congress.objects.get(name=PROVINCIAL_CONGRESS)
    by = CongressRole.objects.filter(congress=demo, role="secretariat").first().user
    day = next_congress_plan(demo, year=2025, edition=8, new_day=dt.date(2025, 8, 20))

    new = clone_congress(day, keep_people=True, by=by)

    assert new.tasks.count() == demo.tasks.exclude(status="cancelled").count()
    assert new.lower_levels.count() == demo.lower_levels.count()
    assert not new.tasks.filter(deadline_phrase__contains="2020").exists()


def test_the_plans_edited_sections_are_copied_with_the_new_name_and_its_days_written_afresh(secretariat, source):
    from documents.layer import get_kind, record_for
    from documents.models import Document
    from documents.services import save_outline

    save_outline(
        record_for(get_kind("plan"), source),
        [
            {
                "key": "purpose",
                "level": 1,
                "heading": "Mục đích, yêu cầu",
                "text": f"Tổ chức {source.name} ổn.",
            },
            {"key": "time_place", "level": 1, "heading": "Thời gian, địa điểm", "text": ""},
            {"key": "time_place-1", "level": 2, "heading": "Thời gian:", "text": "Ngày 20/8/2020 tại Hội trường."},
            {"key": "section-4", "level": 2, "heading": f"Mời dự {source.name}", "text": ""},
        ],
        by=secretariat,
    )
    plan = next_congress_plan(source, year=2025, edition=8, new_day=dt.date(2025, 8, 15))

    new = clone_congress(plan, keep_people=False, by=secretariat)

    record = Document.objects.for_owner(new).get(kind="plan")
    assert record.subject.endswith(new.name)
    assert list(record.sections.values_list("key", "level", "heading", "text", "follows_default")) == [
        ("purpose", 1, "Mục đích, yêu cầu", f"Tổ chức {new.name} ổn.", False),
        ("time_place", 0, "", "", True),  # the new congress's days and places
        ("section-4", 2, f"Mời dự {new.name}", "", False),
    ]
