"""The addresses the year pages link to on every request (the header's tabs, the breadcrumb, the
ranking's buttons), made by congress.links.RowLink from patterns reversed once per process: `reverse()` costs tens
of microseconds a call, and a dozen calls were a third of the header's rendering time."""

from congress.links import RowLink

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


class YearLinks:
    """`links.review`, `links.cluster`… for a cluster's year, as `{% url %}` would give them."""

    def __init__(self, cluster_year):
        self._keys = {"congress": cluster_year.conference_id, "cluster": cluster_year.cluster_id}

    def __getattr__(self, name):
        try:
            url_name, key = NAMES[name]
        except KeyError:
            raise AttributeError(name) from None
        address = RowLink(url_name, 1)(self._keys[key]) if key else RowLink(url_name, 0)()
        setattr(self, name, address)  # read once per page
        return address
