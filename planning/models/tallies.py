"""What the dashboard counts per lead body, kept by the database itself.

A `LeadItem` is one work item (a task without sub-items) under one of the lead bodies it counts
for: its own lead parties, or its parent's when a sub-item names no lead of its own. Counting
work per lead body from the tasks means joining every task to its parties and sorting the joined
rows on every visit; these rows are that join done once, with the item's state copied in, so the
dashboard reads one index in order.

The rows are written by database triggers (migration 0009), not by the application: every insert,
update and delete of a task or a task party recomputes the rows of the items it touches, in the
writing transaction, whatever wrote it (a form, a bulk import, a queryset update, a cascade).
Nothing here is a cache: once a change is committed, its rows are too. On PostgreSQL the triggers
run at the commit (migration 0009 says why); a read inside a transaction that has changed tasks
first settles them (`settling`).
"""

from django.db import connection, models

from congress.models import Congress, Organization, Subcommittee

from .tasks import Task


def _reference(model, **options):
    """A column that names a row the triggers keep in step: no constraint, no cascade of Django's."""
    return models.ForeignKey(model, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", **options)


class LeadItem(models.Model):
    congress = _reference(Congress, db_index=False)
    item = _reference(Task)
    organization = _reference(Organization, null=True, db_index=False)
    subcommittee = _reference(Subcommittee, null=True, db_index=False)
    phrase = models.CharField(max_length=255, blank=True)  # only for a lead named by a phrase alone
    status = models.CharField(max_length=20)
    due_date = models.DateField(null=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["congress", "organization", "subcommittee", "phrase", "status", "due_date"],
                name="planning_leaditem_counts",
            )
        ]

    def __str__(self):
        return f"{self.item_id} → {self.organization_id or self.subcommittee_id or self.phrase}"


TRIGGERS = tuple(
    f"planning_leaditem_{table}_{event}" for table in ("task", "party") for event in ("insert", "update", "delete")
)


def settling(sql=""):
    """`sql` with, before it on PostgreSQL inside a transaction, the statements that compute now
    the lead items of this transaction's changes (their triggers wait for the commit otherwise).
    Outside a transaction, as a page is read, there are none to compute and `sql` is unchanged."""
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        return sql
    names = ", ".join(TRIGGERS)
    return f"SET CONSTRAINTS {names} IMMEDIATE; SET CONSTRAINTS {names} DEFERRED; {sql}"
