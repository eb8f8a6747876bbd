"""Meetings of the organising board and its sub-committees: their forms, list filter and agenda text.

The agenda is typed as one text in the official list style ("- " items, "+ " sub-items of the item
above, "1." items numbered as typed) and stored as AgendaItem rows; `agenda_text` writes the rows
back into the same text, so the form shows what was typed.
"""

import unicodedata
from collections import defaultdict
from itertools import count

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db.models import F, Max, Q
from django.utils.translation import gettext_lazy as _

from congress.concurrency import ConcurrentEditMixin
from congress.filters import SearchFilter
from congress.forms import DateTimeInput
from congress.models import Person
from congress.search import matching
from documents.emphasis import from_html
from documents.forms import HTML_TAG
from documents.liststyle import clean_list_text, list_lines

from .models import AgendaItem, Conclusion, Meeting

# "thứ nhất", "thứ tư", "thứ mười lăm": Vietnamese ordinals are irregular, so they are listed.
ORDINALS = (
    "nhất",
    "hai",
    "ba",
    "tư",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "mười một",
    "mười hai",
    "mười ba",
    "mười bốn",
    "mười lăm",
    "mười sáu",
    "mười bảy",
    "mười tám",
    "mười chín",
    "hai mươi",
)
BOARD = "board"


def session_ordinal(number):
    """3 -> "phiên thứ ba", as minutes and schedules name a session; digits past twenty."""
    if number and 1 <= number <= len(ORDINALS):
        return f"phiên thứ {ORDINALS[number - 1]}"
    return f"phiên thứ {number}"


def default_title(congress, subcommittee, number):
    session = session_ordinal(number)
    if subcommittee is not None:
        return f"Họp {subcommittee.name} ({session})"
    title = f"Họp Ban Tổ chức {congress.name} ({session})"
    max_length = Meeting._meta.get_field("title").max_length
    return title if len(title) <= max_length else f"Họp Ban Tổ chức Đại hội ({session})"


def next_number(congress, subcommittee):
    """The next free session number of the board (subcommittee None) or of a sub-committee."""
    last = Meeting.objects.filter(congress=congress, subcommittee=subcommittee).aggregate(Max("number"))
    return (last["number__max"] or 0) + 1


def parse_agenda(text):
    """[(item, [sub-items])] from list text; a "+ " line with no item above it is an item itself."""
    items = []
    for level, line in list_lines(text):
        if level == "+" and items:
            items[-1][1].append(line)
        else:
            items.append((line, []))
    return items


def save_agenda(meeting, items):
    """Replace the meeting's agenda; `order` runs through items and sub-items in reading order."""
    meeting.agenda.all().delete()
    order = count(1)
    for text, subitems in items:
        parent = AgendaItem.objects.create(meeting=meeting, order=next(order), text=text)
        for subitem in subitems:
            AgendaItem.objects.create(meeting=meeting, parent=parent, order=next(order), text=subitem)


def agenda_tree(items):
    """[(item, [sub-items])] in reading order, from the agenda rows of one meeting."""
    children = defaultdict(list)
    for item in sorted(items, key=lambda item: (item.order, item.pk)):
        children[item.parent_id].append(item)
    return [(item, children[item.pk]) for item in children[None]]


def agenda_text(items):
    """The agenda as list text: items numbered as typed keep their number, the others take "- "."""
    lines = []
    for item, subitems in agenda_tree(items):
        lines.append(item.text if is_numbered(item.text) else f"- {item.text}")
        lines.extend(f"+ {subitem.text}" for subitem in subitems)
    return "\n".join(lines)


def is_numbered(text):
    """Whether an agenda item carries its own number as typed ("1. …", "a) …")."""
    levels = list_lines(text)
    return bool(levels) and levels[0][0] == "num"


def _people(*selected_pks):
    """Active people, plus those already chosen, so an edit never drops someone who has left."""
    return Person.objects.filter(Q(is_active=True) | Q(pk__in=[pk for pk in selected_pks if pk]))


