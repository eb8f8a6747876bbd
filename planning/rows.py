"""The schedule's table rows and My work's cards as HTML, built in Python.

The schedule shows twenty tasks a page, each with its sub-items. Through the template engine a
row cost about 1,500 Python calls (variable lookups, filters, escaping, localisation), a third of
the page's work; built here it costs a tenth of that. Every value that comes from a user is
escaped with `html.escape`; the task's text comes through `render_list_text`, which escapes it
and marks its emphasis. The words are translated once per page.
"""

from html import escape
from urllib.parse import quote

from django.utils import dateformat, formats, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from congress.links import RowLink
from documents import emphasis
from documents.liststyle import render_list_text

from .templatetags.planning_tags import TASK_STATUS_BADGES, month_heading

TITLE_LENGTH = 180
UPDATE_LENGTH = 200
MONTH_ROW = '<tr class="app-month-row"><th colspan="6" scope="rowgroup">{}</th></tr>'
OVERDUE_ICON = '<i class="bi bi-exclamation-triangle me-1" aria-hidden="true"></i>'
EDIT_ICON = '<i class="bi bi-pencil" aria-hidden="true"></i>'
CELL = '<td class="d-none {} {}">{}</td>'


def schedule_rows(rows) -> SafeString:
    """The <tr>s of the schedule's table: a month row where the month changes, then each task
    (decorated by the view: labels, links, lateness, what the user may change) and its sub-items."""
    words = {
        "sub_item": escape(_("Sub-item")),
        "no_text": escape(_("(see the sub-items)")),
        "lead": escape(_("Lead")),
        "edit": escape(_("Edit")),
    }
    html = []
    for row in rows:
        task = row["task"]
        if row["new_month"]:
            html.append(MONTH_ROW.format(escape(month_heading(row["month"]))))
        html.append(_row(task, str(task.number), words, is_subitem=False))
        html.extend(_row(subitem, subitem.display_number, words, is_subitem=True) for subitem in task.subitems.all())
    return mark_safe("\n".join(html))  # noqa: S308 - every value is escaped in _row


def _row(item, number, words, *, is_subitem):
    number = escape(number)
    wanted = {"app-subitem-row": is_subitem, "app-row-overdue": item.overdue, "app-row-finished": item.finished}
    classes = " ".join(name for name, on in wanted.items() if on)
    checkbox = ""
    if item.can_change:
        checkbox = (
            '<input type="checkbox" class="form-check-input d-block mb-1 app-bulk-check" form="bulk-form" '
            f'name="task" value="{item.pk}" aria-label="{escape(item.select_label)}">'
        )
    sub_item = f'<span class="visually-hidden">{words["sub_item"]}: </span>' if is_subitem else ""
    if item.content:
        text = render_list_text(item.content)
    else:
        text = f'<span class="text-body-secondary">{words["no_text"]}</span>'
    phrase = escape(item.deadline_phrase)
    badge_class = TASK_STATUS_BADGES.get(item.status, "text-bg-secondary")
    badge = f'<span class="badge {badge_class}">{escape(item.status_label)}</span>'
    late = escape(item.late_label)
    leads = "".join(f'<span class="app-party">{emphasis.to_html(label)}</span>' for label in item.leads)
    coordinators = "".join(f'<span class="app-party">{emphasis.to_html(label)}</span>' for label in item.coordinators)
    deadline = f'<span class="app-deadline">{phrase}</span>'
    if item.show_last_date:
        deadline += f'<span class="d-block small text-body-secondary">{escape(item.last_date_label)}</span>'
    if item.overdue:
        deadline += f'<span class="badge text-bg-danger d-inline-block mt-1">{OVERDUE_ICON}{late}</span>'
    status = badge
    if item.edit_url:
        status += (
            f'<a class="btn btn-sm btn-link p-0 ms-1 align-baseline" href="{escape(item.edit_url)}" '
            f'title="{words["edit"]}">{EDIT_ICON}<span class="visually-hidden">{words["edit"]} {number}</span></a>'
        )
    late_badge = f' <span class="badge text-bg-danger">{late}</span>' if item.overdue else ""
    facts = (
        '<div class="d-md-none small mt-1 app-row-facts">'
        f'<div><span class="text-body-secondary">{words["lead"]}:</span> {party_names(item.leads)}</div>'
        f'<div class="d-sm-none">{phrase}{late_badge} {badge}</div></div>'
    )
    return (
        f'<tr class="{classes}"><td class="app-col-number">{checkbox}{number}</td>'
        f'<td><a class="app-task-link" href="{escape(item.url)}">{sub_item}{text}</a>{facts}</td>'
        + CELL.format("d-md-table-cell", "app-col-party", leads)
        + CELL.format("d-lg-table-cell", "app-col-party", coordinators)
        + CELL.format("d-sm-table-cell", "app-col-deadline", deadline)
        + CELL.format("d-sm-table-cell", "app-col-status", status)
        + "</tr>"
    )


