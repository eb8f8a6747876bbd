"""The official list style: its grammar, the seed's converted cells, typed text, and the HTML shown in pages."""

import unicodedata

import pytest
from django.utils.safestring import SafeString

from documents import liststyle
from documents.liststyle import clean_list_text, html_to_list_text, item_text, list_lines, read_line, render_list_text

# Cells of the "NỘI DUNG CÔNG VIỆC" column of seed 000, copied verbatim (including the converter's glued
# "- " runs and lost <li> tags). A task that runs over a page break continues in the next page's first row.
TASK_1 = (
    "<p>Họp Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020 (phiên thứ "
    'nhất):</p> <ul style="list-style-type: none">- Công bố Quyết định của Chủ tịch UBND tỉnh về việc '
    "thành lập Ban Tổ chức và các Tiểu ban giúp việc Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh "
    "Thuận lần thứ VII - năm 2020.- Phân công nhiệm vụ cho các thành viên Ban Tổ chức Đại hội.- Thông "
    "qua chương trình hoạt động của Ban Tổ chức Đại hội.- Chỉ đạo các Tiểu ban tiến hành họp và xây dựng "
    "kế hoạch để triển khai thực hiện nhiệm vụ cụ thể.- Đánh giá – rút kinh nghiệm qua việc tổ chức Đại "
    'hội thi đua yêu nước của các cơ quan, địa phương:<ul style="list-style-type: none">+ Hội Nông dân '
    "tỉnh.+ Huyện Ninh Hải.- Quán triệt các cơ quan, đơn vị, địa phương tổ chức Đại hội thi đua yêu nước"
)
TASK_1_NEXT_PAGE = "hoặc Hội nghị điển hình tiên tiến."
TASK_5 = (
    "Các Tiểu ban (<i>Nội dung, Tuyên truyền, Phục vụ</i>) tiến hành họp, xây dựng kế hoạch cụ thể và "
    "phân công nhiệm vụ cho các thành viên của Tiểu ban."
)
TASK_8 = (
    "Xây dựng Kế hoạch, nội dung trưng bày hình ảnh tại Đại hội về “Hình ảnh Bác Hồ với phong trào thi "
    "đua yêu nước và các kỳ Đại hội thi đua; giới thiệu về thành tựu kinh tế - xã hội, quốc phòng, an "
    "ninh tỉnh Ninh Thuận giai đoạn 2016-2020” - thông qua Ban Tuyên giáo Tỉnh ủy thẩm định và trình "
    "UBND tỉnh xem xét; đồng thời triển khai công tác tuyên truyền trực quan: pano, băng rôn, cờ phướn "
    "..."
)
TASK_9 = (
    "<p>Họp Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020 (phiên thứ "
    'hai):</p> <ol style="list-style-type: none"> Đánh giá kết quả hoạt động thời gian qua. Các Tiểu ban '
    "báo cáo tình hình thực hiện nhiệm vụ. Tiếp tục chỉ đạo thực hiện các nhiệm vụ: <ul "
    'style="list-style-type: none"> Hoàn thiện, trình ban hành Báo cáo tổng kết phong trào thi đua yêu '
    "nước và công tác khen thưởng giai đoạn 2016-2020 và phương hướng nhiệm vụ công tác thi đua, khen "
    "thưởng giai đoạn 2021-2025. Đẩy mạnh công tác tuyên truyền về Đại hội Thi đua yêu nước tỉnh Ninh "
    "Thuận lần thứ VII - năm 2020. Thống nhất danh sách cụ thể đại biểu điển hình tiên tiến tham dự Đại "
    "hội thi đua yêu nước tỉnh lần thứ VII – năm 2020 và đề xuất danh sách đại biểu tham dự Đại hội thi "
    "đua yêu nước toàn quốc lần thứ X. Lựa chọn một số báo cáo tham luận để báo cáo tại Đại hội Thi đua "
    "yêu nước tỉnh Ninh Thuận lần thứ VI - năm 2020/tập thể, cá nhân thuộc danh sách điển hình tiên "
    "tiến. Hoàn thiện video clip phóng sự về phong trào thi đua yêu nước, gương điển hình tiên tiến 05 "
    "năm (2016-2020). "
)
TASK_9_NEXT_PAGE = (
    '<ul style="list-style-type: none"> - Thông qua kế hoạch kinh phí phục vụ Đại hội thi đua yêu nước '
    "tỉnh lần thứ VII. - Thống nhất xin ý kiến Thường trực Tỉnh ủy về nội dung, chương trình, thời gian "
    "tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020. "
)
TASK_10 = (
    '<ul style="list-style-type: none"> - Dự thảo và rà soát hoàn thiện các văn bản phục vụ Đại hội Thi '
    'đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020, bao gồm: <ul style="list-style-type: none"> + '
    "<i>Diễn văn khai mạc và bế mạc Đại hội.</i> + <i>Chương trình phát động phong trào thi đua.</i> + "
    "<i>Các báo cáo tham luận tại Đại hội.</i> + <i>Chương trình và kịch bản chi tiết điều hành Đại "
    "hội.</i> + <i>Nội quy Đại hội.</i> - Đề xuất danh sách thành phần Đoàn Chủ tịch, Thư ký Đại hội. - "
    "Tổ chức in ấn tài liệu phục vụ Đại hội. - Hoàn thiện các hình ảnh, pano để trưng bày tại Đại hội. - "
    "Rà soát, tổng hợp đề xuất các nội dung có liên quan. "
)
TASK_11 = (
    "<p>Hợp Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020 (<i>phiên thứ "
    'ba</i>):</p> <ol style="list-style-type: none"> 1. Chỉ đạo tăng cường công tác tuyên truyền về Đại '
    "hội thi đua yêu nước. 2. Thống nhất kế hoạch mời đại biểu, phù hiệu Đại hội Thi đua yêu nước tỉnh "
    "Ninh Thuận lần thứ VII - năm 2020. "
)
TASK_11_NEXT_PAGE = (
    "<p>3. Thông qua chương trình văn nghệ phục vụ Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII, "
    "năm 2020.</p> <p>4. Rà soát, thông qua chương trình giao lưu điển hình tiên tiến.</p> <p>5. Rà soát "
    "các nội dung phục vụ Đại hội: Chỗ ăn nghỉ của Đại biểu Trung ương, tỉnh bạn; Công tác đảm bảo sức "
    "khỏe cho Đại biểu; đảm bảo cơ sở, vật chất phục vụ Đại hội, Đại biểu; an ninh trật tự trước, trong "
    "và sau Đại hội.</p> <p>6. Rà soát công tác tổ chức trưng bày triển lãm hình ảnh trước Hội trường "
    "Đại hội và trang trí bên trong và ngoài Hội trường Đại hội.</p> <p>7. Rà soát, thống nhất chương "
    "trình, kịch bản Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020.</p>"
)

