import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Congress, Organization, Person


class SearchFilter(django_filters.CharFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, label=_("Search"), method="filter_search", **kwargs)


class CongressFilter(django_filters.FilterSet):
    q = SearchFilter()
    year = django_filters.NumberFilter(label=_("Year"))
    order = django_filters.OrderingFilter(
        fields=(("year", "year"), ("name", "name"), ("status", "status")),
        field_labels={"year": _("Year"), "name": _("Name"), "status": _("Status")},
        label=_("Sort by"),
    )

    class Meta:
        model = Congress
        fields = ["q", "year", "level", "kind", "status"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(theme__icontains=value) | Q(host__name__icontains=value))


class OrganizationFilter(django_filters.FilterSet):
    q = SearchFilter()
    is_active = django_filters.BooleanFilter(label=_("Active"))
    order = django_filters.OrderingFilter(
        fields=(("name", "name"), ("kind", "kind"), ("abbreviation", "abbreviation")),
        field_labels={"name": _("Name"), "kind": _("Kind"), "abbreviation": _("Abbreviation")},
        label=_("Sort by"),
    )

    class Meta:
        model = Organization
        fields = ["q", "kind", "parent", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["parent"].queryset = Organization.objects.filter(children__isnull=False).distinct()

    def filter_search(self, queryset, name, value):
        return queryset.search(value)


class PersonFilter(django_filters.FilterSet):
    q = SearchFilter()
    is_active = django_filters.BooleanFilter(label=_("Active"))
    order = django_filters.OrderingFilter(
        fields=(("full_name", "full_name"), ("organization__name", "organization")),
        field_labels={"full_name": _("Name"), "organization__name": _("Organisation")},
        label=_("Sort by"),
    )

    class Meta:
        model = Person
        fields = ["q", "organization", "is_active"]

    def filter_search(self, queryset, name, value):
        # Searching by e-mail would tell a stranger whose address it is (congress.rules.with_personal_data).
        user = getattr(self.request, "user", None)
        by_contact = user is not None and user.has_perm("congress.edit_directory")
        return queryset.search(value, by_contact=by_contact)