def work_items(tasks, *, back, after="") -> SafeString:
    """The cards of a page of My work, each followed by `after`, the words translated once for them all."""
    words = _card_words(back)
    return mark_safe("".join(_card(task, words=words) + after for task in tasks))  # noqa: S308 - see _card


def work_item(task, *, back, progress_form_html="", saved=False) -> SafeString:
    """One card of My work (a task annotated by selectors.annotate_for): status, why it concerns the
    user, its title with its emphasis, deadline and lead, and the progress button, or the progress
    form when it is given (`progress_form_html`, rendered by its template) after a post."""
    return mark_safe(  # noqa: S308 - see _card
        _card(task, words=_card_words(back), progress_form_html=progress_form_html, saved=saved)
    )


def _card_words(back):
    return {"lead": escape(_("Lead")), "report": escape(_("Report progress")), "next": quote(back)}


def _card(task, *, words, progress_form_html="", saved=False):
    overdue_class = " app-work-overdue" if task.overdue else ""
    saved_alert = ""
    if saved:
        saved_alert = (
            '<div class="alert alert-success py-2 small" role="status"><i class="bi bi-check-circle me-1" '
            f'aria-hidden="true"></i>{escape(_("Your progress update was posted."))}</div>'
        )
    checkbox = ""
    if task.can_change:
        checkbox = (
            '<input type="checkbox" class="form-check-input m-0 me-1 app-bulk-check" form="bulk-form" '
            f'name="task" value="{task.pk}" aria-label="{escape(task.select_label)}">'
        )
    badge_class = TASK_STATUS_BADGES.get(task.status, "text-bg-secondary")
    reasons = "".join(
        f'<span class="badge rounded-pill text-bg-light border">{escape(reason)}</span>' for reason in task.reasons
    )
    title = Truncator(emphasis.to_html(task.first_line())).chars(TITLE_LENGTH, html=True)  # escaped, marked
    deadline = f'<span class="app-deadline">{escape(task.deadline_phrase)}</span>'
    if task.show_last_date:
        deadline += f' <span class="text-body-secondary">({escape(task.last_date_label)})</span>'
    if task.overdue:
        deadline += f'\n<span class="badge text-bg-danger">{OVERDUE_ICON}{escape(task.late_label)}</span>'
    leads = party_names(task.leads)
    progress = ""
    if task.can_post:
        if progress_form_html:
            action = progress_form_html
        else:
            link = escape(f"{task.progress_url}?next={words['next']}")
            action = (
                f'<a class="btn btn-sm btn-outline-primary" href="{link}" hx-get="{link}" '
                'hx-target="closest .app-work-progress" hx-swap="innerHTML"><i class="bi bi-pencil-square me-1" '
                f'aria-hidden="true"></i>{words["report"]}</a>'
            )
        progress = f'<div class="mt-2 app-work-progress">{action}</div>'
    # Every value is escaped here; the form comes from its template.
    return (
        f'<article class="card mb-3 app-work-item{overdue_class}" id="work-{task.pk}"><div class="card-body">'
        f"{saved_alert}"
        f'<div class="d-flex flex-wrap gap-1 align-items-center small mb-1">{checkbox}'
        f'<span class="badge {badge_class}">{escape(task.status_label)}</span>{reasons}'
        f'<span class="text-body-secondary text-truncate app-work-congress">{escape(task.congress.name)}</span></div>'
        f'<h2 class="h6 mb-1"><a href="{escape(task.url)}" class="stretched-link-none">'
        f"{escape(task.display_number)}. {title}</a></h2>"
        f'<div class="d-flex flex-wrap gap-3 small"><div>{deadline}</div>'
        f'<div><span class="text-body-secondary">{words["lead"]}:</span> {leads}</div></div>'
        f"{progress}</div></article>"
    )


