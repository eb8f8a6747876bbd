"""The clusters' formsets build at most a few rows, whatever TOTAL_FORMS a request claims."""

import time

import pytest

from clusters.forms import CriterionFormSet, MemberFormSet, ProposalRuleFormSet
from clusters.models import Cluster, ClusterYear, CriteriaGroup

pytestmark = pytest.mark.django_db


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
def test_a_formset_claiming_100000_rows_is_refused_quickly(build):
    formset = build()
    started = time.perf_counter()

    valid = formset.is_valid()

    assert (valid, time.perf_counter() - started < 2) == (False, True)
    assert formset.total_form_count() <= formset.absolute_max <= 200
