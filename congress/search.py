"""Vietnamese search and sorting on SQLite and PostgreSQL.

Users type names with or without accents and in any case ("đại hội", "DAI HOI", "dai
hoi" all find "Đại hội"), and expect lists in the Vietnamese alphabet (a, ă, â, b, c, d, đ,
e, ê, …, with the tones after the letters: a, à, ả, ã, á, ạ).

- `fold(text)`: the search form of a text: lower case, no tone or vowel marks, "đ" → "d".
- The `vnfold` transform applies the same folding in the database, so
  `Organization.objects.filter(name__vnfold__contains=fold(query))` matches either way.
  SQLite gets `vn_fold()` as a function of each connection; PostgreSQL a `translate()`.
- `VIETNAMESE` names a collation: PostgreSQL's ICU collation "vi-x-icu", and a collation of
  the same name that each SQLite connection is given (`compare`). `vietnamese(field)` is the
  ordering expression, for `order_by()` and `Meta.ordering`.
"""

import functools
import unicodedata

from django.db import models
from django.db.models import Q
from django.db.models.functions import Collate

VIETNAMESE = "vi-x-icu"

# The Vietnamese alphabet, with the foreign letters f, j, w, z where a name may carry them.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
# Marks that make another letter (ă, â, ê, ô, ơ, ư) and the five tones in dictionary order.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def fold(text):
    """The search form of a text: lower case, without marks, "đ" as "d"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def _folding_table():
    """(from, to) for PostgreSQL's translate(): every upper-case letter and marked vowel."""
    sources, targets = [], []
    for code in range(0x41, 0x5B):
        sources.append(chr(code))
        targets.append(chr(code).lower())
    for base in "aeiouyAEIOUY":
        for marks in ["", *_LETTER_MARKS]:
            for tone in ["", *_TONE_RANK]:
                char = unicodedata.normalize("NFC", base + marks + tone)
                if len(char) == 1 and char != base and char not in sources:
                    sources.append(char)
                    targets.append(fold(char))
    sources += ["đ", "Đ"]
    targets += ["d", "d"]
    return "".join(sources), "".join(targets)


FOLD_FROM, FOLD_TO = _folding_table()


@models.CharField.register_lookup
@models.TextField.register_lookup
class VietnameseFold(models.Transform):
    """`field__vnfold`: the field's text as `fold()` gives it."""

    lookup_name = "vnfold"
    output_field = models.TextField()

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.lhs)
        return f"vn_fold({sql})", params

    def as_postgresql(self, compiler, connection):
        sql, params = compiler.compile(self.lhs)
        return f"translate({sql}, %s, %s)", (*params, FOLD_FROM, FOLD_TO)


def matching(fields, text):
    """A Q that finds `text` in any of `fields`, whatever its case and accents."""
    folded = fold(text.strip())
    query = Q()
    for field in fields:
        query |= Q(**{f"{field}__vnfold__contains": folded})
    return query


def vietnamese(field, descending=False):
    """Order by `field` in Vietnamese alphabetical order."""
    expression = Collate(models.F(field), VIETNAMESE)
    return expression.desc() if descending else expression.asc()


def sort_key(text):
    """Letters first, then tones, then case: how a Vietnamese dictionary orders words."""
    letters, tones, cases = [], [], []
    for char in unicodedata.normalize("NFC", text or ""):
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        marks = decomposed[1:]
        lower = base.lower()
        letter = unicodedata.normalize("NFC", lower + "".join(mark for mark in marks if mark in _LETTER_MARKS))
        if lower == "đ":
            letter = "đ"
        if letter in _LETTER_RANK:
            letters.append(1000 + _LETTER_RANK[letter])
        else:
            letters.append(ord(lower) if ord(lower) < 1000 else 2000 + ord(lower))
        tones.append(max((_TONE_RANK.get(mark, 0) for mark in marks), default=0))
        cases.append(0 if base == lower else 1)
    return letters, tones, cases


@functools.lru_cache(maxsize=4096)
def _cached_key(text):
    return sort_key(text)


def compare(left, right):
    """SQLite collation function: negative, zero or positive, like strcmp."""
    left_key, right_key = _cached_key(left), _cached_key(right)
    return (left_key > right_key) - (left_key < right_key)


def install_on_sqlite(sender, connection, **kwargs):
    """Give each new SQLite connection the folding function and the Vietnamese collation."""
    if connection.vendor != "sqlite":
        return
    connection.connection.create_function("vn_fold", 1, fold, deterministic=True)
    connection.connection.create_collation(VIETNAMESE, compare)


_KEY_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _key_code(number):
    """`number` (0 or more) as base-36 text whose plain order is the numbers' order: two digits
    below 36² - 1, "zz" and four digits above (the letters of foreign scripts)."""
    if number < 36 * 36 - 1:
        width, prefix = 2, ""
    else:
        width, prefix = 4, "zz"
    digits = []
    for _position in range(width):
        number, rest = divmod(number, 36)
        digits.append(_KEY_DIGITS[rest])
    return prefix + "".join(reversed(digits))


def stored_sort_key(text):
    """`sort_key(text)` as ASCII text whose plain binary order (SQLite's BINARY, PostgreSQL's "C")
    is the Vietnamese order: a column of it sorts without calling a collation per comparison.

    The letters' codes (each one more than its rank, so "00" ends the letters and a word sorts
    before the longer words it begins), then a digit per tone, then a digit per case.
    """
    letters, tones, cases = sort_key(text)
    return (
        "".join(_key_code(letter + 1) for letter in letters)
        + "00"
        + "".join(map(str, tones))
        + "".join(map(str, cases))
    )


class Binary(models.Func):
    """A text in plain binary order (for a `stored_sort_key` column): PostgreSQL's "C" collation,
    SQLite's default (BINARY)."""

    template = "%(expressions)s"

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template='%(expressions)s COLLATE "C"', **extra_context)
