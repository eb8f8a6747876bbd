from io import StringIO

from demo.benchmarks import reminders
from planning.models import Task
from reminders.models import OutboxMail, ScheduledReminder


def test_the_reminder_benchmark_reports_its_figures_and_leaves_nothing_behind(db):
    out = StringIO()

    figures = reminders.run(stdout=out, repeat=1, size=(300, 60))

    assert set(figures) == {"reminder_plan_s_300", "reminder_plan_peak_mb_300", "reminder_plan_queries_300"}
    assert figures["reminder_plan_s_300"] > 0
    assert figures["reminder_plan_queries_300"] > 0
    assert "digests for 300 open tasks and 60 people" in out.getvalue()
    assert not Task.objects.exists()
    assert not ScheduledReminder.objects.exists()
    assert not OutboxMail.objects.exists()
