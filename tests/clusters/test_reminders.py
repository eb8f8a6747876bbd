import datetime
from decimal import Decimal

import pytest

from clusters import services
from clusters.models import ClusterYear
from clusters.reminders import SOURCE, scoring_deadlines
from reminders import registry

pytestmark = pytest.mark.django_db


def items(cluster_year, day):
    return list(scoring_deadlines(congress_ids={cluster_year.conference_id}, due_dates={day}))


def test_both_deadlines_are_registered_and_remind_only_those_not_done(cluster_year, criteria, members):
    assert registry.providers()[SOURCE] is scoring_deadlines
    rows = [(c, Decimal(1), "", None) for c in criteria]
    services.save_self_scores(cluster_year, members[0], rows, by=None)  # done, but no evidence
    services.save_self_scores(cluster_year, members[1], rows[:2], by=None)  # half done

    (scoring,) = items(cluster_year, cluster_year.scoring_deadline)
    assert scoring.key == f"scoring-{cluster_year.pk}"
    assert set(scoring.recipients) == {members[1].focal_point_id, members[2].focal_point_id}
    assert scoring.link == f"/congresses/{cluster_year.conference_id}/cluster/"

    (evidence,) = items(cluster_year, cluster_year.evidence_deadline)
    assert evidence.due_date == cluster_year.conference_date - datetime.timedelta(days=5)
    assert evidence.phrase.startswith("5 ngày trước Hội nghị")
    assert set(evidence.recipients) == {members[0].focal_point_id, members[1].focal_point_id}


def test_other_days_and_congresses_remind_nothing(cluster_year, criteria):
    assert items(cluster_year, cluster_year.scoring_deadline + datetime.timedelta(days=1)) == []
    assert list(scoring_deadlines(congress_ids={0}, due_dates={cluster_year.scoring_deadline})) == []


def test_the_planner_collects_them(cluster_year, criteria):
    ClusterYear.objects.filter(pk=cluster_year.pk).update(late_evidence_days=0)
    collected = list(
        registry.collect(congress_ids={cluster_year.conference_id}, due_dates={cluster_year.scoring_deadline})
    )
    assert [source for source, _item in collected] == [SOURCE]
