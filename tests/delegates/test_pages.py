"""What the delegate list and the composition page show, now that their rows are labelled once per page."""

import re

import pytest
from django.urls import reverse

from delegates.models import Allocation, CompositionTarget, Delegate, UnitQuota
from tests.factories import OrganizationFactory


def person(congress, quota=None, **values):
    data = {"full_name": "Nguyễn Văn An", "gender": "male", "birth_year": 1980, "kind": "official", "sector": "worker"}
    return Delegate.objects.create(congress=congress, quota=quota, **{**data, **values})


@pytest.fixture
def units(congress):
    Allocation.objects.create(congress=congress, total=20, guests=2, official=18, young_age_limit=35)
    CompositionTarget.objects.create(congress=congress, criterion="women", min_percent=50, order=1)
    CompositionTarget.objects.create(congress=congress, criterion="sector", sector="worker", min_count=3, order=2)
    north = UnitQuota.objects.create(
        congress=congress, organization=OrganizationFactory(name="LĐLĐ huyện Bác Ái"), seats=9, order=1
    )
    south = UnitQuota.objects.create(
        congress=congress,
        organization=OrganizationFactory(name="LĐLĐ huyện Ninh Phước"),
        seats=9,
        order=2,
        status=UnitQuota.Status.ACCEPTED,
    )
    person(congress, north, full_name="Lê Thị Hoa", gender="female")
    person(congress, north, full_name="Trần Văn Bình")
    person(congress, south, full_name="Phạm Thị Lan", gender="female")
    # A guest counts for the congress, not for a unit's official list.
    person(congress, kind="guest", full_name="Đặng Văn Khách", sector="other")
    return north, south


def row_of(page, name):
    return re.search(rf"<tr>\s*<th scope=\"row\"[^>]*><a href=\"([^\"]+)\">{name}</a></th>(.*?)</tr>", page, re.S)


def test_the_composition_page_shows_every_unit_against_the_share_targets_in_one_table(
    client_for, viewer, congress, units
):
    north, south = units

    page = client_for(viewer).get(reverse("delegates:composition", args=[congress.pk])).content.decode()

    table = page.split("data-unit-composition", 1)[1]
    header = table.split("</thead>", 1)[0]
    assert "Phụ nữ" in header and "≥ 50%" in header
    assert "Công nhân" not in header  # a minimum count is the congress's, not each unit's
    bac_ai, ninh_phuoc = row_of(table, "LĐLĐ huyện Bác Ái"), row_of(table, "LĐLĐ huyện Ninh Phước")
    assert bac_ai.group(1) == reverse("delegates:unit", args=[congress.pk, north.pk])
    assert ninh_phuoc.group(1) == reverse("delegates:unit", args=[congress.pk, south.pk])
    assert "text-bg-success" in ninh_phuoc.group(2) and "Đã chấp nhận" in ninh_phuoc.group(2)
    assert "1 · 50" in bac_ai.group(2) and "data-unmet" not in bac_ai.group(2)
    assert "1 · 100" in ninh_phuoc.group(2)
    # The congress as a whole: 4 delegates with the guest, 2 of them women.
    congress_table = page.split("data-composition", 1)[1].split("</table>", 1)[0]
    assert "2/4" in congress_table and "3/4" in congress_table


def test_a_unit_short_of_a_share_is_marked_in_words_as_well_as_colour(client_for, viewer, congress, units):
    north, _south = units
    person(congress, north, full_name="Võ Văn Cường")

    page = client_for(viewer).get(reverse("delegates:composition", args=[congress.pk])).content.decode()

    cells = row_of(page, "LĐLĐ huyện Bác Ái").group(2)
    assert re.search(r"<td[^>]*data-unmet>1 · 33[.,]3% .*?Chưa đạt", cells, re.S)


def test_staff_see_each_delegate_with_labels_and_links_on_the_list(client_for, secretariat, congress, units):
    north, _south = units
    hoa = Delegate.objects.get(full_name="Lê Thị Hoa")
    guest = Delegate.objects.get(kind="guest")

    page = client_for(secretariat).get(reverse("delegates:list", args=[congress.pk])).content.decode()

    row = page.split("Lê Thị Hoa", 1)[1].split("</tr>", 1)[0]
    assert "Nữ" in row and "Công nhân" in row and "LĐLĐ huyện Bác Ái" in row
    assert f'href="{reverse("delegates:delegate_edit", args=[congress.pk, hoa.pk])}"' in row
    assert f'href="{reverse("delegates:delegate_delete", args=[congress.pk, hoa.pk])}"' in row
    guest_row = page.split("Đặng Văn Khách", 1)[1].split("</tr>", 1)[0]
    assert "Khách mời" in guest_row and "Khác" in guest_row
    assert reverse("delegates:delegate_edit", args=[congress.pk, guest.pk]) in guest_row
    # The unit filter offers every unit, by its name.
    select = page.split('name="unit"', 1)[1].split("</select>", 1)[0]
    assert f'<option value="{north.pk}">LĐLĐ huyện Bác Ái</option>' in select


def test_the_list_filtered_by_unit_keeps_the_choice_and_a_reader_gets_no_links(client_for, viewer, congress, units):
    north, _south = units

    url = reverse("delegates:list", args=[congress.pk])
    page = client_for(viewer).get(url, {"unit": north.pk}).content.decode()

    assert "Lê Thị Hoa" in page and "Trần Văn Bình" in page and "Phạm Thị Lan" not in page
    assert f'<option value="{north.pk}" selected>' in page
    assert "/edit/" not in page.split("<tbody>", 1)[1]


def test_the_delegates_tab_sums_guests_officials_and_each_unit_from_one_count(client_for, viewer, congress, units):
    page = client_for(viewer).get(reverse("delegates:home", args=[congress.pk])).content.decode()

    seats = page.split("data-seats", 1)[1].split("</dl>", 1)[0]
    assert re.search(r"Đại biểu khách mời</dt><dd[^>]*>1/2<", seats)
    assert re.search(r"Đại biểu chính thức</dt><dd[^>]*>3/18<", seats)
    bac_ai = page.split("LĐLĐ huyện Bác Ái</a></td>", 1)[1].split("</tr>", 1)[0]
    assert ">2/9<" in bac_ai and "Đạt tất cả chỉ tiêu" in bac_ai
