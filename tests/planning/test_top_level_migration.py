"""Migration 0016 counts the top-level tasks already there, and the counts then follow the tasks."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from planning.models import Task as CurrentTask
from planning.models.tallies import top_level_counts

BEFORE = [("planning", "0015_schedule_top_level_index")]


def migrate(targets):
    """Migrate the database to `targets`; the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # migrates; the migrations' rows come back after
def test_the_counts_start_from_the_tasks_already_there():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE)
    try:
        Organization, Congress = old.get_model("congress", "Organization"), old.get_model("congress", "Congress")
        Task = old.get_model("planning", "Task")
        host = Organization.objects.create(name="Sở Nội vụ", abbreviation="SNV")
        congress = Congress.objects.create(name="Đại hội thi đua yêu nước tỉnh lần thứ VII", year=2020, host=host)
        july = datetime.date(2020, 7, 1)
        first = Task.objects.create(congress=congress, number=1, content="Kế hoạch", group_month=july)
        Task.objects.create(congress=congress, number=2, content="Báo cáo", group_month=july)
        Task.objects.create(congress=congress, number=3, content="Thường xuyên")
        Task.objects.create(congress=congress, parent=first, number=1, content="Dự thảo", group_month=july)

        migrate(latest)

        assert top_level_counts(congress) == {july: 2, None: 1}
        CurrentTask.objects.filter(congress_id=congress.pk, number=3).delete()
        assert top_level_counts(congress) == {july: 2}
    finally:
        migrate(latest)
