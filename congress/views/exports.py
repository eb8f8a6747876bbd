"""The directory's lists as Excel: what the list's filters show, every page of it."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from documents.spreadsheets import dated_name, workbook_bytes, xlsx_response

from ..exports import congresses_sheet, organizations_sheet, people_sheet
from ..filters import CongressFilter, OrganizationFilter, PersonFilter
from ..models import Congress, Organization, Person
from ..rules import with_personal_data


@login_required
def organization_export(request):
    queryset = Organization.objects.select_related("parent", "head")
    organizations = OrganizationFilter(request.GET, queryset=queryset).qs
    content = workbook_bytes([organizations_sheet(organizations.iterator(chunk_size=2000))])
    return xlsx_response(content, dated_name(_("Organisations")))


@login_required
def person_export(request):
    queryset = with_personal_data(Person.objects.select_related("organization"), request.user)
    people = PersonFilter(request.GET, queryset=queryset, request=request).qs
    content = workbook_bytes([people_sheet(people.iterator(chunk_size=2000))])
    return xlsx_response(content, dated_name(_("People")))


@login_required
def congress_export(request):
    congresses = CongressFilter(request.GET, queryset=Congress.objects.visible_to(request.user).with_list_data()).qs
    return xlsx_response(workbook_bytes([congresses_sheet(congresses)]), dated_name(_("Congresses")))
