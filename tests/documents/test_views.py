"""The congress's document pages: who sees what, editing the record, issuing, long documents."""

import datetime

import pytest
from django.urls import reverse

from documents.layer import get_kind
from documents.models import Document, RenderJob
from tests.factories import MeetingFactory

from .reading import pdf_text


def url(name, congress, kind="schedule", owner=None, *args):
    return reverse(f"congress:{name}", args=[congress.pk, kind, (owner or congress).pk, *args])


def record_form(**changes):
    values = {
        "type_name": "Chương trình",
        "subject": "Phân công và tiến trình thực hiện các nhiệm vụ trọng tâm",
        "parent_body": "Ủy ban nhân dân tỉnh Ninh Thuận",
        "issuing_body": "Ban Tổ chức Đại hội",
        "symbol": "CTr-BTC",
        "place": "Ninh Thuận",
        "date": "17/7/2020",
        "signer_collective": "Ban Tổ chức Đại hội",
        "signer_authority": "",
        "signer_position": "Trưởng ban",
        "signer_note": "Chủ tịch UBND tỉnh",
        "signer_name": "Lưu Xuân Vĩnh",
        "recipients_text": "- TT Tỉnh ủy, TT. HĐND tỉnh (để b/cáo);\n- Sở Nội vụ;\n- Lưu: VT, VXNV.",
        "archive": "",
    }
    return {**values, **changes}


def test_a_stranger_gets_404_on_every_document_page(client_for, province, stranger):
    client = client_for(stranger)

    for address in (
        reverse("congress:documents", args=[province.pk]),
        url("document", province),
        url("document_preview", province),
        url("document_file", province, "schedule", None, "pdf"),
        url("document_edit", province),
        url("document_text", province, "plan"),
        url("document_issue", province),
        url("document_version_file", province, "schedule", None, 1, "pdf"),
        url("document_job", province, "schedule", None, 1),
        url("document_job_file", province, "schedule", None, 1),
    ):
        assert client.get(address).status_code == 404, address


def test_a_viewer_reads_and_downloads_but_may_not_edit_or_issue(client_for, province, province_viewer):
    client = client_for(province_viewer)

    pdf = client.get(url("document_file", province, "schedule", None, "pdf"))
    docx = client.get(url("document_file", province, "schedule", None, "docx"))

    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(url("document_preview", province)).status_code == 200
    assert client.post(url("document_edit", province), record_form()).status_code == 403
    assert client.post(url("document_issue", province), {"number": 1, "issued_on": "17/7/2020"}).status_code == 403
    assert client.post(url("document_text", province, "plan")).status_code == 403
    assert not Document.objects.exists()


def test_the_list_shows_every_document_of_the_congress_in_a_fixed_number_of_queries(
    client_for, province, province_secretariat, django_assert_num_queries, monkeypatch
):
    # Only this issue's documents: other apps' kinds add their own (fixed) queries.
    ours = [get_kind(key) for key in ("plan", "founding-decision", "schedule", "meeting-notice", "meeting-conclusions")]
    monkeypatch.setattr("congress.views.documents.all_kinds", lambda: ours)
    client = client_for(province_secretariat)
    MeetingFactory(congress=province, number=1, title="Họp Ban Tổ chức (phiên thứ nhất)")
    client.get(reverse("congress:documents", args=[province.pk]))

    with django_assert_num_queries(6):
        one = client.get(reverse("congress:documents", args=[province.pk]))
    for number in range(2, 8):
        MeetingFactory(congress=province, number=number)
    with django_assert_num_queries(6):
        many = client.get(reverse("congress:documents", args=[province.pk]))

    assert one.content.decode().count("Thông báo kết luận") == 1
    assert many.content.decode().count("Thông báo kết luận") == 7
    assert "Kế hoạch" in one.content.decode()


