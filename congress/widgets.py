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


class QuickSelect(QuickSelectMixin, forms.Select):
    pass


class QuickSelectMultiple(QuickSelectMixin, forms.SelectMultiple):
    pass