TASK_1_LINES = [
    "Họp Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020 (phiên thứ nhất):",
    (
        "- Công bố Quyết định của Chủ tịch UBND tỉnh về việc thành lập Ban Tổ chức và các Tiểu ban giúp việc "
        "Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020."
    ),
    "- Phân công nhiệm vụ cho các thành viên Ban Tổ chức Đại hội.",
    "- Thông qua chương trình hoạt động của Ban Tổ chức Đại hội.",
    "- Chỉ đạo các Tiểu ban tiến hành họp và xây dựng kế hoạch để triển khai thực hiện nhiệm vụ cụ thể.",
    "- Đánh giá – rút kinh nghiệm qua việc tổ chức Đại hội thi đua yêu nước của các cơ quan, địa phương:",
    "+ Hội Nông dân tỉnh.",
    "+ Huyện Ninh Hải.",
    (
        "- Quán triệt các cơ quan, đơn vị, địa phương tổ chức Đại hội thi đua yêu nước hoặc Hội nghị điển "
        "hình tiên tiến."
    ),
]
TASK_9_LINES = [
    "Họp Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020 (phiên thứ hai):",
    "- Đánh giá kết quả hoạt động thời gian qua.",
    "- Các Tiểu ban báo cáo tình hình thực hiện nhiệm vụ.",
    "- Tiếp tục chỉ đạo thực hiện các nhiệm vụ:",
    (
        "+ Hoàn thiện, trình ban hành Báo cáo tổng kết phong trào thi đua yêu nước và công tác khen thưởng "
        "giai đoạn 2016-2020 và phương hướng nhiệm vụ công tác thi đua, khen thưởng giai đoạn 2021-2025."
    ),
    "+ Đẩy mạnh công tác tuyên truyền về Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020.",
    (
        "+ Thống nhất danh sách cụ thể đại biểu điển hình tiên tiến tham dự Đại hội thi đua yêu nước tỉnh "
        "lần thứ VII – năm 2020 và đề xuất danh sách đại biểu tham dự Đại hội thi đua yêu nước toàn quốc lần "
        "thứ X."
    ),
    (
        "+ Lựa chọn một số báo cáo tham luận để báo cáo tại Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ "
        "VI - năm 2020/tập thể, cá nhân thuộc danh sách điển hình tiên tiến."
    ),
    "+ Hoàn thiện video clip phóng sự về phong trào thi đua yêu nước, gương điển hình tiên tiến 05 năm (2016-2020).",
    "- Thông qua kế hoạch kinh phí phục vụ Đại hội thi đua yêu nước tỉnh lần thứ VII.",
    (
        "- Thống nhất xin ý kiến Thường trực Tỉnh ủy về nội dung, chương trình, thời gian tổ chức Đại hội "
        "Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020."
    ),
]
TASK_10_LINES = [
    (
        "- Dự thảo và rà soát hoàn thiện các văn bản phục vụ Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần "
        "thứ VII - năm 2020, bao gồm:"
    ),
    "+ *Diễn văn khai mạc và bế mạc Đại hội.*",
    "+ *Chương trình phát động phong trào thi đua.*",
    "+ *Các báo cáo tham luận tại Đại hội.*",
    "+ *Chương trình và kịch bản chi tiết điều hành Đại hội.*",
    "+ *Nội quy Đại hội.*",
    "- Đề xuất danh sách thành phần Đoàn Chủ tịch, Thư ký Đại hội.",
    "- Tổ chức in ấn tài liệu phục vụ Đại hội.",
    "- Hoàn thiện các hình ảnh, pano để trưng bày tại Đại hội.",
    "- Rà soát, tổng hợp đề xuất các nội dung có liên quan.",
]
TASK_11_LINES = [
    "Hợp Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020 (*phiên thứ ba*):",
    "1. Chỉ đạo tăng cường công tác tuyên truyền về Đại hội thi đua yêu nước.",
    "2. Thống nhất kế hoạch mời đại biểu, phù hiệu Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020.",
    "3. Thông qua chương trình văn nghệ phục vụ Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII, năm 2020.",
    "4. Rà soát, thông qua chương trình giao lưu điển hình tiên tiến.",
    (
        "5. Rà soát các nội dung phục vụ Đại hội: Chỗ ăn nghỉ của Đại biểu Trung ương, tỉnh bạn; Công tác "
        "đảm bảo sức khỏe cho Đại biểu; đảm bảo cơ sở, vật chất phục vụ Đại hội, Đại biểu; an ninh trật tự "
        "trước, trong và sau Đại hội."
    ),
    (
        "6. Rà soát công tác tổ chức trưng bày triển lãm hình ảnh trước Hội trường Đại hội và trang trí bên "
        "trong và ngoài Hội trường Đại hội."
    ),
    "7. Rà soát, thống nhất chương trình, kịch bản Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020.",
]


