from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import services
from ..concurrency import save_guarded
from ..filters import OrganizationFilter, PersonFilter
from ..forms import AccountForm, HeadTermFormSet, OrganizationForm, PersonForm
from ..models import Congress, Organization, Person, ancestors_of
from ..permissions import require_directory_editor
from ..rules import with_personal_data
from .common import paginate, render_form


@login_required
def organization_list(request):
    queryset = Organization.objects.select_related("parent", "head")
    filterset = OrganizationFilter(request.GET, queryset=queryset)
    page = paginate(request, filterset.qs)
    can_edit = request.user.has_perm("congress.edit_directory")
    return render(request, "congress/organization_list.html", {"filter": filterset, "page": page, "can_edit": can_edit})


@login_required
def organization_detail(request, pk):
    organization = get_object_or_404(Organization.objects.select_related("parent", "head"), pk=pk)
    context = {
        "organization": organization,
        "ancestors": list(ancestors_of(organization))[::-1],
        "children": organization.children.order_by("name"),
        "people": organization.people.order_by("full_name"),
        "head_terms": organization.head_terms.select_related("person"),
    }
    return render(request, "congress/organization_detail.html", context)


@login_required
def organization_heads(request, pk):
    """Who headed the organisation when: the signer a document of that date takes."""
    require_directory_editor(request.user)
    organization = get_object_or_404(Organization, pk=pk)
    formset = HeadTermFormSet(request.POST or None, instance=organization, prefix="terms")
    if request.method == "POST" and formset.is_valid():
        terms, deleted = [], []
        for form in formset.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if form.cleaned_data.get("DELETE"):
                if form.instance.pk:
                    deleted.append(form.instance.pk)
                continue
            data = form.cleaned_data
            terms.append((form.instance.pk, data["person"], data["started_on"], data.get("ended_on")))
        services.save_head_terms(organization, terms=terms, deleted=deleted)
        messages.success(request, _("The heads by period were saved."))
        return redirect(organization)
    status = 422 if formset.is_bound and not formset.is_valid() else 200
    context = {"organization": organization, "formset": formset}
    return render(request, "congress/organization_heads.html", context, status=status)


@login_required
def organization_edit(request, pk=None):
    require_directory_editor(request.user)
    organization = get_object_or_404(Organization, pk=pk) if pk else Organization()
    form = OrganizationForm(request.POST or None, instance=organization)
    conflict = None
    if form.is_valid():
        saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The organisation was saved."))
            return redirect(saved)
    return render_form(request, "congress/organization_form.html", form, conflict, organization=organization)


@login_required
def person_list(request):
    queryset = with_personal_data(Person.objects.select_related("organization", "user"), request.user)
    filterset = PersonFilter(request.GET, queryset=queryset, request=request)
    page = paginate(request, filterset.qs)
    can_edit = request.user.has_perm("congress.edit_directory")
    return render(request, "congress/person_list.html", {"filter": filterset, "page": page, "can_edit": can_edit})


@login_required
def person_detail(request, pk):
    person = get_object_or_404(Person.objects.select_related("organization", "user"), pk=pk)
    visible = Congress.objects.visible_to(request.user)
    context = {
        "person": person,
        "shows_personal_data": request.user.has_perm("congress.see_personal_data", person),
        "board_memberships": person.board_memberships.filter(board__congress__in=visible).select_related(
            "board__congress"
        ),
        "subcommittee_memberships": person.subcommittee_memberships.filter(
            subcommittee__congress__in=visible
        ).select_related("subcommittee__congress"),
    }
    return render(request, "congress/person_detail.html", context)


@login_required
def person_edit(request, pk=None):
    require_directory_editor(request.user)
    person = get_object_or_404(Person, pk=pk) if pk else Person(organization_id=request.GET.get("organization"))
    form = PersonForm(request.POST or None, instance=person)
    conflict = None
    if form.is_valid():
        saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The person was saved."))
            return redirect(saved)
    return render_form(request, "congress/person_form.html", form, conflict, person=person)


@login_required
def person_account(request, pk):
    require_directory_editor(request.user)
    person = get_object_or_404(Person, pk=pk)
    form = AccountForm(request.POST or None, person=person)
    if form.is_valid():
        services.create_account(person, username=form.cleaned_data["username"])
        messages.success(
            request,
            _("The account was created and a link to set the password was sent to %(email)s.")
            % {"email": person.email},
        )
        return redirect(person)
    return render_form(request, "congress/person_account.html", form, person=person)


def _set_active(request, obj, *, active):
    require_directory_editor(request.user)
    if request.method == "POST":
        services.set_active(obj, active=active)
        text = _("“%(name)s” was reactivated.") if active else _("“%(name)s” was deactivated.")
        messages.success(request, text % {"name": obj})
        return redirect(obj)
    return render(request, "congress/confirm_active.html", {"object": obj, "active": active})


@login_required
def organization_set_active(request, pk, active):
    return _set_active(request, get_object_or_404(Organization, pk=pk), active=bool(active))


@login_required
def person_set_active(request, pk, active):
    return _set_active(request, get_object_or_404(Person, pk=pk), active=bool(active))
