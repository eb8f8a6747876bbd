"""The dashboard's tally triggers (migration 0009) compute each item by its own key, and fire for
lead parties only.

On PostgreSQL the statements of 0009 joined the tasks touched by an event to the work items and
to the tasks' sub-items. Their plans follow the planner's statistics, and a table loaded in one
transaction (an import, a restore, a new database after a demo was removed) has none that
fit: the planner took each table for a single row and scanned whole indexes inside nested loops,
once per event. Settling 1,000 new tasks took more than ten minutes. Here a function computes one
item, and every statement in it reads one table by an indexed key, so no estimate can make it
scan; the triggers call it for each item an event touches.

On both databases the triggers fire only for what the items depend on: a lead party, and a task
save that changes its status, dates or parent.
"""

from importlib import import_module

from django.db import migrations

tallies = import_module("planning.migrations.0009_dashboard_tallies")
LEAD = tallies.LEAD
LOCK = tallies.LOCK

BODIES = f"""
    SELECT DISTINCT organization_id, subcommittee_id,
           CASE WHEN organization_id IS NULL AND subcommittee_id IS NULL THEN phrase ELSE '' END
    FROM planning_taskparty
    WHERE task_id = lead_task AND role = '{LEAD}'
"""
ITEM = f"""
CREATE OR REPLACE FUNCTION planning_tally_item(target bigint) RETURNS void LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
    task record;
    kept record;
    lead_task bigint := target;
BEGIN
    IF target IS NULL THEN
        RETURN;  -- a task without a parent
    END IF;
    SELECT congress_id, parent_id, group_month, status, due_date INTO task FROM planning_task WHERE id = target;
    IF NOT FOUND OR EXISTS (SELECT 1 FROM planning_task WHERE parent_id = target) THEN
        DELETE FROM planning_workitem WHERE item_id = target;
        DELETE FROM planning_leaditem WHERE item_id = target;
        RETURN;  -- gone, or a task with sub-items, which they stand for
    END IF;
    IF task.parent_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM planning_taskparty WHERE task_id = target AND role = '{LEAD}') THEN
        lead_task := task.parent_id;  -- a sub-item naming no lead counts under its parent's
    END IF;
    -- Rows already as they should be (an item touched twice by one transaction) are left alone:
    -- each rewrite also rewrites the counts.
    -- Every statement selects by the item's key alone (no other index can be taken for a better one).
    SELECT congress_id, group_month, status, due_date INTO kept FROM planning_workitem WHERE item_id = target;
    IF FOUND AND (kept.congress_id, kept.group_month, kept.status, kept.due_date)
                 IS NOT DISTINCT FROM (task.congress_id, task.group_month, task.status, task.due_date)
    AND NOT EXISTS (
        SELECT 1 FROM planning_leaditem
        WHERE item_id = target AND (status <> task.status OR due_date IS DISTINCT FROM task.due_date)
    ) AND NOT EXISTS (
        ({BODIES}) EXCEPT SELECT organization_id, subcommittee_id, phrase FROM planning_leaditem WHERE item_id = target
    ) AND NOT EXISTS (
        SELECT organization_id, subcommittee_id, phrase FROM planning_leaditem WHERE item_id = target EXCEPT ({BODIES})
    ) THEN
        RETURN;
    END IF;
    DELETE FROM planning_workitem WHERE item_id = target;
    DELETE FROM planning_leaditem WHERE item_id = target;
    INSERT INTO planning_workitem (congress_id, item_id, group_month, status, due_date)
    VALUES (task.congress_id, target, task.group_month, task.status, task.due_date);
    INSERT INTO planning_leaditem (congress_id, item_id, organization_id, subcommittee_id, phrase, status, due_date)
    SELECT task.congress_id, target, bodies.*, task.status, task.due_date FROM ({BODIES}) bodies;
END $$
"""

