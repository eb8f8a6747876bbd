"""The award history: its import from an Excel sheet, all or nothing, and its list."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from awards.models import AwardRecord
from congress.models import Person
from tests.factories import OrganizationFactory, PersonFactory

from .factories import AwardRecordFactory, award


def sheet(rows, header=("Họ và tên / Tên tập thể", "Đơn vị", "Danh hiệu", "Năm", "Số quyết định")):
    workbook = Workbook()
    workbook.active.append(list(header))
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("lich-su.xlsx", buffer.getvalue())


def post(client, congress, upload):
    """Upload, then confirm the preview when it offers to."""
    url = reverse("awards:history_import", args=[congress.pk])
    preview = client.post(url, {"file": upload})
    if preview.status_code != 200:
        return preview
    return client.post(url, {"step": "confirm", "rows": preview.context["rows_form"]["rows"].value()})


def test_the_standing_office_imports_people_and_units_and_new_people_join_the_directory(
    client_for, secretariat, congress
):
    unit = OrganizationFactory(name="Sở Tài chính", short_name="Sở TC")
    known = PersonFactory(full_name="Trần Văn Nam", organization=unit)
    rows = [
        ("Trần Văn Nam", "Sở Tài chính", "CSTĐ cơ sở", 2019, "QĐ 12/QĐ-STC"),
        ("trần văn nam", "Sở TC", "Chiến sĩ thi đua cơ sở", "2020", ""),
        ("Lê Thị Hồng", "Sở Tài chính", "cstd_co_so", 2020.0, ""),
        ("Sở Tài chính", "", "Tập thể lao động xuất sắc", 2020, ""),
    ]

    response = post(client_for(secretariat), congress, sheet(rows))

    assert response.status_code == 302
    assert sorted(
        (str(r.person or r.organization), r.award_type.code, r.year, r.decision) for r in AwardRecord.objects.all()
    ) == [
        ("Lê Thị Hồng", "cstd_co_so", 2020, ""),
        ("Sở Tài chính", "tt_ldxs", 2020, ""),
        ("Trần Văn Nam", "cstd_co_so", 2019, "QĐ 12/QĐ-STC"),
        ("Trần Văn Nam", "cstd_co_so", 2020, ""),
    ]
    assert AwardRecord.objects.filter(person=known).count() == 2
    assert Person.objects.get(full_name="Lê Thị Hồng").organization == unit


def test_a_sheet_with_a_bad_row_imports_nothing_and_names_the_rows(client_for, secretariat, congress):
    OrganizationFactory(name="Sở Tài chính")
    rows = [
        ("Trần Văn Nam", "Sở Tài chính", "CSTĐ cơ sở", 2019, ""),
        ("Lê Thị Hồng", "Sở Không Có", "CSTĐ cơ sở", 2020, ""),
        ("Ngô An", "Sở Tài chính", "Huy chương Vàng", 2020, ""),
        ("Phan Bình", "Sở Tài chính", "CSTĐ cơ sở", "năm ngoái", ""),
    ]

    response = post(client_for(secretariat), congress, sheet(rows))

    assert response.status_code == 422
    assert response.context["result"].errors == [
        "Dòng 3: đơn vị “Sở Không Có” của Lê Thị Hồng không có trong danh bạ.",
        "Dòng 4: “Huy chương Vàng” không có trong danh mục khen thưởng.",
        "Dòng 5: “năm ngoái” không phải là năm.",
    ]
    assert not AwardRecord.objects.exists()
    assert not Person.objects.filter(full_name="Trần Văn Nam").exists()


def test_a_row_already_in_the_history_is_counted_not_doubled(client_for, secretariat, congress):
    unit = OrganizationFactory(name="Sở Tài chính")
    person = PersonFactory(full_name="Trần Văn Nam", organization=unit)
    AwardRecord.objects.create(person=person, award_type=award("cstd_co_so"), year=2019)

    post(client_for(secretariat), congress, sheet([("Trần Văn Nam", "Sở Tài chính", "CSTĐ cơ sở", 2019, "")]))

    assert AwardRecord.objects.count() == 1


def test_a_sheet_without_the_headings_is_refused(client_for, secretariat, congress):
    response = post(client_for(secretariat), congress, sheet([("a", "b")], header=("Cột 1", "Cột 2")))

    assert response.context["result"].errors == [
        "Dòng đầu tiên phải ghi tên các cột: Họ và tên / Tên tập thể, Danh hiệu, Năm."
    ]


def test_a_file_that_is_not_excel_is_refused(client_for, secretariat, congress):
    response = post(client_for(secretariat), congress, SimpleUploadedFile("lich-su.xlsx", b"%PDF-1.4 not a sheet"))

    assert response.status_code == 422
    assert "“lich-su.xlsx” không thuộc loại tệp được chấp nhận (Excel (XLSX))" in response.content.decode()


def test_only_the_standing_office_reads_and_imports_the_history(client_for, focal_point, stranger, congress):
    for url in (reverse("awards:history", args=[congress.pk]), reverse("awards:history_import", args=[congress.pk])):
        assert client_for(focal_point).get(url).status_code == 403
        assert client_for(stranger).get(url).status_code == 404


def test_the_history_list_says_whether_it_is_empty_or_its_filters_match_nothing(client_for, secretariat, congress):
    AwardRecordFactory(person=PersonFactory(full_name="Trần Văn Nam"))
    client = client_for(secretariat)
    url = reverse("awards:history", args=[congress.pk])

    found = client.get(url, {"q": "Trần"}).content.decode()
    unmatched = client.get(url, {"q": "Nguyễn"}).content.decode()
    AwardRecord.objects.all().delete()
    empty = client.get(url).content.decode()

    assert "Trần Văn Nam" in found
    assert "Không có bản ghi nào phù hợp với điều kiện lọc." in unmatched
    assert ("Chưa có dữ liệu." in empty, "Chưa có dữ liệu." in unmatched) == (True, False)


@pytest.mark.parametrize("rows", [1, 30])
def test_the_history_list_reads_a_fixed_number_of_queries(
    client_for, secretariat, congress, django_assert_num_queries, rows
):
    AwardRecordFactory.create_batch(rows)
    client = client_for(secretariat)

    with django_assert_num_queries(6):
        client.get(reverse("awards:history", args=[congress.pk]))


def test_the_upload_shows_each_row_and_writes_nothing_before_the_confirmation(client_for, secretariat, congress):
    OrganizationFactory(name="Sở Tài chính")
    url = reverse("awards:history_import", args=[congress.pk])

    response = client_for(secretariat).post(
        url, {"file": sheet([("Lê Thị Hồng", "Sở Tài chính", "CSTĐ cơ sở", 2020, "")])}
    )

    assert response.status_code == 200
    assert [row.record["year"] for row in response.context["plan"].rows] == [2020]
    assert "cá nhân được thêm vào danh bạ" in response.content.decode()
    assert not AwardRecord.objects.exists()
    assert not Person.objects.filter(full_name="Lê Thị Hồng").exists()


def test_the_history_export_reads_back_into_an_empty_history(client_for, secretariat, congress):
    unit = OrganizationFactory(name="Sở Tài chính")
    AwardRecordFactory(person=PersonFactory(full_name="Trần Văn Nam", organization=unit), year=2019, decision="QĐ 1")
    AwardRecord.objects.create(organization=unit, award_type=award("tt_ldxs"), year=2020)
    client = client_for(secretariat)
    exported = client.get(reverse("awards:history_export", args=[congress.pk])).content
    before = sorted(
        (str(r.person or r.organization), r.award_type_id, r.year, r.decision) for r in AwardRecord.objects.all()
    )
    AwardRecord.objects.all().delete()

    post(client, congress, SimpleUploadedFile("lich-su.xlsx", exported))

    after = sorted(
        (str(r.person or r.organization), r.award_type_id, r.year, r.decision) for r in AwardRecord.objects.all()
    )
    assert after == before
    assert load_workbook(io.BytesIO(exported)).worksheets[0]["A1"].value == "Họ và tên / Tên tập thể"


def test_the_history_template_previews_as_two_rows(client_for, secretariat, congress):
    OrganizationFactory(name="Sở Tài chính")
    client = client_for(secretariat)
    template = client.get(reverse("awards:history_import_template", args=[congress.pk])).content

    response = client.post(
        reverse("awards:history_import", args=[congress.pk]), {"file": SimpleUploadedFile("mau.xlsx", template)}
    )

    assert len(response.context["plan"].rows) == 2


def test_only_the_standing_office_exports_the_history(client_for, focal_point, stranger, congress):
    url = reverse("awards:history_export", args=[congress.pk])

    assert client_for(focal_point).get(url).status_code == 403
    assert client_for(stranger).get(url).status_code == 404
