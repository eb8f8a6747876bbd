"""Who headed an organisation when: a document is signed by the head on its date."""

import datetime

import pytest
from django.urls import reverse

from congress.models import HeadTerm, Organization
from documents.layer import get_kind, record_for
from tests.factories import CongressFactory, OrganizationFactory, PersonFactory

D = datetime.date


@pytest.fixture
def committee(db):
    committee = OrganizationFactory(name="Ủy ban nhân dân tỉnh Ninh Thuận", kind=Organization.Kind.PEOPLES_COMMITTEE)
    vinh = PersonFactory(full_name="Lưu Xuân Vĩnh", position="Chủ tịch UBND tỉnh", organization=committee)
    nam = PersonFactory(full_name="Trần Quốc Nam", position="Chủ tịch UBND tỉnh", organization=committee)
    HeadTerm.objects.create(organization=committee, person=vinh, started_on=D(2016, 7, 1), ended_on=D(2021, 6, 30))
    HeadTerm.objects.create(organization=committee, person=nam, started_on=D(2021, 7, 1))
    committee.head = nam
    committee.save()
    return committee


def test_the_head_on_a_day_is_the_holder_of_the_term_covering_it(committee):
    assert committee.head_on(D(2020, 7, 17)).full_name == "Lưu Xuân Vĩnh"
    assert committee.head_on(D(2021, 7, 1)).full_name == "Trần Quốc Nam"
    assert committee.head_on(D(2010, 1, 1)).full_name == "Trần Quốc Nam"  # no term: the recorded head


def test_the_2020_plan_is_signed_by_the_chairman_of_2020_not_of_today(committee):
    congress_2020 = CongressFactory(host=committee, year=2020)
    congress_2022 = CongressFactory(host=committee, year=2022)
    kind = get_kind("plan")

    assert record_for(kind, congress_2020).signer_name == "Lưu Xuân Vĩnh"
    assert record_for(kind, congress_2022).signer_name == "Trần Quốc Nam"


def test_the_standing_office_records_a_term_and_its_end(client_for, secretariat, committee):
    term = committee.head_terms.get(ended_on__isnull=True)
    successor = PersonFactory(full_name="Trịnh Minh Hoàng", organization=committee)
    url = reverse("congress:organization_heads", args=[committee.pk])
    data = {
        "terms-TOTAL_FORMS": "3",
        "terms-INITIAL_FORMS": "2",
        "terms-MIN_NUM_FORMS": "0",
        "terms-MAX_NUM_FORMS": "50",
    }
    for index, existing in enumerate(committee.head_terms.order_by("-started_on")):
        data |= {
            f"terms-{index}-id": existing.pk,
            f"terms-{index}-organization": committee.pk,
            f"terms-{index}-person": existing.person_id,
            f"terms-{index}-started_on": existing.started_on.strftime("%d/%m/%Y"),
            f"terms-{index}-ended_on": existing.ended_on.strftime("%d/%m/%Y") if existing.ended_on else "",
        }
    data["terms-0-ended_on"] = "30/04/2025"
    data |= {"terms-2-person": successor.pk, "terms-2-started_on": "01/05/2025", "terms-2-ended_on": ""}

    response = client_for(secretariat).post(url, data)

    assert response.status_code == 302
    term.refresh_from_db()
    assert term.ended_on == D(2025, 4, 30)
    assert committee.head_on(D(2025, 6, 1)) == successor
    page = client_for(secretariat).get(committee.get_absolute_url()).content.decode()
    assert "Trịnh Minh Hoàng" in page and "01/05/2025" in page


def test_a_term_ending_before_it_starts_is_refused_in_vietnamese(client_for, secretariat, committee):
    url = reverse("congress:organization_heads", args=[committee.pk])
    data = {
        "terms-TOTAL_FORMS": "1",
        "terms-INITIAL_FORMS": "0",
        "terms-0-person": committee.head_id,
        "terms-0-started_on": "01/05/2025",
        "terms-0-ended_on": "01/04/2025",
    }

    response = client_for(secretariat).post(url, data)

    assert response.status_code == 422
    assert "Ngày kết thúc không được trước ngày bắt đầu." in response.content.decode()
    assert committee.head_terms.count() == 2


def test_an_unknown_organisations_heads_are_404(client_for, secretariat, db):
    assert client_for(secretariat).get(reverse("congress:organization_heads", args=[999999])).status_code == 404
