"""Dossiers: the list, the form, the page with its files, eligibility and history, and each step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import BooleanField, F, Func, IntegerField, Prefetch, QuerySet, Subquery
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from congress.concurrency import save_guarded
from congress.models import Organization
from congress.permissions import get_congress
from congress.views.common import PAGE_SIZE

from .. import eligibility, exports, services
from ..forms import ActionForm, FileForm, NominationFilter, NominationForm
from ..models import AwardType, Ballot, Nomination, NominationFile, Vote
from ..permissions import get_nomination, get_round, require
from ..rows import nomination_rows
from ..rules import focal_organizations
from ..selectors import award_catalogue, latest_ballots, nominations_for, nominee_order
from .common import awards_context

DEFAULT_ORDER = ("award_type__order", "nominee_sort", "pk")


def _filtered(request, congress, rounds=None, nominations=None, award_types=None):
    """The dossier filter; `rounds`, `award_types` ((pk, name) of its rounds' types): when the
    caller has read them already; `nominations`: what its queryset reads (the export's whole rows
    by default)."""
    if nominations is None:
        nominations = _listed(Nomination.objects.with_list_data())
    nominations = nominations_for(request.user, congress, nominations).order_by(*DEFAULT_ORDER)
    if rounds is None:
        rounds = congress.nomination_rounds.order_by("-year", "pk")
    rounds = [(nomination_round.pk, nomination_round.name) for nomination_round in rounds]
    if award_types is None:
        award_types = AwardType.objects.filter(rounds__congress=congress).distinct().values_list("pk", "name")
    proposers = (
        Organization.objects.filter(pk__in=nominations.values("proposing_organization_id"))
        .order_by("name")
        .values_list("pk", "name")
    )
    return NominationFilter(
        request.GET, queryset=nominations, rounds=rounds, award_types=award_types, proposers=proposers
    )


def _listed(nominations):
    """With the list's order on the nominee and each dossier's ballots."""
    return nominations.annotate(nominee_sort=nominee_order()).prefetch_related(
        Prefetch("ballots", queryset=Ballot.objects.order_by("pk"))
    )


def _page_rows():
    """The list's rows: the columns the table and the eligibility check read, no more."""
    return (
        Nomination.objects.select_related("award_type", "person", "organization", "proposing_organization")
        .only(
            *("award_type", "person", "organization", "proposing_organization", "household", "year_from", "year_to"),
            *("women_share", "status", "submitted_at", "award_type__name", "award_type__prerequisites"),
            *("person__full_name", "person__gender", "organization__name"),
            *("proposing_organization__name", "proposing_organization__short_name"),
        )
        .annotate(nominee_sort=nominee_order())
    )


def _with_latest_ballots(nominations):
    """Each dossier's `latest_ballot` (None before the council): one query, none for an empty page."""
    latest = latest_ballots(nomination.pk for nomination in nominations)
    for nomination in nominations:
        nomination.latest_ballot = latest.get(nomination.pk)
    return nominations


class KeysFirstPaginator(Paginator):
    """A page of a sorted queryset whose rows are wide (joined across five tables), in one query:
    the page's keys are sorted and sliced in a subquery that joins only what the order and the
    filters need, `rows` (a queryset) reads the page's rows whole in the same order, and the total
    rides along as a scalar subquery instead of a COUNT query first. PostgreSQL would otherwise join
    and sort every matching row whole to keep twenty-five. Past the last page (no row comes back)
    it counts first, as Django's paginator does."""

    def __init__(self, object_list, per_page, *, rows):
        super().__init__(object_list, per_page)
        self.rows = rows

    def get_page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        if number >= 1:
            bottom = (number - 1) * self.per_page
            page_rows = self._rows(self.object_list[bottom : bottom + self.per_page], total=True)
            if page_rows:
                self.__dict__["count"] = page_rows[0].page_total
                return self._get_page(page_rows, number, self)
        return super().get_page(number)

    def _get_page(self, object_list, number, paginator):
        if isinstance(object_list, QuerySet) and object_list.query.is_sliced:
            object_list = self._rows(object_list)
        return super()._get_page(object_list, number, paginator)

    def _rows(self, keys, *, total=False):
        rows = self.rows.filter(KeyIn(F("pk"), Subquery(keys.values("pk"))))
        if total:
            rows = rows.annotate(page_total=Total(self.object_list.order_by().values("pk")))
        return list(rows.order_by(*self.object_list.query.order_by))


class Total(Subquery):
    """The number of rows of a queryset, as a scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


class KeyIn(Func):
    """`key IN (subquery)`; on PostgreSQL `key = ANY(ARRAY(subquery))`, which it plans apart (an
    init plan read by the primary key) instead of joining the subquery into the outer query, whose
    planning then cost more than its run."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        return self._compile(compiler, "{key} IN {subquery}")

    def as_postgresql(self, compiler, connection, **extra_context):
        return self._compile(compiler, "{key} = ANY(ARRAY{subquery})")

    def _compile(self, compiler, template):
        key, subquery = self.get_source_expressions()
        key_sql, key_params = compiler.compile(key)
        subquery_sql, subquery_params = compiler.compile(subquery)
        return template.format(key=key_sql, subquery=subquery_sql), (*key_params, *subquery_params)


def _with_ballots(nominations):
    for nomination in nominations:
        ballots = list(nomination.ballots.all())
        nomination.latest_ballot = ballots[-1] if ballots else None
    return nominations


@login_required
def nomination_list(request, pk):
    congress = get_congress(request.user, pk)
    return render(
        request, "awards/nomination_list.html", awards_context(request, congress, **_list_context(request, congress))
    )


def _list_context(request, congress):
    rounds = list(congress.nomination_rounds.order_by("-year", "pk"))
    catalogue = award_catalogue(congress)
    award_types = [(pk, name) for pk, name, _code, _short_name, offered in catalogue if offered]
    keys = Nomination.objects.annotate(nominee_sort=nominee_order())
    filterset = _filtered(request, congress, rounds, keys, award_types)
    nominations = filterset.qs
    if "pk" not in nominations.query.order_by:  # equal names, units…: in a fixed order, so pages agree
        nominations = nominations.order_by(*nominations.query.order_by, "pk")
    page = KeysFirstPaginator(nominations, PAGE_SIZE, rows=_page_rows()).get_page(request.GET.get("page"))
    names = {code: short_name for _pk, _name, code, short_name, _offered in catalogue}
    eligibility.annotate(_with_latest_ballots(page.object_list), names)
    open_rounds = [r for r in rounds if _may_add(request.user, r, congress)]
    rows_html = nomination_rows(page.object_list, congress)
    return {"filter": filterset, "page": page, "open_rounds": open_rounds, "rows_html": rows_html}


def _may_add(user, nomination_round, congress):
    nomination_round.congress = congress
    return user.has_perm("awards.add_nomination", nomination_round)


@login_required
def nomination_export(request, pk):
    congress = get_congress(request.user, pk)
    filterset = _filtered(request, congress)
    nominations = _with_ballots(filterset.qs.order_by("award_type__order", "award_type_id", "nominee_sort", "pk"))
    response = HttpResponse(
        exports.nominations_workbook(nominations),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="danh-sach-ho-so-khen-thuong.xlsx"'
    return response


def _proposers(user, congress):
    """The organisations the user proposes for; None for the standing office (any)."""
    if user.has_perm("awards.manage_awards", congress):
        return None
    return focal_organizations(user, congress)


@login_required
def nomination_create(request, pk, round_pk):
    nomination_round = get_round(request.user, pk, round_pk)
    require(request.user, "awards.add_nomination", nomination_round)
    return _edit(request, nomination_round, Nomination(round=nomination_round))


@login_required
def nomination_edit(request, pk, nomination_pk):
    nomination = get_nomination(request.user, pk, nomination_pk, perm="awards.change_nomination")
    return _edit(request, nomination.round, nomination)


def _require_changeable(nomination):
    """The state rule holds for every user, the superuser too (whom Django grants every permission)."""
    if nomination.pk and not services.is_changeable(nomination):
        raise PermissionDenied


def _edit(request, nomination_round, nomination):
    _require_changeable(nomination)
    congress = nomination_round.congress
    form = NominationForm(
        request.POST or None,
        instance=nomination,
        nomination_round=nomination_round,
        proposers=_proposers(request.user, congress),
    )
    conflict = None
    if form.is_valid():
        try:
            new_person = form.new_person()
            saved, conflict = save_guarded(
                form, lambda: services.save_nomination(form.save(commit=False), by=request.user, new_person=new_person)
            )
        except services.TransitionError as refused:
            form.add_error(None, refused)
        else:
            if not conflict:
                messages.success(request, _("The dossier was saved. Add its documents next."))
                return redirect("awards:nomination_detail", congress.pk, saved.pk)
    context = awards_context(
        request, congress, form=form, nomination=nomination, round=nomination_round, conflict=conflict
    )
    status = 409 if conflict else 422 if form.is_bound else 200
    return render(request, "awards/nomination_form.html", context, status=status)


@login_required
def nomination_detail(request, pk, nomination_pk):
    nomination = get_nomination(request.user, pk, nomination_pk)
    return _render_detail(request, nomination)


def _render_detail(request, nomination, *, failed=None, status=200):
    """The dossier page; `failed` is a FileForm refused, shown under its document."""
    user = request.user
    can_change = user.has_perm("awards.change_nomination", nomination) and services.is_changeable(nomination)
    files = list(nomination.files.select_related("uploaded_by__person"))
    documents = []
    for requirement in nomination.award_type.documents.all():
        form = failed if failed is not None and failed.requirement.pk == requirement.pk else None
        if can_change and form is None:
            form = FileForm(requirement=requirement, prefix=f"doc{requirement.pk}")
        own = [item for item in files if item.requirement_id == requirement.pk]
        documents.append({"requirement": requirement, "files": own, "form": form if can_change else None})
    eligibility.annotate([nomination])
    ballots = nomination.ballots.select_related("session").prefetch_related("votes__member__person")
    context = awards_context(
        request,
        nomination.round.congress,
        nomination=nomination,
        documents=documents,
        other_files=[item for item in files if item.requirement_id is None],
        missing=[doc["requirement"] for doc in documents if doc["requirement"].mandatory and not doc["files"]],
        can_change=can_change,
        actions=services.available_actions(user, nomination),
        events=nomination.events.select_related("actor__person"),
        ballots=ballots,
        own_votes=Vote.objects.filter(ballot__nomination=nomination, member__person__user=user).select_related(
            "ballot__session"
        ),
        prerequisites=nomination.award_type.prerequisite_lines(eligibility.type_names()),
    )
    return render(request, "awards/nomination_detail.html", context, status=status)


@login_required
def file_upload(request, pk, nomination_pk, requirement_pk):
    nomination = get_nomination(request.user, pk, nomination_pk, perm="awards.change_nomination")
    _require_changeable(nomination)
    if request.method != "POST":
        return redirect(nomination)
    requirement = get_object_or_404(nomination.award_type.documents, pk=requirement_pk)
    form = FileForm(request.POST, request.FILES, requirement=requirement, prefix=f"doc{requirement.pk}")
    if not form.is_valid():
        return _render_detail(request, nomination, failed=form, status=422)
    upload = form.cleaned_data["file"]
    try:
        services.attach_file(nomination, requirement=requirement, upload=upload, by=request.user)
    except services.TransitionError as refused:
        form.add_error("file", refused)
        return _render_detail(request, nomination, failed=form, status=409)
    messages.success(request, _("“%(name)s” was added to the dossier.") % {"name": upload.name})
    return redirect(nomination.get_absolute_url() + "#documents")


def _get_file(user, pk, file_pk, *, perm=None):
    congress = get_congress(user, pk)
    dossier_file = get_object_or_404(NominationFile, nomination__round__congress=congress, pk=file_pk)
    dossier_file.nomination = get_nomination(user, pk, dossier_file.nomination_id, perm=perm)
    return dossier_file


@login_required
def file_download(request, pk, file_pk):
    dossier_file = _get_file(request.user, pk, file_pk)
    try:
        handle = dossier_file.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=dossier_file.name)
    response["Content-Type"] = dossier_file.content_type
    return response


@login_required
def file_delete(request, pk, file_pk):
    dossier_file = _get_file(request.user, pk, file_pk, perm="awards.change_nomination")
    nomination = dossier_file.nomination
    _require_changeable(nomination)
    if request.method == "POST":
        try:
            services.remove_file(dossier_file)
        except services.TransitionError as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("“%(name)s” was removed.") % {"name": dossier_file.name})
        return redirect(nomination.get_absolute_url() + "#documents")
    context = awards_context(request, nomination.round.congress, nomination=nomination, object=dossier_file)
    return render(request, "awards/file_confirm_delete.html", context)


@login_required
def nomination_action(request, pk, nomination_pk, action):
    nomination = get_nomination(request.user, pk, nomination_pk)
    step = services.ACTIONS.get(action)
    if step is None:
        raise Http404
    require(request.user, step.perm, nomination)
    unmet = services.unmet_conditions(nomination) if step.checks_eligibility else []
    form = ActionForm(request.POST or None, action=step, unmet=unmet)
    error = None
    if form.is_valid():
        try:
            services.STEPS[action](nomination, by=request.user, **form.step_values())
        except services.TransitionError as refused:
            error = refused.message
        else:
            messages.success(
                request, _("The dossier is now “%(status)s”.") % {"status": nomination.get_status_display()}
            )
            return redirect(nomination)
    context = awards_context(request, nomination.round.congress, nomination=nomination, form=form, step=step)
    context.update(error=error, allowed=nomination.status in step.sources, unmet=form.unmet)
    status = 422 if form.is_bound else 200
    return render(request, "awards/nomination_action.html", context, status=status)
