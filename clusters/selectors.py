"""What the pages read, in a number of queries that does not grow with members or criteria."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .models import CriteriaGroup, Criterion, Score, TieRule

ZERO = Decimal("0")


def points_text(value):
    if value is None:
        return ""
    text = f"{Decimal(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@dataclass
class RankRow:
    member: object
    groups: dict = field(default_factory=dict)  # group id: points
    bonus: Decimal = ZERO
    penalty: Decimal = ZERO
    standard: Decimal = ZERO
    rank: int = 0
    tie_note: str = ""

    @property
    def total(self):
        return self.standard + self.bonus - self.penalty

    @property
    def total_text(self):
        return points_text(self.total)

    def group_cells(self, groups):
        return [points_text(self.groups.get(group.pk, ZERO)) for group in groups]

    def html(self, groups, proposal=""):
        """The row of the ranking table, built once here rather than by the template (a cell per
        member and group adds up): the group texts are numbers, nothing to escape."""
        tie = ""
        if self.tie_note:
            tie = format_html(
                '<div class="small text-body-secondary"><i class="bi bi-shuffle" aria-hidden="true"></i> {}: {}</div>',
                _("Tie decided by"),
                self.tie_note,
            )
        cells = "".join(f'<td class="text-end">{text}</td>' for text in self.group_cells(groups))
        return format_html(
            '<tr><td class="fw-bold">{}</td><td class="app-criterion">{}{}</td>{}'
            '<td class="text-end fw-bold">{}</td><td>{}</td></tr>',
            self.rank,
            self.member.organization.name,
            tie,
            mark_safe(cells),  # noqa: S308  (numbers only)
            self.total_text,
            proposal,
        )


@dataclass
class Ranking:
    groups: list
    rows: list
    rule_labels: list
    excluded: list = field(default_factory=list)  # [(member, exclusion)], not ranked


def _tie_key(row, rule, first_group_id):
    if rule == TieRule.FEWER_PENALTIES:
        return row.penalty
    if rule == TieRule.MORE_BONUS:
        return -row.bonus
    if rule == TieRule.FIRST_GROUP:
        return -row.groups.get(first_group_id, ZERO)
    return (row.member.rotation_order, row.member.pk)


def ranking(cluster_year, members=None):
    """Members ranked by agreed total (self-scored where not yet agreed), ties broken by the year's
    tie rules in their order; members left out of the ranking apart; four queries.

    Each query orders by plain columns (the models' default orderings would join the cluster and
    the year only to sort), and the scores are summed by the database per member and group, with
    the bonus and penalty parts apart: a few hundred rows for 60 members x 120 criteria."""
    groups = list(CriteriaGroup.objects.filter(year=cluster_year).order_by("order", "pk"))
    if members is None:
        members = list(
            cluster_year.cluster.members.select_related("organization")
            .only("cluster_id", "organization_id", "rotation_order", "organization__name")
            .order_by("rotation_order", "pk")
        )
    exclusions = {exclusion.member_id: exclusion for exclusion in cluster_year.exclusions.order_by()}
    excluded = [(member, exclusions[member.pk]) for member in members if member.pk in exclusions]
    rows = {member.pk: RankRow(member) for member in members if member.pk not in exclusions}
    points = Coalesce("agreed_points", "self_points")
    totals = (
        Score.objects.filter(criterion__group_id__in=[group.pk for group in groups])
        .values_list("member_id", "criterion__group_id")
        .annotate(
            standard=Sum(points, filter=Q(criterion__kind=Criterion.Kind.STANDARD)),
            bonus=Sum(points, filter=Q(criterion__kind=Criterion.Kind.BONUS)),
            penalty=Sum(points, filter=Q(criterion__kind=Criterion.Kind.PENALTY)),
        )
        .order_by()
    )
    for member_id, group_id, standard, bonus, penalty in totals:
        row = rows.get(member_id)
        if row is None:
            continue
        standard, bonus, penalty = standard or ZERO, bonus or ZERO, penalty or ZERO
        row.standard += standard
        row.bonus += bonus
        row.penalty += penalty
        row.groups[group_id] = standard + bonus - penalty
    rules = [rule for rule in cluster_year.tie_rules if rule in TieRule.values]
    if TieRule.ROTATION not in rules:
        rules.append(TieRule.ROTATION)
    first_group_id = groups[0].pk if groups else None
    keys = {id(row): (-row.total, *[_tie_key(row, rule, first_group_id) for rule in rules]) for row in rows.values()}
    ordered = sorted(rows.values(), key=lambda row: keys[id(row)])
    labels = dict(TieRule.choices)
    for index, row in enumerate(ordered):
        row.rank = index + 1
        for other in (ordered[index - 1] if index else None, ordered[index + 1] if index + 1 < len(ordered) else None):
            if other is None or other.total != row.total:
                continue
            higher, lower = (other, row) if other.rank and other.rank < row.rank else (row, other)
            for rule in rules:
                if _tie_key(higher, rule, first_group_id) != _tie_key(lower, rule, first_group_id):
                    row.tie_note = str(labels[rule])
                    break
    return Ranking(groups=groups, rows=ordered, rule_labels=[labels[rule] for rule in rules], excluded=excluded)


@dataclass
class Sheet:
    """The criteria sheet with some members' scores: criteria as (pk, group id, name, maximum) in
    order, and per (criterion, member) the cell (score pk, self, agreed, evidence, open proposals)."""

    groups: list
    criteria: list
    members: list
    cells: dict


def review_sheet(cluster_year, members):
    """Three queries whatever the size; rows read as tuples, not model instances (a page holds
    members x criteria cells)."""
    groups = list(CriteriaGroup.objects.filter(year=cluster_year).order_by("order", "pk"))
    criteria = list(
        Criterion.objects.filter(group__in=[group.pk for group in groups])
        .order_by("group__order", "group_id", "order", "pk")
        .values_list("pk", "group_id", "name", "max_points")
    )
    scores = (
        Score.objects.filter(
            criterion_id__in=[criterion[0] for criterion in criteria], member__in=[m.pk for m in members]
        )
        .annotate(
            evidence_count=Count("evidence", distinct=True),
            open_proposals=Count("proposals", filter=Q(proposals__closed=False), distinct=True),
        )
        .order_by()
        .values_list(
            "criterion_id", "member_id", "pk", "self_points", "agreed_points", "evidence_count", "open_proposals"
        )
    )
    cells = {(criterion_id, member_id): cell for criterion_id, member_id, *cell in scores}
    return Sheet(groups=groups, criteria=criteria, members=members, cells=cells)


def review_rows(sheet, adjust_url="", group_pk=None):
    """The table rows of the review page as HTML, each group's heading row first: built here, not
    in the template, so that a page of many members x criteria renders fast. adjust_url: the
    address of the page a cell opens, for score 0 ("" when the user may open none). group_pk:
    only that group's rows."""
    groups = {group.pk: group for group in sheet.groups}
    members = [member.pk for member in sheet.members]
    width = len(members) + 2
    link = ""
    if adjust_url:
        prefix, suffix = adjust_url.split("/0/", 1)
        link = escape(prefix) + "/{}/" + escape(suffix)
    marks = (
        format_html(' <i class="bi bi-paperclip" aria-label="{}"></i>', _("evidence")),
        format_html(
            ' <i class="bi bi-chat-left-text text-warning-emphasis" aria-label="{}"></i>', _("proposal to adjust")
        ),
    )
    rows = []
    current = None
    for pk, group_id, name, max_points in sheet.criteria:
        if group_pk is not None and group_id != group_pk:
            continue
        if group_id != current:
            current = group_id
            group = groups[group_id]
            rows.append(
                format_html(
                    '<tr class="table-light"><th scope="rowgroup" colspan="{}">{}. {}</th></tr>',
                    width,
                    group.order,
                    group.name,
                )
            )
        cells = "".join(_cell_html(sheet.cells.get((pk, member)), link, marks) for member in members)
        rows.append(
            mark_safe(  # noqa: S308  (the name escaped, the cells built from numbers and escaped parts)
                f'<tr><td class="small app-criterion">{escape(name)}</td>'
                f'<td class="text-end small">{points_text(max_points)}</td>{cells}</tr>'
            )
        )
    return rows


EMPTY_CELL = '<td class="text-center small"><span class="text-body-secondary">—</span></td>'


def _cell_html(cell, link, marks):
    if cell is None:
        return EMPTY_CELL
    pk, self_points, agreed_points, evidence_count, open_proposals = cell
    if agreed_points is not None and agreed_points != self_points:
        text = f"<del>{points_text(self_points)}</del> <strong>{points_text(agreed_points)}</strong>"
    else:
        text = points_text(self_points if agreed_points is None else agreed_points)
    if link:
        text = f'<a href="{link.format(pk)}">{text}</a>'
    clip = marks[0] if evidence_count else ""
    flag = marks[1] if open_proposals else ""
    return f'<td class="text-center small">{text}{clip}{flag}</td>'


def member_sheet(cluster_year, member):
    """[(criterion, score or None, [evidence])] for one member, in three queries."""
    criteria = list(Criterion.objects.filter(group__year=cluster_year).select_related("group"))
    scores = {
        score.criterion_id: score
        for score in Score.objects.filter(member=member, criterion__group__year=cluster_year).prefetch_related(
            "evidence", "adjustments__by"
        )
    }
    return [(criterion, scores.get(criterion.pk)) for criterion in criteria]
