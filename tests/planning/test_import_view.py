"""Entering many tasks at once: paste, preview and correct, confirm."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from congress.models import Organization
from planning.deadlines import ACCEPTED_FORMS
from planning.imports.forms import UnknownNameForm
from planning.models import Task, TaskEvent
from tests.factories import CongressSessionFactory, OrganizationFactory, TaskFactory

KEEP, MATCH, CREATE = UnknownNameForm.KEEP, UnknownNameForm.MATCH, UnknownNameForm.CREATE

TABLE = (
    "STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
    "Tháng 7/2020\t\t\t\t\n"
    "1\tHọp Ban Tổ chức Đại hội (phiên thứ nhất)\tBan Tổ chức Đại hội\tSở Nội vụ\tNgày 06/7/2020\n"
    "2\tXây dựng phóng sự về phong trào thi đua\tĐài Phát thanh và Truyền hình\tSở Nội vụ; Tiểu ban Nội dung\t"
    "Trước ngày 15/7/2020\n"
)


@pytest.fixture
def url(congress):
    return reverse("planning:task_import", args=[congress.pk])


@pytest.fixture
def directory(db):
    return {
        "snv": OrganizationFactory(name="Sở Nội vụ", short_name="Sở Nội vụ"),
        "dai": OrganizationFactory(name="Đài Phát thanh và Truyền hình tỉnh", short_name="Đài PTTH tỉnh"),
    }


def paste(client, url, text=TABLE):
    return client.post(url, {"table": text, "step": "preview"})


def form_data(preview, step, **changes):
    """What the browser posts back from a preview page, with `changes` ({"rows-0-deadline": "…"}) typed in."""
    data = {"months": preview.months_json(), "step": step}
    for formset in (preview.rows, preview.names):
        management = formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        for form in formset.forms:
            for name in form.fields:
                value = form[name].value()
                if name == "DELETE":
                    if value:
                        data[form.add_prefix(name)] = "on"
                else:
                    data[form.add_prefix(name)] = "" if value is None else value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def rows_of(response):
    return [(entry["number"], entry["form"]["content"].value()) for entry in response.context["preview"].entries()]


# Access -----------------------------------------------------------------------------------------------------


def test_anonymous_users_are_sent_to_log_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_stranger_gets_404(client_for, stranger, url, method):
    response = getattr(client_for(stranger), method)(url, {"table": TABLE, "step": "preview"})

    assert response.status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_viewer_gets_403(client_for, viewer, url, method):
    response = getattr(client_for(viewer), method)(url, {"table": TABLE, "step": "confirm"})

    assert response.status_code == 403
    assert not Task.objects.exists()


def test_a_focal_point_cannot_add_tasks(client_for, focal_point, url):
    assert client_for(focal_point).get(url).status_code == 403


def test_the_secretariat_sees_the_paste_box_on_the_schedule_tab(client_for, secretariat, url):
    response = client_for(secretariat).get(url)

    assert response.status_code == 200
    assert response.context["tab"] == "schedule"
    assert 'name="table"' in response.content.decode()


# Step 1: the paste ------------------------------------------------------------------------------------------


def test_the_preview_shows_each_row_read_and_saves_nothing(client_for, secretariat, url, directory):
    response = paste(client_for(secretariat), url)

    assert response.status_code == 200
    assert rows_of(response) == [
        ("1", "Họp Ban Tổ chức Đại hội (phiên thứ nhất)"),
        ("2", "Xây dựng phóng sự về phong trào thi đua"),
    ]
    parties = [[party.kind for _role, party in item.parties] for item in response.context["preview"].check.rows]
    assert parties == [["phrase", "organization"], ["organization", "organization", "phrase"]]
    page = response.content.decode()
    assert 'data-party="organization"' in page
    assert "Tháng 7/2020" in page
    assert not Task.objects.exists()


def test_the_congress_sub_committees_show_as_sub_committees(client_for, secretariat, subcommittee, url, directory):
    response = paste(client_for(secretariat), url)

    (_row, second) = response.context["preview"].check.rows
    assert [party.subcommittee for party in second.coordinating] == [None, subcommittee]
    assert 'data-party="subcommittee"' in response.content.decode()


def test_a_paste_without_task_rows_is_refused_and_kept(client_for, secretariat, url):
    response = paste(client_for(secretariat), url, "Nơi nhận:\n- Sở Nội vụ;")

    assert response.status_code == 422
    assert response.context["form"]["table"].value() == "Nơi nhận:\n- Sở Nội vụ;"


def test_a_paste_over_the_row_limit_is_refused_with_the_limit(client_for, secretariat, url, monkeypatch):
    monkeypatch.setattr("planning.imports.forms.MAX_ROWS", 2)
    table = "".join(f"{number}\tNhiệm vụ {number}\tSở Nội vụ\t\tThường xuyên\n" for number in range(1, 4))

    with translation.override("en"):
        response = paste(client_for(secretariat), url, table)

    assert response.status_code == 422
    assert response.context["form"].errors["table"] == [
        "Bảng có 3 dòng; mỗi lần chỉ thêm được tối đa 2 dòng. Vui lòng dán thành nhiều lần, ví dụ mỗi lần một tháng."
    ]


# Step 2: preview, correct, check again ----------------------------------------------------------------------


def test_an_unreadable_deadline_is_marked_on_its_row_with_the_accepted_forms(client_for, secretariat, url):
    table = "1\tHọp Ban Tổ chức\tSở Nội vụ\t\tGiữa tháng 7 năm 2020\n"

    with translation.override("en"):
        response = paste(client_for(secretariat), url, table)

    assert response.status_code == 200
    (error,) = response.context["preview"].rows.forms[0].errors["deadline"]
    assert "Giữa tháng 7 năm 2020" in error
    assert all(form in error for form in ACCEPTED_FORMS)
    assert 'data-import-row="error"' in response.content.decode()


def test_confirming_with_an_unreadable_deadline_is_refused_and_keeps_every_edit(client_for, secretariat, url):
    client = client_for(secretariat)
    preview = paste(client, url, "1\tHọp Ban Tổ chức\tSở Nội vụ\t\tCuối tháng 7\n").context["preview"]

    response = client.post(url, form_data(preview, "confirm", **{"rows-0-content": "Họp Ban Tổ chức (sửa)"}))

    assert response.status_code == 422
    form = response.context["preview"].rows.forms[0]
    assert (form["content"].value(), form["deadline"].value()) == ("Họp Ban Tổ chức (sửa)", "Cuối tháng 7")
    assert "deadline" in form.errors
    assert not Task.objects.exists()


def test_checking_again_after_fixing_the_deadline_clears_the_error(client_for, secretariat, url):
    client = client_for(secretariat)
    preview = paste(client, url, "1\tHọp Ban Tổ chức\tSở Nội vụ\t\tCuối tháng 7\n").context["preview"]

    response = client.post(url, form_data(preview, "recheck", **{"rows-0-deadline": "Trong tháng 7/2020"}))

    assert response.status_code == 200
    assert response.context["preview"].counts()["errors"] == 0
    assert response.context["preview"].check.rows[0].last_date == dt.date(2020, 7, 31)


def test_a_deadline_after_the_congress_session_is_flagged_and_still_added(client_for, secretariat, congress, url):
    CongressSessionFactory(congress=congress, planned_month=8, planned_year=2020)
    client = client_for(secretariat)
    table = "1\tHọp Ban Tổ chức\tSở Nội vụ\t\tTrước ngày 15/7/2020\n2\tTổng kết\tSở Nội vụ\t\tTrong tháng 9/2020\n"
    response = paste(client, url, table)

    assert response.content.decode().count("data-after-session") == 1
    assert response.context["preview"].counts()["late"] == 1

    confirmed = client.post(url, form_data(response.context["preview"], "confirm"))

    assert confirmed.status_code == 302
    assert Task.objects.get(number=2).due_date == dt.date(2020, 9, 30)


def test_going_back_to_the_text_keeps_the_edits(client_for, secretariat, url):
    client = client_for(secretariat)
    preview = paste(client, url).context["preview"]

    response = client.post(url, form_data(preview, "back", **{"rows-1-deadline": "Trước ngày 20/7/2020"}))

    assert response.status_code == 200
    text = response.context["form"]["table"].value()
    assert text.splitlines()[0] == "Tháng 7/2020\t\t\t\t"
    assert "Trước ngày 20/7/2020" in text
    assert "Trước ngày 15/7/2020" not in text


# Unknown agencies -------------------------------------------------------------------------------------------

UNKNOWN = "1\tRà soát hồ sơ khen thưởng\tSở Tư pháp tỉnh\tSở Nội vu\tTrước ngày 10/7/2020\n"


def test_an_unknown_agency_is_listed_once_with_a_choice_and_a_suggestion(client_for, secretariat, url, directory):
    OrganizationFactory(name="Sở Tư pháp Ninh Thuận")
    table = UNKNOWN + "2\tBáo cáo\tSở Tư pháp tỉnh\t\tThường xuyên\n"

    response = paste(client_for(secretariat), url, table)

    (entry,) = response.context["preview"].name_entries()
    assert (entry["party"].text, entry["rows"]) == ("Sở Tư pháp tỉnh", ["1", "2"])
    assert entry["party"].suggestion.name == "Sở Tư pháp Ninh Thuận"
    assert [value for value, _label in entry["form"].fields["action"].choices] == [KEEP, MATCH, CREATE]
    assert entry["form"]["organization"].value() == entry["party"].suggestion.pk


def test_an_unknown_agency_matched_to_the_directory_links_the_task_to_it(client_for, secretariat, url, directory):
    justice = OrganizationFactory(name="Sở Tư pháp")
    client = client_for(secretariat)
    preview = paste(client, url, UNKNOWN).context["preview"]

    response = client.post(
        url, form_data(preview, "confirm", **{"names-0-action": MATCH, "names-0-organization": justice.pk})
    )

    assert response.status_code == 302
    task = Task.objects.get()
    assert [(party.role, party.phrase, party.organization) for party in task.parties.all()] == [
        ("lead", "Sở Tư pháp tỉnh", justice),
        ("coordinating", "Sở Nội vu", directory["snv"]),
    ]


def test_matching_needs_an_organisation_chosen(client_for, secretariat, url, directory):
    client = client_for(secretariat)
    preview = paste(client, url, UNKNOWN).context["preview"]

    response = client.post(url, form_data(preview, "confirm", **{"names-0-action": MATCH, "names-0-organization": ""}))

    assert response.status_code == 422
    assert "organization" in response.context["preview"].names.forms[0].errors
    assert not Task.objects.exists()


def test_an_unknown_agency_can_be_added_to_the_directory(client_for, secretariat, url, directory):
    client = client_for(secretariat)
    preview = paste(client, url, UNKNOWN).context["preview"]

    response = client.post(url, form_data(preview, "confirm", **{"names-0-action": CREATE}))

    assert response.status_code == 302
    created = Organization.objects.get(name="Sở Tư pháp tỉnh")
    assert created.kind == Organization.Kind.DEPARTMENT
    assert Task.objects.get().parties.get(role="lead").organization == created


def test_an_unknown_agency_kept_as_written_is_a_phrase(client_for, secretariat, url, directory):
    client = client_for(secretariat)
    preview = paste(client, url, UNKNOWN).context["preview"]

    client.post(url, form_data(preview, "confirm"))

    lead = Task.objects.get().parties.get(role="lead")
    assert (lead.phrase, lead.organization, lead.subcommittee) == ("Sở Tư pháp tỉnh", None, None)
    assert not Organization.objects.filter(name="Sở Tư pháp tỉnh").exists()


def test_without_directory_rights_new_organisations_cannot_be_created(client_for, subcommittee_head, url, directory):
    client = client_for(subcommittee_head)
    preview = paste(client, url, UNKNOWN).context["preview"]

    response = client.post(url, form_data(preview, "confirm", **{"names-0-action": CREATE}))

    assert [value for value, _label in preview.names.forms[0].fields["action"].choices] == [KEEP, MATCH]
    assert response.status_code == 422
    assert not Organization.objects.filter(name="Sở Tư pháp tỉnh").exists()


def test_a_name_typed_after_the_last_check_must_be_decided_before_confirming(client_for, secretariat, url, directory):
    client = client_for(secretariat)
    preview = paste(client, url, UNKNOWN).context["preview"]

    response = client.post(url, form_data(preview, "confirm", **{"rows-0-coordinating": "Sở Y tế"}))

    assert response.status_code == 422
    assert [entry["party"].text for entry in response.context["preview"].name_entries()] == [
        "Sở Tư pháp tỉnh",
        "Sở Y tế",
    ]
    assert not Task.objects.exists()


# Step 3: confirm --------------------------------------------------------------------------------------------


def test_confirming_adds_the_tasks_with_parties_history_and_a_message(
    client_for, secretariat, congress, url, directory
):
    client = client_for(secretariat)
    preview = paste(client, url).context["preview"]

    response = client.post(url, form_data(preview, "confirm"), follow=False)

    assert response.status_code == 302
    assert response.url == reverse("planning:schedule", args=[congress.pk])
    tasks = list(Task.objects.filter(congress=congress).order_by("number"))
    assert [(task.number, task.deadline_phrase, task.due_date) for task in tasks] == [
        (1, "Ngày 06/7/2020", dt.date(2020, 7, 6)),
        (2, "Trước ngày 15/7/2020", dt.date(2020, 7, 14)),
    ]
    assert [(party.role, party.order, party.label, party.organization) for party in tasks[1].parties.all()] == [
        ("lead", 1, "Đài Phát thanh và Truyền hình", directory["dai"]),
        ("coordinating", 2, "Sở Nội vụ", directory["snv"]),
        ("coordinating", 3, "Tiểu ban Nội dung", None),
    ]
    events = TaskEvent.objects.filter(task__in=tasks)
    assert [(event.kind, event.actor, event.changes) for event in events] == [
        ("created", secretariat, {"source": "import"})
    ] * 2
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["Đã thêm 2 nhiệm vụ."]


def test_sub_items_are_added_under_their_task_which_ends_with_the_latest(client_for, secretariat, url):
    table = (
        "7\t- Sở Văn hóa hoàn thành Đại hội điểm.\t- Sở Văn hóa, Thể thao và Du lịch\t\t- Trước ngày 11/7/2020\n"
        "\t- Các cơ quan hoàn thành Đại hội.\tCác cơ quan, đơn vị, địa phương\t\t- Trước ngày 15/7/2020\n"
    )
    client = client_for(secretariat)
    preview = paste(client, url, table).context["preview"]

    client.post(url, form_data(preview, "confirm"))

    parent = Task.objects.get(parent=None)
    assert (parent.number, parent.content, parent.due_date) == (7, "", dt.date(2020, 7, 14))
    assert [(sub.number, sub.content, sub.deadline_phrase) for sub in parent.subitems.order_by("number")] == [
        (1, "Sở Văn hóa hoàn thành Đại hội điểm.", "Trước ngày 11/7/2020"),
        (2, "Các cơ quan hoàn thành Đại hội.", "Trước ngày 15/7/2020"),
    ]


def test_taken_numbers_put_the_new_tasks_after_the_schedule_last(client_for, secretariat, congress, url):
    TaskFactory(congress=congress, number=1)
    TaskFactory(congress=congress, number=2)
    client = client_for(secretariat)
    response = paste(client, url)

    assert [number for number, _content in rows_of(response)] == ["3", "4"]
    assert response.context["preview"].check.renumbered

    client.post(url, form_data(response.context["preview"], "confirm"))

    assert list(congress.tasks.order_by("number").values_list("number", flat=True)) == [1, 2, 3, 4]
    assert list(congress.tasks.filter(number__gt=2).order_by("number").values_list("content", flat=True)) == [
        "Họp Ban Tổ chức Đại hội (phiên thứ nhất)",
        "Xây dựng phóng sự về phong trào thi đua",
    ]


def test_a_row_left_out_is_not_added(client_for, secretariat, url):
    client = client_for(secretariat)
    preview = paste(client, url).context["preview"]

    client.post(url, form_data(preview, "confirm", **{"rows-0-DELETE": "on"}))

    assert list(Task.objects.values_list("number", flat=True)) == [2]


def test_leaving_every_row_out_adds_nothing(client_for, secretariat, url):
    client = client_for(secretariat)
    preview = paste(client, url).context["preview"]

    response = client.post(url, form_data(preview, "confirm", **{"rows-0-DELETE": "on", "rows-1-DELETE": "on"}))

    assert response.status_code == 422
    assert not Task.objects.exists()


def test_a_forged_row_count_beyond_the_limit_is_refused(client_for, secretariat, url):
    client = client_for(secretariat)
    preview = paste(client, url).context["preview"]

    response = client.post(url, form_data(preview, "confirm", **{"rows-TOTAL_FORMS": "100000"}))

    assert response.status_code == 422
    assert not Task.objects.exists()


# Large pastes -----------------------------------------------------------------------------------------------


def numbered_table(count):
    return "".join(
        f"{number}\tNhiệm vụ số {number}\tSở Nội vụ, Sở Tư pháp\tCác cơ quan, đơn vị, địa phương\t"
        f"Trước ngày {number % 28 + 1}/7/2020\n"
        for number in range(1, count + 1)
    )


def test_the_preview_reads_the_directory_once_however_many_rows(client_for, secretariat, url, directory):
    client = client_for(secretariat)
    paste(client, url, numbered_table(1))  # session and permission caches warm up

    with CaptureQueriesContext(connection) as one:
        paste(client, url, numbered_table(1))
    with CaptureQueriesContext(connection) as many:
        paste(client, url, numbered_table(40))

    assert len(many) == len(one)


def test_three_hundred_rows_are_previewed_and_added(client_for, secretariat, congress, url, directory):
    client = client_for(secretariat)
    preview = paste(client, url, numbered_table(300)).context["preview"]
    assert preview.counts() == {"tasks": 300, "subitems": 0, "errors": 0, "late": 0, "unknown": 1}

    response = client.post(url, form_data(preview, "confirm"))

    assert response.status_code == 302
    assert congress.tasks.count() == 300
    assert TaskEvent.objects.filter(task__congress=congress).count() == 300