def test_seed_task_1_with_its_next_page_converts_to_the_board_agenda_lines():
    assert html_to_list_text(TASK_1 + " " + TASK_1_NEXT_PAGE) == "\n".join(TASK_1_LINES)


def test_seed_task_1_alone_stops_where_the_page_breaks():
    assert html_to_list_text(TASK_1).splitlines()[-1] == (
        "- Quán triệt các cơ quan, đơn vị, địa phương tổ chức Đại hội thi đua yêu nước"
    )


def test_seed_task_9_list_that_lost_its_item_tags_is_split_into_its_sentences():
    assert html_to_list_text(TASK_9 + " " + TASK_9_NEXT_PAGE) == "\n".join(TASK_9_LINES)


def test_seed_task_9_next_page_alone_gives_its_two_dash_items():
    assert html_to_list_text(TASK_9_NEXT_PAGE) == "\n".join(TASK_9_LINES[-2:])


def test_seed_task_10_italic_plus_items_become_nested_lines_that_keep_their_italics():
    assert html_to_list_text(TASK_10) == "\n".join(TASK_10_LINES)


def test_seed_task_11_numbered_items_keep_their_numbers_across_the_page_break():
    assert html_to_list_text(TASK_11 + " " + TASK_11_NEXT_PAGE) == "\n".join(TASK_11_LINES)


