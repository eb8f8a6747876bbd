"""The task table from an Excel file: the schedule's export reads back through the paste preview."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from congress.models import CongressRole
from planning.models import Task
from tests.conftest import user_with_role
from tests.factories import OrganizationFactory, OrganizingBoardFactory, TaskFactory, TaskPartyFactory
from tests.planning.test_import_view import form_data

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(client, url, content, name="lich.xlsx"):
    return client.post(url, {"step": "upload", "sheet": SimpleUploadedFile(name, content, XLSX)})


def test_an_exported_schedule_imports_into_another_congress_as_it_was(client_for, secretariat, congress):
    lead = OrganizationFactory(name="Sở Nội vụ tỉnh", short_name="Sở Nội vụ")
    first = TaskFactory(congress=congress, number=1, deadline="Ngày 06/7/2020", content="Họp phiên thứ nhất")
    TaskPartyFactory(task=first, organization=lead)
    TaskPartyFactory(task=first, role="coordinating", phrase="Các cơ quan, đơn vị, địa phương")
    parent = TaskFactory(congress=congress, number=2, deadline="", content="Tổ chức Đại hội cấp cơ sở:")
    TaskFactory(congress=congress, parent=parent, number=1, deadline="Trước ngày 11/8/2020", content="Đại hội điểm")
    parent.save()
    target = OrganizingBoardFactory().congress
    staff = user_with_role(target, CongressRole.Role.SECRETARIAT)
    exported = client_for(secretariat).get(reverse("planning:schedule_export", args=[congress.pk])).content

    client = client_for(staff)
    url = reverse("planning:task_import", args=[target.pk])
    preview = upload(client, url, exported).context["preview"]
    response = client.post(url, form_data(preview, "confirm"))

    assert response.status_code == 302
    tasks = Task.objects.filter(congress=target).order_by("parent__number", "number")
    assert [(t.number, t.content, t.deadline_phrase, t.due_date) for t in tasks if t.parent is None] == [
        (1, "Họp phiên thứ nhất", "Ngày 06/7/2020", first.due_date),
        (2, "Tổ chức Đại hội cấp cơ sở:", "", parent.subitems.get().due_date),
    ]
    copied = tasks.get(number=1, parent=None)
    assert [(p.role, p.organization, p.phrase) for p in copied.parties.all()] == [
        ("lead", lead, "Sở Nội vụ"),
        ("coordinating", None, "Các cơ quan, đơn vị, địa phương"),
    ]
    assert tasks.get(parent__isnull=False).content == "Đại hội điểm"


def test_the_template_downloads_and_previews(client_for, secretariat, congress):
    client = client_for(secretariat)
    template = client.get(reverse("planning:task_import_template", args=[congress.pk]))
    sheet = load_workbook(io.BytesIO(template.content)).worksheets[0]

    response = upload(client, reverse("planning:task_import", args=[congress.pk]), template.content)

    assert [cell.value for cell in sheet[1]] == ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"]
    assert response.status_code == 200
    assert response.context["preview"].counts()["tasks"] == 2
    assert Task.objects.filter(congress=congress).count() == 0


def test_a_file_that_is_not_a_workbook_is_refused_in_vietnamese(client_for, secretariat, congress):
    response = upload(client_for(secretariat), reverse("planning:task_import", args=[congress.pk]), b"STT\tNoi dung")

    assert response.status_code == 422
    assert "không phải tệp Excel" in response.content.decode()


def test_a_zip_bomb_named_xlsx_is_refused_before_reading(client_for, secretariat, congress):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "0" * (60 * 1024 * 1024))

    response = upload(client_for(secretariat), reverse("planning:task_import", args=[congress.pk]), buffer.getvalue())

    assert response.status_code == 422
    assert "giải nén" in response.content.decode()


def test_a_viewer_may_not_import_nor_download_the_template(client_for, viewer, congress):
    client = client_for(viewer)

    assert client.get(reverse("planning:task_import_template", args=[congress.pk])).status_code == 403
    assert upload(client, reverse("planning:task_import", args=[congress.pk]), b"x").status_code == 403


def test_a_stranger_gets_404_for_the_template(client_for, stranger, congress):
    assert client_for(stranger).get(reverse("planning:task_import_template", args=[congress.pk])).status_code == 404
