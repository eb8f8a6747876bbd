import django_filters
from django.utils.translation import gettext_lazy as _

from . import search
from .models import Congress, Organization, Person


class AllYesNo(django_filters.widgets.BooleanWidget):
    """A yes/no filter whose empty choice reads "Tất cả", not "Chưa xác định"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("", _("All")), ("true", _("Yes")), ("false", _("No"))]


class SortFilter(django_filters.OrderingFilter):
    """The "Sort by" choice, whose empty choice is the list's own order, not "All"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", _("Default order"))
        super().__init__(*args, **kwargs)


class VietnameseOrderingFilter(SortFilter):
    """Sorts the fields named in `text_fields` in Vietnamese alphabetical order."""

    def __init__(self, *args, text_fields=(), **kwargs):
        self.text_fields = set(text_fields)
        super().__init__(*args, **kwargs)

    def get_ordering_value(self, param):
        descending = param.startswith("-")
        field = self.param_map[param[1:] if descending else param]
        if field in self.text_fields:
            return search.vietnamese(field, descending=descending)
        return super().get_ordering_value(param)


class SearchFilter(django_filters.CharFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, label=_("Search"), method="filter_search", **kwargs)


class CongressFilter(django_filters.FilterSet):
    q = SearchFilter()
    year = django_filters.NumberFilter(label=_("Year"))
    order = VietnameseOrderingFilter(
        text_fields={"name"},
        fields=(("year", "year"), ("name", "name"), ("status", "status")),
        field_labels={"year": _("Year"), "name": _("Name"), "status": _("Status")},
        label=_("Sort by"),
    )

    class Meta:
        model = Congress
        fields = ["q", "year", "level", "kind", "status"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(search.matching(["name", "theme", "host__name"], value))


class OrganizationFilter(django_filters.FilterSet):
    q = SearchFilter()
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=AllYesNo)
    order = VietnameseOrderingFilter(
        text_fields={"name", "abbreviation"},
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
    is_active = django_filters.BooleanFilter(label=_("Active"), widget=AllYesNo)
    order = VietnameseOrderingFilter(
        text_fields={"full_name", "organization__name"},
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