@pytest.mark.parametrize(
    "text",
    [
        "Báo cáo tổng kết giai đoạn 2016-2020; phương hướng giai đoạn 2021-2025.",
        "Đánh giá – rút kinh nghiệm qua việc tổ chức Đại hội.",
        "Tổ chức tại thành phố Phan Rang - Tháp Chàm.",
        "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020",
    ],
)
def test_dashes_inside_a_sentence_never_start_an_item(text):
    assert html_to_list_text(f'<ul style="list-style-type: none">- {text}</ul>') == f"- {text}"
    assert html_to_list_text(f"<p>{text}</p>") == text


def test_seed_task_8_stays_one_paragraph_despite_its_dashes():
    assert html_to_list_text(TASK_8) == TASK_8


def test_inline_tags_are_dropped_keeping_their_text_and_emphasis():
    assert html_to_list_text(TASK_5) == (
        "Các Tiểu ban (*Nội dung, Tuyên truyền, Phục vụ*) tiến hành họp, xây dựng kế hoạch cụ thể và phân công "
        "nhiệm vụ cho các thành viên của Tiểu ban."
    )


def test_entities_are_unescaped_whitespace_collapsed_and_empty_lines_dropped():
    html = "<p>Sở&nbsp;Nội&nbsp;vụ &amp;   Văn phòng\n UBND tỉnh</p>\n<p> </p><p>&lt;b&gt; là chữ</p>"
    assert html_to_list_text(html) == "Sở Nội vụ & Văn phòng UBND tỉnh\n<b> là chữ"


def test_real_list_items_become_dash_lines_and_nested_ones_plus_lines():
    html = "<ul><li>Nội dung:<ul><li>Diễn văn.</li><li>Nội quy.</li></ul></li><li>Kinh phí.</li></ul>"
    assert html_to_list_text(html) == "- Nội dung:\n+ Diễn văn.\n+ Nội quy.\n- Kinh phí."


def test_word_paste_loses_its_styles_comments_and_office_tags():
    html = (
        "<html><head><style>p.MsoNormal {margin: 0}</style></head><body><!--[if gte mso 9]><xml>x</xml><![endif]-->"
        "<p class=MsoNormal><b>Nhiệm vụ:</b><o:p></o:p></p>"
        "<p class=MsoListParagraph>•<span style='font:7.0pt'>&nbsp;&nbsp; </span>Họp Ban Tổ chức.<o:p></o:p></p>"
        "<script>alert(1)</script></body></html>"
    )
    assert html_to_list_text(html) == "**Nhiệm vụ:**\n- Họp Ban Tổ chức."


def test_converted_text_is_nfc():
    decomposed = unicodedata.normalize("NFD", "<p>Hội Nông dân tỉnh.</p>")
    assert html_to_list_text(decomposed) == unicodedata.normalize("NFC", "Hội Nông dân tỉnh.")


def test_converted_seed_text_is_already_clean():
    text = html_to_list_text(TASK_10)
    assert clean_list_text(text) == text


def test_clean_turns_typed_bullets_and_indents_into_list_markers_and_keeps_only_emphasis_of_tags():
    assert (
        clean_list_text("• Một\n\t- Hai\n\n<b>Ba</b> <span>bốn</span> <i>năm</i>") == "- Một\n+ Hai\n**Ba** bốn *năm*"
    )


def test_html_keeps_its_italics_and_bold_as_marks_and_splits_items_after_them():
    html = (
        "<ul> - Văn bản, gồm: <ul> + <i>Diễn văn khai mạc.</i> + <i> Nội quy.</i> </ul></ul>"
        "<p><b>Lưu ý:</b> x<i> </i></p>"
    )

    assert html_to_list_text(html) == "- Văn bản, gồm:\n+ *Diễn văn khai mạc.*\n+ *Nội quy.*\n**Lưu ý:** x"


def test_clean_strips_trailing_and_repeated_spaces_and_normalises_dashes_and_stars():
    typed = "Nội dung:   \r\n– Họp   Ban Tổ chức.  \n* Phân công.\n    - Tiểu ban Nội dung.\n+ Tiểu ban Phục vụ."
    assert clean_list_text(typed) == (
        "Nội dung:\n- Họp Ban Tổ chức.\n- Phân công.\n+ Tiểu ban Nội dung.\n+ Tiểu ban Phục vụ."
    )