def test_the_secretariat_edits_the_record_and_the_print_follows(client_for, province, province_secretariat):
    client = client_for(province_secretariat)

    response = client.post(url("document_edit", province), record_form())

    assert response.status_code == 302
    record = Document.objects.get(kind="schedule")
    assert record.recipients == [["TT Tỉnh ủy, TT. HĐND tỉnh", "(để b/cáo)"], ["Sở Nội vụ", ""]]
    assert record.archive == "VT, VXNV"
    assert record.date == datetime.date(2020, 7, 17)
    text = pdf_text(client.get(url("document_file", province, "schedule", None, "pdf")).content)
    assert "- TT Tỉnh ủy, TT. HĐND tỉnh (để b/cáo); - Sở Nội vụ; - Lưu: VT, VXNV." in text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"signer_position": ""}, "signer_position", "Người ký chưa có chức vụ: hãy nhập chức vụ in phía trên chữ ký."),
        (
            {"recipients_text": "- Lưu: VT."},
            "recipients_text",
            "Danh sách nơi nhận đang trống: hãy nhập ít nhất một nơi nhận.",
        ),
        ({"date": "01/6/2020"}, "date", "Không thể ghi ngày văn bản trước ngày 29/6/2020, ngày thành lập Ban Tổ chức."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_kept(
    client_for, province, province_secretariat, changes, field, message
):
    client = client_for(province_secretariat)

    response = client.post(url("document_edit", province), record_form(**changes))

    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert not Document.objects.exists()


def test_issuing_from_the_page_serves_the_frozen_files_without_rendering(
    client_for, province, province_secretariat, monkeypatch
):
    client = client_for(province_secretariat)
    client.post(url("document_edit", province), record_form())

    response = client.post(url("document_issue", province), {"number": 3, "issued_on": "17/7/2020"})

    assert response.status_code == 302
    monkeypatch.setattr("documents.pdf.render_pdf", fail_rendering)
    monkeypatch.setattr("documents.word.render_docx", fail_rendering)
    issued = client.get(url("document_file", province, "schedule", None, "pdf"))
    frozen = Document.objects.get().issues.get().pdf.read()
    assert b"".join(issued.streaming_content) == frozen
    assert "Số: 03/CTr-BTC" in pdf_text(frozen)
    assert client.get(url("document_version_file", province, "schedule", None, 1, "docx")).status_code == 200


def fail_rendering(*args, **kwargs):
    raise AssertionError("an issued document must be served from storage")


def test_a_number_already_used_is_refused_on_the_issue_page(client_for, province, province_secretariat):
    client = client_for(province_secretariat)
    client.post(url("document_edit", province), record_form())
    client.post(url("document_issue", province), {"number": 3, "issued_on": "17/7/2020"})
    client.post(url("document_edit", province), record_form(subject="Bản sửa đổi"))

    response = client.post(url("document_issue", province), {"number": 3, "issued_on": "20/7/2020"})

    assert response.status_code == 422
    assert response.context["form"].errors["number"] == [
        "Số 03 đã được dùng trong sổ văn bản của "
        "Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII, năm 2020 năm 2020."
    ]


@pytest.mark.parametrize(
    ("number", "message"),
    [("2147483648", "Giá trị phải nhỏ hơn hoặc bằng 999999."), ("0", "Giá trị phải lớn hơn hoặc bằng 1.")],
)
def test_a_number_out_of_bounds_is_a_form_error_not_a_server_error(
    client_for, province, province_secretariat, number, message
):
    client = client_for(province_secretariat)
    client.post(url("document_edit", province), record_form())

    response = client.post(url("document_issue", province), {"number": number, "issued_on": "17/7/2020"})

    assert response.status_code == 422
    assert response.context["form"].errors["number"] == [message]
    assert not Document.objects.get().issues.exists()


def outline_data(formset, **changes):
    """The plan's sections as the page posts them; `changes` maps "index-field" to a new value."""
    data = {f"sections-{name}": value for name, value in formset.management_form.initial.items()}
    for index, form in enumerate(formset.forms):
        for name, field in form.fields.items():
            if name != "DELETE":
                value = form.initial.get(name, field.initial)
                data[f"sections-{index}-{name}"] = "" if value is None else value
    data.update({f"sections-{key.replace('_', '-', 1)}": value for key, value in changes.items()})
    return data


def test_the_plans_text_is_edited_by_section_and_html_keeps_only_its_emphasis(
    client_for, province, province_secretariat
):
    client = client_for(province_secretariat)
    formset = client.get(url("document_text", province, "plan")).context["formset"]
    last = len(formset.forms) - 1
    text = "Trên đây là <b>Kế hoạch</b> <script>x()</script>"

    response = client.post(url("document_text", province, "plan"), outline_data(formset, **{f"{last}_text": text}))
    preview = client.get(url("document_preview", province, "plan")).content.decode()

    assert response.status_code == 302
    assert Document.objects.get(kind="plan").sections.get(key="closing").text == "Trên đây là **Kế hoạch**"
    assert "Trên đây là <strong>Kế hoạch</strong>./." in preview
    assert "x()" not in preview and "&lt;b&gt;" not in preview


@pytest.fixture
def eager_tasks():
    """Tasks run when enqueued, set on the Celery app itself: once Celery has read the
    settings, changing CELERY_TASK_ALWAYS_EAGER does nothing."""
    from config.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_a_long_document_renders_in_a_worker_with_progress_and_a_download(
    client_for, province, province_secretariat, eager_tasks, django_capture_on_commit_callbacks
):
    client = client_for(province_secretariat)
    client.post(url("document_edit", province), record_form())
    Document.objects.update(page_count=120)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url("document_file", province, "schedule", None, "pdf"))

    job = RenderJob.objects.get()
    assert response.url == url("document_job", province, "schedule", None, job.pk)
    page = client.get(response.url, headers={"HX-Request": "true"})
    assert (job.status, job.progress) == ("done", 100)
    assert "Tải về PDF" in page.content.decode()
    download = client.get(url("document_job_file", province, "schedule", None, job.pk))
    assert "CHƯƠNG TRÌNH" in pdf_text(b"".join(download.streaming_content))
