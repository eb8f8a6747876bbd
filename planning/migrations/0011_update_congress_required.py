"""Updates know their congress (0010 filled it); now it is required and indexed with the time."""

import django.db.models.deletion
from django.db import migrations, models


def refresh_statistics(apps, schema_editor):
    """SQLite plans with the statistics of its last ANALYZE, if one ever ran: one that knew the
    other indexes of the tasks but not the new one would read the tasks through it."""
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone():
                cursor.execute("ANALYZE planning_task")
                cursor.execute("ANALYZE planning_progressupdate")


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0010_update_congress"),
    ]

    operations = [
        migrations.AlterField(
            model_name='progressupdate',
            name='congress',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='congress.congress'),
        ),
        migrations.AddIndex(
            model_name='progressupdate',
            index=models.Index(fields=['congress', 'created_at'], name='planning_update_latest'),
        ),
        migrations.AddIndex(
            model_name='task',
            index=models.Index(fields=['congress', 'parent'], name='planning_task_parents'),
        ),
        migrations.RunPython(refresh_statistics, migrations.RunPython.noop),
    ]
