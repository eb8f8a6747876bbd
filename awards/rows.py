"""The dossier list's table rows as HTML, built in Python.

The standing office's dossier list shows twenty-five dossiers a page; through the template engine
each row (two includes, a `{% url %}`, the eligibility reasons) cost more than a thousand Python
calls, half of the page's work. Every value that comes from a user is escaped with `html.escape`;
the words are translated once per page.
"""

from html import escape

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from congress.links import RowLink

from .models import Nomination
from .templatetags.awards_tags import nomination_badge

STATUS_LABELS = dict(Nomination.Status.choices)


def nomination_rows(nominations, congress) -> SafeString:
    """The <tr>s of the dossier list (nominations annotated with eligibility and latest ballot)."""
    words = {
        "women": escape(_("Preferred where candidates tie (women)")),
        "eligible": escape(_("Eligible")),
        "not_met": escape(_("Prerequisites not met")),
    }
    detail = RowLink("awards:nomination_detail", 2)
    return mark_safe(  # noqa: S308 - every value is escaped in _row
        "\n".join(_row(nomination, words, detail(congress.pk, nomination.pk)) for nomination in nominations)
    )


def _row(nomination, words, url):
    women = ""
    if nomination.prefers_women:
        women = (
            f'<span class="badge text-bg-light border ms-1" title="{words["women"]}"><i class="bi bi-gender-female" '
            f'aria-hidden="true"></i><span class="visually-hidden">{words["women"]}</span></span>'
        )
    organization = nomination.proposing_organization
    proposer = escape(organization.display_name) if organization else ""
    status = (
        f'<span class="badge {nomination_badge(nomination.status)}">'
        f"{escape(str(STATUS_LABELS.get(nomination.status, nomination.status)))}</span>"
    )
    submitted = f"{timezone.localtime(nomination.submitted_at):%d/%m/%Y}" if nomination.submitted_at else ""
    ballot = nomination.latest_ballot
    council = f"{ballot.approvals}/{ballot.members_total}" if ballot else ""
    return (
        f'<tr><td><a class="fw-medium" href="{escape(url)}">{escape(nomination.nominee_name or "")}</a>{women}'
        f'<div class="small text-body-secondary">{escape(nomination.period)}</div></td>'
        f"<td>{escape(nomination.award_type.name)}</td>"
        f'<td class="d-none d-md-table-cell">{proposer}</td>'
        f'<td class="d-none d-lg-table-cell">{_eligibility(nomination.eligibility, words)}</td>'
        f"<td>{status}</td>"
        f'<td class="d-none d-lg-table-cell text-nowrap">{submitted}</td>'
        f'<td class="d-none d-md-table-cell text-end">{council}</td></tr>'
    )


def _eligibility(eligibility, words):
    """The badge of awards/_eligibility.html: the reasons in its title."""
    if not eligibility.applicable:
        return ""
    reasons = escape("; ".join(str(reason.text) for reason in eligibility.reasons))
    if eligibility.met:
        return (
            f'<span class="badge text-bg-success" title="{reasons}"><i class="bi bi-check2 me-1" '
            f'aria-hidden="true"></i>{words["eligible"]}</span>'
        )
    return (
        f'<span class="badge text-bg-warning" title="{reasons}"><i class="bi bi-exclamation-triangle me-1" '
        f'aria-hidden="true"></i>{words["not_met"]}</span>'
    )
