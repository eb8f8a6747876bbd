import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.models import Organization
from congress.search import matching
from congress.widgets import QuickCheckboxInput, QuickSelect, QuickTextInput

from .models import Task, TaskParty

# A filter left empty shows everything, and says so.
EMPTY_CHOICE = _("All")


class OverdueFilter(django_filters.BooleanFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, label=_("Overdue only"), method="filter_overdue", widget=QuickCheckboxInput, **kwargs)


class TaskFilterMixin:
    def filter_search(self, queryset, name, value):
        return queryset.filter(
            matching(["content", "parties__phrase", "parties__organization__name"], value)
        ).distinct()

    def filter_party(self, queryset, name, value):
        return queryset.filter(parties__organization_id=value).distinct()

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(on=timezone.localdate()) if value else queryset


def party_organizations(congress):
    """The organisations named as a party of the congress's tasks, as (id, name) by name. Read
    from the party index, not by probing every organisation of the directory, whose parties in
    other congresses would all be read."""
    used = TaskParty.objects.filter(task__congress=congress, organization__isnull=False).values("organization_id")
    return Organization.objects.filter(pk__in=used).order_by("name").values_list("pk", "name")


def party_choice(congress, value):
    """The chosen organisation as a one-item choice list, if it is a party of the congress."""
    if not str(value or "").isdigit():
        return []  # a number too big for the column matches no row (Django answers without asking)
    chosen = TaskParty.objects.filter(task__congress=congress, organization_id=int(value))
    return list(
        Organization.objects.filter(pk=int(value), pk__in=chosen.values("organization_id")).values_list("pk", "name")
    )


class ScheduleFilter(TaskFilterMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search", widget=QuickTextInput)
    party = django_filters.TypedChoiceFilter(
        label=_("Lead or coordinating organisation"), method="filter_party", coerce=int, choices=(), widget=QuickSelect
    )
    subcommittee = django_filters.TypedChoiceFilter(
        label=_("Sub-committee"), field_name="parties__subcommittee", coerce=int, choices=(), widget=QuickSelect
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Task.Status.choices, widget=QuickSelect)
    month = django_filters.ChoiceFilter(label=_("Month"), method="filter_month", empty_label=None, widget=QuickSelect)
    overdue = OverdueFilter()

    class Meta:
        model = Task
        fields = ["q", "party", "subcommittee", "status", "month", "overdue"]

    def __init__(self, data=None, *args, congress, months, window, **kwargs):
        """`months`: the (key, heading) of each month the schedule holds, as the view's pager
        counted them; `window`: the month shown, which the month field shows too."""
        data = data.copy() if data is not None else {}
        data["month"] = window
        super().__init__(data, *args, **kwargs)
        # The organisations of this congress's parties are many on a large schedule, and finding
        # them reads every party of the congress: the picker loads them when it is opened
        # (party_options), and the page carries only the one chosen, checked against the congress.
        self.form.fields["party"].choices = [("", EMPTY_CHOICE), *party_choice(congress, data.get("party"))]
        self.form.fields["party"].widget.attrs.update(
            {"data-picker": "search", "data-options-url": reverse("planning:party_options", args=[congress.pk])}
        )
        # The congress's sub-committees as plain choices (their names are all the select shows),
        # read when first needed (the Excel export never draws the select) and once.
        subcommittees = congress.subcommittees.order_by("order", "pk").values_list("pk", "name")
        self.form.fields["subcommittee"].choices = lambda: [("", EMPTY_CHOICE), *subcommittees]
        self.form.fields["month"].choices = [("all", _("All months")), *months]

    def filter_month(self, queryset, name, value):
        """The month is the schedule's window, applied by the view to the top-level tasks."""
        return queryset


class MyWorkFilter(TaskFilterMixin, django_filters.FilterSet):
    SHOW_CHOICES = (("open", _("Still to do")), ("done", _("Done or cancelled")), ("all", _("All")))

    q = django_filters.CharFilter(label=_("Search"), method="filter_search", widget=QuickTextInput)
    show = django_filters.ChoiceFilter(
        label=_("Show"), choices=SHOW_CHOICES, method="filter_show", empty_label=None, widget=QuickSelect
    )
    congress = django_filters.TypedChoiceFilter(
        label=_("Congress"), field_name="congress_id", coerce=int, widget=QuickSelect
    )
    overdue = OverdueFilter()

    class Meta:
        model = Task
        fields = ["q", "show", "congress", "overdue"]

    def __init__(self, data=None, *args, congresses, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("show", "open")
        super().__init__(data, *args, **kwargs)
        self.filters["congress"].extra["choices"] = [("", EMPTY_CHOICE)] + [
            (congress.pk, congress.name) for congress in congresses
        ]

    def filter_show(self, queryset, name, value):
        if value == "open":
            return queryset.exclude(status__in=Task.FINISHED)
        if value == "done":
            return queryset.filter(status__in=Task.FINISHED)
        return queryset
