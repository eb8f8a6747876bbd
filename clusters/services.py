"""Everything that writes: each change of more than one row is one transaction. Forms only
validate; these functions take cleaned values."""

import datetime
from collections import Counter
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import Congress, CongressRole, CongressSession

from .models import (
    Adjustment,
    CriteriaGroup,
    Criterion,
    Election,
    Evidence,
    ProposalRule,
    Score,
    TieRule,
    Vote,
)

Role = CongressRole.Role
DEFAULT_TIE_RULES = [TieRule.FEWER_PENALTIES, TieRule.MORE_BONUS, TieRule.FIRST_GROUP, TieRule.ROTATION]


@transaction.atomic
def save_cluster(cluster, *, by, members=None):
    """Save the cluster and, when given, its members (a bound, valid inline formset)."""
    creating = cluster.pk is None
    if creating:
        cluster.created_by = by
    cluster.save()
    if members is not None:
        members.instance = cluster
        members.save()
    return cluster


def conference_name(cluster, year):
    return f"Hội nghị tổng kết công tác thi đua năm {year} {cluster.name}"


@transaction.atomic
def open_year(cluster, *, by, year, conference_date, scoring_deadline, late_evidence_days, leader, deputy):
    """Open a year of emulation: its review conference (a congress of kind "cluster review") with
    the conference session, the opener as the leader's office, each member's focal point as a
    focal point; last year's tie and proposal rules and pledge carried over."""
    from .models import ClusterYear

    host = leader.organization if leader else cluster.members.select_related("organization").first().organization
    conference = Congress.objects.create(
        kind=Congress.Kind.CLUSTER_REVIEW,
        level=Congress.Level.PROVINCE,
        year=year,
        name=conference_name(cluster, year),
        host=host,
        review_period=str(year),
        status=Congress.Status.PLANNING,
    )
    starts = timezone.make_aware(datetime.datetime.combine(conference_date, datetime.time(8, 0)))
    session = CongressSession.objects.create(
        congress=conference,
        name="Hội nghị tổng kết",
        kind=CongressSession.Kind.OFFICIAL,
        order=1,
        timing=CongressSession.Timing.EXACT,
        starts_at=starts,
    )
    previous = cluster.years.filter(year__lt=year).order_by("-year").first()
    cluster_year = ClusterYear.objects.create(
        cluster=cluster,
        year=year,
        conference=conference,
        conference_date=conference_date,
        scoring_deadline=scoring_deadline,
        late_evidence_days=late_evidence_days,
        leader=leader,
        deputy=deputy,
        tie_rules=list(previous.tie_rules) if previous else list(DEFAULT_TIE_RULES),
        members_see_scores=previous.members_see_scores if previous else False,
    )
    if previous:
        ProposalRule.objects.bulk_create(
            ProposalRule(year=cluster_year, rank_from=r.rank_from, rank_to=r.rank_to, award_type_id=r.award_type_id)
            for r in previous.proposal_rules.all()
        )
    if by is not None and not by.is_superuser:
        CongressRole.objects.create(congress=conference, user=by, role=Role.SECRETARIAT)
    sync_focal_points(cluster_year)
    sync_participants(cluster_year, session)
    add_agenda(cluster_year, session)
    return cluster_year


def conference_session(cluster_year):
    """The review conference's session: its first one (the year opens it with one)."""
    return cluster_year.conference.sessions.order_by("order", "starts_at", "pk").first()


def move_conference_session(cluster_year):
    """The conference session follows the year's conference date (same time of day, same length)."""
    session = conference_session(cluster_year)
    if session is None or session.starts_at is None:
        return
    starts = timezone.localtime(session.starts_at)
    if starts.date() == cluster_year.conference_date:
        return
    moved = timezone.make_aware(datetime.datetime.combine(cluster_year.conference_date, starts.time()))
    shift = moved - session.starts_at
    session.starts_at = moved
    session.ends_at = session.ends_at + shift if session.ends_at else None
    session.save(update_fields=["starts_at", "ends_at"])


def representative_line(organization):
    return f"Đại diện lãnh đạo {organization.name}"[:300]


