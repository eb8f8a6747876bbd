import io

from congress.models import Congress
from demo.benchmarks import documents


def test_the_printing_bench_reports_its_figures_and_leaves_the_database_as_it_was(db):
    out = io.StringIO()

    figures = documents.run(stdout=out, repeat=1, sizes=(12,))

    assert set(figures) == {
        "schedule_pdf_s_per_page_12",
        "schedule_pdf_pages_12",
        "schedule_pdf_peak_mb_12",
        "plan_pdf_s",
    }
    assert figures["schedule_pdf_pages_12"] >= 2
    assert 0 < figures["schedule_pdf_s_per_page_12"] < 5
    assert figures["schedule_pdf_peak_mb_12"] > 0
    assert figures["plan_pdf_s"] > 0
    assert not Congress.objects.exists()
    assert "schedule PDF @12 tasks" in out.getvalue()
