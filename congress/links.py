"""Links of many rows of a list, made from one `reverse` per URL name.

`reverse` walks the URL patterns on every call, which a list of twenty rows with two links each
repeats forty times. A `RowLink` reverses once with placeholder numbers for the arguments and
fills each row's numbers into that string.
"""

import re

from django.urls import reverse

# Numbers no row will have, one per argument; digits, so any <int:…> converter accepts them.
_PLACEHOLDERS = ("2147483601", "2147483602", "2147483603")


class RowLink:
    def __init__(self, name, arity):
        self.placeholders = _PLACEHOLDERS[:arity]
        # The URL cut at its placeholders: text, argument index, text, argument index, …, text.
        self.pieces = re.split(f"({'|'.join(self.placeholders)})", reverse(name, args=self.placeholders))

    def __call__(self, *args):
        if len(args) != len(self.placeholders):
            raise ValueError(f"{len(self.placeholders)} arguments expected, {len(args)} given")
        values = dict(zip(self.placeholders, (str(int(value)) for value in args), strict=True))
        return "".join(values.get(piece, piece) if index % 2 else piece for index, piece in enumerate(self.pieces))