BAR = (
    '<svg class="app-dash-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
    '<rect class="app-dash-track" width="100" height="10"></rect>{}</svg>'
)


def lead_rows(rows) -> SafeString:
    """The <tr>s of a dashboard table of lead bodies (views.dashboard.Figures): name, progress bar
    with its figures in words, and the overdue count."""
    as_written = escape(_("as written in the schedule"))
    html = []
    for row in rows:
        name = emphasis.to_html(row.label)
        if row.kind == "phrase":
            name = (
                f'<i class="bi bi-people me-1 text-body-secondary" aria-hidden="true"></i>{name}'
                f'<span class="visually-hidden"> ({as_written})</span>'
            )
        bars = "".join(
            f'<rect class="app-dash-{part["state"]}" x="{part["start"]}" width="{part["length"]}" height="10"></rect>'
            for part in row.segments()
        )
        done = _("%(done)s of %(total)s done (%(percent)s%%)") % {
            "done": row.done,
            "total": row.total,
            "percent": row.percent_done,
        }
        still = _("%(in_progress)s in progress, %(not_started)s not started") % {
            "in_progress": row.in_progress,
            "not_started": row.not_started,
        }
        if row.overdue:
            overdue = f'<span class="badge text-bg-danger">{row.overdue}</span>'
        else:
            overdue = '<span class="text-body-secondary">0</span>'
        html.append(
            f'<tr><th scope="row" class="app-dash-col-name fw-normal">{name}</th>'
            f'<td>{BAR.format(bars)}<div class="small text-body-secondary">{escape(done)}'
            f'<span class="visually-hidden">; {escape(still)}</span></div></td>'
            f'<td class="app-dash-col-count text-end">{overdue}</td></tr>'
        )
    return mark_safe("\n".join(html))  # noqa: S308 - names and words are escaped; the rest are numbers


def _counts_in_words(figures):
    return _("%(done)s done, %(in_progress)s in progress, %(not_started)s not started, %(overdue)s overdue.") % {
        state: getattr(figures, state) for state in ("done", "in_progress", "not_started", "overdue")
    }


def timeline_items(timeline) -> SafeString:
    """The <li>s of the dashboard's timeline (views.dashboard.timeline): a column per month, with
    its figures in words for screen readers, then the work without a deadline."""
    flag = '<i class="bi bi-flag-fill me-1" aria-hidden="true"></i>'
    congress_mark = f'<span class="app-dash-marker">{flag}{escape(_("Congress"))}</span>'
    now_mark = f'<span class="app-dash-marker app-dash-marker-now">{escape(_("Now"))}</span>'
    html = []
    for column in timeline["columns"]:
        classes = "app-dash-month"
        if column.is_session_month:
            classes += " app-dash-session-month"
        if column.is_current_month:
            classes += " app-dash-current-month"
        bars = "".join(
            f'<rect class="app-dash-{part["state"]}" y="{part["top"]}" width="10" height="{part["length"]}"></rect>'
            for part in column.bars
        )
        items = ngettext("%(total)s item", "%(total)s items", column.total) % {"total": column.total}
        html.append(
            f'<li class="{classes}"><span class="app-dash-month-total" aria-hidden="true">{column.total}</span>'
            '<svg class="app-dash-column" viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true" '
            f'focusable="false">{bars}</svg><span class="app-dash-month-label">{escape(column.label)}</span>'
            f"{congress_mark if column.is_session_month else ''}{now_mark if column.is_current_month else ''}"
            f'<span class="visually-hidden">{escape(items)}: {escape(_counts_in_words(column))}</span></li>'
        )
    undated = timeline["undated"]
    if undated.total:
        html.append(
            f'<li class="app-dash-month app-dash-undated"><span class="app-dash-month-total" aria-hidden="true">'
            f'{undated.total}</span><span class="app-dash-month-label">{escape(_("Ongoing or no deadline"))}</span>'
            f'<span class="visually-hidden">{escape(_counts_in_words(undated))}</span></li>'
        )
    return mark_safe("\n".join(html))  # noqa: S308 - labels and words are escaped; the rest are numbers


