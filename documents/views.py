"""Responses that only wrap a document's bytes; the pages that check permissions live in the
app that owns the scope (congress/views/documents.py)."""

from django.http import FileResponse, HttpResponse

from .services import CONTENT_TYPES


def bytes_response(data, filename, fmt, *, inline=False):
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}.{fmt}"'
    return response


def stored_response(field_file, filename, fmt, *, inline=False):
    """A frozen file straight from storage: no rendering."""
    return FileResponse(
        field_file.open("rb"),
        as_attachment=not inline,
        filename=f"{filename}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )
