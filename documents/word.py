"""Letters to DOCX with python-docx, for a secretariat that finishes the document in Word.

The same letter as the PDF: A4, the decree's margins, Times New Roman, the two-column
letterhead, headings and list items, tables whose header row repeats on every page,
recipients beside the signature, page numbers centred at the top from page 2 (a different
first-page header holding nothing), each annex a section of its own numbered from 1.
"""

import io

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, RGBColor

from . import emphasis
from .blocks import Centered, GroupRow, Heading, Item, Paragraph, Table, lead_in
from .layer import ISSUER_SHARE, RECIPIENTS_SHARE
from .linebreaks import text_width_mm

FONT = "Times New Roman"
PORTRAIT_MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
LANDSCAPE_MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
LINE_HEIGHT = 1.25  # the PDF's line-height: each paragraph's lines are 1.25 times its size apart
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
# A table column's alignment as print.css sets it (td.align-…): a left column is not justified.
CELL_ALIGN = {"center": CENTER, "justify": JUSTIFY, "left": LEFT}


def render_docx(letter):
    document = WordDocument()
    _set_fonts(document)
    section = document.sections[0]
    _set_page(section, landscape=letter.landscape, draft_mark=letter.draft_mark if letter.draft else "")
    _letterhead(document, letter, section)
    _title(document, letter)
    _blocks(document, letter.body, _text_width(section))
    _closing(document, letter, section)
    for annex in letter.annexes:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        _set_page(section, landscape=annex.landscape, draft_mark=letter.draft_mark if letter.draft else "")
        _restart_numbering(section)
        _annex_head(document, annex)
        _blocks(document, annex.body, _text_width(section))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Page set-up ------------------------------------------------------------------------------------


def _set_fonts(document):
    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(14)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
    normal = document.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(0), 1.0


def _set_page(section, *, landscape, draft_mark):
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    margins = LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS
    for side, size in margins.items():
        setattr(section, f"{side}_margin", Mm(size))
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = CENTER
    _page_field(paragraph)
    first = section.first_page_header
    first.is_linked_to_previous = False
    if draft_mark:
        for part in (header, first):
            mark = part.add_paragraph() if part is header else part.paragraphs[0]
            mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = mark.add_run(draft_mark)
            run.bold, run.font.size, run.font.color.rgb = True, Pt(12), RGBColor(0x99, 0x99, 0x99)


def _page_field(paragraph):
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _restart_numbering(section):
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.append(numbering)


def _text_width(section):
    return Length(section.page_width - section.left_margin - section.right_margin)


# Pieces -----------------------------------------------------------------------------------------


def _para(container, text="", *, align=CENTER, size=14, bold=False, italic=False, underline=False, indent=False):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    _line_height(paragraph, size)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1)
    if text:
        _run(paragraph, text, size=size, bold=bold, italic=italic, underline=underline)
    return paragraph


def _run(paragraph, text, *, size=14, bold=False, italic=False, underline=False):
    """The text as runs, its *italic* and **bold** as the author wrote them (documents.emphasis)."""
    run = None
    for piece, marked_bold, marked_italic in emphasis.runs(text) or [("", False, False)]:
        run = paragraph.add_run(piece)
        run.font.size = Pt(size)
        run.bold = (bold or marked_bold) or None
        run.italic = (italic or marked_italic) or None
        run.underline = underline or None
    return run


def _line_height(paragraph, size):
    paragraph.paragraph_format.line_spacing = Pt(size * LINE_HEIGHT)


def _rule(container, *, width_mm, column_mm, above=3):
    """A solid line `width_mm` long, centred in a column: the bottom border of a paragraph one
    point high (so it adds no empty line), narrowed by its indents, `above` points below the text."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(max(column_mm - width_mm, 0) / 2)
    fmt.space_before, fmt.line_spacing = Pt(above), Pt(1)
    run = paragraph.add_run()
    run.font.size = Pt(1)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    return paragraph


def _borderless_table(document, columns, width):
    table = document.add_table(rows=1, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _grid(table, [int(width * share) for share in columns])
    _cell_margins(table, top=0, bottom=0, left=0, right=0)
    return table


def _grid(table, widths):
    """The table's grid columns and its cells the widths they mean: LibreOffice lays a table out
    by its grid (w:gridCol), Word by its cells; the table's own width is their sum."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    properties = table._tbl.tblPr
    table_width = properties.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        properties.append(table_width)
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(int(sum(widths) / 635)))  # EMU to twentieths of a point


