import unicodedata

from documents.blocks import Heading, Item, Paragraph, bases_blocks, close_with_mark, fill_facts, text_blocks


def test_the_official_list_style_reads_into_headings_and_items():
    text = "I. MỤC ĐÍCH\n1. Thời gian: 01 buổi.\na) Tại tỉnh:\n- Khai mạc.\n+ Chào cờ.\nĐiều 1. Thành lập.\nVăn bản."

    assert text_blocks(text) == [
        Heading(1, "I. MỤC ĐÍCH", numbered=False),
        Heading(2, "1. Thời gian: 01 buổi."),
        Heading(3, "a) Tại tỉnh:"),
        Item("-", "Khai mạc."),
        Item("+", "Chào cờ."),
        Heading(2, "Điều 1. Thành lập."),
        Paragraph("Văn bản."),
    ]


def test_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Kế hoạch")

    assert text_blocks(decomposed)[0].text == unicodedata.normalize("NFC", "Kế hoạch")


def test_bases_are_italic_each_ending_with_a_semicolon_and_the_last_with_a_full_stop():
    assert bases_blocks("Căn cứ Luật A;\nCăn cứ Luật B;") == [
        Paragraph("Căn cứ Luật A;", italic=True),
        Paragraph("Căn cứ Luật B.", italic=True),
    ]


def test_facts_fill_their_brackets_and_unknown_brackets_stay_as_typed():
    text = "Tổ chức [Tên Đại hội] tại [Địa điểm], [Không có]."

    assert fill_facts(text, {"Tên Đại hội": "Đại hội VII", "Địa điểm": ""}) == "Tổ chức Đại hội VII tại ……, [Không có]."


def test_the_body_ends_with_the_closing_mark_once():
    blocks = close_with_mark([Paragraph("Thực hiện."), Item("-", "Lưu ý;")])

    assert blocks[-1] == Item("-", "Lưu ý./.")
    assert close_with_mark(blocks) == blocks


def test_print_reads_lines_as_pages_do_word_bullets_as_items_and_1_paren_as_a_numbered_line():
    assert text_blocks("• Khai mạc.\n– Bế mạc.\n3) Địa điểm:") == [
        Item("-", "Khai mạc."),
        Item("-", "Bế mạc."),
        Heading(2, "3) Địa điểm:"),
    ]


def test_the_closing_mark_stands_after_the_last_line_of_text_never_after_a_heading():
    blocks = close_with_mark([Paragraph("Mở đầu."), Item("-", "Việc cuối cùng;"), Heading(1, "Tổ chức thực hiện")])

    assert [getattr(block, "text", "") for block in blocks] == ["Mở đầu.", "Việc cuối cùng./.", "Tổ chức thực hiện"]


def test_a_decisions_last_article_takes_the_closing_mark_not_the_list_of_the_article_before_it():
    """Issue 14: "./." after the last line of the body. "Điều 4. …" is a sentence of the body, although it is read
    as a numbered line (its "Điều 4." prints bold), so the mark is not put after Điều 2's last item."""
    text = (
        "Điều 2. Nhiệm vụ:\n- Tiểu ban Nội dung: dự thảo các báo cáo.\nĐiều 4. Các ông (bà) chịu trách nhiệm thi hành."
    )

    blocks = close_with_mark(text_blocks(text))

    assert [getattr(block, "text", "") for block in blocks] == [
        "Điều 2. Nhiệm vụ:",
        "Tiểu ban Nội dung: dự thảo các báo cáo.",
        "Điều 4. Các ông (bà) chịu trách nhiệm thi hành./.",
    ]
