import re

from django import forms

from congress.widgets import QuickCheckboxInput, QuickSelect, QuickSelectMultiple, QuickTextInput

CHOICES = [("", "---------"), ("1", "Sở Nội vụ"), ("2", "Báo <Ninh Thuận> & Đài")]


def options(html):
    return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html)


def test_a_quick_select_renders_what_djangos_select_renders():
    for value in ("", "2"):
        quick = QuickSelect(choices=CHOICES).render("party", value, attrs={"id": "id_party", "class": "form-select"})
        plain = forms.Select(choices=CHOICES).render("party", value, attrs={"id": "id_party", "class": "form-select"})
        assert options(quick) == options(plain)
        opening = re.match(r"<select([^>]*)>", quick).group(1)
        assert sorted(opening.split()) == sorted(re.match(r"<select([^>]*)>", plain).group(1).split())


def test_labels_are_escaped_and_selection_kept():
    html = QuickSelect(choices=CHOICES).render("party", "2")
    assert "&lt;Ninh Thuận&gt; &amp; Đài" in html
    assert options(html)[2][1] == " selected"


def test_a_quick_multiple_select_marks_every_chosen_value():
    html = QuickSelectMultiple(choices=CHOICES[1:]).render("people", ["1", "2"])
    assert " multiple" in html
    assert [selected for _value, selected, _label in options(html)] == [" selected", " selected"]


def test_option_groups_are_kept():
    grouped = [("Sở", [("1", "Sở Nội vụ")]), ("Báo", [("2", "Báo Ninh Thuận")])]
    html = QuickSelect(choices=grouped).render("party", "1")
    assert '<optgroup label="Sở"><option value="1" selected>Sở Nội vụ</option></optgroup>' in html


def test_a_select_of_a_queryset_reads_it_once_and_as_django_does(db, django_assert_num_queries):
    from congress.models import Organization
    from tests.factories import OrganizationFactory

    OrganizationFactory(name="Sở Nội vụ"), OrganizationFactory(name="Sở <Tư pháp>")
    field = forms.ModelChoiceField(queryset=Organization.objects.order_by("pk"), widget=QuickSelect)
    chosen = str(Organization.objects.order_by("pk").last().pk)

    with django_assert_num_queries(1):  # no COUNT before the rows
        html = field.widget.render("organization", chosen)

    plain = forms.Select(choices=field.choices).render("organization", chosen)
    assert options(html) == options(plain) and options(html)[-1][1] == " selected"


def test_quick_inputs_render_what_djangos_inputs_render():
    attrs = {"id": "id_q", "class": "form-control form-control-sm", "required": True, "disabled": False}
    for value in (None, "", "Lễ <kỷ niệm> \"70\" năm & 'tuyên dương'"):
        assert QuickTextInput(attrs={"placeholder": "Tìm…"}).render("q", value, attrs=attrs) == forms.TextInput(
            attrs={"placeholder": "Tìm…"}
        ).render("q", value, attrs=attrs)
    for value in (None, False, True, "on", "x"):
        attrs = {"id": "id_overdue", "class": "form-check-input"}
        assert QuickCheckboxInput().render("overdue", value, attrs=attrs) == forms.CheckboxInput().render(
            "overdue", value, attrs=attrs
        )
