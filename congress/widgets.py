"""Widgets that render long option lists without a template per option.

Django renders every <option> through a template; a select of a few hundred organisations
then costs more than the rest of the page. These widgets build the same HTML in Python.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class QuickSelectMixin:
    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        final_attrs = {**context["attrs"], "name": context["name"]}
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        groups = []
        for group_name, options, _index in context["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], mark_safe(" selected") if option["selected"] else "", option["label"])
                    for option in options
                ),
            )
            groups.append(
                format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered) if group_name else rendered
            )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe("".join(groups)))


class QuickSelect(QuickSelectMixin, forms.Select):
    pass


class QuickSelectMultiple(QuickSelectMixin, forms.SelectMultiple):
    pass
