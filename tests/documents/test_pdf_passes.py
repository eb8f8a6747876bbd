"""A document with long tables is laid out in passes of a few hundred rows (documents/pdf.py).
Read back, it must be the single pass page for page: same page breaks, page numbers following
on from pass to pass, rows whole, letterhead first and signature last."""

import io

import pytest
from pypdf import PdfReader

from documents import pdf
from documents.blocks import Column, Content, Paragraph, Row, Table
from documents.emphasis import plain
from documents.layer import get_kind, letter_for, record_for

from .reading import WATERMARK, pdf_pages, pdf_words, top_word


@pytest.fixture
def layouts(monkeypatch):
    """How many WeasyPrint layouts the rendering makes: one per pass."""
    made = []
    layout = pdf.layout

    def counted(*args, **kwargs):
        made.append(args[0])
        return layout(*args, **kwargs)

    monkeypatch.setattr(pdf, "layout", counted)
    return made


@pytest.fixture
def schedule(demo):
    kind = get_kind("schedule")
    return letter_for(kind, demo, record_for(kind, demo))


def word_places(data, page_count):
    """Every word of every page with its place on the page."""
    return [pdf_words(data, page) for page in range(1, page_count + 1)]


def row_texts(table):
    """Each task row's content cell as pdftotext reads it back: its lines joined by spaces."""
    texts = []
    for row in table.rows:
        if isinstance(row, Row) and row.cells[1]:
            line = " ".join(getattr(block, "marker", "") + " " + plain(block.text) for block in row.cells[1])
            texts.append(line.strip())
    return [" ".join(text.split()) for text in texts]


def test_a_schedule_printed_in_passes_has_the_pages_of_the_single_pass(schedule, layouts):
    whole, whole_count = pdf.render_whole(schedule)
    layouts.clear()

    data, page_count = pdf.render_pdf(schedule, rows_per_pass=8)

    assert len(layouts) >= 3
    assert page_count == whole_count == len(pdf_pages(data))
    assert pdf_pages(data) == pdf_pages(whole)
    assert word_places(data, page_count) == word_places(whole, whole_count)


def test_page_numbers_follow_on_from_pass_to_pass_and_every_row_stays_on_one_page(schedule, layouts):
    data, page_count = pdf.render_pdf(schedule, rows_per_pass=8)
    pages = pdf_pages(data)

    assert len(layouts) >= 3
    assert top_word(data, 1)[0] in ("ỦY", "CỘNG")  # the letterhead, no page number
    assert [top_word(data, number)[0] for number in range(2, page_count + 1)] == [
        str(number) for number in range(2, page_count + 1)
    ]
    assert all(page.startswith("STT NỘI DUNG CÔNG VIỆC") for page in pages[1:])
    assert all(WATERMARK not in page for page in pages)  # drawn, out of the text layer
    # The table's last row may split, so the signature never stands alone on its page.
    whole_rows = row_texts(schedule.body[0])[:-1]
    assert [text for text in whole_rows if not any(text in page for page in pages)] == []
    assert "Nơi nhận:" in pages[-1]
    assert "Nơi nhận:" not in " ".join(pages[:-1])


def test_the_schedule_as_the_plans_annex_printed_in_passes_keeps_its_head_and_numbering(demo, layouts):
    plan = get_kind("plan")
    record = record_for(plan, demo)
    record.annexes = ["schedule"]  # ticked by the secretariat (not by default)
    letter = letter_for(plan, demo, record)
    whole, whole_count = pdf.render_whole(letter)
    layouts.clear()

    data, page_count = pdf.render_pdf(letter, rows_per_pass=10)

    assert len(layouts) >= 3
    assert page_count == whole_count
    assert pdf_pages(data) == pdf_pages(whole)
    assert word_places(data, page_count) == word_places(whole, whole_count)
    assert PdfReader(io.BytesIO(data)).metadata.title == letter.title


def test_a_row_longer_than_a_page_prints_as_in_the_single_pass(province):
    plan = get_kind("plan")
    columns = (Column("STT", 10, "center"), Column("NỘI DUNG", 90, "justify"))
    long_cell = [Paragraph(f"Dòng số {line} của nội dung rất dài.") for line in range(60)]
    rows = [
        Row(([Paragraph(str(number))], long_cell if number == 12 else [Paragraph(f"Việc số {number}")]))
        for number in range(1, 40)
    ]
    content = Content(body=[Paragraph("Mở đầu."), Table(columns, rows), Paragraph("Kết thúc.")])
    letter = letter_for(plan, province, record_for(plan, province), content=content)
    whole, whole_count = pdf.render_whole(letter)

    data, page_count = pdf.render_pdf(letter, rows_per_pass=6)

    assert page_count == whole_count >= 3
    assert pdf_pages(data) == pdf_pages(whole)
    assert word_places(data, page_count) == word_places(whole, whole_count)


def test_passes_too_short_to_fill_a_page_take_more_rows(schedule):
    whole, _whole_count = pdf.render_whole(schedule)

    data, _page_count = pdf.render_pdf(schedule, rows_per_pass=1)

    assert pdf_pages(data) == pdf_pages(whole)


def test_progress_in_passes_counts_the_pages_up_to_the_last(schedule):
    seen = []

    _data, page_count = pdf.render_pdf(schedule, rows_per_pass=8, on_page=seen.append)

    assert seen == sorted(seen)
    assert (seen[0], seen[-1]) == (1, page_count)
