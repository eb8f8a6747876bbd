import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from planning.models import Attachment, Task, TaskEvent, TaskParty
from tests.factories import (
    PDF,
    CongressSessionFactory,
    OrganizationFactory,
    TaskFactory,
    TaskPartyFactory,
)

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def task_data(task=None, **overrides):
    data = {
        "number": str(task.number if task else 1),
        "content": task.content if task else "Xây dựng dự thảo Báo cáo tổng kết",
        "deadline": task.deadline_phrase if task else "Trước ngày 12/7/2020",
        "deadline_session": "",
        "status": task.status if task else "not_started",
        "completed_on": "",
        "version": str(task.version if task else ""),
        "parties-TOTAL_FORMS": "2",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "1000",
        "parties-0-role": "lead",
        "parties-0-organization": "",
        "parties-0-subcommittee": "",
        "parties-0-phrase": "",
        "parties-1-role": "coordinating",
        "parties-1-organization": "",
        "parties-1-subcommittee": "",
        "parties-1-phrase": "",
    }
    data.update(overrides)
    return data


def url(name, task, **kwargs):
    return reverse(f"planning:{name}", args=[task.congress_id, task.pk], **kwargs)


# Creating and editing


def test_secretariat_creates_a_task_with_parties_and_a_readable_deadline(client_for, secretariat, congress):
    lead = OrganizationFactory(name="Sở Nội vụ")
    data = task_data(**{"parties-0-organization": str(lead.pk), "parties-1-phrase": "Các cơ quan, đơn vị, địa phương"})

    response = client_for(secretariat).post(reverse("planning:task_create", args=[congress.pk]), data)

    task = Task.objects.get(congress=congress)
    assert response.status_code == 302
    assert response["Location"] == task.get_absolute_url()
    assert task.deadline_phrase == "Trước ngày 12/7/2020"
    assert task.due_date == datetime.date(2020, 7, 11)
    assert [(p.role, p.label) for p in task.parties.all()] == [
        ("lead", "Sở Nội vụ"),
        ("coordinating", "Các cơ quan, đơn vị, địa phương"),
    ]
    event = task.events.get()
    assert event.kind == TaskEvent.Kind.CREATED and event.actor == secretariat
    assert event.changes["deadline"] == "Trước ngày 12/7/2020"


def test_an_unreadable_deadline_is_refused_with_the_accepted_forms_and_the_text_kept(client_for, secretariat, congress):
    data = task_data(deadline="sớm nhất có thể", content="Nội dung rất dài đã gõ")

    response = client_for(secretariat).post(reverse("planning:task_create", args=[congress.pk]), data)

    assert response.status_code == 422
    page = response.content.decode()
    assert "Trong tháng 7/2020" in page and "10 ngày trước Đại hội" in page
    assert "Nội dung rất dài đã gõ" in page and "sớm nhất có thể" in page
    assert not Task.objects.exists()


