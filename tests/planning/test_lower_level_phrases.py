"""A lower level's due date is written as plans write it: a date, or a phrase such as "Quý I năm 2020"."""

import datetime as dt

import pytest
from django.urls import reverse

from planning.models import LowerLevelCongress
from tests.factories import CongressSessionFactory, OrganizationFactory


def form_data(unit, due):
    return {"lower_congress": "", "organization": unit.pk, "kind": "congress", "due_date": due, "held_on": ""}


@pytest.mark.parametrize(
    ("typed", "phrase", "last_date"),
    [
        ("Quý I năm 2020", "Quý I năm 2020", dt.date(2020, 3, 31)),
        ("  Trước ngày 15/7/2020 ", "Trước ngày 15/7/2020", dt.date(2020, 7, 14)),
        ("Cuối tháng 7/2020", "Cuối tháng 7/2020", dt.date(2020, 7, 31)),
        ("6 tháng đầu năm 2020", "6 tháng đầu năm 2020", dt.date(2020, 6, 30)),
        ("14/07/2020", "", dt.date(2020, 7, 14)),
    ],
)
def test_the_due_date_is_read_from_a_phrase_kept_as_typed(client_for, congress, secretariat, typed, phrase, last_date):
    unit = OrganizationFactory()
    client = client_for(secretariat)

    response = client.post(reverse("planning:lower_level_create", args=[congress.pk]), form_data(unit, typed))

    assert response.status_code == 302
    item = LowerLevelCongress.objects.get(organization=unit)
    assert (item.due_phrase, item.due_date) == (phrase, last_date)
    page = client.get(reverse("planning:lower_levels", args=[congress.pk])).content.decode()
    assert (phrase or "14/07/2020") in page
    edit = client.get(reverse("planning:lower_level_edit", args=[congress.pk, item.pk]))
    assert edit.context["form"].initial["due_date"] == (phrase or "14/7/2020")


def test_a_phrase_counted_from_the_congress_takes_its_first_session_day(client_for, congress, secretariat):
    CongressSessionFactory(congress=congress, planned_month=8, planned_year=2020)
    unit = OrganizationFactory()

    client_for(secretariat).post(
        reverse("planning:lower_level_create", args=[congress.pk]), form_data(unit, "Trước Đại hội")
    )

    item = LowerLevelCongress.objects.get(organization=unit)
    assert (item.due_phrase, item.due_date) == ("Trước Đại hội", dt.date(2020, 7, 31))


@pytest.mark.parametrize("typed", ["Trước Đại hội", "Sớm nhất có thể", "Thường xuyên"])
def test_a_phrase_that_gives_no_day_is_refused_with_a_vietnamese_message(client_for, congress, secretariat, typed):
    response = client_for(secretariat).post(
        reverse("planning:lower_level_create", args=[congress.pk]), form_data(OrganizationFactory(), typed)
    )

    assert response.status_code == 422
    assert LowerLevelCongress.objects.count() == 0
    assert response.context["form"].errors["due_date"]
