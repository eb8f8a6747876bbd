import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from congress.models import Congress
from tests.factories import OrganizationFactory, PersonFactory


def rows_of(response):
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_organisation_export_names_each_parent(client_for, viewer):
    province = OrganizationFactory(name="UBND tỉnh Ninh Thuận", abbreviation="UBND")
    OrganizationFactory(name="Sở Nội vụ", abbreviation="SNV", parent=province)

    rows = rows_of(client_for(viewer).get(reverse("congress:organization_export"), {"q": "noi vu"}))

    assert rows[0][:5] == ["Tên", "Tên gọi tắt", "Chữ viết tắt", "Loại hình", "Trực thuộc"]
    assert [row[0] for row in rows[1:]] == ["Sở Nội vụ"]
    assert rows[1][4] == "UBND tỉnh Ninh Thuận"


def test_the_people_export_leaves_out_details_the_user_may_not_read(client_for, viewer):
    PersonFactory(full_name="Đặng Thị Hoa", position="Chuyên viên", email="hoa@example.org", birth_year=1980)

    rows = rows_of(client_for(viewer).get(reverse("congress:person_export"), {"q": "hoa"}))

    assert rows[0] == [
        "Họ và tên",
        "Chức vụ",
        "Cơ quan, đơn vị",
        "Giới tính",
        "Năm sinh",
        "Dân tộc",
        "Thư điện tử",
        "Điện thoại",
        "Đang sử dụng",
    ]
    assert rows[1][:2] == ["Đặng Thị Hoa", "Chuyên viên"]
    assert rows[1][3:8] == [None, None, None, None, None]


def test_the_standing_office_exports_peoples_details(client_for, secretariat):
    PersonFactory(full_name="Đặng Thị Hoa", email="hoa@example.org", birth_year=1980)

    rows = rows_of(client_for(secretariat).get(reverse("congress:person_export"), {"q": "dang thi hoa"}))

    assert rows[1][4] == 1980
    assert rows[1][6] == "hoa@example.org"


@pytest.mark.parametrize("name", ["congress:organization_export", "congress:person_export"])
def test_the_directory_exports_need_a_sign_in(client, db, name):
    response = client.get(reverse(name))

    assert response.status_code == 302


def test_the_congress_export_lists_only_the_congresses_the_user_sees(client_for, viewer, stranger, congress):
    Congress.objects.filter(pk=congress.pk).update(name="Hội nghị điển hình tiên tiến tỉnh Khánh Hòa")
    congress.refresh_from_db()
    mine = rows_of(client_for(viewer).get(reverse("congress:export")))
    theirs = rows_of(client_for(stranger).get(reverse("congress:export")))

    assert mine[0] == ["Tên", "Loại hình", "Năm", "Cấp", "Đơn vị tổ chức", "Các phiên", "Trạng thái"]
    assert [row[0] for row in mine[1:]] == [congress.name]
    assert congress.name not in [row[0] for row in theirs[1:]]
