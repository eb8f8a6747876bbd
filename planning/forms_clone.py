"""The form that starts the next congress from a previous one."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congress.forms import DateInput
from congress.models import period_validator

from .clone import congress_day


def _next_period(period, years):
    first, last = (int(part) for part in period.replace("–", "-").split("-"))
    return f"{first + years}-{last + years}"


class NextCongressForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)])
    edition = forms.IntegerField(
        label=gettext_lazy("Edition"), required=False, validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    new_day = forms.DateField(
        label=gettext_lazy("Day of the new congress"),
        widget=DateInput(),
        help_text=gettext_lazy("The day its last session opens; every deadline keeps its distance to this day."),
    )
    review_period = forms.CharField(
        label=gettext_lazy("Review period"), required=False, max_length=20, validators=[period_validator]
    )
    next_period = forms.CharField(
        label=gettext_lazy("Next period"), required=False, max_length=20, validators=[period_validator]
    )
    keep_people = forms.BooleanField(
        label=gettext_lazy("Keep the same people"),
        required=False,
        help_text=gettext_lazy(
            "Copy the board's and the sub-committees' members and everyone's roles; left unticked, only the "
            "structure is copied and you name the people afterwards."
        ),
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        years = 5
        old_day = congress_day(source)
        self.initial = {
            "year": source.year + years,
            "edition": source.edition + 1 if source.edition else None,
            "new_day": _same_day_later(old_day, years) if old_day else None,
            "review_period": source.next_period or _shifted_period(source.review_period, years),
            "next_period": _shifted_period(source.next_period, years),
            "keep_people": True,
        }

    def clean_new_day(self):
        day = self.cleaned_data["new_day"]
        old_day = congress_day(self.source)
        if old_day and day <= old_day:
            raise ValidationError(
                _("The new congress must come after the previous one (%(day)s).")
                % {"day": old_day.strftime("%d/%m/%Y")}
            )
        return day


def _same_day_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _shifted_period(period, years):
    return _next_period(period, years) if period else ""
