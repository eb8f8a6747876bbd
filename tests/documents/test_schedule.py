"""Seed 000's task schedule, printed from the demo, read back row by row."""

import datetime

import pytest

from demo.schedule import TASKS
from documents.emphasis import plain
from documents.layer import get_kind, letter_for, record_for, render_pdf

from .reading import missing_in_order, pdf_pages, pdf_text


def expected_rows():
    """(STT, content lines, lead, coordinating, deadline) per printed row, from the seed as entered."""
    rows = []
    for number, content, parties, phrase, _meeting, subitems in TASKS:
        if content:
            rows.append((str(number), plain(content).splitlines(), *labels(parties), phrase))
        for index, (sub_content, sub_parties, sub_phrase) in enumerate(subitems):
            lead, coordinating = labels(sub_parties)
            rows.append(
                (
                    str(number) if index == 0 and not content else "",
                    [f"- {plain(sub_content)}"],
                    f"- {lead}" if lead else "",
                    f"- {coordinating}" if coordinating else "",
                    f"- {sub_phrase}",
                )
            )
    return rows


def labels(parties):
    leads = [plain(name) for role, name in parties if role == "lead"]
    coordinating = [plain(name) for role, name in parties if role != "lead"]
    return ", ".join(leads), "; ".join(coordinating)


@pytest.fixture
def schedule_text(demo):
    kind = get_kind("schedule")
    record = record_for(kind, demo)
    record.number = 25
    data, _pages = render_pdf(letter_for(kind, demo, record, draft=False))
    return rows_text(data)


HEADER = "STT NỘI DUNG CÔNG VIỆC Cơ quan chủ trì; triển khai thực hiện Cơ quan phối hợp Thời gian hoàn thành"


def rows_text(data):
    """The schedule's text without the page numbers and the header row repeated on each page after
    the first: a long last row continues on the next page under the repeated header, as in seed 000."""
    pages = pdf_pages(data)
    text = pages[0]
    for number, page in enumerate(pages[1:], start=2):
        page = page.removeprefix(f"{number} ").removesuffix(f" {number}")
        assert page.startswith(HEADER), number
        text += " " + page.removeprefix(HEADER).strip()
    return text


def test_the_printed_schedule_reproduces_seed_000_row_by_row(schedule_text):
    rows = expected_rows()
    starts = [schedule_text.index(lines[0]) for _number, lines, *_ in rows]
    ends = [*starts[1:], schedule_text.index("Nơi nhận:")]

    assert starts == sorted(starts)
    for (number, lines, lead, coordinating, deadline), start, end in zip(rows, starts, ends, strict=True):
        row = schedule_text[start:end]
        assert schedule_text[:start].endswith(f" {number} " if number else " "), number
        # A row split over two pages reads its other cells between the two parts of its content.
        content = row
        for party in filter(None, (lead, coordinating, deadline)):
            before, _party, after = content.rpartition(party)
            content = f"{before} {after}" if _party else content
        content = " ".join(content.split())
        assert missing_in_order(content, lines) == [], number
        for party in filter(None, (lead, coordinating, deadline)):
            assert party in row, (number, party)


def test_the_month_rows_stand_before_their_tasks(schedule_text):
    assert (
        missing_in_order(
            schedule_text,
            ["THÁNG 7/2020:", "1 Họp Ban Tổ chức", "10 - Dự thảo và rà soát", "THÁNG 8/2020:", "11 Hợp Ban Tổ chức"],
        )
        == []
    )


def test_the_schedule_has_seed_000_letterhead_recipients_and_signature_block(schedule_text):
    assert (
        missing_in_order(
            schedule_text,
            [
                "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
                "BAN TỔ CHỨC ĐẠI HỘI THI ĐUA YÊU NƯỚC TỈNH NINH THUẬN LẦN THỨ VII, NĂM 2020",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 25/CTr-BTC",
                "Ninh Thuận, ngày 17 tháng 7 năm 2020",
                "CHƯƠNG TRÌNH",
                "Phân công và tiến trình thực hiện các nhiệm vụ trọng tâm chuẩn bị cho Đại hội Thi đua yêu nước tỉnh",
                "(Từ tháng 7/2020 đến tháng 8/2020)",
                "STT NỘI DUNG CÔNG VIỆC",
                "Nơi nhận:",
                "- TT Tỉnh ủy, TT. HĐND tỉnh (để b/cáo);",
                "- CT, các PCT UBND tỉnh;",
                "- Thành viên BTC ĐHTĐ yêu nước tỉnh;",
                "- Sở Nội vụ;",
                "- Lưu: VT, VXNV. NVT.",
                "TM. BAN TỔ CHỨC ĐẠI HỘI THI ĐUA YÊU NƯỚC TỈNH LẦN THỨ VII",
                "TRƯỞNG BAN",
                "CHỦ TỊCH UBND TỈNH",
                "Lưu Xuân Vĩnh",
            ],
        )
        == []
    )


