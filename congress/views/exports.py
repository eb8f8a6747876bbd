"""The directory's lists as Excel: what the list's filters show, every page of it."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from documents.spreadsheets import dated_name, workbook_bytes, xlsx_response

from ..exports import organizations_sheet, people_sheet
from ..filters import OrganizationFilter, PersonFilter
from ..models import Organization, Person
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
