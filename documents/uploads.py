"""Uploaded files checked before anything parses them: the one place every app's uploads go through.

- A ZIP container (DOCX, XLSX, PPTX, OpenDocument) is refused when its members would unpack to more
  than UPLOAD_MAX_UNPACKED_BYTES, when one member unpacks to more than UPLOAD_MAX_COMPRESSION_RATIO
  times its packed size (a zip bomb), or when it holds too many members. The sizes come from the
  archive's directory; Python's zipfile never unpacks a member past the size the directory gives,
  so a lying directory cannot get more through later.
- A PDF is accepted only if it opens as a PDF (pypdf reads its cross-reference table and pages):
  a `%PDF-` header followed by HTML is refused.
- A spreadsheet is read through `read_sheet`: checked as a ZIP first, its declared size checked
  against the rows and columns the caller expects, then streamed row by row in openpyxl's
  read-only mode, never more rows or columns than asked for.
"""

import logging
import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ZIP_KINDS = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"}
DEFAULT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_COMPRESSION_RATIO = 100
# Small members (XML parts of a few kilobytes) may compress far better than this without harm.
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
MAX_MEMBERS = 10_000


def max_unpacked_bytes():
    return getattr(settings, "UPLOAD_MAX_UNPACKED_BYTES", DEFAULT_MAX_UNPACKED_BYTES)


def max_compression_ratio():
    return getattr(settings, "UPLOAD_MAX_COMPRESSION_RATIO", DEFAULT_MAX_COMPRESSION_RATIO)


def display_name(upload):
    return os.path.basename(upload.name or "")


def check_content(upload, kind):
    """Check what a file of this detected kind unpacks to or opens as; ValidationError if it must be refused."""
    if kind == "pdf":
        check_pdf(upload)
    elif kind in ZIP_KINDS:
        check_archive(upload)
    return upload


def _damaged(upload):
    return ValidationError(
        _("“%(name)s” is damaged or not what its content claims: it cannot be opened.")
        % {"name": display_name(upload)},
        code="damaged",
    )


def check_archive(upload, *, max_unpacked=None):
    """Refuse a ZIP container that would unpack to too much, too fast, or into too many parts."""
    limit = max_unpacked or max_unpacked_bytes()
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _damaged(upload) from error
    finally:
        upload.seek(0)
    unpacked = sum(member.file_size for member in members)
    name = display_name(upload)
    if len(members) > MAX_MEMBERS:
        raise ValidationError(
            _("“%(name)s” holds too many parts (%(count)s) and was not opened.")
            % {"name": name, "count": len(members)},
            code="too_many_parts",
        )
    if unpacked > limit:
        raise ValidationError(
            _("“%(name)s” unpacks to %(size)s; a file may unpack to at most %(limit)s.")
            % {"name": name, "size": filesizeformat(unpacked), "limit": filesizeformat(limit)},
            code="unpacks_too_large",
        )
    if any(_too_dense(member) for member in members):
        raise ValidationError(
            _("“%(name)s” unpacks to far more than its size explains (a compression bomb) and was not opened.")
            % {"name": name},
            code="compression_bomb",
        )
    return upload


def _too_dense(member):
    return member.file_size > RATIO_CHECKED_FROM_BYTES and member.file_size > max_compression_ratio() * max(
        member.compress_size, 1
    )


def check_pdf(upload):
    """Refuse a file that starts like a PDF but does not open as one."""
    from pypdf import PdfReader

    upload.seek(0)
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        reader = PdfReader(upload, strict=False)
        if not reader.is_encrypted and len(reader.pages) < 1:
            raise ValueError("no page")
    except Exception as error:  # pypdf raises many kinds of error on a file that is not a PDF
        raise _damaged(upload) from error
    finally:
        quiet.setLevel(level)
        upload.seek(0)
    return upload


def read_sheet(upload, *, max_rows, max_columns, max_unpacked=None):
    """The first sheet's rows as tuples of values, checked first and then streamed.

    Refuses (ValidationError) a workbook that is not one, unpacks to too much, or declares more
    rows or columns than asked for; reads at most max_rows rows of max_columns cells either way.
    """
    from openpyxl import load_workbook

    check_archive(upload, max_unpacked=max_unpacked)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of error on a file that is not a workbook
        raise _damaged(upload) from error
    try:
        sheet = workbook.worksheets[0]
        _check_dimensions(upload, sheet, max_rows, max_columns)
        columns = min(sheet.max_column or max_columns, max_columns)
        rows = list(sheet.iter_rows(values_only=True, max_row=max_rows, max_col=columns))
    finally:
        workbook.close()
        upload.seek(0)
    return rows


def _check_dimensions(upload, sheet, max_rows, max_columns):
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows > max_rows or columns > max_columns:
        raise ValidationError(
            _(
                "“%(name)s” has %(rows)s rows and %(columns)s columns; a sheet may have at most "
                "%(max_rows)s rows and %(max_columns)s columns."
            )
            % {
                "name": display_name(upload),
                "rows": rows,
                "columns": columns,
                "max_rows": max_rows,
                "max_columns": max_columns,
            },
            code="sheet_too_large",
        )
