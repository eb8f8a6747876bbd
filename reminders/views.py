"""Reminders in the browser: the outbox (staff watch, preview, resend, withhold), a congress's
reminder policy, a person's choice of e-mail. (Which reminders of a task went to whom is
planning's page, through `reminders.selectors.reminders_of`.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from congress.concurrency import save_guarded
from congress.models import Congress, CongressRole, Person
from congress.permissions import get_congress
from congress.views.common import paginate, render_form
from congress.views.congresses import congress_context
from documents.spreadsheets import dated_name, workbook_bytes, xlsx_response

from . import delivery, digests
from .exports import outbox_sheet
from .forms import OutboxFilter, ReminderPolicyForm, ReminderPreferenceForm
from .models import OutboxMail, ReminderPolicy, ReminderPreference

ACTIONS = ("resend", "withhold")


def kept_congresses(user):
    """Congresses whose outbox the user keeps: as secretariat, or all for a superuser."""
    if user.is_superuser:
        return Congress.objects.all()
    return Congress.objects.filter(roles__user=user, roles__role=CongressRole.Role.SECRETARIAT).distinct()


def get_mail(user, pk, *, manage=False):
    """A mail the user may see (404 otherwise); with `manage`, one they may act on (403 otherwise)."""
    mail = get_object_or_404(OutboxMail.objects.visible_to(user).select_related("person"), pk=pk)
    if manage and not may_manage(user, mail):
        raise PermissionDenied
    return mail


def may_manage(user, mail):
    return user.is_superuser or mail.congresses.filter(pk__in=kept_congresses(user).values("pk")).exists()


@login_required
def outbox_list(request):
    mails = OutboxMail.objects.visible_to(request.user)
    filterset = OutboxFilter(
        request.GET,
        queryset=mails.select_related("person")
        .defer("attachment")
        .prefetch_related("congresses")
        .order_by("-created_at", "-pk"),
        congresses=kept_congresses(request.user).order_by("-year", "name"),
    )
    counts = dict(mails.values_list("status").annotate(count=Count("pk")).order_by())
    statuses = [(value, label, counts.get(value, 0)) for value, label in OutboxMail.Status.choices]
    context = {"filter": filterset, "page": paginate(request, filterset.qs), "statuses": statuses}
    return render(request, "reminders/outbox_list.html", context)


@login_required
def outbox_detail(request, mail_pk):
    mail = get_mail(request.user, mail_pk)
    reminders = list(mail.reminders.select_related("congress").order_by("congress", "kind", "pk"))
    # Not rendered yet (still queued): show what it will say.
    text = mail.body_text or digests.render(mail.person, mail.digest_date, reminders, mail.subject)[0]
    context = {
        "mail": mail,
        "text": text,
        "reminders": reminders,
        "congresses": mail.congresses.all(),
        "can_manage": may_manage(request.user, mail),
    }
    return render(request, "reminders/outbox_detail.html", context)


@login_required
@require_safe
def outbox_html(request, mail_pk):
    """The mail's HTML body for the preview frame: sandboxed, never run as the app's page."""
    mail = get_mail(request.user, mail_pk)
    html = mail.body_html or digests.render(mail.person, mail.digest_date, list(mail.reminders.all()), mail.subject)[1]
    response = HttpResponse(html)
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


@login_required
def outbox_action(request, mail_pk, action):
    if action not in ACTIONS:
        raise Http404
    mail = get_mail(request.user, mail_pk, manage=True)
    if request.method != "POST":
        return render(request, "reminders/outbox_confirm.html", {"mail": mail, "action": action})
    if action == "resend":
        done = delivery.resend(mail)
        message = (
            _("The mail was queued again.") if done else _("Only a failed, withheld or missed mail can be resent.")
        )
    else:
        done = delivery.withhold(mail)
        message = (
            _("The mail was withheld; it will not be sent.")
            if done
            else _("Only a queued or failed mail can be withheld.")
        )
    (messages.success if done else messages.warning)(request, message)
    return redirect(mail)


@login_required
def reminder_policy(request, pk):
    congress = get_congress(request.user, pk)
    policy = ReminderPolicy.objects.filter(congress=congress).first() or ReminderPolicy(congress=congress)
    context = congress_context(request, congress, "reminders")
    if request.method == "POST" and not context["can_manage"]:
        raise PermissionDenied
    form = ReminderPolicyForm(request.POST or None, instance=policy)
    conflict = None
    if context["can_manage"] and form.is_valid():
        _saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The reminder policy was saved."))
            return redirect("reminders:reminder_policy", congress.pk)
    context["opted_out"] = opted_out(congress)
    return render_form(request, "reminders/reminder_policy.html", form, conflict, policy=policy, **context)


def opted_out(congress):
    """People with a part in the congress who chose no reminder e-mail: a role, a seat on its
    board or a sub-committee, or a reminder of one of its deadlines (skipped for them)."""
    concerned = (
        Q(user__congress_roles__congress=congress)
        | Q(reminders__congress=congress)
        | Q(board_memberships__board__congress=congress)
        | Q(subcommittee_memberships__subcommittee__congress=congress)
    )
    people = Person.objects.filter(concerned, reminder_preference__choice=ReminderPreference.Choice.NONE)
    return (
        Person.objects.filter(pk__in=people.values("pk"))
        .select_related("organization", "reminder_preference")
        .order_by("full_name", "pk")
    )


@login_required
def reminder_preferences(request):
    person = Person.objects.active().filter(user=request.user).first()
    if person is None:
        return render(request, "reminders/reminder_preferences.html", {"person": None})
    preference = ReminderPreference.objects.filter(person=person).first() or ReminderPreference(person=person)
    form = ReminderPreferenceForm(request.POST or None, instance=preference)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your choice was saved."))
        return redirect("reminders:reminder_preferences")
    return render_form(request, "reminders/reminder_preferences.html", form, person=person)


@login_required
def outbox_export(request):
    """The mails the outbox page's filter shows, every page of them, as Excel."""
    mails = OutboxMail.objects.visible_to(request.user)
    filterset = OutboxFilter(
        request.GET,
        queryset=mails.select_related("person")
        .defer("attachment")
        .prefetch_related("congresses")
        .order_by("-created_at", "-pk"),
        congresses=kept_congresses(request.user).order_by("-year", "name"),
    )
    return xlsx_response(workbook_bytes([outbox_sheet(filterset.qs)]), dated_name(_("Outbox")))
