"""Files attached to progress updates: the allowed kinds, read from the content, and the size limit."""

import os

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from documents.uploads import check_content

# Detected kind → the extensions a file of that kind may carry, and the type it is served as.
ALLOWED = {
    "pdf": ({".pdf"}, "application/pdf"),
    "doc": ({".doc"}, "application/msword"),
    "docx": ({".docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xls": ({".xls"}, "application/vnd.ms-excel"),
    "xlsx": ({".xlsx"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt": ({".ppt"}, "application/vnd.ms-powerpoint"),
    "pptx": ({".pptx"}, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "odt": ({".odt"}, "application/vnd.oasis.opendocument.text"),
    "ods": ({".ods"}, "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": ({".odp"}, "application/vnd.oasis.opendocument.presentation"),
    "jpg": ({".jpg", ".jpeg"}, "image/jpeg"),
    "png": ({".png"}, "image/png"),
}
ACCEPT = ",".join(sorted(extension for extensions, _type in ALLOWED.values() for extension in extensions))
SNIFF_BYTES = 8192


def detect(upload):
    """The kind of an uploaded file as its content says, or None."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind.extension if kind else None


def check_upload(upload):
    """Refuse a file that is too large, of a kind not allowed, or whose name hides another kind.

    Returns the upload with `content_type` set from its content.
    """
    name = os.path.basename(upload.name)
    if upload.size > settings.TASK_ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.TASK_ATTACHMENT_MAX_BYTES),
            }
        )
    kind = detect(upload)
    if kind not in ALLOWED:
        raise ValidationError(
            _("“%(name)s” is not a PDF, Word, Excel, PowerPoint, OpenDocument, JPEG or PNG file.") % {"name": name}
        )
    extensions, content_type = ALLOWED[kind]
    if os.path.splitext(name)[1].lower() not in extensions:
        raise ValidationError(
            _("“%(name)s” is named like another kind of file than it contains (%(kind)s).")
            % {"name": name, "kind": kind.upper()}
        )
    check_content(upload, kind)
    upload.content_type = content_type
    return upload
