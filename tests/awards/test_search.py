"""The dossier list and the award history find nominees whatever the case and accents, in Vietnamese order."""

import pytest
from django.urls import reverse

from congress.models import Person

from .factories import AwardRecordFactory, NominationFactory


@pytest.mark.parametrize("query", ["đặng", "ĐẶNG VĂN", "dang van"])
def test_the_dossier_list_finds_a_nominee_whatever_the_case_and_accents(
    client_for, secretariat, congress, nomination_round, query
):
    wanted = NominationFactory(round=nomination_round, person=Person.objects.create(full_name="Đặng Văn Hùng"))
    NominationFactory(round=nomination_round, person=Person.objects.create(full_name="Lê Thị Hoa"))

    response = client_for(secretariat).get(reverse("awards:nomination_list", args=[congress.pk]), {"q": query})

    assert list(response.context["page"]) == [wanted]


def test_the_dossier_list_sorts_nominees_in_vietnamese_order(client_for, secretariat, congress, nomination_round):
    names = ["Bùi Văn Lâm", "Đặng Văn Hùng", "Đỗ Thị Lan", "Trần Văn Nam", "Trương Minh Đức", "Võ Thị Sáu"]
    for name in reversed(names):
        NominationFactory(round=nomination_round, person=Person.objects.create(full_name=name))

    response = client_for(secretariat).get(reverse("awards:nomination_list", args=[congress.pk]), {"order": "nominee"})

    assert [nomination.person.full_name for nomination in response.context["page"]] == names


def test_the_dossier_filters_offer_all_rather_than_dashes(client_for, secretariat, congress, nomination_round):
    text = client_for(secretariat).get(reverse("awards:nomination_list", args=[congress.pk])).content.decode()

    assert "---------" not in text
    assert ">Tất cả</option>" in text


@pytest.mark.parametrize("query", ["đặng", "dang van"])
def test_the_award_history_finds_a_person_whatever_the_case_and_accents(client_for, secretariat, congress, query):
    wanted = AwardRecordFactory(person=Person.objects.create(full_name="Đặng Văn Hùng"))
    AwardRecordFactory(person=Person.objects.create(full_name="Lê Thị Hoa"))

    response = client_for(secretariat).get(reverse("awards:history", args=[congress.pk]), {"q": query})

    assert list(response.context["page"]) == [wanted]


def test_the_sort_choice_starts_at_the_default_order(client_for, secretariat, congress, nomination_round):
    response = client_for(secretariat).get(reverse("awards:nomination_list", args=[congress.pk]))

    assert response.context["filter"].form.fields["order"].choices[0] == ("", "Mặc định")
