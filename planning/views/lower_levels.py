"""The lower-level congresses and conferences that a higher congress waits for: which units
must hold theirs by when, which have, and when. Everyone with a role reads the list; the
secretariat keeps it, and adds the child congresses found in the app in one click."""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, Value
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congress.concurrency import ConcurrentEditMixin, save_guarded
from congress.filters import SearchFilter, SortFilter
from congress.forms import DateInput
from congress.models import Congress, CongressRole, Organization
from congress.permissions import get_congress
from congress.search import matching
from congress.views.common import paginate, render_form
from congress.views.congresses import congress_context
from documents.vietnamese import short_date

from ..deadlines import DeadlineError, Kind, parse_deadline
from ..models import LowerLevelCongress

Status = LowerLevelCongress.Status
KINDS = [Congress.Kind.CONGRESS, Congress.Kind.ADVANCED_MODELS]


class LowerLevelFilter(django_filters.FilterSet):
    q = SearchFilter()
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=Status.choices)
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=[(k.value, k.label) for k in KINDS])
    order = SortFilter(
        fields=(("organization__name", "unit"), ("due_date", "due"), ("held_date", "held")),
        field_labels={
            "organization__name": gettext_lazy("Unit"),
            "due_date": gettext_lazy("Due by"),
            "held_date": gettext_lazy("Held on"),
        },
        label=gettext_lazy("Sort by"),
    )

    class Meta:
        model = LowerLevelCongress
        fields = ["q", "status", "kind"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            matching(["organization__name", "organization__short_name", "lower_congress__name"], value)
        )


class LowerLevelForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = LowerLevelCongress
        fields = ["organization", "kind", "due_date", "held_on", "held", "lower_congress", "notes"]
        widgets = {"held_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"held_on": gettext_lazy("Leave it empty while the unit has not held it yet.")}

    due_date = forms.CharField(
        label=gettext_lazy("Must be held by"),
        max_length=120,
        help_text=gettext_lazy("A date (dd/mm/yyyy) or a phrase as the plan writes it, such as “Quý I năm 2020”."),
    )

    def __init__(self, *args, congress, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        if not self.is_bound and self.instance.due_date:
            self.initial["due_date"] = self.instance.due_phrase or short_date(self.instance.due_date)
        self.fields["organization"].queryset = Organization.objects.active()
        self.fields["organization"].required = False
        self.fields["organization"].help_text = _("May be left empty when you choose the unit's congress below.")
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in KINDS]
        # Only the congresses that lead to this one (and the one already linked, so a save never drops it).
        linked = Q(pk=self.instance.lower_congress_id) if self.instance.lower_congress_id else Q(pk__in=[])
        self.fields["lower_congress"].queryset = (
            Congress.objects.filter((Q(parent=congress) & Q(pk__in=Congress.objects.visible_to(user))) | linked)
            .exclude(pk=congress.pk)
            .select_related("host")
            .order_by("-year", "name")
        )
        self.fields["lower_congress"].help_text = _(
            "A congress of this app that leads to this one (its “Tiến tới” names this congress)."
        )

    def clean_due_date(self):
        """A date or a deadline phrase; a phrase counted from the congress ("Trước Đại hội") needs its day."""
        try:
            deadline = parse_deadline(self.cleaned_data["due_date"])
        except DeadlineError as error:
            raise ValidationError(str(error)) from error
        day = deadline.last_date(first_session_date(self.instance.congress))
        if day is None:
            if deadline.kind == Kind.RELATIVE:
                raise ValidationError(_("The congress has no session date yet; write the date instead."))
            raise ValidationError(
                _("“%(phrase)s” names no day; write a date or a period.") % {"phrase": deadline.phrase}
            )
        plain_date = deadline.kind == Kind.ON_DAY and not any(char.isalpha() for char in deadline.phrase)
        self.instance.due_phrase = "" if plain_date else deadline.phrase
        return day

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on and held_on > timezone.localdate():
            raise ValidationError(_("The date it was held cannot be in the future."))
        return held_on

    def clean(self):
        data = super().clean()
        lower_congress = data.get("lower_congress")
        if not data.get("organization") and lower_congress:
            data["organization"] = lower_congress.host
        organization = data.get("organization")
        if not organization and "organization" not in self.errors:
            self.add_error("organization", _("Choose the unit, or the unit's congress."))
        others = self.instance.congress.lower_levels.exclude(pk=self.instance.pk)
        if organization and others.filter(organization=organization).exists():
            message = _("“%(unit)s” is already in the list; edit its entry instead.") % {"unit": organization}
            self.add_error("organization" if "organization" in self.changed_data else None, message)
        if lower_congress and others.filter(lower_congress=lower_congress).exists():
            self.add_error("lower_congress", _("This congress is already linked to another unit in the list."))
        return data


def lower_level_rows(congress, user, today):
    """The congress's list with statuses, and whether the user may open each unit's congress."""
    if user.is_superuser:
        visible = Value(True)
    else:
        visible = Exists(CongressRole.objects.filter(congress=OuterRef("lower_congress"), user=user))
    return (
        congress.lower_levels.with_status(today=today)
        .annotate(lower_congress_visible=visible)
        .select_related("organization", "lower_congress")
        .order_by("due_date", "organization__name", "pk")
    )


def _progress(summary):
    """Segments of the progress bar, in percent of all units: held on time, held late, overdue."""
    total = summary["total"] or 1
    parts = [
        ("text-success", summary["held"] - summary["late"]),
        ("text-warning", summary["late"]),
        ("text-danger", summary["overdue"]),
    ]
    segments, start = [], 0
    for css, count in parts:
        length = round(100 * count / total, 2)
        if length:
            segments.append({"css": css, "start": start, "length": length})
        start += length
    return segments


def first_session_date(congress):
    """The higher congress's earliest planned session day, or None while no session has one."""
    days = [session.planned_date for session in congress.sessions.all() if session.planned_date]
    return min(days) if days else None


def default_due_date(congress):
    """The day before the higher congress may open: its earliest session's planned date."""
    first = first_session_date(congress)
    return first - datetime.timedelta(days=1) if first else None


def suggestions(congress, user):
    """Child congresses and conferences the user sees that the list does not hold yet."""
    listed = congress.lower_levels.all()
    return (
        Congress.objects.visible_to(user)
        .filter(parent=congress, kind__in=KINDS)
        .exclude(status=Congress.Status.CANCELLED)
        .exclude(pk__in=listed.exclude(lower_congress=None).values("lower_congress"))
        .exclude(host__in=listed.values("organization"))
        .select_related("host")
        .order_by("name")
    )


@login_required
def lower_level_list(request, pk):
    congress = get_congress(request.user, pk)
    today = timezone.localdate()
    filterset = LowerLevelFilter(request.GET, queryset=lower_level_rows(congress, request.user, today))
    summary = congress.lower_levels.with_status(today=today).summary()
    context = congress_context(request, congress, "lower_levels")
    context.update(filter=filterset, page=paginate(request, filterset.qs), summary=summary, today=today)
    context["segments"] = _progress(summary)
    if context["can_manage"]:
        context["suggestions"] = suggestions(congress, request.user)
        context["default_due"] = default_due_date(congress)
    return render(request, "planning/lower_level_list.html", context)


@login_required
def lower_level_edit(request, pk, item_pk=None):
    congress = get_congress(request.user, pk, manage=True)
    if request.method == "POST" and "suggestion" in request.POST:
        return _add_suggestion(request, congress)
    item = (
        get_object_or_404(LowerLevelCongress.objects.select_related("organization"), congress=congress, pk=item_pk)
        if item_pk
        else LowerLevelCongress(congress=congress, due_date=default_due_date(congress))
    )
    initial = {"lower_congress": request.GET.get("lower_congress")} if not item_pk else None
    form = LowerLevelForm(request.POST or None, instance=item, initial=initial, congress=congress, user=request.user)
    conflict = None
    if form.is_valid():
        _saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The entry for “%(unit)s” was saved.") % {"unit": item.organization})
            return redirect("planning:lower_levels", congress.pk)
    context = congress_context(request, congress, "lower_levels")
    return render_form(request, "planning/lower_level_form.html", form, conflict, item=item, **context)


def _add_suggestion(request, congress):
    pk = request.POST["suggestion"]
    if not pk.isdigit():
        raise Http404
    children = Congress.objects.visible_to(request.user).filter(parent=congress, kind__in=KINDS)
    child = get_object_or_404(children.select_related("host"), pk=pk)
    due_date = default_due_date(congress)
    if due_date is None:  # nothing to count back from: the form asks for the date
        return redirect(reverse("planning:lower_level_create", args=[congress.pk]) + f"?lower_congress={child.pk}")
    item, created = LowerLevelCongress.objects.get_or_create(
        congress=congress,
        organization=child.host,
        defaults={"kind": child.kind, "due_date": due_date, "lower_congress": child},
    )
    if created:
        message = _("“%(unit)s” was added, to be held by %(date)s. Edit the entry to change the date.")
        messages.success(request, message % {"unit": item.organization, "date": short_date(due_date)})
    else:  # a double click, or the unit was listed meanwhile
        messages.info(request, _("“%(unit)s” is already in the list.") % {"unit": item.organization})
    return redirect("planning:lower_levels", congress.pk)


@login_required
def lower_level_delete(request, pk, item_pk):
    congress = get_congress(request.user, pk, manage=True)
    item = get_object_or_404(LowerLevelCongress.objects.select_related("organization"), congress=congress, pk=item_pk)
    back = reverse("planning:lower_levels", args=[congress.pk])
    if request.method == "POST":
        item.delete()
        messages.success(request, _("“%(name)s” was removed.") % {"name": item})
        return redirect(back)
    context = congress_context(request, congress, "lower_levels")
    context.update(object=item, cancel_url=back)
    return render(request, "congress/confirm_delete.html", context)
