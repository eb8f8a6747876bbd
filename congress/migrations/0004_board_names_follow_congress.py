"""Board names that only repeated the congress's name become derived, so they follow it."""

from django.db import migrations


def derive_board_names(apps, schema_editor):
    OrganizingBoard = apps.get_model("congress", "OrganizingBoard")
    for board in OrganizingBoard.objects.exclude(name="").select_related("congress"):
        if board.name == f"Ban Tổ chức {board.congress.name}":
            board.name = ""
            board.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("congress", "0003_vietnamese_ordering")]

    operations = [migrations.RunPython(derive_board_names, migrations.RunPython.noop)]
