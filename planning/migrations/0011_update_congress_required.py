"""Updates know their congress (0010 filled it); now it is required and indexed with the time."""

import django.db.models.deletion
from django.db import migrations, models


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
    ]
