import unicodedata
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def test_every_string_has_a_vietnamese_translation(catalogue):
    assert [entry.msgid for entry in catalogue if not entry.translated() or entry.obsolete] == []


def test_no_translation_is_left_fuzzy(catalogue):
    assert [entry.msgid for entry in catalogue if "fuzzy" in entry.flags] == []


def test_every_translation_is_nfc(catalogue):
    texts = [entry.msgstr for entry in catalogue] + [
        text for entry in catalogue for text in entry.msgstr_plural.values()
    ]

    assert [text for text in texts if not unicodedata.is_normalized("NFC", text)] == []


def test_the_compiled_catalogue_matches_the_source(catalogue):
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))

    assert {e.msgid: e.msgstr for e in compiled if e.msgid and not e.msgid_plural} == {
        e.msgid: e.msgstr for e in catalogue if e.msgid and not e.msgid_plural
    }


def test_messages_read_in_vietnamese_by_default():
    with translation.override("vi"):
        assert gettext("A session cannot end before it starts.") != "A session cannot end before it starts."
