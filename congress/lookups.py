"""`in` on an integer column skips the numbers the column cannot hold.

Django already answers "no row" for `exact`, `gt`, `lt`… with a number out of the column's range;
`in` sends it to the database, which fails (SQLite: OverflowError; PostgreSQL: "integer out of
range"). A multiple choice of records (meeting participants, assignees) posted with such a number
then ended in a server error instead of "Select a valid choice". Such a number matches no row, so
leaving it out of the list changes no answer.
"""

from django.db import connection
from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def get_prep_lookup(self):
        prepared = super().get_prep_lookup()
        if self.rhs_is_direct_value() and isinstance(prepared, list | tuple | set):
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            prepared = [
                value
                for value in prepared
                if not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return prepared