def test_a_deadline_after_the_congress_session_is_saved_with_a_warning(client_for, secretariat, congress):
    CongressSessionFactory(
        congress=congress, timing="exact", starts_at=datetime.datetime(2020, 8, 20, 8, tzinfo=datetime.UTC)
    )

    response = client_for(secretariat).post(
        reverse("planning:task_create", args=[congress.pk]), task_data(deadline="Trong tháng 9/2020"), follow=True
    )

    assert Task.objects.get().due_date == datetime.date(2020, 9, 30)
    warnings = [m for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and "20/08/2020" in str(warnings[0])


def test_a_party_row_must_name_someone(client_for, secretariat, congress):
    data = task_data(**{"parties-0-role": "coordinating", "parties-1-role": "lead"})
    data["parties-0-phrase"] = " "
    data["parties-0-role"] = "lead"
    data["parties-1-role"] = "lead"
    data["parties-1-phrase"] = ""
    data["parties-1-organization"] = ""
    # The second row differs from its initial role, so it counts as filled in and must name someone.
    response = client_for(secretariat).post(reverse("planning:task_create", args=[congress.pk]), data)
    assert response.status_code == 422
    assert not Task.objects.exists()


def test_editing_records_what_changed(client_for, secretariat, congress):
    task = TaskFactory(congress=congress, number=1, content="Cũ", deadline="Trong tháng 7/2020")

    client_for(secretariat).post(url("task_edit", task), task_data(task, content="Mới", deadline="Ngày 06/7/2020"))

    task.refresh_from_db()
    assert (task.content, task.deadline_phrase, task.version) == ("Mới", "Ngày 06/7/2020", 2)
    event = task.events.get(kind=TaskEvent.Kind.CHANGED)
    assert event.changes == {"content": ["Cũ", "Mới"], "deadline": ["Trong tháng 7/2020", "Ngày 06/7/2020"]}


def test_the_second_editor_gets_a_conflict_with_both_versions_and_loses_nothing(client_for, secretariat, congress):
    task = TaskFactory(congress=congress, content="Bản gốc")
    first, second = task_data(task, content="Bản của người thứ nhất"), task_data(task, content="Bản của tôi")
    client = client_for(secretariat)

    assert client.post(url("task_edit", task), first).status_code == 302
    response = client.post(url("task_edit", task), second)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Bản của người thứ nhất" in page and "Bản của tôi" in page
    task.refresh_from_db()
    assert task.content == "Bản của người thứ nhất"
    # Saving again, knowingly, replaces their version.
    again = task_data(task, content="Bản của tôi")
    assert response.context["form"]["version"].value() == task.version
    assert client.post(url("task_edit", task), again).status_code == 302
    task.refresh_from_db()
    assert task.content == "Bản của tôi"


def test_giving_a_taken_number_moves_the_following_tasks_down(client_for, secretariat, congress):
    tasks = [TaskFactory(congress=congress, number=n) for n in (1, 2, 3)]

    client_for(secretariat).post(url("task_edit", tasks[2]), task_data(tasks[2], number="1"))

    assert [Task.objects.get(pk=t.pk).number for t in tasks] == [2, 3, 1]


def test_a_sub_item_carries_its_own_deadline_and_gives_its_parent_the_latest(client_for, secretariat, congress):
    parent = TaskFactory(congress=congress, content="", deadline="")
    create = reverse("planning:task_create", args=[congress.pk]) + f"?parent={parent.pk}"

    client_for(secretariat).post(create, task_data(content="Sở Văn hóa hoàn thành", deadline="Trước ngày 11/7/2020"))
    client_for(secretariat).post(create, task_data(content="Các đơn vị hoàn thành", deadline="Trước ngày 15/7/2020"))

    parent.refresh_from_db()
    assert [s.number for s in parent.subitems.order_by("number")] == [1, 2]
    assert parent.due_date == datetime.date(2020, 7, 14)


def test_deleting_asks_first_then_renumbers(client_for, secretariat, congress):
    tasks = [TaskFactory(congress=congress, number=n) for n in (1, 2, 3)]
    client = client_for(secretariat)

    assert client.get(url("task_delete", tasks[0])).status_code == 200
    assert Task.objects.count() == 3
    client.post(url("task_delete", tasks[0]))

    assert list(Task.objects.order_by("number").values_list("pk", "number")) == [(tasks[1].pk, 1), (tasks[2].pk, 2)]


# Progress


def test_a_focal_point_posts_progress_with_a_file_on_its_organisations_task(client_for, focal_point, congress):
    task = TaskFactory(congress=congress)
    TaskPartyFactory(task=task, role="coordinating", organization=congress.host)
    upload = SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/octet-stream")

    response = client_for(focal_point).post(
        url("task_progress", task), {"text": "Đã gửi dự thảo", "new_status": "in_progress", "files": [upload]}
    )

    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == "in_progress" and task.version == 2
    attachment = Attachment.objects.get()
    assert (attachment.name, attachment.content_type, attachment.size) == ("bao-cao.pdf", "application/pdf", len(PDF))
    assert task.events.get().changes == {
        "progress": "Đã gửi dự thảo",
        "status": ["not_started", "in_progress"],
        "files": ["bao-cao.pdf"],
    }
    download = client_for(focal_point).get(reverse("planning:attachment", args=[congress.pk, attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"


def test_marking_done_sets_the_completion_date(client_for, secretariat, congress):
    task = TaskFactory(congress=congress)
    client_for(secretariat).post(url("task_progress", task), {"text": "Xong", "new_status": "done"})
    task.refresh_from_db()
    assert task.status == "done" and task.completed_on is not None


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("virus.pdf", b"MZ\x90\x00" + b"\x00" * 200, "virus.pdf"),
        ("anh.pdf", PNG, "PNG"),
    ],
)
def test_files_are_checked_by_content_not_by_name(client_for, secretariat, congress, name, content, error):
    task = TaskFactory(congress=congress)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")

    response = client_for(secretariat).post(url("task_progress", task), {"text": "Kèm tệp", "files": [upload]})

    assert response.status_code == 422
    assert error in response.content.decode()
    assert "Kèm tệp" in response.content.decode()
    assert not Attachment.objects.exists()


def test_files_over_the_size_limit_are_refused(client_for, secretariat, congress, settings):
    settings.TASK_ATTACHMENT_MAX_BYTES = 100
    task = TaskFactory(congress=congress)
    upload = SimpleUploadedFile("lon.pdf", PDF + b"0" * 200)

    response = client_for(secretariat).post(url("task_progress", task), {"text": "Tệp lớn", "files": [upload]})

    assert response.status_code == 422
    assert not Attachment.objects.exists()


def test_progress_from_my_work_answers_htmx_with_the_updated_card(client_for, focal_point, congress):
    task = TaskFactory(congress=congress)
    TaskPartyFactory(task=task, organization=congress.host)

    response = client_for(focal_point).post(url("task_progress", task), {"text": "Đang làm"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert f'id="work-{task.pk}"' in response.content.decode()
    assert task.updates.get().text == "Đang làm"


# Access


@pytest.fixture
def task(congress):
    task = TaskFactory(congress=congress)
    TaskPartyFactory(task=task, organization=OrganizationFactory())
    return task


VIEWS = ["task_detail", "task_edit", "task_delete", "task_progress"]


@pytest.mark.parametrize("name", VIEWS)
def test_strangers_get_404(client_for, stranger, task, name):
    assert client_for(stranger).get(url(name, task)).status_code in (404, 405)
    assert client_for(stranger).post(url(name, task), {"text": "x"}).status_code == 404


def test_strangers_get_404_on_create_and_attachments(client_for, stranger, congress, task):
    assert client_for(stranger).get(reverse("planning:task_create", args=[congress.pk])).status_code == 404
    assert client_for(stranger).get(reverse("planning:attachment", args=[congress.pk, 999])).status_code == 404


@pytest.mark.parametrize("name", ["task_edit", "task_delete", "task_progress"])
def test_viewers_get_403_on_changes(client_for, viewer, task, name):
    assert client_for(viewer).post(url(name, task), {"text": "x"}).status_code == 403


def test_viewers_read_tasks_but_cannot_create(client_for, viewer, congress, task):
    assert client_for(viewer).get(url("task_detail", task)).status_code == 200
    assert client_for(viewer).get(reverse("planning:task_create", args=[congress.pk])).status_code == 403


def test_a_focal_point_may_not_edit_or_report_on_other_organisations_tasks(client_for, focal_point, task):
    assert client_for(focal_point).get(url("task_edit", task)).status_code == 403
    assert client_for(focal_point).post(url("task_progress", task), {"text": "x"}).status_code == 403


def test_a_sub_committee_head_edits_the_tasks_its_sub_committee_leads(
    client_for, subcommittee_head, subcommittee, task
):
    client = client_for(subcommittee_head)
    assert client.get(url("task_edit", task)).status_code == 403
    TaskParty.objects.create(task=task, role="lead", subcommittee=subcommittee, order=2)
    assert client.get(url("task_edit", task)).status_code == 200


def test_an_assignee_reports_progress(client_for, congress, task):
    from tests.conftest import user_with_role

    user = user_with_role(congress, "viewer")
    task.assignees.add(user.person)
    assert client_for(user).post(url("task_progress", task), {"text": "Tôi đã làm"}).status_code == 302


def test_attachments_are_not_served_to_another_congress(client_for, stranger, secretariat, congress, task):
    client_for(secretariat).post(
        url("task_progress", task), {"text": "Tệp", "files": [SimpleUploadedFile("a.pdf", PDF)]}
    )
    attachment = Attachment.objects.get()
    response = client_for(stranger).get(reverse("planning:attachment", args=[congress.pk, attachment.pk]))
    assert response.status_code == 404


def test_history_is_shown_on_the_task(client_for, secretariat, congress):
    task = TaskFactory(congress=congress, content="Cũ")
    client = client_for(secretariat)
    client.post(url("task_edit", task), task_data(task, content="Mới"))
    with translation.override("vi"):
        page = client.get(url("task_detail", task)).content.decode()
    assert "<del" in page and "Cũ" in page and "Mới" in page


def test_the_task_page_says_how_late_an_open_task_is(client_for, viewer, congress, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2020, 7, 20))
    task = TaskFactory(congress=congress, deadline="Trước ngày 12/7/2020")

    page = client_for(viewer).get(url("task_detail", task)).content.decode()

    assert "Trước ngày 12/7/2020" in page and "11/07/2020" in page
    assert "Quá hạn 9 ngày" in page


def test_a_sub_item_is_numbered_6_1_in_the_schedule_the_detail_and_the_saved_message(client_for, secretariat, congress):
    parent = TaskFactory(congress=congress, number=6, content="Tổ chức Đại hội điểm", deadline="")
    create = reverse("planning:task_create", args=[congress.pk]) + f"?parent={parent.pk}"
    client = client_for(secretariat)

    saved = client.post(create, task_data(content="Huyện Đơn Dương", deadline="Trước ngày 11/7/2020"), follow=True)
    subitem = parent.subitems.get()

    assert "Đã lưu nhiệm vụ 6.1." in saved.content.decode()
    schedule = client.get(reverse("planning:schedule", args=[congress.pk])).content.decode()
    assert re.search(r'<td class="app-col-number">(<input [^>]*>)?6\.1</td>', schedule)
    detail = client.get(subitem.get_absolute_url()).content.decode()
    assert "6.1" in detail