def party_names(labels):
    """Parties' names joined by "; ", each escaped with its *italic* and **bold** as written (a
    phrase may mark them, as the task's page and the printed plan show them)."""
    return "; ".join(emphasis.to_html(label) for label in labels)


def _title(first_line):
    """A task's first line with its emphasis, escaped, or a word for a task without text."""
    return emphasis.to_html(first_line) or escape(_("(no text)"))


def overdue_rows(tasks, congress_pk) -> SafeString:
    """The <tr>s of the dashboard's most overdue work (views.dashboard.overdue_items)."""
    link = RowLink("planning:task_detail", 2)
    html = []
    for task in tasks:
        leads = ""
        if task.leads:
            leads = f'<div class="small text-body-secondary">{party_names(task.leads)}</div>'
        phrase = escape(task.deadline_phrase)
        late = ngettext("%(days)s day", "%(days)s days", task.days_overdue) % {"days": task.days_overdue}
        badge_class = TASK_STATUS_BADGES.get(task.status, "text-bg-secondary")
        html.append(
            f'<tr><td class="text-nowrap">{escape(task.display_number)}</td><td>'
            f'<a href="{link(congress_pk, task.pk)}" class="app-dash-clamp">{_title(task.first_line)}</a>{leads}'
            f'<div class="small text-body-secondary d-md-none">{phrase}</div></td>'
            f'<td class="d-none d-md-table-cell small">{phrase or "—"}</td>'
            f'<td class="text-end text-nowrap"><span class="badge text-bg-danger">{escape(late)}</span></td>'
            f'<td class="d-none d-sm-table-cell"><span class="badge {badge_class}">'
            f"{escape(task.status_label)}</span></td></tr>"
        )
    return mark_safe("\n".join(html))  # noqa: S308 - every value is escaped above


def update_items(updates, congress_pk) -> SafeString:
    """The <li>s of the dashboard's latest progress updates (views.dashboard.latest_updates): who
    and when, the task, the text's beginning, the new status and the files."""
    link = RowLink("planning:task_detail", 2)
    clip = '<i class="bi bi-paperclip" aria-hidden="true"></i>'
    html = []
    for update in updates:
        organization = update.organization
        at = timezone.localtime(update.created_at)
        status = ""
        if update.new_status:
            badge_class = TASK_STATUS_BADGES.get(update.new_status, "text-bg-secondary")
            status = f'<span class="badge {badge_class}">{escape(update.new_status_label)}</span>'
        files = ""
        if update.attachment_count:
            count = update.attachment_count
            words = ngettext("%(files)s file", "%(files)s files", count) % {"files": count}
            files = f'<span class="text-body-secondary">{clip}{escape(words)}</span>'
        if organization:
            organization = f'<span class="text-body-secondary fw-normal"> · {escape(organization)}</span>'
        html.append(
            '<li class="list-group-item"><div class="d-flex flex-wrap justify-content-between gap-2 small">'
            f'<span class="fw-medium">{escape(update.author)}{organization}</span>'
            f'<time class="text-body-secondary" datetime="{dateformat.format(at, "c")}">'
            f"{escape(formats.date_format(at, 'SHORT_DATETIME_FORMAT'))}</time></div>"
            f'<a class="app-dash-clamp" href="{link(congress_pk, update.task.pk)}">'
            f"{escape(update.task.display_number)}. {_title(update.task.first_line)}</a>"
            f'<div class="small app-dash-excerpt">{escape(Truncator(update.text).chars(UPDATE_LENGTH))}</div>'
            f'<div class="d-flex flex-wrap gap-2 mt-1 small">{status}{files}</div></li>'
        )
    return mark_safe("\n".join(html))  # noqa: S308 - every value is escaped above
