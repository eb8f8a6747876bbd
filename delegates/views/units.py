"""The Delegates tab: the cap and quotas, the composition, the units' lists and the delegates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from congress.concurrency import save_guarded
from congress.models import Person
from congress.permissions import get_congress
from congress.search import matching
from congress.views.common import paginate
from congress.views.congresses import congress_context

from .. import services
from ..badges import badges_pdf
from ..composition import add_counts, by_unit, count_groups, count_traits, evaluate
from ..forms import (
    AllocationForm,
    DelegateFilterForm,
    DelegateForm,
    QuotaFormSet,
    ReturnForm,
    ReviewForm,
    TargetFormSet,
    check_quota_sum,
)
from ..models import Allocation, Delegate, Sector, UnitEvent, UnitQuota
from ..permissions import get_delegate, get_managed_congress, get_quota
from ..rules import registered_units


def delegates_context(request, congress):
    context = congress_context(request, congress, "delegates")
    context["can_manage_delegates"] = request.user.has_perm("delegates.manage_delegates", congress)
    return context


def allocation_of(congress):
    return Allocation.objects.filter(congress=congress).first()


@login_required
def home(request, pk):
    """The cap, every unit with its quota, registered count, status and composition; the congress total."""
    congress = get_congress(request.user, pk)
    allocation = allocation_of(congress)
    targets = list(congress.composition_targets.all())
    quotas = list(congress.delegate_quotas.select_related("organization"))
    groups = count_groups(congress.delegates.all(), congress, allocation, targets)
    overall = evaluate(add_counts(counts for _quota, _kind, counts in groups), targets)
    units = by_unit(groups)
    for quota in quotas:
        quota.registered = units.get(quota.pk, {}).get("total", 0)
        quota.composition = evaluate(units.get(quota.pk), targets, shares_only=True)
    mine = registered_units(request.user, congress)
    kinds = {}
    for _quota, kind, counts in groups:
        kinds[kind] = kinds.get(kind, 0) + counts["total"]
    context = delegates_context(request, congress)
    context.update(
        allocation=allocation,
        quotas=quotas,
        allocated=sum(quota.seats for quota in quotas),
        targets=targets,
        overall=overall,
        my_units=[quota for quota in quotas if quota.organization_id in mine],
        guests=kinds.get(Delegate.Kind.GUEST, 0),
        officials=kinds.get(Delegate.Kind.OFFICIAL, 0),
    )
    return render(request, "delegates/home.html", context)


@login_required
def setup(request, pk):
    congress = get_managed_congress(request.user, pk)
    allocation = allocation_of(congress) or Allocation(congress=congress)
    data = request.POST or None
    form = AllocationForm(data, instance=allocation)
    quotas = QuotaFormSet(data, instance=congress, prefix="quotas")
    targets = TargetFormSet(data, instance=congress, prefix="targets")
    valid = all([form.is_valid(), quotas.is_valid(), targets.is_valid()])
    if valid and check_quota_sum(form, quotas):
        services.save_setup(congress, form, quotas, targets)
        messages.success(request, _("The seats, quotas and composition targets were saved."))
        return redirect("delegates:home", congress.pk)
    context = delegates_context(request, congress)
    context.update(form=form, quotas=quotas, targets=targets)
    return render(request, "delegates/setup.html", context, status=422 if request.method == "POST" else 200)


def row_urls(name, *args):
    """A function giving the URL of `name` for a row id: reversed once per page, not once per row."""
    marker = 999999999
    head, tail = reverse(name, args=[*args, marker]).split(str(marker))
    return lambda row_id: f"{head}{row_id}{tail}"


def label_rows(rows, congress):
    """Give each delegate row its display labels and links, computed once per page."""
    genders = {value: str(label) for value, label in Person.Gender.choices}
    sectors = {value: str(label) for value, label in Sector.choices}
    guest = str(Delegate.Kind.GUEST.label)
    edit_url = row_urls("delegates:delegate_edit", congress.pk)
    delete_url = row_urls("delegates:delegate_delete", congress.pk)
    for delegate in rows:
        delegate.gender_label = genders.get(delegate.gender, delegate.gender)
        delegate.sector_label = sectors.get(delegate.sector, delegate.sector)
        delegate.delegation_label = delegate.delegation or (
            delegate.quota.organization.display_name if delegate.quota_id else guest
        )
        delegate.edit_url, delegate.delete_url = edit_url(delegate.pk), delete_url(delegate.pk)
    return rows


def filtered_delegates(request, congress):
    form = DelegateFilterForm(request.GET or None, congress=congress)
    queryset = congress.delegates.select_related("quota__organization").order_by("kind", "full_name", "pk")
    if form.is_valid():
        if form.cleaned_data["q"]:
            queryset = queryset.filter(matching(["full_name", "position", "workplace"], form.cleaned_data["q"]))
        if form.cleaned_data["kind"]:
            queryset = queryset.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["unit"]:
            queryset = queryset.filter(quota=form.cleaned_data["unit"])
    return form, queryset


# What the list shows of a delegate and its unit: a page of rows, not each row's every column.
LIST_COLUMNS = [
    "congress_id",
    "kind",
    "delegation",
    "full_name",
    "gender",
    "birth_year",
    "ethnicity",
    "position",
    "sector",
    "quota__organization__name",
    "quota__organization__short_name",
]


@login_required
def delegate_list(request, pk):
    congress = get_congress(request.user, pk)
    form, queryset = filtered_delegates(request, congress)
    context = delegates_context(request, congress)
    page = paginate(request, queryset.only(*LIST_COLUMNS), per_page=50)
    page.object_list = label_rows(list(page.object_list), congress)
    context.update(filter_holder={"form": form}, page=page)
    return render(request, "delegates/delegate_list.html", context)


# As delegates/_unit_status.html colours a list's status.
STATUS_BADGES = {
    UnitQuota.Status.ACCEPTED: "text-bg-success",
    UnitQuota.Status.SUBMITTED: "text-bg-primary",
    UnitQuota.Status.RETURNED: "text-bg-warning",
}


@login_required
def composition(request, pk):
    congress = get_congress(request.user, pk)
    allocation = allocation_of(congress)
    targets = list(congress.composition_targets.all())
    groups = count_groups(congress.delegates.all(), congress, allocation, targets)
    overall = evaluate(add_counts(counts for _quota, _kind, counts in groups), targets)
    officials = by_unit(groups, kind=Delegate.Kind.OFFICIAL)
    quotas = list(
        congress.delegate_quotas.select_related("organization").only(
            "congress_id", "status", "organization__name", "organization__short_name"
        )
    )
    statuses = {value: str(label) for value, label in UnitQuota.Status.choices}
    unit_url = row_urls("delegates:unit", congress.pk)
    for quota in quotas:
        quota.composition = evaluate(officials.get(quota.pk), targets, shares_only=True)
        quota.url, quota.status_label = unit_url(quota.pk), statuses[quota.status]
        quota.status_badge = STATUS_BADGES.get(quota.status, "text-bg-secondary")
    context = delegates_context(request, congress)
    context.update(
        allocation=allocation,
        targets=targets,
        share_targets=[target for target in targets if target.min_percent is not None],
        overall=overall,
        quotas=quotas,
    )
    return render(request, "delegates/composition.html", context)


def unit_composition(quota, allocation=None):
    congress = quota.congress
    counts = count_traits(quota.delegates.all(), congress, allocation or allocation_of(congress))["all"]
    return evaluate(counts, list(congress.composition_targets.all()), shares_only=True)


@login_required
def unit_detail(request, pk, quota_pk):
    quota = get_quota(request.user, pk, quota_pk)
    congress = quota.congress
    can_register = request.user.has_perm("delegates.register_unit", quota)
    context = delegates_context(request, congress)
    context.update(
        quota=quota,
        delegates=label_rows(list(quota.delegates.order_by("full_name", "pk")), congress),
        composition=unit_composition(quota),
        events=quota.events.select_related("by")[:50],
        can_register=can_register,
        can_edit=can_register and (quota.is_editable or context["can_manage_delegates"]),
    )
    return render(request, "delegates/unit_detail.html", context)


def delegate_form_page(request, congress, delegate, *, cancel_url, title):
    form = DelegateForm(request.POST or None, request.FILES or None, instance=delegate)
    conflict = None
    if form.is_valid():
        _saved, conflict = save_guarded(
            form, lambda: services.save_delegate(delegate, form.cleaned_data, by=request.user)
        )
        if not conflict:
            messages.success(request, _("The delegate was saved."))
            return redirect(cancel_url)
        delegate.refresh_from_db()  # the page shows what is saved; the form keeps what the user typed
    context = delegates_context(request, congress)
    context.update(form=form, delegate=delegate, cancel_url=cancel_url, title=title, conflict=conflict)
    status = 409 if conflict else 422 if form.is_bound else 200
    return render(request, "delegates/delegate_form.html", context, status=status)


def require_open(request, quota):
    """A focal point changes the list while it is being registered or returned; staff at any time."""
    if not quota.is_editable and not request.user.has_perm("delegates.manage_delegates", quota.congress):
        raise PermissionDenied


@login_required
def delegate_create(request, pk, quota_pk):
    quota = get_quota(request.user, pk, quota_pk, register=True)
    require_open(request, quota)
    delegate = Delegate(congress=quota.congress, quota=quota, kind=Delegate.Kind.OFFICIAL)
    return delegate_form_page(
        request,
        quota.congress,
        delegate,
        cancel_url=quota.get_absolute_url(),
        title=_("Register a delegate of %(unit)s") % {"unit": quota.organization.display_name},
    )


@login_required
def guest_create(request, pk):
    congress = get_managed_congress(request.user, pk)
    delegate = Delegate(congress=congress, kind=Delegate.Kind.GUEST)
    return delegate_form_page(
        request, congress, delegate, cancel_url=reverse("delegates:list", args=[pk]), title=_("Add a guest")
    )


def back_url(delegate):
    if delegate.quota_id:
        return reverse("delegates:unit", args=[delegate.congress_id, delegate.quota_id])
    return reverse("delegates:list", args=[delegate.congress_id])


@login_required
def delegate_edit(request, pk, delegate_pk):
    delegate = get_delegate(request.user, pk, delegate_pk)
    if delegate.quota_id:
        require_open(request, delegate.quota)
    return delegate_form_page(
        request, delegate.congress, delegate, cancel_url=back_url(delegate), title=_("Edit delegate")
    )


@login_required
def delegate_delete(request, pk, delegate_pk):
    delegate = get_delegate(request.user, pk, delegate_pk)
    if delegate.quota_id:
        require_open(request, delegate.quota)
    cancel_url = back_url(delegate)
    if request.method == "POST":
        services.delete_delegate(delegate, by=request.user)
        messages.success(request, _("The delegate was deleted."))
        return redirect(cancel_url)
    context = delegates_context(request, delegate.congress)
    context.update(object=delegate, cancel_url=cancel_url)
    return render(request, "congress/confirm_delete.html", context)


@login_required
def delegate_photo(request, pk, delegate_pk):
    congress = get_congress(request.user, pk)
    delegate = Delegate.objects.filter(congress=congress, pk=delegate_pk).first()
    if delegate is None or not delegate.photo:
        raise Http404
    return FileResponse(delegate.photo.open("rb"))


@login_required
def delegate_history(request, pk):
    congress = get_managed_congress(request.user, pk)
    context = delegates_context(request, congress)
    context["page"] = paginate(request, congress.delegate_changes.select_related("by"), per_page=50)
    return render(request, "delegates/history.html", context)


@login_required
def unit_submit(request, pk, quota_pk):
    """Before a unit submits, it sees how its list stands against the seats and the targets."""
    quota = get_quota(request.user, pk, quota_pk, register=True)
    if not quota.is_editable:
        messages.error(request, _("This list has already been submitted."))
        return redirect(quota)
    composition = unit_composition(quota)
    registered = quota.delegates.count()
    if request.method == "POST":
        try:
            services.move_unit(quota, UnitEvent.Action.SUBMITTED, by=request.user)
        except services.WrongState:
            messages.error(request, _("This list has already been submitted."))
        else:
            messages.success(request, _("The list was submitted to the organising board."))
        return redirect(quota)
    context = delegates_context(request, quota.congress)
    context.update(quota=quota, composition=composition, registered=registered)
    return render(request, "delegates/unit_submit.html", context)


def review(request, pk, quota_pk, action, form_class, template):
    congress = get_managed_congress(request.user, pk)
    quota = get_quota(request.user, congress.pk, quota_pk)
    form = form_class(request.POST or None)
    if form.is_valid():
        try:
            services.move_unit(quota, action, by=request.user, note=form.cleaned_data["note"])
        except services.WrongState:
            messages.error(request, _("The list is not in a state that allows this."))
        else:
            messages.success(request, _("The unit's list is now: %(status)s.") % {"status": quota.get_status_display()})
        return redirect(quota)
    context = delegates_context(request, congress)
    context.update(quota=quota, form=form, action=action, composition=unit_composition(quota))
    return render(request, template, context, status=422 if form.is_bound else 200)


@login_required
def unit_return(request, pk, quota_pk):
    return review(request, pk, quota_pk, UnitEvent.Action.RETURNED, ReturnForm, "delegates/unit_review.html")


@login_required
def unit_accept(request, pk, quota_pk):
    return review(request, pk, quota_pk, UnitEvent.Action.ACCEPTED, ReviewForm, "delegates/unit_review.html")


# About a minute of rendering on a busy server; a bigger list is printed unit by unit.
BADGES_IN_REQUEST = 400


def pdf_response(data, filename):
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
def badges(request, pk):
    """Badge sheets (A4, eight a page) of every delegate, or of one unit or kind."""
    congress = get_managed_congress(request.user, pk)
    _form, queryset = filtered_delegates(request, congress)
    count = queryset.count()
    if count > BADGES_IN_REQUEST:
        messages.warning(
            request,
            _("%(count)s badges are too many for one file: choose a unit or a kind, then print that list.")
            % {"count": count},
        )
        return redirect(f"{reverse('delegates:list', args=[congress.pk])}?{request.GET.urlencode()}")
    data, _pages = badges_pdf(congress, queryset)
    return pdf_response(data, f"the-dai-bieu-{congress.pk}.pdf")
