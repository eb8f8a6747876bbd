"""The directory from Excel: preview per row, nothing written before the confirmation, the export reads back."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from congress.models import Organization, Person
from tests.factories import OrganizationFactory, PersonFactory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, name, content):
    return client.post(reverse(name), {"sheet": SimpleUploadedFile("danh-ba.xlsx", content, XLSX)})


def confirm(client, name, preview):
    rows = preview.context["rows_form"]["rows"].value()
    return client.post(reverse(name), {"step": "confirm", "rows": rows if isinstance(rows, str) else json.dumps(rows)})


ORG_HEADINGS = ["Tên", "Tên gọi tắt", "Chữ viết tắt", "Loại hình", "Trực thuộc"]


def test_organisations_import_as_a_tree_after_the_preview(client_for, secretariat):
    client = client_for(secretariat)
    content = workbook(
        [
            ORG_HEADINGS,
            ["Sở Nội vụ", "", "SNV", "Sở, ban, ngành", "UBND tỉnh Thử Nghiệm"],
            ["UBND tỉnh Thử Nghiệm", "", "UBND", "Ủy ban nhân dân", ""],
        ]
    )

    preview = upload(client, "congress:organization_import", content)

    assert preview.status_code == 200
    assert preview.context["counts"] == {"create": 2, "update": 0, "errors": 0}
    assert not Organization.objects.filter(name="Sở Nội vụ").exists()
    response = confirm(client, "congress:organization_import", preview)
    assert response.status_code == 302
    department = Organization.objects.get(name="Sở Nội vụ")
    assert (department.parent.name, department.kind, department.abbreviation) == (
        "UBND tỉnh Thử Nghiệm",
        Organization.Kind.DEPARTMENT,
        "SNV",
    )


def test_each_row_error_is_shown_in_vietnamese_and_nothing_is_written(client_for, secretariat):
    content = workbook(
        [
            ORG_HEADINGS + ["Thư điện tử"],
            ["Sở Tư pháp", "", "", "Cơ quan lạ", "Bộ không có", "khong-phai-thu"],
            ["Sở Nội vụ", "", "", "", ""],
            ["So noi vu", "", "", "", ""],
        ]
    )

    response = upload(client_for(secretariat), "congress:organization_import", content)

    page = response.content.decode()
    assert "“Cơ quan lạ” không phải là loại hình cơ quan, đơn vị." in page
    assert "Cơ quan cấp trên “Bộ không có” không có trong danh bạ." in page
    assert "“khong-phai-thu” không phải là địa chỉ thư điện tử." in page
    assert "“So noi vu” đã có ở dòng 3." in page
    assert 'value="confirm"' not in page
    assert not Organization.objects.filter(name__in=["Sở Tư pháp", "Sở Nội vụ"]).exists()


def test_an_organisation_cannot_be_placed_under_its_own_unit(client_for, secretariat):
    content = workbook([ORG_HEADINGS, ["A", "", "", "", "B"], ["B", "", "", "", "A"]])

    plan = upload(client_for(secretariat), "congress:organization_import", content).context["plan"]

    assert [len(row.errors) for row in plan.rows] == [1, 1]


def test_the_organisation_export_reads_back_unchanged(client_for, secretariat):
    province = OrganizationFactory(name="UBND tỉnh", abbreviation="UBND", kind=Organization.Kind.PEOPLES_COMMITTEE)
    department = OrganizationFactory(name="Sở Nội vụ", abbreviation="SNV", parent=province, phone="0259 3822 222")
    client = client_for(secretariat)
    exported = client.get(reverse("congress:organization_export")).content
    department.delete()
    province.delete()

    confirm(client, "congress:organization_import", upload(client, "congress:organization_import", exported))

    again = client.get(reverse("congress:organization_export")).content
    assert _rows(again) == _rows(exported)


def test_the_people_export_reads_back_and_updates_people_of_the_same_name(client_for, secretariat):
    unit = OrganizationFactory(name="Sở Nội vụ")
    PersonFactory(full_name="Đặng Văn An", position="Giám đốc", organization=unit, birth_year=1975, gender="male")
    client = client_for(secretariat)
    exported = client.get(reverse("congress:person_export"), {"q": "Đặng"}).content
    Person.objects.filter(full_name="Đặng Văn An").update(position="Phó Giám đốc")

    preview = upload(client, "congress:person_import", exported)
    confirm(client, "congress:person_import", preview)

    assert preview.context["counts"] == {"create": 0, "update": 1, "errors": 0}
    person = Person.objects.get(full_name="Đặng Văn An")
    assert (person.position, person.birth_year, person.gender) == ("Giám đốc", 1975, "male")
    assert _rows(client.get(reverse("congress:person_export"), {"q": "Đặng"}).content) == _rows(exported)


def test_a_person_of_an_unknown_organisation_is_refused(client_for, secretariat):
    content = workbook([["Họ và tên", "Chức vụ", "Cơ quan, đơn vị"], ["Lê Văn Bình", "Chuyên viên", "Sở Không Có"]])

    response = upload(client_for(secretariat), "congress:person_import", content)

    assert "Cơ quan, đơn vị “Sở Không Có” không có trong danh bạ." in response.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "congress:organization_import",
        "congress:person_import",
        "congress:organization_import_template",
        "congress:person_import_template",
    ],
)
def test_a_viewer_may_not_import_the_directory(client_for, viewer, name):
    assert client_for(viewer).get(reverse(name)).status_code == 403


def test_the_template_is_a_workbook_with_the_export_headings(client_for, secretariat):
    content = client_for(secretariat).get(reverse("congress:person_import_template")).content

    assert _rows(content)[0][:3] == ["Họ và tên", "Chức vụ", "Cơ quan, đơn vị"]


def _rows(content):
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_head_is_set_when_the_person_is_in_the_organisation_and_noted_when_not(client_for, secretariat):
    unit = OrganizationFactory(name="Sở Nội vụ")
    director = PersonFactory(full_name="Đặng Văn An", organization=unit)
    headings = [*ORG_HEADINGS, "Địa chỉ", "Điện thoại", "Thư điện tử", "Người đứng đầu"]
    content = workbook(
        [
            headings,
            ["Sở Nội vụ", "", "", "", "", "", "", "", "dang van an"],
            ["Sở Tư pháp", "", "", "", "", "", "", "", "Lê Văn Bình"],
        ]
    )
    client = client_for(secretariat)

    preview = upload(client, "congress:organization_import", content)
    confirm(client, "congress:organization_import", preview)

    assert "“Lê Văn Bình” chưa có trong danh sách cá nhân của đơn vị" in preview.content.decode()
    assert Organization.objects.get(name="Sở Nội vụ").head == director
    assert Organization.objects.get(name="Sở Tư pháp").head is None
