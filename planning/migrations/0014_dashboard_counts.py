"""The number of work items per month of deadlines and status, and per lead body and status
(planning.models.tallies), kept by triggers on the item rows: one more when a row is written, one
fewer when it goes. They run inside the statements that write the items (on PostgreSQL at the
commit, under the tallies' lock), so they are not deferred themselves.

The item indexes now serve what depends on today: the open items late or due soon, by status and
date.

On PostgreSQL a large load in one transaction rewrites a count row once for every item it adds
there, and each new version is found through the earlier ones of the same transaction: loading
10,000 tasks in one transaction costs seconds, loading a plan of a few hundred does not show."""

import django.db.models.deletion
from django.db import migrations, models

NO_MONTH = "0001-01-01"  # planning.models.tallies.NO_MONTH

MONTH_KEY = f"congress_id = OLD.congress_id AND month = COALESCE(OLD.group_month, '{NO_MONTH}') AND status = OLD.status"
LEAD_KEY = (
    "congress_id = OLD.congress_id AND organization_id = COALESCE(OLD.organization_id, 0) "
    "AND subcommittee_id = COALESCE(OLD.subcommittee_id, 0) AND phrase = OLD.phrase AND status = OLD.status"
)
MONTH_ADD = (
    "INSERT INTO planning_monthcount (congress_id, month, status, n) "
    f"SELECT {{congress}}, COALESCE({{month}}, '{NO_MONTH}'), {{status}}, {{n}} {{rest}}"
    " ON CONFLICT (congress_id, month, status) DO UPDATE SET n = planning_monthcount.n + excluded.n;"
)
LEAD_ADD = (
    "INSERT INTO planning_leadcount (congress_id, organization_id, subcommittee_id, phrase, status, n) "
    "SELECT {congress}, COALESCE({organization}, 0), COALESCE({subcommittee}, 0), {phrase}, {status}, {n} {rest}"
    " ON CONFLICT (congress_id, organization_id, subcommittee_id, phrase, status)"
    " DO UPDATE SET n = planning_leadcount.n + excluded.n;"
)
COUNTERS = [
    (
        "planning_monthcount_add",
        "INSERT",
        "planning_workitem",
        # "WHERE true" parts the SELECT from ON CONFLICT for SQLite's parser.
        MONTH_ADD.format(
            congress="NEW.congress_id", month="NEW.group_month", status="NEW.status", n=1, rest="WHERE true"
        ),
    ),
    (
        "planning_monthcount_remove",
        "DELETE",
        "planning_workitem",
        f"UPDATE planning_monthcount SET n = n - 1 WHERE {MONTH_KEY};",
    ),
    (
        "planning_leadcount_add",
        "INSERT",
        "planning_leaditem",
        LEAD_ADD.format(
            congress="NEW.congress_id",
            organization="NEW.organization_id",
            subcommittee="NEW.subcommittee_id",
            phrase="NEW.phrase",
            status="NEW.status",
            n=1,
            rest="WHERE true",
        ),
    ),
    (
        "planning_leadcount_remove",
        "DELETE",
        "planning_leaditem",
        f"UPDATE planning_leadcount SET n = n - 1 WHERE {LEAD_KEY};",
    ),
]
# The counts of the items already there.
FILL = [
    MONTH_ADD.format(
        congress="congress_id",
        month="group_month",
        status="status",
        n="COUNT(*)",
        rest="FROM planning_workitem WHERE true GROUP BY congress_id, group_month, status",
    ),
    LEAD_ADD.format(
        congress="congress_id",
        organization="organization_id",
        subcommittee="subcommittee_id",
        phrase="phrase",
        status="status",
        n="COUNT(*)",
        rest="FROM planning_leaditem WHERE true GROUP BY congress_id, organization_id, subcommittee_id, phrase, status",
    ),
]


def create_counters(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, event, table, body in COUNTERS:
        if vendor == "postgresql":
            schema_editor.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off"
                f" AS $$ BEGIN {body} RETURN NULL; END $$"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"
            )
        elif vendor == "sqlite":
            schema_editor.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN {body} END")
        else:
            raise NotImplementedError(f"No tally counters for {vendor}")
    for statement in FILL:
        schema_editor.execute(statement)


def drop_counters(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, _event, table, _body in COUNTERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if vendor == "postgresql" else ""))
        if vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")


class Migration(migrations.Migration):
    dependencies = [("congress", "0009_single_year_period"), ("planning", "0013_tally_per_item")]

    operations = [
        migrations.CreateModel(
            name="MonthCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("month", models.DateField()),
                ("status", models.CharField(max_length=20)),
                ("n", models.IntegerField(default=0, editable=False)),
                (
                    "congress",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="congress.congress",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("congress", "month", "status"), name="planning_monthcount_key")
                ],
            },
        ),
        migrations.CreateModel(
            name="LeadCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("organization_id", models.BigIntegerField(default=0, editable=False)),
                ("subcommittee_id", models.BigIntegerField(default=0, editable=False)),
                ("phrase", models.CharField(blank=True, max_length=255)),
                ("status", models.CharField(max_length=20)),
                ("n", models.IntegerField(default=0, editable=False)),
                (
                    "congress",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="congress.congress",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("congress", "organization_id", "subcommittee_id", "phrase", "status"),
                        name="planning_leadcount_key",
                    )
                ],
            },
        ),
        migrations.RemoveIndex(model_name="workitem", name="planning_workitem_months"),
        migrations.RemoveIndex(model_name="workitem", name="planning_workitem_due"),
        migrations.AddIndex(
            model_name="workitem",
            index=models.Index(fields=["congress", "status", "due_date", "group_month"], name="planning_workitem_late"),
        ),
        migrations.RemoveIndex(model_name="leaditem", name="planning_leaditem_counts"),
        migrations.AddIndex(
            model_name="leaditem",
            index=models.Index(
                fields=["congress", "status", "due_date", "organization", "subcommittee", "phrase"],
                name="planning_leaditem_late",
            ),
        ),
        migrations.RunPython(create_counters, drop_counters),
    ]
