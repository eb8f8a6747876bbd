"""Blocks to print HTML. Every text is escaped here; nothing typed by a user is ever markup."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .blocks import Centered, GroupRow, Heading, Item, Paragraph, Table, lead_in
from .emphasis import to_html


@dataclass(frozen=True)
class TableRows:
    """Rows `start` to `stop` of the body's block number `block`, a table, as one PDF pass prints
    them (documents/pdf.py). Each row carries `data-row="block-row"` so the pass can tell which
    rows landed on which page; a slice that does not start at the first row continues the table
    from an earlier page, so it has no space above it."""

    table: Table
    block: int
    start: int
    stop: int


def blocks_html(blocks, *, in_cell=False):
    return format_html_join("\n", "{}", ((block_html(block, in_cell),) for block in blocks))


def block_html(block, in_cell=False):
    if isinstance(block, Heading):
        return _heading(block, in_cell)
    if isinstance(block, Paragraph):
        classes = " ".join(
            name
            for name, wanted in (
                ("italic", block.italic),
                ("bold", block.bold),
                ("noindent", not block.indent),
                ("keep", block.keep_with_next),
            )
            if wanted
        )
        return format_html('<p class="para {}">{}</p>', classes, to_html(block.text))
    if isinstance(block, Item):
        css = "item-plus" if block.marker == "+" else "item-dash"
        return format_html('<p class="item {}">{} {}</p>', css, block.marker, to_html(block.text))
    if isinstance(block, Centered):
        return format_html('<p class="centered{}">{}</p>', " bold" if block.bold else "", to_html(block.text))
    if isinstance(block, Table):
        return table_html(block)
    if isinstance(block, TableRows):
        return table_html(block.table, rows=block)
    raise TypeError(f"Not a document block: {block!r}")


def _heading(block, in_cell):
    if in_cell:  # a numbered line in a table cell is a plain line of the cell
        return format_html("<p>{}</p>", to_html(block.text))
    if block.level == 1:
        return format_html('<h2 class="part">{}</h2>', to_html(block.text))
    bold, rest = lead_in(block.text)
    return format_html(
        '<p class="heading level-{}"><strong>{}</strong>{}</p>', block.level, to_html(bold), to_html(rest)
    )


def table_html(table, *, rows=None):
    """The whole table, or only the `rows` of a TableRows with their marks."""
    columns = format_html_join("", '<col class="w-{}">', ((round(column.width),) for column in table.columns))
    head = format_html_join(
        "", '<th class="align-{}">{}</th>', ((column.align, column.title) for column in table.columns)
    )
    # A grid of signatures has no header row.
    head = format_html("<thead><tr>{}</tr></thead>", head) if any(column.title for column in table.columns) else ""
    start, stop = (rows.start, rows.stop) if rows else (0, len(table.rows))
    tail = len(table.rows) - 1 if table.split_last_row else None
    body = format_html_join(
        "\n",
        "{}",
        (
            (_row_html(table.rows[index], table.columns, tail=index == tail, mark=_mark(rows, index)),)
            for index in range(start, stop)
        ),
    )
    return format_html(
        '<table class="grid{}"><colgroup>{}</colgroup>{}<tbody>{}</tbody></table>',
        " continued" if start else "",
        columns,
        head,
        body,
    )


def _mark(rows, index):
    return format_html(' data-row="{}-{}"', rows.block, index) if rows else ""


def _row_html(row, columns, *, tail=False, mark=""):
    if isinstance(row, GroupRow):
        return format_html('<tr class="group"{}><td colspan="{}">{}</td></tr>', mark, len(columns), to_html(row.text))
    cells = format_html_join(
        "",
        '<td class="align-{}">{}</td>',
        ((column.align, cell_html(cell)) for column, cell in zip(columns, row.cells, strict=True)),
    )
    # Rows stay whole on a page; the last row above the signature may split, so the signature never stands alone.
    return format_html('<tr class="tail"{}>{}</tr>', mark, cells) if tail else format_html("<tr{}>{}</tr>", mark, cells)


def cell_html(blocks):
    """A cell's lines joined by line breaks: one box per cell rather than one per line keeps long
    tables light to lay out (a 1,000-task schedule is some 200 pages)."""
    lines = ((_cell_line(block),) for block in blocks)
    return format_html_join(mark_safe("<br>"), "{}", lines)


def _cell_line(block):
    """A line of a cell, bold or italic as its block is (a signature grid's "ĐẠI DIỆN …", a total), as the DOCX."""
    html = to_html(block.line if isinstance(block, Item) else block.text)
    if not html.strip():  # a blank line (room for a signature) keeps its height, as a DOCX paragraph does
        return mark_safe("&nbsp;")  # noqa: S308 - a constant
    if getattr(block, "italic", False):
        html = format_html("<em>{}</em>", html)
    if getattr(block, "bold", False):
        html = format_html("<strong>{}</strong>", html)
    return html
