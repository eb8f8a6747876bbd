"""How many top-level tasks the schedule lists in each month (planning.models.tallies.TopLevelCount),
kept by triggers on the task rows: one more when a top-level task is added or moved into a month,
one fewer when it goes or moves out. The schedule's month pager reads these few rows instead of
counting the congress's tasks on every visit.

On PostgreSQL the triggers are deferred to the commit and take the tallies' lock first, as the
tally triggers do (migration 0009): two transactions adding tasks to the same months never wait
for a count row while holding another, so they cannot deadlock. On SQLite, with one writer at a
time, they run at once."""

import django.db.models.deletion
from django.db import migrations, models

NO_MONTH = "0001-01-01"  # planning.models.tallies.NO_MONTH
LOCK = 7_100_451  # the tallies' pg_advisory_xact_lock key (migration 0009)

ADD = (
    "INSERT INTO planning_toplevelcount (congress_id, month, n) "
    f"SELECT {{congress}}, COALESCE({{month}}, '{NO_MONTH}'), {{n}} {{rest}}"
    " ON CONFLICT (congress_id, month) DO UPDATE SET n = planning_toplevelcount.n + excluded.n;"
)
# "WHERE ..." parts the SELECT from ON CONFLICT for SQLite's parser.
ADD_NEW = ADD.format(congress="NEW.congress_id", month="NEW.group_month", n=1, rest="WHERE NEW.parent_id IS NULL")
REMOVE_OLD = (
    "UPDATE planning_toplevelcount SET n = n - 1 WHERE OLD.parent_id IS NULL AND congress_id = OLD.congress_id"
    f" AND month = COALESCE(OLD.group_month, '{NO_MONTH}');"
)
# (name, event, condition, body)
TRIGGERS = [
    ("planning_toplevel_insert", "INSERT", "NEW.parent_id IS NULL", ADD_NEW),
    (
        "planning_toplevel_update",
        "UPDATE OF congress_id, group_month, parent_id",
        "(OLD.parent_id IS NULL OR NEW.parent_id IS NULL) AND (OLD.congress_id <> NEW.congress_id"
        " OR OLD.group_month IS DISTINCT FROM NEW.group_month OR (OLD.parent_id IS NULL) <> (NEW.parent_id IS NULL))",
        REMOVE_OLD + " " + ADD_NEW,
    ),
    ("planning_toplevel_delete", "DELETE", "OLD.parent_id IS NULL", REMOVE_OLD),
]
# The counts of the tasks already there.
FILL = ADD.format(
    congress="congress_id",
    month="group_month",
    n="COUNT(*)",
    rest="FROM planning_task WHERE parent_id IS NULL GROUP BY congress_id, group_month",
)


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, event, when, body in TRIGGERS:
        if vendor == "postgresql":
            schema_editor.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off"
                f" AS $$ BEGIN PERFORM pg_advisory_xact_lock({LOCK}); {body} RETURN NULL; END $$"
            )
            schema_editor.execute(
                f"CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON planning_task DEFERRABLE INITIALLY DEFERRED"
                f" FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION {name}()"
            )
        elif vendor == "sqlite":
            when = when.replace("IS DISTINCT FROM", "IS NOT")  # the same, in SQLite before 3.39
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON planning_task FOR EACH ROW WHEN ({when}) BEGIN {body} END"
            )
        else:
            raise NotImplementedError(f"No top-level counts for {vendor}")
    schema_editor.execute(FILL)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, _event, _when, _body in TRIGGERS:
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS {name}" + (" ON planning_task" if vendor == "postgresql" else "")
        )
        if vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")


class Migration(migrations.Migration):
    dependencies = [("congress", "0009_single_year_period"), ("planning", "0015_schedule_top_level_index")]

    operations = [
        migrations.CreateModel(
            name="TopLevelCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("month", models.DateField()),
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
                    models.UniqueConstraint(fields=("congress", "month"), name="planning_toplevelcount_key")
                ],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
