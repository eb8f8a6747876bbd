"""A conclusion turned into a task takes the deadline its text writes and the bodies it names."""

from datetime import date

import pytest
from django.urls import reverse

from planning.deadlines import Kind, find_deadline
from planning.models import Task
from tests.factories import ConclusionFactory, MeetingFactory, OrganizationFactory, SubcommitteeFactory


@pytest.mark.parametrize(
    ("text", "phrase", "last_date"),
    [
        ("Sở Nội vụ hoàn thành trước ngày 18/12/2026.", "Trước ngày 18/12/2026", date(2026, 12, 17)),
        ("Báo cáo chậm nhất ngày 05/01/2027, gửi Ban Tổ chức.", "Chậm nhất ngày 05/01/2027", date(2027, 1, 5)),
        ("Tổ chức hội nghị trong tháng 3/2027", "Trong tháng 3/2027", date(2027, 3, 31)),
        ("Hoàn thiện dự thảo trong quý II năm 2027.", "Trong quý II năm 2027", date(2027, 6, 30)),
        ("Gửi danh sách vào 18/12/2026", "18/12/2026", date(2026, 12, 18)),
    ],
)
def test_a_deadline_written_in_a_sentence_is_found_and_kept_as_written(text, phrase, last_date):
    deadline = find_deadline(text)

    assert (deadline.phrase, deadline.last_date()) == (phrase, last_date)


def test_a_sentence_without_a_deadline_gives_none_and_an_impossible_date_is_skipped():
    assert find_deadline("Các đơn vị nghiên cứu, góp ý dự thảo.") is None
    assert find_deadline("Trước ngày 31/02/2026 hoặc chậm nhất ngày 02/3/2026").kind == Kind.BY_DAY


def test_the_task_takes_the_deadline_and_the_bodies_the_conclusion_names(client_for, secretariat, congress):
    home = OrganizationFactory(name="Sở Nội vụ tỉnh Ninh Thuận", short_name="Sở Nội vụ")
    finance = OrganizationFactory(name="Sở Tài chính tỉnh Ninh Thuận", short_name="Sở Tài chính")
    content = SubcommitteeFactory(congress=congress, name="Tiểu ban Nội dung")
    meeting = MeetingFactory(congress=congress)
    conclusion = ConclusionFactory(
        meeting=meeting,
        text="Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và Tiểu ban Nội dung hoàn thành trước ngày 18/12/2026.",
    )

    response = client_for(secretariat).post(
        reverse("planning:conclusion_task", args=[congress.pk, meeting.pk, conclusion.pk])
    )

    task = Task.objects.get(conclusion=conclusion)
    assert response.status_code == 302
    assert (task.deadline_phrase, task.due_date) == ("Trước ngày 18/12/2026", date(2026, 12, 17))
    parties = [(party.role, party.organization or party.subcommittee) for party in task.parties.all()]
    assert parties == [("lead", home), ("coordinating", finance), ("coordinating", content)]
    assert task.events.get().changes == {"source": "meeting conclusion", "deadline": "Trước ngày 18/12/2026"}


def test_a_conclusion_naming_no_body_or_date_keeps_the_meetings_body_and_no_deadline(client_for, secretariat, congress):
    meeting = MeetingFactory(congress=congress)
    conclusion = ConclusionFactory(meeting=meeting, text="Các thành viên nghiên cứu tài liệu.")

    client_for(secretariat).post(reverse("planning:conclusion_task", args=[congress.pk, meeting.pk, conclusion.pk]))

    task = Task.objects.get(conclusion=conclusion)
    assert (task.deadline_phrase, task.due_date) == ("", None)
    assert [party.label for party in task.parties.all()] == ["Ban Tổ chức Đại hội"]
