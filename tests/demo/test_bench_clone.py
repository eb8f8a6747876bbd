import io

from congress.models import Congress
from demo.benchmarks import clone


# SQLite splits a bulk insert into batches of 999 parameters, so sizes that fit one batch are compared.
def test_the_clone_figures_are_measured_with_a_query_count_that_does_not_grow(db):
    out = io.StringIO()

    figures = clone.run(stdout=out, repeat=1, sizes=(20, 40))

    assert figures["clone_s_20"] > 0
    assert figures["clone_queries_20"] == figures["clone_queries_40"]
    assert "clone @40 tasks" in out.getvalue()
    assert not Congress.objects.exists()