class MeetingForm(ConcurrentEditMixin, forms.ModelForm):
    fingerprint_related = ("participants", "agenda")

    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "data-emphasis-paste": ""}),
        help_text=_(
            "One item per line. Start a line with “- ” for an item, with “+ ” for a sub-item of the item above, "
            "or number items as “1.”, “2.”."
        ),
    )
    in_schedule = forms.BooleanField(
        label=_("Show in the schedule"),
        required=False,
        help_text=_(
            "Keeps a task of the schedule in step with this meeting: its title and agenda, and the meeting day as "
            "deadline. Unticking does not remove a task already in the schedule; delete it there if needed."
        ),
    )

    class Meta:
        model = Meeting
        fields = ["subcommittee", "number", "title", "starts_at", "place", "chair", "participants", "minutes"]
        labels = {"subcommittee": _("Body")}
        widgets = {
            "title": forms.TextInput(attrs={"data-emphasis-paste": ""}),
            "starts_at": DateTimeInput(),
            "participants": forms.SelectMultiple(attrs={"size": 8}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, congress, may_manage_board, subcommittees, **kwargs):
        super().__init__(*args, **kwargs)
        self.congress = congress
        self.instance.congress = congress
        # Titles composed by default follow a change of body or number; a title typed by hand stays.
        self.previous_default_title = (
            default_title(congress, self.instance.subcommittee, self.instance.number) if self.instance.pk else None
        )
        self._set_up_body(may_manage_board, subcommittees)
        self._set_up_people()
        number = self.fields["number"]
        number.required = False
        number.validators.append(MinValueValidator(1))
        number.widget.attrs["min"] = 1
        number.help_text = _("Left empty, the body's next number.")
        self.fields["title"].required = False
        self.fields["title"].help_text = _(
            "Left empty: “Họp Ban Tổ chức … (phiên thứ …)”, or “Họp Tiểu ban … (phiên thứ …)” for a sub-committee. "
            "*Italic* and **bold** print as such (pasting from Word keeps them)."
        )
        if self.instance.pk:
            self.fields["agenda"].initial = agenda_text(self.instance.agenda.order_by("order", "pk"))
            self.fields["in_schedule"].initial = linked_task(self.instance) is not None

    def _set_up_body(self, may_manage_board, subcommittees):
        body = self.fields["subcommittee"]
        body.queryset = subcommittees
        body.required = not may_manage_board
        body.empty_label = _("Organising board") if may_manage_board else None
        body.help_text = _("The organising board or one of its sub-committees.")

    def _set_up_people(self):
        chair = self.fields["chair"]
        chair.queryset = _people(self.instance.chair_id)
        chair.label_from_instance = lambda person: person.title_line
        participants = self.fields["participants"]
        chosen = list(self.instance.participants.values_list("pk", flat=True)) if self.instance.pk else []
        participants.queryset = _people(*chosen)
        participants.label_from_instance = lambda person: person.title_line
        participants.help_text = _("Type a few letters of a name to find it; several may be chosen.")

    def clean_title(self):
        """The title on one line, NFC, its emphasis kept as *…* / **…**: HTML posted keeps only that."""
        title = unicodedata.normalize("NFC", self.cleaned_data.get("title") or "")
        if HTML_TAG.search(title):
            title = from_html(title)
        return " ".join(title.split())

    def clean_agenda(self):
        return clean_list_text(self.cleaned_data["agenda"])

    def saved_agenda(self, meeting):
        """The saved agenda as the form shows it, for the side-by-side page of a concurrent save."""
        return agenda_text(meeting.agenda.all())

    def clean(self):
        data = super().clean()
        subcommittee = data.get("subcommittee")
        number = data.get("number")
        if number is None:
            number = next_number(self.congress, subcommittee)
        # Filled even beside other errors, so the model never reports an empty title or number the user may leave empty.
        if "number" not in self.errors:
            data["number"] = number
        title = (data.get("title") or "").strip()
        if not title or title == self.previous_default_title:
            data["title"] = default_title(self.congress, subcommittee, number)
        if "subcommittee" not in self.errors and "number" not in self.errors:
            self._check_number_is_free(subcommittee, number)
        return data

    def _check_number_is_free(self, subcommittee, number):
        # The database cannot tell board meetings apart (their sub-committee is NULL), so the form checks.
        others = Meeting.objects.filter(congress=self.congress, subcommittee=subcommittee, number=number)
        taken = others.exclude(pk=self.instance.pk).first()
        if taken:
            body = subcommittee.name if subcommittee else _("The organising board")
            message = _(
                "%(body)s already has meeting number %(number)s (“%(title)s”). Choose another number, or leave "
                "it empty for the next free one (%(next)s)."
            )
            params = {
                "body": body,
                "number": number,
                "title": taken.plain_title,
                "next": next_number(self.congress, subcommittee),
            }
            self.add_error("number", ValidationError(message, code="taken", params=params))

    def save(self, commit=True):
        meeting = super().save(commit=commit)
        if commit and "agenda" in self.changed_data:
            save_agenda(meeting, parse_agenda(self.cleaned_data["agenda"]))
        return meeting


def linked_task(meeting):
    """The schedule's task for the meeting (Task.meeting), or None."""
    try:
        return meeting.task
    except Meeting.task.RelatedObjectDoesNotExist:
        return None


class ConclusionForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Conclusion
        fields = ["text", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"text": _("Plain text; lines starting “- ” and “+ ” are list levels.")}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        self.fields["order"].widget.attrs["min"] = 1

    def clean_text(self):
        text = clean_list_text(self.cleaned_data["text"])
        if not text:
            raise ValidationError(_("Write the conclusion."), code="required")
        return text


class MeetingOrdering(django_filters.OrderingFilter):
    """Sort by date or number; meetings without a date come last either way, ties in a fixed order."""

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = [self._ordering(param) for param in value if param]
        return qs.order_by(*ordering, F("subcommittee__order").asc(nulls_first=True), "subcommittee_id", "pk")

    def _ordering(self, param):
        field = self.get_ordering_value(param)
        name = field.lstrip("-")
        return F(name).desc(nulls_last=True) if field.startswith("-") else F(name).asc(nulls_last=True)


class MeetingFilter(django_filters.FilterSet):
    q = SearchFilter()
    body = django_filters.ChoiceFilter(label=_("Body"), method="filter_body", empty_label=_("All bodies"))
    order = MeetingOrdering(
        fields=(("starts_at", "date"), ("number", "number")),
        field_labels={"starts_at": _("Date"), "number": _("Session number")},
        label=_("Sort by"),
    )

    class Meta:
        model = Meeting
        fields = ["q", "body"]

    def __init__(self, *args, subcommittees, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = [(BOARD, _("Organising board"))]
        bodies += [(str(subcommittee.pk), subcommittee.name) for subcommittee in subcommittees]
        self.filters["body"].extra["choices"] = bodies

    def filter_body(self, queryset, name, value):
        if value == BOARD:
            return queryset.filter(subcommittee__isnull=True)
        return queryset.filter(subcommittee_id=value)

    def filter_search(self, queryset, name, value):
        in_agenda = AgendaItem.objects.filter(matching(["text"], value)).values("meeting_id")
        in_conclusions = Conclusion.objects.filter(matching(["text"], value)).values("meeting_id")
        return queryset.filter(
            matching(["title", "place", "chair__full_name", "minutes"], value)
            | Q(pk__in=in_agenda)
            | Q(pk__in=in_conclusions)
        )
