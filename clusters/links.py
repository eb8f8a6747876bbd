"""The addresses the year pages link to on every request (the header's tabs, the breadcrumb, the
ranking's buttons), built from patterns reversed once per process: `reverse()` costs tens of
microseconds a call, and a dozen calls were a third of the header's rendering time."""

from functools import cache

from django.urls import get_script_prefix, get_urlconf, reverse

_SENTINEL = "987654321"

# name in the templates: (URL name, whose key it takes)
NAMES = {
    "clusters": ("clusters:list", None),
    "cluster": ("clusters:detail", "cluster"),
    "year": ("clusters:year", "congress"),
    "criteria": ("clusters:criteria", "congress"),
    "review": ("clusters:review", "congress"),
    "ranking": ("clusters:ranking", "congress"),
    "agree": ("clusters:agree", "congress"),
    "proposals": ("clusters:proposals", "congress"),
    "exclusion_create": ("clusters:exclusion_create", "congress"),
    "election": ("clusters:election", "congress"),
    "conference": ("congress:detail", "congress"),
    "documents": ("congress:documents", "congress"),
}


@cache
def _pattern(url_name, with_key, urlconf):
    """The address without the script prefix, with "{}" where the key goes."""
    address = reverse(url_name, urlconf=urlconf, args=[int(_SENTINEL)] if with_key else [])
    address = address.removeprefix(get_script_prefix())
    assert address.count(_SENTINEL) == (1 if with_key else 0), address
    return address.replace("{", "{{").replace("}", "}}").replace(_SENTINEL, "{}")


class YearLinks:
    """`links.review`, `links.cluster`… for a cluster's year, as `{% url %}` would give them."""

    def __init__(self, cluster_year):
        self._keys = {"congress": cluster_year.conference_id, "cluster": cluster_year.cluster_id}

    def __getattr__(self, name):
        try:
            url_name, key = NAMES[name]
        except KeyError:
            raise AttributeError(name) from None
        address = get_script_prefix() + _pattern(url_name, key is not None, get_urlconf()).format(self._keys.get(key))
        setattr(self, name, address)  # read once per page
        return address
