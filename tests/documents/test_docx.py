"""The same documents as DOCX, read back with python-docx."""

import datetime

from documents.layer import get_kind, letter_for, record_for, render_docx

from .reading import docx_document, docx_lines, missing_in_order


def mm(length):
    return round(length.mm)


def plan_docx(province, **changes):
    kind = get_kind("plan")
    record = record_for(kind, province)
    record.number, record.date, record.annexes = 5, datetime.date(2020, 7, 7), []
    for field, value in changes.items():
        setattr(record, field, value)
    return render_docx(letter_for(kind, province, record, draft=False))


def test_the_plan_as_docx_holds_every_element_in_order(province):
    lines = docx_lines(plan_docx(province, recipients=[["Thường trực Tỉnh ủy", "(b/c)"]]))

    assert (
        missing_in_order(
            "\n".join(lines),
            [
                "ỦY BAN NHÂN DÂN",
                "TỈNH NINH THUẬN",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 05/KH-UBND",
                "Ninh Thuận, ngày 07 tháng 7 năm 2020",
                "KẾ HOẠCH",
                "Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020",
                "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;",
                "I. MỤC ĐÍCH, YÊU CẦU",
                "- Tổng kết, đánh giá",
                "IV. TỔ CHỨC THỰC HIỆN",
                "báo cáo xem xét, chỉ đạo./.",
                "Nơi nhận:",
                "- Thường trực Tỉnh ủy (b/c);",
                "- Lưu: VT.",
                "TM. ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH",
                "Lưu Xuân Vĩnh",
            ],
        )
        == []
    )


def test_the_docx_page_has_the_decrees_margins_font_and_page_number_from_page_two(province):
    document = docx_document(plan_docx(province))
    section = document.sections[0]

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [mm(margin) for margin in margins] == [20, 20, 30, 15]
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_the_schedule_as_docx_is_landscape_with_a_repeating_header_row(demo):
    kind = get_kind("schedule")
    document = docx_document(render_docx(letter_for(kind, demo, record_for(kind, demo))))
    table = document.tables[1]  # after the letterhead

    assert mm(document.sections[0].page_width) == 297
    assert [cell.text for cell in table.rows[0].cells] == [
        "STT",
        "NỘI DUNG CÔNG VIỆC",
        "Cơ quan chủ trì; triển khai thực hiện",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
    ]
    assert "w:tblHeader" in table.rows[0]._tr.xml
    assert table.rows[1].cells[0].text == "THÁNG 7/2020:"
    assert table.rows[2].cells[0].text == "1"
    assert table.rows[2].cells[4].text == "Ngày 06/7/2020"


def test_the_founding_decision_docx_carries_its_member_list_as_an_annex_section(province):
    kind = get_kind("founding-decision")
    document = docx_document(render_docx(letter_for(kind, province, record_for(kind, province))))
    lines = docx_lines(render_docx(letter_for(kind, province, record_for(kind, province))))

    assert len(document.sections) == 2
    assert 'w:start="1"' in document.sections[1]._sectPr.xml
    assert (
        missing_in_order(
            "\n".join(lines),
            [
                "QUYẾT ĐỊNH",
                "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
                "QUYẾT ĐỊNH:",
                "Điều 1. Thành lập Ban Tổ chức",
                "Phụ lục",
                "DANH SÁCH THÀNH VIÊN BAN TỔ CHỨC",
                "Lưu Xuân Vĩnh",
                "Trưởng ban",
                "TIỂU BAN NỘI DUNG",
                "Lê Văn Bình",
                "Trưởng Tiểu ban",
            ],
        )
        == []
    )


def test_a_draft_docx_is_marked_in_its_headers(province):
    kind = get_kind("plan")
    document = docx_document(render_docx(letter_for(kind, province, record_for(kind, province))))

    assert "DỰ THẢO" in document.sections[0].first_page_header.paragraphs[0].text


def test_table_cells_align_as_the_pdf_does_a_left_column_is_not_justified(province):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    kind = get_kind("founding-decision")
    letter = letter_for(kind, province, record_for(kind, province))
    table = docx_document(render_docx(letter)).tables[-1]  # the annex's member list
    columns = letter.annexes[0].body[0].columns
    row = next(row for row in table.rows[1:] if len({cell._tc for cell in row.cells}) == len(columns))
    expected = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }

    assert {column.align for column in columns} == {"left", "center"}
    for cell, column in zip(row.cells, columns, strict=True):
        assert {paragraph.alignment for paragraph in cell.paragraphs} == {expected[column.align]}, column.title


