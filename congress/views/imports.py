"""The directory from Excel (standing office): upload, see what each row would do, confirm."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.spreadsheets import Sheet, SheetRowsForm, SheetUploadForm, workbook_bytes, xlsx_response

from .. import imports
from ..exports import organization_columns, person_columns
from ..permissions import require_directory_editor


@dataclass
class DirectoryImport:
    title: str
    plan: object
    write: object
    columns: object
    example: list
    list_url: str
    template_url: str


ORGANIZATIONS = DirectoryImport(
    title=gettext_lazy("Import organisations from Excel"),
    plan=imports.plan_organizations,
    write=imports.import_organizations,
    columns=organization_columns,
    example=[
        ["UBND tỉnh", "", "UBND", "Ủy ban nhân dân", "", "", "", "", "", "Có"],
        ["Sở Nội vụ", "", "SNV", "Sở, ban, ngành", "UBND tỉnh", "", "", "", "", "Có"],
    ],
    list_url="congress:organization_list",
    template_url="congress:organization_import_template",
)
PEOPLE = DirectoryImport(
    title=gettext_lazy("Import people from Excel"),
    plan=imports.plan_people,
    write=imports.import_people,
    columns=person_columns,
    example=[["Đặng Văn An", "Giám đốc", "Sở Nội vụ", "Nam", "1975", "Kinh", "", "", "Có"]],
    list_url="congress:person_list",
    template_url="congress:person_import_template",
)


@login_required
def organization_import(request):
    return _import(request, ORGANIZATIONS)


@login_required
def person_import(request):
    return _import(request, PEOPLE)


@login_required
def organization_import_template(request):
    return _template(request, ORGANIZATIONS, _("Organisations template.xlsx"))


@login_required
def person_import_template(request):
    return _template(request, PEOPLE, _("People template.xlsx"))


def _template(request, spec, filename):
    require_directory_editor(request.user)
    return xlsx_response(workbook_bytes([Sheet(str(spec.title), spec.columns(), spec.example)]), filename)


def _import(request, spec):
    """Nothing is kept between the steps: the preview posts the sheet's rows back, and the confirmation
    checks them again before one transaction writes them."""
    require_directory_editor(request.user)
    context = {"spec": spec}
    if request.method == "POST" and request.POST.get("step") == "confirm":
        rows_form = SheetRowsForm(request.POST)
        if rows_form.is_valid():
            plan = spec.plan(rows_form.cleaned_data["rows"])
            if plan.is_valid:
                counts = spec.write(plan)
                message = _("%(create)s added and %(update)s updated.") % counts
                messages.success(request, message)
                return redirect(spec.list_url)
            return _preview(request, context, plan, rows_form, status=422)
    upload = SheetUploadForm(request.POST or None, request.FILES or None)
    if upload.is_valid():
        rows_form = SheetRowsForm(initial={"rows": upload.rows})
        return _preview(request, context, spec.plan(upload.rows), rows_form)
    status = 422 if upload.errors else 200
    return render(request, "congress/directory_import.html", {**context, "form": upload}, status=status)


def _preview(request, context, plan, rows_form, status=200):
    context.update(plan=plan, rows_form=rows_form, counts=plan.counts())
    return render(request, "congress/directory_import.html", context, status=status)