@transaction.atomic
def sync_participants(cluster_year, session=None):
    """Every member's representative takes part in the review conference: a participant line of
    the conference session for each member's organisation that has none yet (lines added or
    changed by hand on the programme page are kept)."""
    session = session or conference_session(cluster_year)
    if session is None:
        return 0
    lines = session.participant_lines  # the session's participants (kept by the delegates app)
    present = set(lines.exclude(organization=None).values_list("organization_id", flat=True))
    last = lines.order_by("-order").values_list("order", flat=True).first() or 0
    members = cluster_year.cluster.members.select_related("organization").order_by("rotation_order", "pk")
    missing = [member.organization for member in members if member.organization_id not in present]
    lines.model.objects.bulk_create(
        lines.model(session=session, organization=organization, description=representative_line(organization), order=n)
        for n, organization in enumerate(missing, start=last + 1)
    )
    return len(missing)


def add_agenda(cluster_year, session):
    """The review conference's programme: scores reviewed, members ranked, proposals agreed, the
    next leader and deputy elected, the pledge signed."""
    leader_title, deputy_title = cluster_year.cluster.leader_titles
    chair = cluster_year.leader.organization if cluster_year.leader else None
    items = [
        (datetime.time(8, 0), "Tuyên bố lý do, giới thiệu đại biểu; thông qua chương trình Hội nghị", chair),
        (
            datetime.time(8, 15),
            f"Báo cáo tổng kết công tác thi đua năm {cluster_year.year}; thảo luận, thống nhất điểm chấm "
            "của các đơn vị thành viên",
            chair,
        ),
        (datetime.time(9, 30), "Bình xét, xếp hạng các đơn vị thành viên theo điểm đã thống nhất", chair),
        (datetime.time(10, 0), "Thống nhất đề nghị khen thưởng (Cờ thi đua, Bằng khen) theo kết quả xếp hạng", chair),
        (datetime.time(10, 30), f"Bầu {leader_title}, {deputy_title} năm {cluster_year.year + 1}", None),
        (datetime.time(11, 0), "Ký kết giao ước thi đua giữa các đơn vị thành viên", None),
        (datetime.time(11, 30), "Bế mạc Hội nghị", chair),
    ]
    agenda = session.agenda_items  # the session's programme (kept by the delegates app)
    agenda.model.objects.bulk_create(
        agenda.model(
            session=session,
            order=n,
            starts_at=starts_at,
            title=title,
            organization=organization,
            presenter="" if organization else "Các đơn vị thành viên",
        )
        for n, (starts_at, title, organization) in enumerate(items, start=1)
    )


@transaction.atomic
def sync_focal_points(cluster_year):
    """The focal point role of the year's conference follows the cluster's members: each member's
    focal point (who has an account) gets it for the member's organisation; a former focal point,
    or the focal point of a former member, loses it."""
    members = cluster_year.cluster.members.select_related("focal_point").filter(focal_point__user__isnull=False)
    wanted = {(member.focal_point.user_id, member.organization_id) for member in members}
    roles = CongressRole.objects.filter(congress=cluster_year.conference, role=Role.FOCAL_POINT)
    existing = {(role.user_id, role.organization_id): role.pk for role in roles}
    CongressRole.objects.filter(pk__in=[pk for pair, pk in existing.items() if pair not in wanted]).delete()
    CongressRole.objects.bulk_create(
        CongressRole(congress=cluster_year.conference, user_id=user_id, role=Role.FOCAL_POINT, organization_id=org_id)
        for user_id, org_id in sorted(wanted - set(existing))
    )


@transaction.atomic
def save_year(cluster_year, *, proposal_rules=None):
    cluster_year.save()
    move_conference_session(cluster_year)
    if proposal_rules is not None:
        proposal_rules.instance = cluster_year
        proposal_rules.save()
    return cluster_year


@transaction.atomic
def save_group(group, *, criteria):
    group.save()
    criteria.instance = group
    criteria.save()
    return group


def _refuse_if_adopted(cluster_year):
    if cluster_year.criteria_locked:
        raise ValidationError(_("The criteria sheet has been adopted; it can no longer change."))


