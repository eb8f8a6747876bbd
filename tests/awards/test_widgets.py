"""The dossier filter's controls built in Python write Django's widget HTML, everything typed escaped."""

import re

import pytest
from django import forms

from awards.widgets import FlatSelect, SearchInput, SortSelect
from congress.widgets import QuickSelect

TYPED = ['Nguyễn "An" <b>&</b>', "O'Neil", "", None, ["-nominee"]]
CHOICES = [("", "Tất cả"), (1, 'Sở "Y tế" <i>&</i>'), ("O'Neil", "O'Neil"), (None, "Không")]


def same(html):
    return re.sub(r"\s+", "", str(html))


@pytest.mark.parametrize("value", TYPED)
def test_the_search_box_is_djangos_text_input(value):
    attrs = {"class": "form-control form-control-sm", "id": "id_q", "data-x": True, "data-y": False}

    assert same(SearchInput().render("q", value, attrs)) == same(forms.TextInput().render("q", value, attrs))


@pytest.mark.parametrize("value", [*TYPED, "1", 1, "O'Neil", ""])
def test_the_sort_choice_is_djangos_select(value):
    attrs = {"class": "form-select form-select-sm", "id": "id_order"}

    assert same(SortSelect(choices=CHOICES).render("order", value, attrs)) == same(
        forms.Select(choices=CHOICES).render("order", value, attrs)
    )


@pytest.mark.parametrize("value", [*TYPED, "1", 1, "O'Neil"])
def test_the_filter_selects_are_quick_selects(value):
    attrs = {"class": "form-select form-select-sm", "id": "id_round"}

    assert same(FlatSelect(choices=CHOICES).render("round", value, attrs)) == same(
        QuickSelect(choices=CHOICES).render("round", value, attrs)
    )


def test_a_typed_search_is_escaped():
    html = SearchInput().render("q", '"><script>alert(1)</script>', {"id": "id_q"})

    assert "<script>" not in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
