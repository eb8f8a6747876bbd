"""What the pages read, in a number of queries that does not grow with members or criteria."""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from html import escape
from typing import NamedTuple

from django.db import connection
from django.db.models import F, FloatField, Func, IntegerField, Sum
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import AdjustmentProposal, CriteriaGroup, Criterion, Evidence, Score, TieRule

ZERO = Decimal("0")


def points_text(value):
    if value is None:
        return ""
    text = f"{Decimal(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@lru_cache(maxsize=4096)
def cents_text(cents):
    """Points given in hundredths as the pages write them: 550 -> "5,5", -25 -> "-0,25"."""
    if cents is None:
        return ""
    whole, part = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    if not part:
        return f"{sign}{whole}"
    if not part % 10:
        return f"{sign}{whole},{part // 10}"
    return f"{sign}{whole},{part:02d}"


class Cents(Func):
    """Points (two decimals) as a whole number of hundredths, computed by the database: it sends
    plain integers, exact, and no decimal is built per value. The inner expressions are declared
    float so that SQLite does not cast every value to NUMERIC on the way (the rounding to whole
    hundredths makes the sum exact again)."""

    template = "CAST(ROUND((%(expressions)s) * 100) AS INTEGER)"
    output_field = IntegerField()

    @property
    def convert_value(self):
        return self._convert_value_noop  # the database sends integers already: nothing to convert per row


def in_cents(column):
    return Cents(F(column))


class _Float(Func):
    """A decimal column read as a float for summing: PostgreSQL adds floats faster than numerics
    (the rounding to whole hundredths after the sum makes it exact again); SQLite keeps its
    numbers as they are."""

    template = "(%(expressions)s)::double precision"
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[0])


def summed_points():
    """Each score's points (agreed, else self-scored), summed, in hundredths."""
    points = _Float(Coalesce("agreed_points", "self_points", output_field=FloatField()))
    return Cents(Sum(points, output_field=FloatField()))


class _Flag(RawSQL):
    """Whether a score has a row in another table, as 0 or 1, written out as SQL: cheaper to
    build than an Exists subquery on a page that asks it of every cell."""

    def __init__(self, model, condition="", params=()):
        quote = connection.ops.quote_name
        table, score_table = quote(model._meta.db_table), quote(Score._meta.db_table)
        super().__init__(
            f"CASE WHEN EXISTS (SELECT 1 FROM {table} WHERE {table}.{quote('score_id')} = {score_table}.{quote('id')}"
            f"{condition}) THEN 1 ELSE 0 END",
            params,
            output_field=IntegerField(),
        )

    @property
    def convert_value(self):
        return self._convert_value_noop  # 0 or 1 from the database already


def has_evidence():
    return _Flag(Evidence)


def has_open_proposal():
    return _Flag(AdjustmentProposal, f" AND {connection.ops.quote_name('closed')} = %s", (False,))


class MemberLine(NamedTuple):
    """A member as the ranking page shows it, read as a tuple rather than two model instances."""

    pk: int
    rotation_order: int
    organization_id: int
    name: str


def member_lines(cluster_year):
    return [
        MemberLine(*values)
        for values in cluster_year.cluster.members.order_by("rotation_order", "pk").values_list(
            "pk", "rotation_order", "organization_id", "organization__name"
        )
    ]


def _member_name(member):
    return member.name if isinstance(member, MemberLine) else member.organization.name


