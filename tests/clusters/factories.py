"""A cluster year with its conference, members and focal points, built through the services."""

import datetime
from decimal import Decimal

from clusters import services
from clusters.models import Cluster, ClusterMember, CriteriaGroup, Criterion
from congress.models import CongressRole
from tests.factories import OrganizationFactory, PersonFactory, UserFactory

Role = CongressRole.Role
PROVINCES = ["Ninh Thuận", "Bình Thuận", "Khánh Hòa", "Phú Yên", "Lâm Đồng"]


def make_cluster(size=3, *, created_by=None, name="Cụm thi đua các tỉnh Nam Trung Bộ"):
    cluster = Cluster.objects.create(
        name=name,
        founding_body="Ủy ban nhân dân các tỉnh",
        rules_number="12/QĐ-CTĐ",
        rules_date=datetime.date(2023, 3, 1),
        rules_issuer="Cụm trưởng",
        created_by=created_by,
    )
    for index in range(size):
        province = PROVINCES[index] if index < len(PROVINCES) else f"Tỉnh {index + 1}"
        organization = OrganizationFactory(
            name=f"Ủy ban nhân dân tỉnh {province}", abbreviation=f"UBND-{index + 1}", kind="peoples_committee"
        )
        user = UserFactory()
        person = PersonFactory(user=user, organization=organization, full_name=f"Trần Văn {province}")
        ClusterMember.objects.create(
            cluster=cluster, organization=organization, focal_point=person, rotation_order=index + 1
        )
    return cluster


def open_year(cluster, *, by, year=2026, conference_date=None, scoring_deadline=None, days=5):
    members = list(cluster.members.all())
    return services.open_year(
        cluster,
        by=by,
        year=year,
        conference_date=conference_date or datetime.date(year, 12, 20),
        scoring_deadline=scoring_deadline or datetime.date(year, 12, 5),
        late_evidence_days=days,
        leader=members[0],
        deputy=members[1] if len(members) > 1 else None,
    )


def add_sheet(cluster_year, *, groups=2, per_group=3, bonus=True, penalty=True):
    criteria = []
    for g in range(groups):
        group = CriteriaGroup.objects.create(year=cluster_year, order=g + 1, name=f"Nhóm tiêu chí {g + 1}")
        for c in range(per_group):
            criteria.append(
                Criterion.objects.create(
                    group=group,
                    order=c + 1,
                    name=f"Tiêu chí {g + 1}.{c + 1}",
                    max_points=Decimal("10"),
                    evidence="Báo cáo kết quả" if c == 0 else "",
                )
            )
    last = cluster_year.groups.last()
    if bonus:
        criteria.append(
            Criterion.objects.create(group=last, order=90, name="Điểm thưởng", kind="bonus", max_points=Decimal("5"))
        )
    if penalty:
        criteria.append(
            Criterion.objects.create(group=last, order=91, name="Điểm trừ", kind="penalty", max_points=Decimal("5"))
        )
    return criteria


def focal_user(member):
    return member.focal_point.user


def leader_user(cluster_year):
    return CongressRole.objects.get(congress=cluster_year.conference, role=Role.SECRETARIAT).user
