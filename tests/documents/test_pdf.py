"""The layer's PDF, read back: every element of the state format, in order."""

import datetime
import subprocess
import tempfile
from pathlib import Path

import pytest

from documents.layer import get_kind, letter_for, record_for, render_pdf
from documents.pdf import static_fetcher
from documents.services import save_record

from .reading import WATERMARK, missing_in_order, pdf_pages, pdf_text, top_word

MM = 72 / 25.4


@pytest.fixture
def plan(province):
    kind = get_kind("plan")
    record = record_for(kind, province)
    record.number, record.date, record.annexes = 5, datetime.date(2020, 7, 7), []
    record.recipients = [["Thường trực Tỉnh ủy", "(b/c)"], ["Các sở, ban, ngành", ""]]
    record.archive = "VT, VXNV"
    save_record(record, by=None)
    return kind, record


def printed(kind, owner, record, **options):
    data, pages = render_pdf(letter_for(kind, owner, record, **options))
    return data, pages


def test_the_plan_prints_every_element_of_the_state_format_in_order(province, plan):
    kind, record = plan

    data, _pages = printed(kind, province, record, draft=False)

    assert (
        missing_in_order(
            pdf_text(data),
            [
                "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 05/KH-UBND",
                "Ninh Thuận, ngày 07 tháng 7 năm 2020",
                "KẾ HOẠCH",
                "Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020",
                "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;",
                "Để tổng kết phong trào thi đua yêu nước giai đoạn 2016-2020",
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "- Tổng kết, đánh giá kết quả phong trào thi đua yêu nước giai đoạn 2016-2020",
                "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
                "2. Địa điểm: Hội trường 16/4.",
                "III. NỘI DUNG, CHƯƠNG TRÌNH",
                "IV. TỔ CHỨC THỰC HIỆN",
                "1. Tiểu ban Nội dung:",
                "- Dự thảo các báo cáo.",
                "báo cáo xem xét, chỉ đạo./.",
                "Nơi nhận:",
                "- Thường trực Tỉnh ủy (b/c);",
                "- Các sở, ban, ngành;",
                "- Lưu: VT, VXNV.",
                "TM. ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH",
                "Lưu Xuân Vĩnh",
            ],
        )
        == []
    )


def test_page_numbers_start_on_page_two_centred_at_the_top(province, plan):
    kind, record = plan

    data, page_count = printed(kind, province, record, draft=False)
    pages = pdf_pages(data)

    assert page_count == len(pages) >= 2
    assert top_word(data, 1)[0] in ("ỦY", "CỘNG")  # the letterhead, no page number
    word, x_min, y_min, x_max, _y_max = top_word(data, 2)
    assert word == "2"
    assert y_min < 20 * MM  # in the top margin
    assert abs((x_min + x_max) / 2 - (30 + 165 / 2) * MM) < 3 * MM  # centred over the text


def test_a_draft_carries_the_draft_mark_on_every_page_and_an_issued_one_none(province, plan):
    kind, record = plan

    draft, _ = printed(kind, province, record, draft=True)
    final, _ = printed(kind, province, record, draft=False)

    # The mark is drawn, not written: the draft's text layer is the issued document's.
    assert pdf_pages(draft) == pdf_pages(final)
    assert WATERMARK not in pdf_text(draft)
    assert all(ink(draft, page) > ink(final, page) for page in range(1, len(pdf_pages(draft)) + 1))


def ink(data, page):
    """How many grey-or-darker pixels a page has at 20 dpi: the drawn mark adds some."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory, "page.pdf")
        source.write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", "20", "-f", str(page), "-l", str(page), "-png", source, f"{directory}/p"], check=True
        )
        image = Image.open(next(Path(directory).glob("p*.png"))).convert("L")
        return sum(image.histogram()[:250])


def test_html_typed_into_a_section_prints_as_text(province, plan):
    kind, record = plan
    record.sections.create(key="closing", order=7, text='<script>alert("x")</script> <b>Đậm</b> & <img src=x>')

    data, _ = printed(kind, province, record, draft=False)

    assert '<script>alert("x")</script> <b>Đậm</b> & <img src=x>./.' in pdf_text(data)


def test_a_long_word_wraps_inside_the_margins(province, plan):
    kind, record = plan
    word = "Đạihộithiđuayêunước" * 8
    record.sections.create(key="closing", order=7, text=word)

    data, _ = printed(kind, province, record, draft=False)

    assert word not in pdf_text(data)  # broken across lines, not running off the page
    assert word.replace(" ", "") in pdf_text(data).replace(" ", "")


def test_the_fetcher_serves_the_print_stylesheet_and_nothing_else(settings):
    fetcher = static_fetcher()
    css = fetcher.fetch(f"https://documents.invalid{settings.STATIC_URL}documents/print.css")

    assert b"@page" in css.read()
    for url in (
        "https://example.org/tracker.png",
        "file:///etc/passwd",
        f"https://documents.invalid{settings.STATIC_URL}css/app.css",
        f"https://documents.invalid{settings.STATIC_URL}documents/../css/app.css",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
