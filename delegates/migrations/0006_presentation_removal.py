import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def sessions_from_items(apps, schema_editor):
    Presentation = apps.get_model("delegates", "Presentation")
    for presentation in Presentation.objects.select_related("item"):
        presentation.session_id = presentation.item.session_id
        presentation.save(update_fields=["session"])


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("congress", "0009_single_year_period"),
        ("delegates", "0005_delegate_list_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="presentation",
            name="session",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="presentations",
                to="congress.congresssession",
                verbose_name="session",
            ),
        ),
        migrations.RunPython(sessions_from_items, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="presentation",
            name="session",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="presentations",
                to="congress.congresssession",
                verbose_name="session",
            ),
        ),
        migrations.AlterField(
            model_name="presentation",
            name="item",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="presentation",
                to="delegates.agendaitem",
                verbose_name="programme item",
            ),
        ),
        migrations.AddField(
            model_name="presentation",
            name="removed_from",
            field=models.CharField(blank=True, max_length=300, verbose_name="removed from the item"),
        ),
        migrations.AddField(
            model_name="presentation",
            name="removed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="removed at"),
        ),
        migrations.AddField(
            model_name="presentation",
            name="removed_by",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="removed by",
            ),
        ),
    ]