def test_rows_keep_whole_but_the_last_one_above_the_signature_and_the_closing_keeps_with_the_body(province, demo):
    """Issue 14: a table row shorter than a page never splits. Only the last row of a table that ends the body
    (the schedule, right above the signature) may, so the signature never stands alone; an annex's rows never."""
    from documents.html import blocks_html

    schedule = letter_for(get_kind("schedule"), demo, record_for(get_kind("schedule"), demo))
    decision = letter_for(get_kind("founding-decision"), province, record_for(get_kind("founding-decision"), province))
    schedule_rows = docx_document(render_docx(schedule)).tables[1].rows
    document = docx_document(render_docx(decision))
    annex_rows = document.tables[-1].rows
    closing = document.tables[1]  # the letterhead, then the recipients beside the signature

    assert ["w:cantSplit" in row._tr.xml for row in schedule_rows[1:]] == [True] * (len(schedule_rows) - 2) + [False]
    assert all("w:cantSplit" in row._tr.xml for row in annex_rows[1:])
    assert 'class="tail"' in str(blocks_html(schedule.body))
    assert 'class="tail"' not in str(blocks_html(decision.annexes[0].body))
    assert "w:cantSplit" in closing.rows[0]._tr.xml and "Nơi nhận:" in closing.rows[0].cells[0].text
    before = closing._tbl.getprevious()
    assert before.getprevious().pPr.keepNext_val  # the body's last paragraph, then the spacer, keep with it
    assert before.pPr.keepNext_val


def test_a_grid_without_column_titles_has_no_header_row_and_its_cells_keep_bold_italic_and_blank_lines(province):
    """A grid of signatures (a cluster's pledge) prints as the DOCX does: no empty header row, "ĐẠI DIỆN …" bold,
    "(Ký, ghi rõ họ tên)" italic, a blank line keeping its height."""
    from documents.blocks import Column, Paragraph, Row, Table
    from documents.html import blocks_html
    from documents.word import render_docx as docx_of

    cells = [Paragraph("ĐẠI DIỆN A", bold=True), Paragraph("(Ký, ghi rõ họ tên)", italic=True), Paragraph(" ")]
    table = Table((Column("", 50, "center"), Column("", 50, "center")), [Row((cells, cells))])
    html = str(blocks_html([table]))

    assert "<thead" not in html and "<th" not in html
    assert "<strong>ĐẠI DIỆN A</strong><br><em>(Ký, ghi rõ họ tên)</em><br>&nbsp;" in html

    kind = get_kind("plan")
    letter = letter_for(kind, province, record_for(kind, province))
    letter.body, letter.annexes = [table], []

    grid = docx_document(docx_of(letter)).tables[1]
    assert len(grid.rows) == 1 and "w:tblHeader" not in grid._tbl.xml
    first = grid.rows[0].cells[0].paragraphs
    assert [paragraph.text for paragraph in first] == ["ĐẠI DIỆN A", "(Ký, ghi rõ họ tên)", " "]
    assert first[0].runs[0].bold and first[1].runs[0].italic


def test_the_body_is_spaced_as_the_pdf_twelve_points_under_the_title_six_above_each_block(province):
    """print.css: .doc-title and .annex-head keep 12 pt under them, each paragraph and table 6 pt above it (the
    two margins collapse into the larger). The DOCX adds spacings, so the first block takes none of its own."""
    from docx.shared import Pt

    kind = get_kind("founding-decision")
    document = docx_document(render_docx(letter_for(kind, province, record_for(kind, province))))
    paragraphs = document.paragraphs
    authority = next(p for p in paragraphs if p.text == "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN")
    first = paragraphs[paragraphs.index(authority) + 1]
    annex_table = document.tables[-1]._tbl
    annex_rule = annex_table.getprevious()

    assert authority.paragraph_format.space_after == Pt(12)
    assert first.text.startswith("Căn cứ") and first.paragraph_format.space_before == Pt(0)
    assert paragraphs[paragraphs.index(authority) + 2].paragraph_format.space_before == Pt(6)
    assert annex_rule.pPr.spacing.after == Pt(12)  # the annex's table right under its head


def test_every_docx_table_sets_its_grid_columns_to_the_widths_it_means(demo):
    """Issue 14: LibreOffice lays a table out by its grid (w:gridCol), Word by its cells: both say the same widths,
    the shares of the text width the columns ask for (the schedule's columns are not equal)."""
    from docx.oxml.ns import qn
    from docx.shared import Length

    kind = get_kind("schedule")
    letter = letter_for(kind, demo, record_for(kind, demo))
    document = docx_document(render_docx(letter))
    section = document.sections[0]
    text_width = Length(section.page_width - section.left_margin - section.right_margin)

    for table in document.tables:
        grid = [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        cells = [cell.width.twips for cell in table.rows[-1].cells]
        assert grid == cells or len(set(cells)) == 1  # a merged group row spans the grid
        assert abs(sum(grid) - text_width.twips) <= len(grid)
    schedule = document.tables[1]
    shares = [column.width for column in letter.body[0].columns]
    grid = [int(column.get(qn("w:w"))) for column in schedule._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert [round(100 * width / sum(grid)) for width in grid] == [round(share) for share in shares]


def test_a_landscape_page_keeps_the_decrees_margins_in_the_pdf_and_the_docx(demo):
    from documents.layer import render_pdf

    from .reading import pdf_words

    kind = get_kind("schedule")
    letter = letter_for(kind, demo, record_for(kind, demo), draft=False)
    section = docx_document(render_docx(letter)).sections[0]
    pdf, pages = render_pdf(letter)
    points_per_mm = 72 / 25.4
    left = min(word[1] for page in range(1, pages + 1) for word in pdf_words(pdf, page))

    assert (mm(section.page_width), mm(section.page_height)) == (297, 210)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [mm(margin) for margin in margins] == [20, 20, 30, 15]
    assert 30 * points_per_mm - 1 <= left <= 33 * points_per_mm  # the table's border and padding inside 30 mm
