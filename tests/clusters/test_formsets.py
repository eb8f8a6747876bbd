"""The clusters' formsets build at most a few rows, whatever TOTAL_FORMS a request claims."""

import pytest

from clusters.forms import CriterionFormSet, MemberFormSet, ProposalRuleFormSet
from clusters.models import Cluster, ClusterYear, CriteriaGroup

pytestmark = pytest.mark.django_db
QUERIES_PER_ROW = 3  # a row's model checks (its check constraints) run queries


def claimed(prefix):
    return {f"{prefix}-TOTAL_FORMS": "100000", f"{prefix}-INITIAL_FORMS": "0"}


@pytest.mark.parametrize(
    "build",
    [
        lambda: MemberFormSet(claimed("members"), instance=Cluster(), prefix="members"),
        lambda: CriterionFormSet(claimed("criteria"), instance=CriteriaGroup(), prefix="criteria"),
        lambda: ProposalRuleFormSet(claimed("rules"), instance=ClusterYear(), prefix="rules"),
    ],
)
def test_a_formset_claiming_100000_rows_is_refused_quickly(build, django_assert_max_num_queries):
    formset = build()

    # Counted rather than timed (a timer fails on a busy machine): the rows built and the
    # queries their model checks run, bounded by the rows the formset allows.
    with django_assert_max_num_queries(QUERIES_PER_ROW * formset.absolute_max):
        valid = formset.is_valid()

    assert valid is False
    assert len(formset.forms) == formset.total_form_count() <= formset.absolute_max <= 200
