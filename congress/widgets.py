"""Widgets that render long option lists without a template per option.

Django renders every <option> through a template; a select of a few hundred organisations
then costs more than the rest of the page. These widgets build the same HTML in Python.
"""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelectMixin:
    def render(self, name, value, attrs=None, renderer=None):
        # Not list(): it would ask a queryset's choice iterator for its len() first (a COUNT query).
        choices = [choice for choice in self.choices]  # noqa: C416
        if not self.allow_multiple_selected and not any(isinstance(label, (list, tuple)) for _, label in choices):
            return self._render_flat(name, value, attrs, choices)
        context = self.get_context(name, value, attrs)["widget"]
        final_attrs = {**context["attrs"], "name": context["name"]}
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        parts = [f"<select{flatatt(final_attrs)}>"]
        for group_name, options, _index in context["optgroups"]:
            if group_name:
                parts.append(f'<optgroup label="{escape(str(group_name))}">')
            for option in options:
                selected = " selected" if option["selected"] else ""
                parts.append(
                    f'<option value="{escape(str(option["value"]))}"{selected}>{escape(str(option["label"]))}</option>'
                )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))

    def _render_flat(self, name, value, attrs, choices):
        """One select of plain choices without building Django's option dictionaries (the same
        HTML: the first option whose value matches is selected, as Select.optgroups does)."""
        final_attrs = {**self.build_attrs(self.attrs, attrs), "name": name}
        wanted = set(self.format_value(value))
        parts = [f"<select{flatatt(final_attrs)}>"]
        for option_value, label in choices:
            option_value = "" if option_value is None else str(option_value)
            selected = ""
            if option_value in wanted:
                selected, wanted = " selected", ()
            parts.append(f'<option value="{escape(option_value)}"{selected}>{escape(str(label))}</option>')
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above


class QuickSelect(QuickSelectMixin, forms.Select):
    pass


class QuickSelectMultiple(QuickSelectMixin, forms.SelectMultiple):
    pass


class QuickInputMixin:
    """An <input> built in Python: the HTML of Django's input template (its attributes in their
    order, a true one bare, a false one left out), without a template render per field."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"']
        if widget["value"] is not None:
            parts.append(f' value="{escape(str(widget["value"]))}"')
        for key, attribute in widget["attrs"].items():
            if attribute is True:
                parts.append(f" {escape(key)}")
            elif attribute is not False:
                parts.append(f' {escape(key)}="{escape(str(attribute))}"')
        parts.append(">")
        return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above


class QuickTextInput(QuickInputMixin, forms.TextInput):
    pass


class QuickCheckboxInput(QuickInputMixin, forms.CheckboxInput):
    pass