def _cell_margins(table, **points):
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(points[side] * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _letterhead(document, letter, section):
    shares = (ISSUER_SHARE, 1 - ISSUER_SHARE)
    table = _borderless_table(document, shares, _text_width(section))
    table.add_row()
    _grid(table, [int(_text_width(section) * share) for share in shares])
    issuer, nation = table.rows[0].cells
    number, place = table.rows[1].cells
    for cell in (*table.rows[0].cells, *table.rows[1].cells):
        cell._tc.remove(cell.paragraphs[0]._p)
    issuer_mm, nation_mm = (_text_width(section).mm * share for share in shares)
    size = letter.letterhead_size
    for line in letter.parent_lines:
        _para(issuer, line, size=size)
    for line in letter.issuer_lines:
        _para(issuer, line, size=size, bold=True)
    _rule(issuer, width_mm=issuer_mm * 0.4, column_mm=issuer_mm)
    _para(nation, letter.national_title, size=12, bold=True)
    _para(nation, letter.motto, size=14, bold=True)
    _rule(nation, width_mm=text_width_mm(letter.motto, size=14, bold=True), column_mm=nation_mm)
    _para(number, letter.number_line, size=13).paragraph_format.space_before = Pt(6)
    _para(place, letter.place_date_line, size=14, italic=True).paragraph_format.space_before = Pt(6)


def _title(document, letter):
    _para(document, letter.type_name, bold=True).paragraph_format.space_before = Pt(12)
    for line in letter.subject.splitlines() or [""]:
        _para(document, line, bold=True)
    if letter.subtitle:
        _para(document, letter.subtitle, italic=True)
    last = _rule(
        document,
        width_mm=_text_width(document.sections[-1]).mm * 0.3,
        column_mm=_text_width(document.sections[-1]).mm,
        above=4,
    )
    if letter.authority_line:
        last = _para(document, letter.authority_line, bold=True)
        last.paragraph_format.space_before = Pt(12)
    last.paragraph_format.space_after = Pt(12)  # as print.css's .doc-title margin-bottom


def _annex_head(document, annex):
    _para(document, annex.label, bold=True)
    _para(document, annex.title, bold=True)
    if annex.subtitle:
        _para(document, annex.subtitle, italic=True)
    _para(document, annex.reference, italic=True)
    width = _text_width(document.sections[-1]).mm
    rule = _rule(document, width_mm=width * 0.3, column_mm=width, above=4)
    rule.paragraph_format.space_after = Pt(12)  # as print.css's .annex-head margin-bottom


# Body -------------------------------------------------------------------------------------------


def _blocks(container, blocks, width, *, size=14, in_cell=False):
    """The body's blocks spaced as print.css spaces them: 6 pt above each paragraph and table, and the 12 pt
    under the title or the annex head alone above the first (CSS collapses the two margins into the larger)."""
    previous = None
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            if previous is not None:
                previous.paragraph_format.space_after = Pt(6)
            _table(container, block, width)
            previous = None
            continue
        previous = _block(container, block, size=size, in_cell=in_cell)
        if not in_cell:
            previous.paragraph_format.space_before = Pt(6) if index else Pt(0)


def _block(container, block, *, size, in_cell):
    indent = not in_cell
    if isinstance(block, Heading) and (block.level == 1 or not in_cell):
        paragraph = _para(container, align=JUSTIFY, indent=indent)
        paragraph.paragraph_format.keep_with_next = True  # as the PDF: a heading stays with what follows
        bold, rest = (block.text, "") if block.level == 1 else lead_in(block.text)
        if bold:
            _run(paragraph, bold, size=size, bold=True)
        if rest:
            _run(paragraph, rest, size=size)
        return paragraph
    if isinstance(block, Item):
        return _para(container, f"{block.marker} {block.text}", align=JUSTIFY, size=size, indent=indent)
    if isinstance(block, Centered):
        return _para(container, block.text, bold=block.bold, size=size)
    if isinstance(block, Paragraph):
        indent = indent and block.indent
        paragraph = _para(
            container, block.text, align=JUSTIFY, size=size, bold=block.bold, italic=block.italic, indent=indent
        )
        paragraph.paragraph_format.keep_with_next = block.keep_with_next or None
        return paragraph
    return _para(container, block.text, align=JUSTIFY, size=size)  # a numbered line in a cell


def _table(container, table, width):
    titled = any(column.title for column in table.columns)  # a grid of signatures has no header row
    grid = container.add_table(rows=1 if titled else 0, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.autofit = False
    widths = [int(width * column.width / 100) for column in table.columns]
    _grid(grid, widths)
    _cell_margins(grid, top=2, bottom=2, left=4, right=4)
    if titled:
        header = grid.rows[0]
        _repeat_header(header)
        for cell, column, cell_width in zip(header.cells, table.columns, widths, strict=True):
            cell.width = cell_width
            _run(cell.paragraphs[0], column.title, size=12, bold=True)
            cell.paragraphs[0].alignment = CENTER
            _line_height(cell.paragraphs[0], 12)
    for index, row in enumerate(table.rows):
        added = grid.add_row()
        cells = added.cells
        if index < len(table.rows) - 1 or not table.split_last_row:
            _keep_row_whole(added)  # as the PDF: rows stay whole on a page; the last above the signature may split
        if isinstance(row, GroupRow):
            _keep_with_next_row(added)  # a month heading is never the last line of a page
            for cell, cell_width in zip(cells, widths, strict=True):
                cell.width = cell_width
            merged = cells[0].merge(cells[-1])
            _run(merged.paragraphs[0], row.text, size=12, bold=True)
            _line_height(merged.paragraphs[0], 12)
            continue
        for cell, column, blocks, cell_width in zip(cells, table.columns, row.cells, widths, strict=True):
            cell.width = cell_width
            first = cell.paragraphs[0]
            for index, block in enumerate(blocks):
                paragraph = first if index == 0 else cell.add_paragraph()
                _fill(paragraph, block)
                _line_height(paragraph, 12)
                paragraph.alignment = CELL_ALIGN.get(column.align, LEFT)


def _fill(paragraph, block):
    text = block.line if isinstance(block, Item) else block.text
    _run(paragraph, text, size=12, italic=getattr(block, "italic", False), bold=getattr(block, "bold", False))


def _keep_row_whole(row):
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _keep_with_next_row(row):
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _repeat_header(row):
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


# Recipients and signature -----------------------------------------------------------------------


def _cosigners(document, letter, section):
    """Minutes: the secretary and the chair sign side by side; no recipients."""
    shares = [1 / len(letter.cosigners)] * len(letter.cosigners)
    table = _borderless_table(document, shares, _text_width(section))
    _keep_row_whole(table.rows[0])
    for cell, (title, name) in zip(table.rows[0].cells, letter.cosigners, strict=True):
        cell._tc.remove(cell.paragraphs[0]._p)
        _para(cell, title, bold=True)
        _signature_space(cell)
        if name:  # an empty line holds no height in the PDF either
            _para(cell, name, bold=True)


def _signature_space(cell):
    """Room for the signature and the seal: 30 mm, as print.css's .signature-space."""
    _para(cell).paragraph_format.line_spacing = Mm(30)


def _keep_with_closing(document):
    """As the PDF's .closing (break-before: avoid): the body's last paragraph goes to the signature's page
    rather than leaving it alone at the top of a page. A body ending with a table lets its last row split."""
    last = document.element.body[-2] if len(document.element.body) > 1 else None  # [-1] is the sectPr
    if last is not None and last.tag == qn("w:p"):
        last.get_or_add_pPr().keepNext_val = True


def _closing(document, letter, section):
    _keep_with_closing(document)
    spacer = _para(document)  # the PDF's 12 pt above the closing
    spacer.paragraph_format.line_spacing, spacer.paragraph_format.keep_with_next = Pt(12), True
    if letter.cosigners:
        _cosigners(document, letter, section)
        return
    table = _borderless_table(document, (RECIPIENTS_SHARE, 1 - RECIPIENTS_SHARE), _text_width(section))
    _keep_row_whole(table.rows[0])
    recipients, signature = table.rows[0].cells
    recipients._tc.remove(recipients.paragraphs[0]._p)
    signature._tc.remove(signature.paragraphs[0]._p)
    _para(recipients, letter.recipients_title, align=LEFT, size=12, bold=True, italic=True)
    for name, note in letter.recipients:
        _para(recipients, f"- {name}{' ' + note if note else ''};", align=LEFT, size=11)
    archive = letter.archive_line if letter.archive_line.endswith(".") else f"{letter.archive_line}."
    _para(recipients, f"- {archive}", align=LEFT, size=11)
    for line in letter.signature_lines:
        _para(signature, line, bold=True)
    _signature_space(signature)
    if letter.signer_note:
        _para(signature, letter.signer_note, bold=True)
    if letter.signer_name:  # an empty line holds no height in the PDF either
        _para(signature, letter.signer_name, bold=True)
