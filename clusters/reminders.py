"""The self-scoring deadline and the missing-evidence deadline ("N ngày trước Hội nghị"), handed
to the reminder planner through its registry (reminders.registry).

Reminded: the focal points of the members who have not finished: at the self-scoring deadline,
members with a criterion not yet scored; at the evidence deadline, members with a score of a
criterion that requires evidence and has none. Four queries whatever the number of years.
"""

import datetime

from django.db.models import Count, Q

from documents.vietnamese import short_date
from reminders import registry

from .models import ClusterMember, ClusterYear, Criterion, Score

SOURCE = "clusters.scoring"


def _focal_people(years):
    members = ClusterMember.objects.filter(cluster__in={y.cluster_id for y in years}, focal_point__isnull=False)
    return {m.pk: (m.cluster_id, m.focal_point_id) for m in members.only("pk", "cluster_id", "focal_point_id")}


def scoring_deadlines(*, congress_ids, due_dates):
    if not due_dates or not congress_ids:
        return
    # The evidence deadline is the conference date less N days: ask for the conference dates it may fall on.
    conference_dates = (min(due_dates), max(due_dates) + datetime.timedelta(days=366))
    years = list(
        ClusterYear.objects.filter(conference_id__in=congress_ids)
        .filter(Q(scoring_deadline__in=due_dates) | Q(conference_date__range=conference_dates))
        .select_related("cluster")
    )
    years = [y for y in years if y.scoring_deadline in due_dates or y.evidence_deadline in due_dates]
    if not years:
        return
    focal = _focal_people(years)
    criteria = dict(
        Criterion.objects.filter(group__year__in=years)
        .values("group__year_id")
        .annotate(n=Count("pk"))
        .values_list("group__year_id", "n")
    )
    scored = {
        (row["criterion__group__year_id"], row["member_id"]): row["n"]
        for row in Score.objects.filter(criterion__group__year__in=years)
        .values("criterion__group__year_id", "member_id")
        .annotate(n=Count("pk"))
    }
    missing_evidence = set(
        Score.objects.filter(criterion__group__year__in=years, evidence__isnull=True)
        .exclude(criterion__evidence="")
        .values_list("criterion__group__year_id", "member_id")
    )
    for year in years:
        members = [(pk, person) for pk, (cluster_id, person) in focal.items() if cluster_id == year.cluster_id]
        link = year.get_absolute_url()
        if year.scoring_deadline in due_dates:
            people = {person for pk, person in members if scored.get((year.pk, pk), 0) < criteria.get(year.pk, 0)}
            if people:
                yield registry.DeadlineItem(
                    key=f"scoring-{year.pk}",
                    congress_id=year.conference_id,
                    due_date=year.scoring_deadline,
                    recipients=tuple(sorted(people)),
                    title=f"Tự chấm điểm thi đua năm {year.year}: {year.cluster.name}",
                    link=link,
                    phrase=f"Chậm nhất ngày {short_date(year.scoring_deadline)}",
                )
        if year.evidence_deadline in due_dates:
            people = {person for pk, person in members if (year.pk, pk) in missing_evidence}
            if people:
                yield registry.DeadlineItem(
                    key=f"evidence-{year.pk}",
                    congress_id=year.conference_id,
                    due_date=year.evidence_deadline,
                    recipients=tuple(sorted(people)),
                    title=f"Bổ sung minh chứng chấm điểm thi đua năm {year.year}: {year.cluster.name}",
                    link=link,
                    phrase=f"{year.late_evidence_days} ngày trước Hội nghị ({short_date(year.evidence_deadline)})",
                )


def register():
    registry.register(SOURCE, scoring_deadlines)
