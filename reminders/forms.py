"""Forms of the reminders: a congress's policy, a person's choice, the outbox filter."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congress.concurrency import ConcurrentEditMixin
from congress.models import Congress

from .models import OutboxMail, ReminderPolicy, ReminderPreference
from .policy import parse_days_before


class ReminderPolicyForm(ConcurrentEditMixin, forms.ModelForm):
    # One policy per congress, created by its first save: whoever loaded the defaults before it
    # existed conflicts with whoever created it meanwhile.
    guard_creation = True

    class Meta:
        model = ReminderPolicy
        fields = [
            "is_active",
            "days_before",
            "on_the_day",
            "overdue_every_days",
            "overdue_for_days",
            "escalate_after_days",
            "digest_time",
            "working_days_only",
            "remind_coordinating",
            "remind_meetings",
            "grace_hours",
        ]
        widgets = {"digest_time": forms.TimeInput(format="%H:%M", attrs={"type": "time"})}

    def clean_days_before(self):
        days = parse_days_before(self.cleaned_data["days_before"])
        return ", ".join(str(day) for day in days)

    def clean_grace_hours(self):
        hours = self.cleaned_data["grace_hours"]
        if not 1 <= hours <= 24:
            raise forms.ValidationError(_("The grace window is between 1 and 24 hours."))
        return hours


class ReminderPreferenceForm(forms.ModelForm):
    class Meta:
        model = ReminderPreference
        fields = ["choice"]
        widgets = {"choice": forms.RadioSelect}
        labels = {"choice": _("Reminder e-mails")}


class OutboxFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Recipient"), method="filter_person")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=OutboxMail.Status.choices)
    congress = django_filters.ModelChoiceFilter(
        label=_("Congress"), queryset=Congress.objects.none(), field_name="congresses", distinct=False
    )
    digest_date = django_filters.DateFilter(label=_("Day"), widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
    order = django_filters.OrderingFilter(
        fields=(("created_at", "created"), ("person__full_name", "person"), ("status", "status")),
        field_labels={"created_at": _("Created"), "person__full_name": _("Recipient"), "status": _("Status")},
        label=_("Sort by"),
    )

    class Meta:
        model = OutboxMail
        fields = ["q", "status", "congress", "digest_date"]

    def __init__(self, *args, congresses, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["congress"].queryset = congresses

    def filter_person(self, queryset, name, value):
        return queryset.filter(Q(person__full_name__icontains=value) | Q(to__icontains=value))