@dataclass
class RankRow:
    """A ranked member; the points are kept in hundredths (integers): exact and cheap to add."""

    member: object
    groups: dict = field(default_factory=dict)  # group id: hundredths
    bonus: int = 0
    penalty: int = 0
    standard: int = 0
    rank: int = 0
    tie_note: str = ""

    @property
    def total(self):
        return self.standard + self.bonus - self.penalty

    @property
    def total_points(self):
        return Decimal(self.total) / 100

    @property
    def total_text(self):
        return cents_text(self.total)

    def group_cells(self, groups):
        return [cents_text(self.groups.get(group.pk, 0)) for group in groups]

    def html(self, groups, proposal="", tie_prefix=""):
        """The row of the ranking table, built once here rather than by the template (a cell per
        member and group adds up): the group texts are numbers, the names escaped. tie_prefix:
        the words before the tie rule, translated once for the table."""
        tie = ""
        if self.tie_note:
            tie = (
                '<div class="small text-body-secondary"><i class="bi bi-shuffle" aria-hidden="true"></i> '
                f"{escape(tie_prefix or _('Tie decided by'))}: {escape(self.tie_note)}</div>"
            )
        cells = "".join([f'<td class="text-end">{cents_text(self.groups.get(group.pk, 0))}</td>' for group in groups])
        return (
            f'<tr><td class="fw-bold">{self.rank}</td><td class="app-criterion">{escape(_member_name(self.member))}'
            f'{tie}</td>{cells}<td class="text-end fw-bold">{self.total_text}</td><td>{escape(proposal)}</td></tr>'
        )


