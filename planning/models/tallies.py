"""What the dashboard counts, kept by the database itself.

A `WorkItem` is one task without sub-items (a task with sub-items counts through them); a
`LeadItem` is one work item under one of the lead bodies it counts for: its own lead parties, or
its parent's when a sub-item names no lead of its own. Each holds the item's status and dates.
`MonthCount` and `LeadCount` hold how many work items there are per month of deadlines and
status, and per lead body and status. `TopLevelCount` holds how many top-level tasks the schedule
lists in each month (its month pager), kept by triggers on the task rows (migration 0016).

The dashboard reads the counts (a few rows, whatever the number of tasks) and, for what depends
on today, only the open items that are late or due soon, through their index. Counting from the
tasks instead means joining every task to its parties and testing each for sub-items on every
visit.

The rows are written by database triggers (migrations 0009, 0013, 0014 and 0016), not by the
application: every insert, update and delete of a task or a lead party, and every change of a
task's status, dates or parent, computes again the items it touches, whatever wrote it (a form,
a bulk import, a queryset update, a cascade), and the counts follow the items. On PostgreSQL each
item is computed through its indexed keys alone, so a large load costs the same per task whatever
the planner's statistics say (migration 0013). Nothing here is a cache: once a change is
committed, its rows are too. On PostgreSQL the triggers run at the commit (migration 0009 says
why); a read inside a transaction that has changed tasks first settles them (`settling`).

A migration that changes a column of planning_task or planning_taskparty must not let SQLite copy
the table (Django's way to alter a field there): dropping the old table drops its triggers. Add
and drop indexes by name instead (as migration 0012 does), or create the triggers again after.
"""

import datetime

from django.db import connection, models

from congress.models import Congress, Organization, Subcommittee

from .tasks import Task

NO_MONTH = "0001-01-01"  # MonthCount.month of the work without a deadline month
NO_MONTH_DATE = datetime.date.fromisoformat(NO_MONTH)


def _reference(model, **options):
    """A column that names a row the triggers keep in step: no constraint, no cascade of Django's."""
    return models.ForeignKey(model, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", **options)


class WorkItem(models.Model):
    derived = True  # computed by the triggers: a backup leaves it out (documents.backup)
    congress = _reference(Congress, db_index=False)
    item = _reference(Task)
    group_month = models.DateField(null=True)
    status = models.CharField(max_length=20)
    due_date = models.DateField(null=True)

    class Meta:
        # The late and the soon due, read by status and date (the most overdue first).
        indexes = [
            models.Index(fields=["congress", "status", "due_date", "group_month"], name="planning_workitem_late"),
        ]

    def __str__(self):
        return f"{self.item_id}"


class LeadItem(models.Model):
    derived = True  # computed by the triggers: a backup leaves it out (documents.backup)
    congress = _reference(Congress, db_index=False)
    item = _reference(Task)
    organization = _reference(Organization, null=True, db_index=False)
    subcommittee = _reference(Subcommittee, null=True, db_index=False)
    phrase = models.CharField(max_length=255, blank=True)  # only for a lead named by a phrase alone
    status = models.CharField(max_length=20)
    due_date = models.DateField(null=True)

    class Meta:
        # The late, read by status and date.
        indexes = [
            models.Index(
                fields=["congress", "status", "due_date", "organization", "subcommittee", "phrase"],
                name="planning_leaditem_late",
            ),
        ]

    def __str__(self):
        return f"{self.item_id} → {self.organization_id or self.subcommittee_id or self.phrase}"


class MonthCount(models.Model):
    derived = True  # computed by the triggers: a backup leaves it out (documents.backup)
    congress = _reference(Congress, db_index=False)
    month = models.DateField()  # NO_MONTH for work without a deadline month
    status = models.CharField(max_length=20)
    n = models.IntegerField(default=0, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["congress", "month", "status"], name="planning_monthcount_key"),
        ]

    def __str__(self):
        return f"{self.month} {self.status}: {self.n}"


class LeadCount(models.Model):
    derived = True  # computed by the triggers: a backup leaves it out (documents.backup)
    congress = _reference(Congress, db_index=False)
    organization_id = models.BigIntegerField(default=0, editable=False)  # 0: none (a key may not be NULL)
    subcommittee_id = models.BigIntegerField(default=0, editable=False)
    phrase = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=20)
    n = models.IntegerField(default=0, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "organization_id", "subcommittee_id", "phrase", "status"],
                name="planning_leadcount_key",
            ),
        ]

    def __str__(self):
        return f"{self.organization_id or self.subcommittee_id or self.phrase} {self.status}: {self.n}"


class TopLevelCount(models.Model):
    derived = True  # computed by the triggers: a backup leaves it out (documents.backup)
    congress = _reference(Congress, db_index=False)
    month = models.DateField()  # a top-level task's group_month; NO_MONTH for one without
    n = models.IntegerField(default=0, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["congress", "month"], name="planning_toplevelcount_key"),
        ]

    def __str__(self):
        return f"{self.month}: {self.n}"


TRIGGERS = tuple(
    f"planning_tally_{table}_{event}" for table in ("task", "party") for event in ("insert", "update", "delete")
)
# Deferred to the commit on PostgreSQL too, under the tallies' lock: two transactions adding tasks
# to the same months wait for each other only there, never for a row while holding another.
TOP_LEVEL_TRIGGERS = tuple(f"planning_toplevel_{event}" for event in ("insert", "update", "delete"))
COUNTERS = (
    "planning_monthcount_add",
    "planning_monthcount_remove",
    "planning_leadcount_add",
    "planning_leadcount_remove",
)


def settling(sql=""):
    """`sql` with, before it on PostgreSQL inside a transaction, the statements that compute now
    the work items of this transaction's changes (their triggers wait for the commit otherwise).
    Outside a transaction, as a page is read, there are none to compute and `sql` is unchanged."""
    if connection.vendor != "postgresql" or not connection.in_atomic_block:
        return sql
    names = ", ".join((*TRIGGERS, *TOP_LEVEL_TRIGGERS))
    return f"SET CONSTRAINTS {names} IMMEDIATE; SET CONSTRAINTS {names} DEFERRED; {sql}"


def top_level_counts(congress):
    """{month's first day, or None for no date: the number of the congress's top-level tasks}:
    the schedule's month pager, read from a few count rows whatever the number of tasks."""
    with connection.cursor() as cursor:
        cursor.execute(
            settling(
                f"SELECT month, n FROM {TopLevelCount._meta.db_table} WHERE congress_id = %s AND n > 0 ORDER BY month"
            ),
            [congress.pk],
        )
        rows = cursor.fetchall()
    months = ((column_date(month), n) for month, n in rows)
    return {None if month == NO_MONTH_DATE else month: n for month, n in months}


def column_date(value):
    """A date column read by raw SQL: a date on PostgreSQL, its ISO text on SQLite."""
    return value if value is None or isinstance(value, datetime.date) else datetime.date.fromisoformat(value)
