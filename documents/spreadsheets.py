"""Lists as Excel workbooks: the one place that writes .xlsx for every app's "Xuất Excel" button.

A sheet is a title, its columns (a heading and a width each) and rows of plain values. Rows are
streamed through openpyxl's write-only mode, so a sheet of ten thousand rows never lives in memory
as cells. The heading row is bold and frozen; a `Group` row (a month heading in the schedule)
spans the sheet in bold, the way the printed schedule reads.
"""

import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_NAME_LIMIT = 31
# Excel refuses more characters in one cell.
CELL_LIMIT = 32_767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class Column:
    heading: str
    width: float = 16


@dataclass
class Group:
    """A row that heads the rows after it (a month): one bold cell in the first column."""

    text: str


@dataclass
class Sheet:
    title: str
    columns: list[Column]
    rows: object = field(default_factory=list)  # an iterable of lists of values, or Groups


def sheet_title(name, used):
    """A sheet name Excel accepts (at most 31 characters, none of []:*?/\\), unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", " ", str(name))[:SHEET_NAME_LIMIT].strip() or "Sheet"
    candidate, number = base, 2
    while candidate in used:
        suffix = f" ({number})"
        candidate, number = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    used.add(candidate)
    return candidate


def cell_value(value):
    """A value Excel stores as typed: dates stay dates, text loses control characters and is cut to Excel's limit."""
    if value is None or isinstance(value, bool | int | float | datetime.date):
        return value
    return _ILLEGAL.sub("", str(value))[:CELL_LIMIT]


def workbook_bytes(sheets):
    """The sheets as the bytes of an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    used = set()
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet_title(sheet.title, used))
        for index, column in enumerate(sheet.columns, start=1):
            worksheet.column_dimensions[get_column_letter(index)].width = column.width
        worksheet.freeze_panes = "A2"
        worksheet.append([_styled(worksheet, WriteOnlyCell, column.heading, bold, wrap) for column in sheet.columns])
        for row in sheet.rows:
            if isinstance(row, Group):
                worksheet.append([_styled(worksheet, WriteOnlyCell, row.text, bold, None)])
            else:
                worksheet.append([cell_value(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _styled(worksheet, cell_class, value, font, alignment):
    cell = cell_class(worksheet, value=cell_value(value))
    cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def xlsx_response(content, filename):
    """A download of the workbook under a file name (Vietnamese letters kept, for browsers that read RFC 6266)."""
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = _attachment(filename)
    return response


def _attachment(filename):
    from urllib.parse import quote

    folded = unicodedata.normalize("NFD", filename.replace("đ", "d").replace("Đ", "D"))
    ascii_name = folded.encode("ascii", "ignore").decode().replace('"', "") or "export.xlsx"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def dated_name(name):
    """ "Lịch trình" → "Lịch trình 2026-12-06.xlsx": a name the user can tell apart in their downloads."""
    return f"{name} {timezone.localdate():%Y-%m-%d}.xlsx"


# Reading an uploaded sheet -------------------------------------------------------------------------------

# A directory or a schedule of thousands of rows is a few hundred kilobytes as .xlsx.
SHEET_MAX_BYTES = 10 * 1024 * 1024
SHEET_MAX_UNPACKED_BYTES = 50 * 1024 * 1024


def read_upload(upload, *, max_rows, max_columns):
    """The first sheet's rows of an uploaded .xlsx, after checking its size, its real type (an Office Open XML
    workbook, whatever its name says) and what it unpacks to; ValidationError in Vietnamese otherwise."""
    from documents.uploads import display_name, read_sheet

    name = display_name(upload)
    if upload.size > SHEET_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a sheet may be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(SHEET_MAX_BYTES)},
            code="too_large",
        )
    if not name.lower().endswith(".xlsx") or not _is_workbook(upload):
        raise ValidationError(
            _("“%(name)s” is not an Excel workbook (.xlsx). Save it from Excel as “Excel Workbook”.") % {"name": name},
            code="not_xlsx",
        )
    rows = read_sheet(upload, max_rows=max_rows, max_columns=max_columns, max_unpacked=SHEET_MAX_UNPACKED_BYTES)
    return [[plain_cell(value) for value in row] for row in rows]


def _is_workbook(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return False
    finally:
        upload.seek(0)
    return {"[Content_Types].xml", "xl/workbook.xml"} <= names


def plain_cell(value):
    """A cell as the text a user typed: dates as dd/mm/yyyy, whole numbers without ".0", None as ""."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


class SheetUploadForm(forms.Form):
    """One .xlsx file; `rows` holds its first sheet's rows as text once valid."""

    max_rows = 5000
    max_columns = 30

    sheet = forms.FileField(
        label=gettext_lazy("Excel file (.xlsx)"), widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"})
    )

    def clean_sheet(self):
        upload = self.cleaned_data["sheet"]
        self.rows = read_upload(upload, max_rows=self.max_rows + 1, max_columns=self.max_columns)
        return upload


class SheetRowsForm(forms.Form):
    """The rows of a previewed sheet, posted back as JSON so that the confirmation checks them again."""

    rows = forms.JSONField(widget=forms.HiddenInput)

    def clean_rows(self):
        rows = self.cleaned_data["rows"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise ValidationError(_("The rows could not be read. Upload the file again."))
        return [[str(value) for value in row] for row in rows]