def test_clean_keeps_dates_numbers_and_comparison_signs_as_text():
    typed = "1. Giai đoạn 2016-2020\na) Kinh phí < 5 triệu & đúng hạn\n<script>alert(1)</script>Xong."
    assert clean_list_text(typed) == "1. Giai đoạn 2016-2020\na) Kinh phí < 5 triệu & đúng hạn\nXong."


def test_clean_text_is_nfc():
    assert clean_list_text(unicodedata.normalize("NFD", "- Huyện Ninh Hải")) == "- Huyện Ninh Hải"


def test_list_lines_give_levels_and_texts_without_markers():
    assert list_lines("- a\n+ b\n+ c\n- d") == [("-", "a"), ("+", "b"), ("+", "c"), ("-", "d")]


def test_list_lines_keep_numbers_and_paragraphs_as_typed():
    assert list_lines("Họp Ban Tổ chức:\n1. Một\n\na) Hai\n2016-2020 là giai đoạn") == [
        ("p", "Họp Ban Tổ chức:"),
        ("num", "1. Một"),
        ("num", "a) Hai"),
        ("p", "2016-2020 là giai đoạn"),
    ]


def test_render_nests_plus_items_inside_the_preceding_dash_item():
    assert render_list_text("- a\n+ b\n+ c\n- d") == (
        '<ul class="list-dash"><li>a<ul class="list-plus"><li>b</li><li>c</li></ul></li><li>d</li></ul>'
    )


def test_render_gives_paragraphs_numbered_lines_and_a_standalone_plus_list():
    assert render_list_text("Họp:\n+ x\n1. Một\n- y") == (
        '<p>Họp:</p>\n<ul class="list-plus"><li>x</li></ul>\n<p class="list-num">1. Một</p>\n'
        '<ul class="list-dash"><li>y</li></ul>'
    )


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("- <b>a</b> & b", '<ul class="list-dash"><li>&lt;b&gt;a&lt;/b&gt; &amp; b</li></ul>'),
        ('1. "x" <i>', '<p class="list-num">1. &quot;x&quot; &lt;i&gt;</p>'),
    ],
)
def test_render_escapes_every_piece_of_text(text, html):
    assert render_list_text(text) == html


def test_render_returns_safe_html_and_nothing_for_empty_text():
    assert isinstance(render_list_text("- a"), SafeString)
    assert render_list_text("") == ""


def test_rendered_seed_task_keeps_its_structure():
    html = render_list_text(html_to_list_text(TASK_10))
    assert html.count('<ul class="list-dash">') == 1
    assert html.count('<ul class="list-plus">') == 1
    assert html.count("<li>") == 10
    assert "<i>" not in html


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", liststyle.PART, "I. MỤC ĐÍCH, YÊU CẦU"),
        ("2.1. Thời gian", liststyle.NUMBERED, "2.1. Thời gian"),
        ("3) Địa điểm", liststyle.NUMBERED, "3) Địa điểm"),
        ("a) Tại tỉnh:", liststyle.LETTERED, "a) Tại tỉnh:"),
        ("Điều 1. Thành lập", liststyle.ARTICLE, "Điều 1. Thành lập"),
        ("  -   Khai  mạc. ", liststyle.DASH, "Khai mạc."),
        ("• Word bullet", liststyle.DASH, "Word bullet"),
        ("– Word dash", liststyle.DASH, "Word dash"),
        ("+ Chào cờ.", liststyle.PLUS, "Chào cờ."),
        ("2016-2020 là giai đoạn", liststyle.PARAGRAPH, "2016-2020 là giai đoạn"),
        ("-Không phải mục", liststyle.PARAGRAPH, "-Không phải mục"),
    ],
)
def test_each_line_reads_as_what_its_opening_says(line, kind, text):
    assert read_line(line) == (kind, text)


def test_an_items_text_comes_without_its_marker_and_other_lines_as_typed():
    assert [item_text(line) for line in ("- Một", "+ Hai", "1. Ba", "Bốn")] == ["Một", "Hai", "1. Ba", "Bốn"]
