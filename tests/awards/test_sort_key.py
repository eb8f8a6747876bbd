"""The dossiers' stored sort key: its plain order is the Vietnamese collation's, and it follows the nominee."""

import functools

from django.db.models import F
from django.db.models.functions import Coalesce, Collate

from awards.models import Nomination
from awards.selectors import nominee_order
from congress import search
from congress.models import Organization, Person
from tests.factories import OrganizationFactory

from .factories import NominationFactory, award

# Tricky for a sort: đ after d, ă and â after a, ơ after o and ô, tones after letters in the
# dictionary's order (a, à, ả, ã, á, ạ), lower case before upper case, a word before the longer
# words it begins, digits compared one by one.
TRICKY_NAMES = [
    "Dương Văn Bé",
    "Đinh Văn An",
    "dương văn b",
    "Dương Văn B",
    "Dạ",
    "Dá",
    "Dã",
    "Dả",
    "Dà",
    "Da",
    "da",
    "Đa",
    "đa",
    "Ấn",
    "Ăn",
    "ăn",
    "Ân",
    "Anh",
    "An",
    "Lễ",
    "Lê",
    "Le",
    "Ơn",
    "Ôn",
    "On",
    "Ưng",
    "Ung",
    "Trường",
    "Trương",
    "Truong",
    "Nguyễn Văn Thử 2",
    "Nguyễn Văn Thử 10",
    "李 Văn",
    "Zô",
]
# Units write punctuation and figures: the SQLite collation orders them by code point, ICU its own way.
PUNCTUATED_NAMES = [
    "Trường THPT số 1",
    "Trường THPT số 10",
    "Trường THPT số 2",
    "Công ty A-B",
    "Công ty A.B",
    "Công ty (A)",
    "Hội Phụ nữ, xã An",
    "Hội Phụ nữ xã An",
    "O'Neil",
    "Sở Y tế",
]


def test_the_stored_key_orders_names_as_the_collation_does():
    by_collation = sorted(TRICKY_NAMES, key=functools.cmp_to_key(search.compare))
    names = TRICKY_NAMES + PUNCTUATED_NAMES

    assert sorted(names, key=search.stored_sort_key) == sorted(names, key=functools.cmp_to_key(search.compare))
    assert by_collation[:6] == ["An", "Anh", "ăn", "Ăn", "Ân", "Ấn"]
    assert by_collation.index("da") < by_collation.index("Da") < by_collation.index("Dà") < by_collation.index("Dạ")
    assert by_collation.index("Dương Văn Bé") < by_collation.index("Đa")


def sort_fields(nomination):
    return tuple(Nomination.objects.filter(pk=nomination.pk).values_list(*Nomination.SORT_FIELDS).get())


def test_the_stored_key_is_plain_ascii():
    for name in TRICKY_NAMES:
        key = search.stored_sort_key(name)
        assert key.isascii() and key.isalnum()


def test_the_list_sorts_nominees_as_the_vietnamese_collation_did(nomination_round):
    """On SQLite against the collation function, on PostgreSQL against ICU's Vietnamese collation."""
    for index, name in enumerate(reversed(TRICKY_NAMES + PUNCTUATED_NAMES)):
        if index % 5 == 0:
            NominationFactory(round=nomination_round, person=None, household=name)
        elif index % 5 == 1:
            NominationFactory(
                round=nomination_round,
                award_type=award("tt_ldxs"),
                person=None,
                organization=OrganizationFactory(name=name),
            )
        else:
            NominationFactory(round=nomination_round, person=Person.objects.create(full_name=name))
    nominations = Nomination.objects.filter(round=nomination_round)
    collated = Collate(Coalesce("person__full_name", "organization__name", "household"), search.VIETNAMESE)

    by_collation = list(nominations.order_by(collated, "pk").values_list("pk", flat=True))
    by_list = list(nominations.order_by(nominee_order(), "pk").values_list("pk", flat=True))
    by_list_descending = nominations.order_by(nominee_order().desc(), "-pk").values_list("pk", flat=True)

    assert by_list == by_collation
    assert list(by_list_descending) == by_collation[::-1]


def test_the_database_sorts_the_stored_key_as_the_vietnamese_collation_the_letters(nomination_round):
    """The key in plain binary order, on either database, against its Vietnamese collation."""
    for name in reversed(TRICKY_NAMES):
        NominationFactory(round=nomination_round, person=Person.objects.create(full_name=name))
    nominations = Nomination.objects.filter(round=nomination_round)

    by_collation = nominations.order_by(Collate("person__full_name", search.VIETNAMESE), "pk")
    by_key = nominations.order_by(search.Binary(F("nominee_key")), "pk")

    assert list(by_key.values_list("pk", flat=True)) == list(by_collation.values_list("pk", flat=True))


def test_every_kind_of_nominee_gets_its_key_on_save(nomination_round):
    person = NominationFactory(round=nomination_round, person=Person.objects.create(full_name="Đỗ Thị Lan"))
    unit = NominationFactory(round=nomination_round, person=None, organization=OrganizationFactory(name="Sở Y tế"))
    household = NominationFactory(round=nomination_round, person=None, household="Hộ ông Ba")

    assert sort_fields(person) == (search.stored_sort_key("Đỗ Thị Lan"), "Đỗ Thị Lan")
    assert sort_fields(unit) == (search.stored_sort_key(unit.organization.name), unit.organization.name)
    assert sort_fields(household) == (search.stored_sort_key("Hộ ông Ba"), "Hộ ông Ba")

    household.household = "Hộ bà Tư"
    household.save(update_fields=["household"])
    assert sort_fields(household) == (search.stored_sort_key("Hộ bà Tư"), "Hộ bà Tư")


def test_bulk_created_dossiers_get_their_keys(nomination_round):
    template = NominationFactory.build(round=nomination_round, person=Person.objects.create(full_name="Võ Thị Sáu"))
    template.proposing_organization.save()

    (created,) = Nomination.objects.bulk_create([template])

    assert sort_fields(created) == (search.stored_sort_key("Võ Thị Sáu"), "Võ Thị Sáu")


def test_renaming_the_nominee_moves_the_dossier(nomination_round):
    person = Person.objects.create(full_name="An")
    dossier = NominationFactory(round=nomination_round, person=person)
    unit_dossier = NominationFactory(round=nomination_round, person=None, organization=OrganizationFactory())

    person.full_name = "Yến"
    person.save()
    unit = Organization.objects.get(pk=unit_dossier.organization_id)
    unit.name = "Ủy ban"
    unit.save()

    renamed_unit = Organization.objects.get(pk=unit.pk).name
    assert sort_fields(dossier) == (search.stored_sort_key("Yến"), "Yến")
    assert sort_fields(unit_dossier) == (search.stored_sort_key(renamed_unit), renamed_unit)