@transaction.atomic
def copy_sheet(cluster_year, source):
    """Start this year's criteria sheet from another year's: every group and criterion, in order."""
    _refuse_if_adopted(cluster_year)
    if cluster_year.groups.exists():
        raise ValidationError(_("This year already has criteria; copy only into an empty sheet."))
    groups = list(source.groups.prefetch_related("criteria"))
    for group in groups:
        copy = CriteriaGroup.objects.create(year=cluster_year, order=group.order, name=group.name)
        Criterion.objects.bulk_create(
            Criterion(
                group=copy,
                order=c.order,
                name=c.name,
                kind=c.kind,
                max_points=c.max_points,
                evidence=c.evidence,
            )
            for c in group.criteria.all()
        )
    return len(groups)


def scoring_phase(cluster_year, today=None):
    """ "open" until the self-scoring deadline, "evidence" until the evidence deadline, then "closed"."""
    today = today or timezone.localdate()
    if today <= cluster_year.scoring_deadline:
        return "open"
    if today <= cluster_year.evidence_deadline:
        return "evidence"
    return "closed"


@transaction.atomic
def save_self_scores(cluster_year, member, rows, *, by, today=None):
    """rows: [(criterion, points, note, upload or None)] of the member's sheet, cleaned.

    Before the self-scoring deadline points, notes and evidence may change; after it only missing
    evidence may be added (marked late) until the evidence deadline."""
    phase = scoring_phase(cluster_year, today)
    if phase == "closed":
        raise ValidationError(_("The deadline for missing evidence has passed; the sheet can no longer change."))
    existing = {
        score.criterion_id: score for score in Score.objects.filter(member=member, criterion__group__year=cluster_year)
    }
    for criterion, points, note, upload in rows:
        score = existing.get(criterion.pk)
        if phase == "open" and points is not None:
            if score is None:
                score = Score(criterion=criterion, member=member)
            score.self_points, score.note, score.updated_by = points, note, by
            score.save()
        if upload is not None:
            if score is None:
                raise ValidationError(_("Score the criterion before sending its evidence."))
            Evidence.objects.create(
                score=score,
                file=upload,
                name=upload.name[:255],
                size=upload.size,
                content_type=upload.content_type,
                late=phase == "evidence",
                uploaded_by=by,
            )


@transaction.atomic
def adjust(score, *, to_points, reason, by):
    """The leader's adjustment of a score: recorded with who, from what, to what and why."""
    if not reason.strip():
        raise ValidationError(_("Give the reason for the adjustment."))
    if to_points > score.criterion.max_points:
        raise ValidationError(_("At most %(max)s points.") % {"max": score.criterion.max_points})
    Adjustment.objects.create(score=score, from_points=score.points, to_points=to_points, reason=reason.strip(), by=by)
    score.agreed_points = to_points
    score.save(update_fields=["agreed_points", "updated_at"])
    score.proposals.filter(closed=False).update(closed=True)
    return score


