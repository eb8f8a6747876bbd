"""Links of many rows of a list, or of a page's many tabs, without a `reverse` for each.

`reverse` walks the URL patterns on every call (tens of microseconds), which a list of twenty rows
with two links each repeats forty times. A `RowLink` reverses a URL name once per process, with
placeholder numbers for its arguments, and fills each row's numbers into that address.
"""

import re
from functools import cache

from django.urls import get_script_prefix, get_urlconf, reverse

# Numbers no row will have, one per argument; digits, so any <int:…> converter accepts them.
_PLACEHOLDERS = ("2147483601", "2147483602", "2147483603")


@cache
def _pieces(name, arity, urlconf):
    """The address (without the script prefix) cut at its placeholders: text, placeholder, …, text."""
    placeholders = _PLACEHOLDERS[:arity]
    address = reverse(name, urlconf=urlconf, args=placeholders).removeprefix(get_script_prefix())
    pieces = tuple(re.split(f"({'|'.join(placeholders)})", address)) if arity else (address,)
    if len(pieces) != 2 * arity + 1:
        raise ValueError(f"{name}: the placeholders did not come back once each in {address}")
    return pieces


class RowLink:
    def __init__(self, name, arity):
        self.arity = arity
        self.prefix = get_script_prefix()
        self.pieces = _pieces(name, arity, get_urlconf())

    def __call__(self, *args):
        if len(args) != self.arity:
            raise ValueError(f"{self.arity} arguments expected, {len(args)} given")
        values = iter(str(int(value)) for value in args)
        return self.prefix + "".join(next(values) if index % 2 else piece for index, piece in enumerate(self.pieces))
