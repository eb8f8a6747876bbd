"""The dossier filter's controls built in Python, the same HTML as Django's widget templates.

The list's filter form has six controls; through the templates (a template per attribute list and
per option, option dictionaries for every choice) they cost more than the table's rows.
"""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def template_attrs(attrs):
    """The attributes as django/forms/widgets/attrs.html writes them: in their order (`flatatt`
    sorts them), True as a bare name, False left out."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class FlatSelect(forms.Select):
    """A select of plain (value, label) choices: `congress.widgets.QuickSelect`'s HTML (attributes
    sorted), or with `name_first` Django's template's; option groups go the usual way."""

    name_first = False

    def render(self, name, value, attrs=None, renderer=None):
        choices = list(self.choices)
        if any(isinstance(label, (list, tuple)) for _value, label in choices):
            return super().render(name, value, attrs, renderer)
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.name_first:
            opening = f'<select name="{conditional_escape(name)}"{template_attrs(final_attrs)}>'
        else:
            opening = f"<select{flatatt({**final_attrs, 'name': name})}>"
        wanted = set(self.format_value(value))
        parts = [opening]
        for option_value, label in choices:
            option_value = "" if option_value is None else str(option_value)
            selected = ""
            if option_value in wanted:
                selected = " selected"
                wanted = ()  # the first match only, as Select.optgroups
            parts.append(f'<option value="{escape(option_value)}"{selected}>{escape(str(label))}</option>')
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above


class SortSelect(FlatSelect):
    name_first = True


class SearchInput(forms.TextInput):
    """A text input as Django's input.html renders it."""

    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        shown = "" if value is None else f' value="{conditional_escape(str(value))}"'
        final_attrs = template_attrs(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<input type="{self.input_type}" name="{conditional_escape(name)}"{shown}{final_attrs}>')  # noqa: S308