def group_heads(groups):
    """The ranking table's column heads for the criteria groups, names cut at 30 characters."""
    return mark_safe(  # noqa: S308  (the names escaped)
        "".join(
            f'<th scope="col" class="text-end small">{group.order}. {escape(Truncator(group.name).chars(30))}</th>'
            for group in groups
        )
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
        return -row.groups.get(first_group_id, 0)
    return (row.member.rotation_order, row.member.pk)


def ranking(cluster_year, members=None):
    """Members ranked by agreed total (self-scored where not yet agreed), ties broken by the year's
    tie rules in their order; members left out of the ranking apart; four queries (three when
    the members are given, e.g. as `member_lines`).

    Each query orders by plain columns (the models' default orderings would join the cluster and
    the year only to sort), and the database sums the scores per member, group and kind of
    criterion, in hundredths: a few hundred integers for 60 members x 120 criteria."""
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
    totals = (
        Score.objects.filter(criterion__group_id__in=[group.pk for group in groups])
        .values_list("member_id", "criterion__group_id", "criterion__kind")
        .annotate(cents=summed_points())
        .order_by()
    )
    penalty, bonus = Criterion.Kind.PENALTY, Criterion.Kind.BONUS
    for member_id, group_id, kind, cents in totals:
        row = rows.get(member_id)
        if row is None or cents is None:
            continue
        if kind == penalty:
            row.penalty += cents
            row.groups[group_id] = row.groups.get(group_id, 0) - cents
            continue
        if kind == bonus:
            row.bonus += cents
        else:
            row.standard += cents
        row.groups[group_id] = row.groups.get(group_id, 0) + cents
    rules = [rule for rule in cluster_year.tie_rules if rule in TieRule.values]
    if TieRule.ROTATION not in rules:
        rules.append(TieRule.ROTATION)
    first_group_id = groups[0].pk if groups else None
    keys = {id(row): (-row.total, *[_tie_key(row, rule, first_group_id) for rule in rules]) for row in rows.values()}
    ordered = sorted(rows.values(), key=lambda row: keys[id(row)])
    labels = {value: str(label) for value, label in TieRule.choices}  # translated once, not per row
    for index, row in enumerate(ordered):
        row.rank = index + 1
        for other in (ordered[index - 1] if index else None, ordered[index + 1] if index + 1 < len(ordered) else None):
            if other is None or other.total != row.total:
                continue
            # The first rule that tells the two apart decided their order (keys: total, then each rule's).
            mine, theirs = keys[id(row)], keys[id(other)]
            rule = next((rule for n, rule in enumerate(rules, start=1) if mine[n] != theirs[n]), None)
            if rule is not None:
                row.tie_note = labels[rule]
    return Ranking(groups=groups, rows=ordered, rule_labels=[labels[rule] for rule in rules], excluded=excluded)


@dataclass
class Sheet:
    """The criteria sheet with some members' scores: criteria as (pk, group id, name, maximum in
    hundredths, order in the group) in order, and per (criterion, member) the cell (criterion, member, score pk, self
    and agreed points in hundredths, has evidence, has an open proposal)."""

    groups: list
    criteria: list
    members: list
    cells: dict


def review_sheet(cluster_year, members):
    """Three queries whatever the size; rows read as tuples, not model instances (a page holds
    members x criteria cells), points in hundredths (integers, no decimal built per cell), and
    whether a score has evidence or an open proposal asked as EXISTS (no join to group again).
    The criteria are put in the groups' order here (no join to sort them), and the scores
    found by their criteria's groups (a few keys to send, not one per criterion)."""
    groups = list(CriteriaGroup.objects.filter(year=cluster_year).order_by("order", "pk"))
    group_ids = [group.pk for group in groups]
    position = {pk: index for index, pk in enumerate(group_ids)}
    criteria = sorted(
        Criterion.objects.filter(group_id__in=group_ids)
        .order_by()
        .values_list("pk", "group_id", "name", in_cents("max_points"), "order"),
        key=lambda criterion: (position[criterion[1]], criterion[4], criterion[0]),
    )
    scores = (
        Score.objects.filter(criterion__group_id__in=group_ids, member__in=[m.pk for m in members])
        .order_by()
        .values_list(
            "criterion_id",
            "member_id",
            "pk",
            in_cents("self_points"),
            in_cents("agreed_points"),
            has_evidence(),
            has_open_proposal(),
        )
    )
    cells = {(row[0], row[1]): row for row in scores}
    return Sheet(groups=groups, criteria=criteria, members=members, cells=cells)


def review_rows(sheet, adjust_url="", group_pk=None):
    """The table rows of the review page as one piece of HTML, each group's heading row first:
    built here, not in the template, so that a page of many members x criteria renders fast.
    adjust_url: the address of the page a cell opens, for score 0 ("" when the user may open
    none). group_pk: only that group's rows."""
    groups = {group.pk: group for group in sheet.groups}
    members = [member.pk for member in sheet.members]
    width = len(members) + 2
    link = ""
    if adjust_url:
        prefix, suffix = adjust_url.split("/0/", 1)
        link = escape(prefix) + "/{}/" + escape(suffix)
    marks = (
        f' <i class="bi bi-paperclip" aria-label="{escape(_("evidence"))}"></i>',
        f' <i class="bi bi-chat-left-text text-warning-emphasis" aria-label="{escape(_("proposal to adjust"))}"></i>',
    )
    cells = sheet.cells
    rows = []
    current = None
    for pk, group_id, name, max_cents, _order in sheet.criteria:
        if group_pk is not None and group_id != group_pk:
            continue
        if group_id != current:
            current = group_id
            group = groups[group_id]
            rows.append(
                f'<tr class="table-light"><th scope="rowgroup" colspan="{width}">'
                f"{group.order}. {escape(group.name)}</th></tr>"
            )
        row_cells = "".join(_cell_html(cells.get((pk, member)), link, marks) for member in members)
        rows.append(
            f'<tr><td class="small app-criterion">{escape(name)}</td>'
            f'<td class="text-end small">{cents_text(max_cents)}</td>{row_cells}</tr>'
        )
    return mark_safe("".join(rows))  # noqa: S308  (names escaped, the cells built from numbers and escaped parts)


EMPTY_CELL = '<td class="text-center small"><span class="text-body-secondary">—</span></td>'


def _cell_html(cell, link, marks):
    if cell is None:
        return EMPTY_CELL
    _criterion, _member, pk, self_cents, agreed_cents, has_evidence, has_proposal = cell
    if agreed_cents is not None and agreed_cents != self_cents:
        text = f"<del>{cents_text(self_cents)}</del> <strong>{cents_text(agreed_cents)}</strong>"
    else:
        text = cents_text(self_cents if agreed_cents is None else agreed_cents)
    if link:
        text = f'<a href="{link.format(pk)}">{text}</a>'
    clip = marks[0] if has_evidence else ""
    flag = marks[1] if has_proposal else ""
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