# A task and the tasks whose items follow a party of it: the task and its sub-items.
WITH_SUB_ITEMS = """
    PERFORM planning_tally_item({task});
    FOR sub_item IN SELECT id FROM planning_task WHERE parent_id = {task} LOOP
        PERFORM planning_tally_item(sub_item);
    END LOOP;
"""

# The task's columns its items depend on: a save that changes none of them fires nothing.
COUNTED = ("status", "due_date", "group_month", "parent_id")

# (name, event, table, WHEN condition or "", PL/pgSQL body): a task's own item and its parent's
# (which stops or starts being a work item); a lead party's task and that task's sub-items.
TRIGGERS = [
    (
        "planning_tally_task_insert",
        "INSERT",
        "planning_task",
        "",
        "PERFORM planning_tally_item(NEW.id); PERFORM planning_tally_item(NEW.parent_id);",
    ),
    (
        "planning_tally_task_update",
        "UPDATE OF status, due_date, group_month, parent_id",
        "planning_task",
        " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in COUNTED),
        "PERFORM planning_tally_item(NEW.id); PERFORM planning_tally_item(OLD.parent_id);"
        " IF NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN PERFORM planning_tally_item(NEW.parent_id); END IF;",
    ),
    (
        "planning_tally_task_delete",
        "DELETE",
        "planning_task",
        "",
        "PERFORM planning_tally_item(OLD.id); PERFORM planning_tally_item(OLD.parent_id);",
    ),
    (
        "planning_tally_party_insert",
        "INSERT",
        "planning_taskparty",
        f"NEW.role = '{LEAD}'",
        WITH_SUB_ITEMS.format(task="NEW.task_id"),
    ),
    (
        "planning_tally_party_update",
        "UPDATE",
        "planning_taskparty",
        f"OLD.role = '{LEAD}' OR NEW.role = '{LEAD}'",
        WITH_SUB_ITEMS.format(task="OLD.task_id")
        + " IF NEW.task_id <> OLD.task_id THEN "
        + WITH_SUB_ITEMS.format(task="NEW.task_id")
        + " END IF;",
    ),
    (
        "planning_tally_party_delete",
        "DELETE",
        "planning_taskparty",
        f"OLD.role = '{LEAD}'",
        WITH_SUB_ITEMS.format(task="OLD.task_id"),
    ),
]


def drop_trigger(schema_editor, name, table):
    on = f" ON {table}" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}{on}")


def per_item(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(ITEM)  # NULL targets find no task and only delete nothing
    old_items = {name: items for name, _event, _table, items in tallies.TRIGGERS}
    for name, event, table, when, body in TRIGGERS:
        drop_trigger(schema_editor, name, table)
        if vendor == "sqlite":
            when = when.replace("IS DISTINCT FROM", "IS NOT")  # the same, in SQLite before 3.39
        condition = f" WHEN ({when})" if when else ""
        if vendor == "postgresql":
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$"
                f" DECLARE sub_item bigint; BEGIN PERFORM pg_advisory_xact_lock({LOCK}); {body} RETURN NULL; END $$"
            )
            schema_editor.execute(
                f"CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON {table} DEFERRABLE INITIALLY DEFERRED"
                f" FOR EACH ROW{condition} EXECUTE FUNCTION {name}()"
            )
        elif vendor == "sqlite":
            recompute = tallies.RECOMPUTE.replace("ITEMS", old_items[name])
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{condition} BEGIN {recompute} END"
            )
        else:
            raise NotImplementedError(f"No tally triggers for {vendor}")


def as_before(apps, schema_editor):
    for name, _event, table, _items in tallies.TRIGGERS:
        drop_trigger(schema_editor, name, table)
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS planning_tally_item(bigint)")
    for name, event, table, items in tallies.TRIGGERS:
        tallies.create_trigger(
            schema_editor, name, event, table, tallies.RECOMPUTE.replace("ITEMS", items), deferred=True
        )


class Migration(migrations.Migration):
    dependencies = [("planning", "0012_party_indexes")]

    operations = [migrations.RunPython(per_item, as_before)]