def propose_adjustment(score, *, member, points, reason, by):
    """Another member's proposal for this score; the leader decides."""
    from .models import AdjustmentProposal

    if member.pk == score.member_id:
        raise ValidationError(_("A member does not propose changes to its own scores."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the adjustment."))
    if points > score.criterion.max_points:
        raise ValidationError(_("At most %(max)s points.") % {"max": score.criterion.max_points})
    return AdjustmentProposal.objects.create(score=score, member=member, points=points, reason=reason.strip(), by=by)


@transaction.atomic
def agree_scores(cluster_year):
    """Take every self-score not adjusted as agreed."""
    from django.db.models import F

    return Score.objects.filter(criterion__group__year=cluster_year, agreed_points__isnull=True).update(
        agreed_points=F("self_points")
    )


def exclude(cluster_year, member, *, reason, by):
    """Leave a member out of the year's ranking, with the reason."""
    from .models import Exclusion

    if not reason.strip():
        raise ValidationError(_("Give the reason for leaving the member out."))
    return Exclusion.objects.create(year=cluster_year, member=member, reason=reason.strip(), by=by)


@transaction.atomic
def cast_vote(cluster_year, voter, *, leader, deputy, by):
    if hasattr(cluster_year, "election"):
        raise ValidationError(_("The result has been recorded; votes can no longer change."))
    if leader == deputy:
        raise ValidationError(cluster_year.cluster.terms.different_leaders)
    vote, _created = Vote.objects.update_or_create(
        year=cluster_year, voter=voter, defaults={"leader": leader, "deputy": deputy, "entered_by": by}
    )
    return vote


def tally(cluster_year):
    """(leader counts, deputy counts, winner leader, winner deputy): most votes; a tie goes to the
    member first in the rotation order; the deputy is the most voted member other than the leader."""
    votes = list(cluster_year.votes.select_related("leader__organization", "deputy__organization"))
    leaders = Counter(vote.leader for vote in votes)
    deputies = Counter(vote.deputy for vote in votes)

    def best(counter, exclude=None):
        ranked = sorted(
            (member for member in counter if member != exclude),
            key=lambda m: (-counter[m], m.rotation_order, m.pk),
        )
        return ranked[0] if ranked else None

    leader = best(leaders)
    deputy = best(deputies, exclude=leader)
    return leaders, deputies, leader, deputy


@transaction.atomic
def record_election(cluster_year, *, by):
    """Record the result and set the next year's leader and deputy where that year is open."""
    if hasattr(cluster_year, "election"):
        raise ValidationError(_("The result has already been recorded."))
    leaders, deputies, leader, deputy = tally(cluster_year)
    if leader is None or deputy is None:
        raise ValidationError(_("No votes yet: the result cannot be recorded."))
    election = Election.objects.create(
        year=cluster_year,
        leader=leader,
        deputy=deputy,
        leader_votes=leaders[leader],
        deputy_votes=deputies[deputy],
        recorded_by=by,
    )
    cluster_year.cluster.years.filter(year=cluster_year.year + 1).update(leader=leader, deputy=deputy)
    return election


def scores_total(value):
    return Decimal(value or 0).quantize(Decimal("0.01"))


@transaction.atomic
def make_proposals(cluster_year, nomination_round, *, by):
    """The cluster's proposals as dossiers of the awards round, through awards' services: one per
    member ranked within a proposal rule, proposed by the leader, carrying the score summary table
    (PDF) as a file. Members already proposed for that award in the round are skipped."""
    from awards.models import Nomination
    from awards.services import attach_file, save_nomination

    from .selectors import ranking
    from .summary import summary_pdf

    table = ranking(cluster_year)
    rules = list(cluster_year.proposal_rules.select_related("award_type"))
    if not rules:
        raise ValidationError(_("The year has no proposal rules."))
    if cluster_year.leader is None:
        raise ValidationError(
            _("The year has no %(leader)s to propose.") % {"leader": cluster_year.cluster.terms.leader}
        )
    accepted = set(nomination_round.award_types.values_list("pk", flat=True))
    already = set(
        Nomination.objects.filter(round=nomination_round, organization__isnull=False).values_list(
            "organization_id", "award_type_id"
        )
    )
    pdf = None
    created = []
    for rule in rules:
        if rule.award_type_id not in accepted:
            raise ValidationError(_("The round does not accept “%(award)s”.") % {"award": rule.award_type.name})
        for row in table.rows:
            if not rule.rank_from <= row.rank <= rule.rank_to:
                continue
            if (row.member.organization_id, rule.award_type_id) in already:
                continue
            nomination = Nomination(
                round=nomination_round,
                award_type=rule.award_type,
                organization=row.member.organization,
                proposing_organization=cluster_year.leader.organization,
                year_from=cluster_year.year,
                year_to=cluster_year.year,
                achievements=(
                    f"Xếp thứ {row.rank}/{len(table.rows)} trong {cluster_year.cluster.name} năm {cluster_year.year} "
                    f"với tổng số {row.total_text} điểm (điểm thống nhất tại Hội nghị tổng kết)."
                ),
            )
            save_nomination(nomination, by=by)
            if pdf is None:
                pdf = summary_pdf(cluster_year)
            upload = ContentFile(pdf, name=f"bang-tong-hop-diem-{cluster_year.year}.pdf")
            upload.content_type = "application/pdf"
            attach_file(nomination, requirement=None, upload=upload, by=by)
            created.append(nomination)
    return created