def test_the_header_row_repeats_on_every_page(demo):
    kind = get_kind("schedule")
    data, pages = render_pdf(letter_for(kind, demo, record_for(kind, demo)))
    from .reading import pdf_pages

    assert pages >= 3
    assert all("STT NỘI DUNG CÔNG VIỆC" in page for page in pdf_pages(data))


def test_the_schedule_prints_as_the_plans_annex_in_landscape(demo):
    plan = get_kind("plan")
    record = record_for(plan, demo)
    record.date = datetime.date(2020, 7, 10)
    record.annexes = ["schedule"]  # ticked by the secretariat (not by default)
    letter = letter_for(plan, demo, record)

    data, _pages = render_pdf(letter)

    assert [annex.landscape for annex in letter.annexes] == [True]
    assert (
        missing_in_order(
            pdf_text(data),
            [
                "KẾ HOẠCH",
                "Nơi nhận:",
                "Phụ lục",
                "CHƯƠNG TRÌNH, PHÂN CÔNG VÀ TIẾN TRÌNH THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM",
                "(Kèm theo Kế hoạch số",
                "/KH-UBND ngày 10 tháng 7 năm 2020 của Ủy ban nhân dân tỉnh Ninh Thuận)",
                "THÁNG 7/2020:",
            ],
        )
        == []
    )


@pytest.mark.django_db
def test_a_task_without_a_deadline_is_not_printed_as_ongoing():
    from planning.documents import schedule_table
    from tests.factories import CongressFactory, TaskFactory

    congress = CongressFactory()
    TaskFactory(congress=congress, number=1, content="Họp Ban Tổ chức", deadline="Ngày 06/7/2020")
    TaskFactory(congress=congress, number=2, content="Tuyên truyền về Đại hội", deadline="Thường xuyên")
    TaskFactory(congress=congress, number=3, content="Chuẩn bị quà tặng", deadline="")

    rows = schedule_table(congress.tasks.order_by("number")).rows
    groups = [row.text for row in rows if hasattr(row, "text")]

    assert groups == ["THÁNG 7/2020:", "NHIỆM VỤ THƯỜNG XUYÊN:", "NHIỆM VỤ CHƯA XÁC ĐỊNH THỜI HẠN:"]


def test_seed_000s_italics_print_in_the_pdf_and_the_docx(demo):
    """Tasks 5, 7, 10 and 11 of seed 000 carry italics (<i> in the seed), in the content and a party's name. Task
    11's "(phiên thứ ba)" is in the title of its meeting, which keeps it and writes it into the task."""
    from documents.html import blocks_html
    from documents.layer import render_docx

    from .reading import docx_document

    kind = get_kind("schedule")
    letter = letter_for(kind, demo, record_for(kind, demo), draft=False)
    italic_runs = {
        run.text
        for table in docx_document(render_docx(letter)).tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if run.italic
    }
    html = str(blocks_html(letter.body))
    expected = [
        "Nội dung, Tuyên truyền, Phục vụ",  # task 5, its content and its lead
        "Đại hội điểm",  # task 7
        "Diễn văn khai mạc và bế mạc Đại hội.",  # task 10
        "Nội quy Đại hội.",
        "phiên thứ ba",  # task 11, its meeting's title
    ]
    for text in expected:
        assert text in italic_runs, text
        assert f"<em>{text}</em>" in html, text
    assert html.count("<em>Nội dung, Tuyên truyền, Phục vụ</em>") == 2
    assert "*" not in " ".join(italic_runs) and "*" not in html


def test_a_month_heading_is_never_the_last_line_of_a_page(province):
    """Issue 14: "THÁNG 8/2020:" is never left at the foot of a page, in the PDF (tr.group: break-after avoid) nor
    in the DOCX (its row keeps with the next). Months of tasks of varied lengths put headings at many page feet."""
    from documents.layer import render_docx
    from tests.factories import TaskFactory

    from .reading import docx_document, pdf_words

    for number in range(1, 49):  # one task a month for four years, of one to five lines
        month, year = (number - 1) % 12 + 1, 2021 + (number - 1) // 12
        content = "\n".join(f"- Việc thứ {line + 1} của nhiệm vụ {number}." for line in range(1 + (number * 7) % 5))
        TaskFactory(congress=province, number=number, content=content, deadline=f"Trước ngày 20/{month}/{year}")
    kind = get_kind("schedule")
    letter = letter_for(kind, province, record_for(kind, province), draft=False)
    pdf, count = render_pdf(letter)

    assert count >= 4
    feet = []
    for page in range(1, count):
        words = pdf_words(pdf, page)
        lowest = max(word[2] for word in words)
        feet.append(" ".join(word[0] for word in sorted(words, key=lambda w: w[1]) if word[2] > lowest - 2))
    assert not [foot for foot in feet if foot.startswith("THÁNG ")], feet
    table = docx_document(render_docx(letter)).tables[1]
    month_rows = [row for row in table.rows[1:] if row.cells[0].text.startswith("THÁNG ")]
    assert len(month_rows) == 48
    assert all(p.paragraph_format.keep_with_next for row in month_rows for p in row.cells[0].paragraphs)
