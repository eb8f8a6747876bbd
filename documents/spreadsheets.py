"""Lists as Excel workbooks: the one place that writes .xlsx for every app's "Xuất Excel" button.

A sheet is a title, its columns (a heading and a width each) and rows of plain values (or a
generator of them). Rows are written as they come into the workbook's compressed XML, so a sheet
of ten thousand rows never lives in memory as cells. The heading row is bold and frozen; a `Group`
row (a month heading in the schedule) is one bold cell, the way the printed schedule reads.
"""

import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

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
    # An empty cell is left out of the file rather than written as an empty string.
    return _ILLEGAL.sub("", str(value))[:CELL_LIMIT] or None


def workbook_bytes(sheets):
    """The sheets as the bytes of an .xlsx file (Office Open XML, SpreadsheetML).

    The parts are written here rather than through openpyxl's cell objects: a row becomes its XML in one
    pass, so a sheet of ten thousand rows takes a fraction of a second and is never held as cells. Text is
    stored inline (no shared-string table to keep), dates as Excel day numbers shown dd/mm/yyyy.
    """
    buffer = io.BytesIO()
    used, titles = set(), []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, sheet in enumerate(sheets, start=1):
            titles.append(sheet_title(sheet.title, used))
            with archive.open(f"xl/worksheets/sheet{number}.xml", "w") as part:
                _write_sheet(part, sheet)
        if not titles:
            titles.append("Sheet")
            with archive.open("xl/worksheets/sheet1.xml", "w") as part:
                _write_sheet(part, Sheet("Sheet", []))
        archive.writestr("[Content_Types].xml", _content_types(len(titles)))
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _workbook(titles))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(titles)))
        archive.writestr("xl/styles.xml", _STYLES)
    return buffer.getvalue()


# Cell formats of _STYLES, by index: heading, month row, date, date and time, wrapped text.
HEADING, GROUP, DATE, DATE_TIME, WRAPPED = 1, 2, 3, 4, 5
EXCEL_EPOCH = datetime.datetime(1899, 12, 30)
ROWS_PER_WRITE = 500


def _write_sheet(part, sheet):
    letters = [_column_letter(index) for index in range(1, max(len(sheet.columns), 1) + 1)]
    head = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">',
        '<sheetViews><sheetView workbookViewId="0">',
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
        '<sheetFormatPr defaultRowHeight="15"/>',
    ]
    if sheet.columns:
        head.append("<cols>")
        for index, column in enumerate(sheet.columns, start=1):
            head.append(f'<col min="{index}" max="{index}" width="{float(column.width):g}" customWidth="1"/>')
        head.append("</cols>")
    head.append("<sheetData>")
    head.append(_row(1, [column.heading for column in sheet.columns], letters, style=HEADING))
    part.write("".join(head).encode())
    chunk = []
    for number, row in enumerate(sheet.rows, start=2):
        if isinstance(row, Group):
            chunk.append(_row(number, [row.text], letters, style=GROUP))
        else:
            chunk.append(_row(number, row, letters))
        if len(chunk) >= ROWS_PER_WRITE:
            part.write("".join(chunk).encode())
            chunk = []
    chunk.append("</sheetData></worksheet>")
    part.write("".join(chunk).encode())


def _row(number, values, letters, style=None):
    cells = []
    for index, value in enumerate(values):
        value = cell_value(value)
        if value is None:
            continue
        if index >= len(letters):
            letters.append(_column_letter(index + 1))
        cells.append(_cell(f"{letters[index]}{number}", value, style))
    return f'<row r="{number}">{"".join(cells)}</row>'


def _cell(reference, value, style):
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"{_s(style)}><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"{_s(style)}><v>{value!r}</v></c>'
    if isinstance(value, datetime.datetime):
        days = (value.replace(tzinfo=None) - EXCEL_EPOCH).total_seconds() / 86400
        return f'<c r="{reference}"{_s(style or DATE_TIME)}><v>{days!r}</v></c>'
    if isinstance(value, datetime.date):
        days = (value - EXCEL_EPOCH.date()).days
        return f'<c r="{reference}"{_s(style or DATE)}><v>{days}</v></c>'
    if style is None and "\n" in value:
        style = WRAPPED
    text = escape(value)
    return f'<c r="{reference}" t="inlineStr"{_s(style)}><is><t xml:space="preserve">{text}</t></is></c>'


def _s(style):
    return f' s="{style}"' if style else ""


def _column_letter(index):
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{_DOCUMENT}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _content_types(count):
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for number in range(1, count + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{sheets}</Types>"
    )


def _workbook(titles):
    sheets = "".join(
        f'<sheet name="{escape(title, {chr(34): "&quot;"})}" sheetId="{number}" r:id="rId{number}"/>'
        for number, title in enumerate(titles, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        f"<bookViews><workbookView/></bookViews><sheets>{sheets}</sheets></workbook>"
    )


def _workbook_rels(count):
    sheets = "".join(
        f'<Relationship Id="rId{number}" Type="{_DOCUMENT}/worksheet" Target="worksheets/sheet{number}.xml"/>'
        for number in range(1, count + 1)
    )
    styles = f'<Relationship Id="rId{count + 1}" Type="{_DOCUMENT}/styles" Target="styles.xml"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">{sheets}{styles}</Relationships>'
    )


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
