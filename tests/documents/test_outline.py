"""A plan has the sections its author writes: added, removed, moved and nested in the browser; numbers
computed when printed (PDF and DOCX); an empty part never prints; older texts migrated into the new shape."""

import datetime
import importlib
import re

import pytest
from django.apps import apps as django_apps

from documents.blocks import Heading
from documents.emphasis import from_html, plain, runs
from documents.layer import get_kind, letter_for, record_for, render_docx, render_pdf
from documents.models import Document, Section
from documents.outline import OutlineSection, explode, numbers, outline_blocks, printed

from .reading import docx_document, docx_lines, missing_in_order, pdf_text
from .test_views import outline_data, url

PAGE = "document_text"


def post(client, province, data):
    return client.post(url(PAGE, province, "plan"), data)


def page(client, province):
    return client.get(url(PAGE, province, "plan"))


def printed_plan(province):
    kind = get_kind("plan")
    record = record_for(kind, province)
    record.number, record.date, record.annexes = 5, datetime.date(2020, 7, 7), []
    letter = letter_for(kind, province, record, draft=False)
    return pdf_text(render_pdf(letter)[0]), "\n".join(docx_lines(render_docx(letter)))


def parts_of(text):
    return [part for part in ("I. ", "II. ", "III. ", "IV. ", "V. ", "VI. ") if f"\n{part}" in f"\n{text}"]


def test_numbers_are_computed_and_restart_under_each_parent():
    sections = [
        OutlineSection("a", 0, "", "Căn cứ …"),
        OutlineSection("b", 1, "Mục đích", ""),
        OutlineSection("c", 2, "Mục đích", "- x"),
        OutlineSection("d", 3, "Điểm", "- y"),
        OutlineSection("e", 3, "Điểm hai", "- z"),
        OutlineSection("f", 2, "Yêu cầu", "- w"),
        OutlineSection("g", 1, "Tổ chức", ""),
        OutlineSection("h", 2, "Sở Nội vụ", "- v"),
    ]

    assert numbers(sections) == ["", "", "1.", "a)", "b)", "2.", "", "1."]


def test_an_empty_part_does_not_print_and_takes_no_number():
    sections = [
        OutlineSection("a", 1, "Mục đích", "- x"),
        OutlineSection("b", 1, "(Bỏ trống)", ""),
        OutlineSection("c", 2, "", ""),
        OutlineSection("d", 1, "Tổ chức", "- y"),
    ]

    assert [section.key for section in printed(sections)] == ["a", "d"]
    headings = [block.text for block in outline_blocks(sections) if isinstance(block, Heading)]
    assert headings == ["Mục đích", "Tổ chức"]  # the layer prints them "I." and "II."


def test_an_older_section_explodes_into_items_with_the_bold_it_printed():
    sections = explode("time", "Thời gian", "1. Thời gian: 20/8/2020.\n2. Thành phần:\n- Đại biểu\n3. Khai mạc.")

    assert [(s.level, s.heading, s.text) for s in sections] == [
        (1, "Thời gian", ""),
        (2, "**Thời gian:** 20/8/2020.", ""),
        (2, "**Thành phần:**", "- Đại biểu"),
        (2, "Khai mạc.", ""),
    ]


def test_emphasis_is_read_and_html_keeps_only_bold_and_italic():
    assert runs("Họp *trực tuyến* và **trực tiếp**") == [
        ("Họp ", False, False),
        ("trực tuyến", False, True),
        (" và ", False, False),
        ("trực tiếp", True, False),
    ]
    assert plain("a * b *c*") == "a * b c"
    pasted = '<p class=MsoNormal><span style="x">Tổ chức <i>trực tuyến</i></span><o:p></o:p></p><p><b>Lưu ý:</b> x</p>'
    assert from_html(pasted) == "Tổ chức *trực tuyến*\n**Lưu ý:** x"
    assert from_html('<a href="javascript:x()">a</a><script>alert(1)</script>') == "a"


def test_a_fifth_section_added_in_the_browser_prints_v_and_a_removal_renumbers(
    client_for, province, province_secretariat
):
    client = client_for(province_secretariat)
    formset = page(client, province).context["formset"]
    count = len(formset.forms)
    data = outline_data(formset)
    data["action"] = "add"

    added = post(client, province, data)  # the button adds a row and saves nothing

    assert added.status_code == 200 and not Document.objects.filter(kind="plan").exists()
    formset = added.context["formset"]
    assert len(formset.forms) == count + 1
    last = count  # the new row is the last; the closing text moves below it
    data = outline_data(
        formset, **{f"{last}_level": "1", f"{last}_heading": "Kinh phí", f"{last}_text": "- Ngân sách tỉnh."}
    )
    data["action"] = f"up-{last}"
    moved = post(client, province, data)
    data = outline_data(moved.context["formset"])
    data["action"] = "save"

    assert post(client, province, data).status_code == 302
    pdf, docx = printed_plan(province)
    for text in (pdf, docx):
        assert (
            missing_in_order(text, ["IV. TỔ CHỨC THỰC HIỆN", "V. KINH PHÍ", "- Ngân sách tỉnh.", "Trên đây là"]) == []
        )
    assert "(BỎ TRỐNG)" not in pdf

    # Remove the second part ("II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN" with its items): the rest move up.
    formset = page(client, province).context["formset"]
    part = next(
        index for index, form in enumerate(formset.forms) if form.initial["heading"].startswith("Thời gian, địa")
    )
    data = outline_data(formset)
    data[f"sections-{part}-DELETE"] = "on"
    for index, form in enumerate(formset.forms[part + 1 :], start=part + 1):
        if form.initial["level"] < 2:
            break
        data[f"sections-{index}-DELETE"] = "on"
    assert post(client, province, data).status_code == 302

    pdf, docx = printed_plan(province)
    for text in (pdf, docx):
        assert missing_in_order(text, ["I. MỤC ĐÍCH", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ"]) == []
        assert "THỜI GIAN, ĐỊA ĐIỂM" not in text, text[text.find("THỜI GIAN, ĐỊA ĐIỂM") - 300 :][:600]
        assert not re.search(r"(?<![IVX])V\. KINH PHÍ", text)


def test_a_nested_item_is_numbered_under_its_part_and_emphasis_prints_in_pdf_and_docx(
    client_for, province, province_secretariat
):
    client = client_for(province_secretariat)
    formset = page(client, province).context["formset"]
    data = outline_data(formset)
    total = len(formset.forms)
    data.update(
        {
            "sections-TOTAL_FORMS": str(total + 2),
            f"sections-{total}-level": "1",
            f"sections-{total}-heading": "Kinh phí",
            f"sections-{total}-text": "",
            f"sections-{total + 1}-level": "2",
            f"sections-{total + 1}-heading": "**Nguồn:**",
            f"sections-{total + 1}-text": "- Ngân sách tỉnh, *theo dự toán được duyệt*.",
        }
    )

    assert post(client, province, data).status_code == 302
    kind = get_kind("plan")
    record = record_for(kind, province)
    record.number, record.date, record.annexes = 5, datetime.date(2020, 7, 7), []
    letter = letter_for(kind, province, record, draft=False)
    docx = docx_document(render_docx(letter))
    pdf = pdf_text(render_pdf(letter)[0])

    assert missing_in_order(pdf, ["V. KINH PHÍ", "1. Nguồn:", "- Ngân sách tỉnh, theo dự toán được duyệt."]) == []
    runs_by_text = {run.text: run for paragraph in docx.paragraphs for run in paragraph.runs}
    assert runs_by_text["theo dự toán được duyệt"].italic is True
    assert runs_by_text["Nguồn:"].bold is True
    assert not runs_by_text["- Ngân sách tỉnh, "].bold


def test_an_item_with_a_colon_gets_no_bold_it_was_not_given(client_for, province, province_secretariat):
    client = client_for(province_secretariat)
    formset = page(client, province).context["formset"]
    data = outline_data(formset)
    total = len(formset.forms)
    data.update(
        {
            "sections-TOTAL_FORMS": str(total + 1),
            f"sections-{total}-level": "2",
            f"sections-{total}-heading": "Sở Tài chính: bố trí kinh phí",
            f"sections-{total}-text": "",
        }
    )
    assert post(client, province, data).status_code == 302
    kind = get_kind("plan")
    record = record_for(kind, province)
    docx = docx_document(render_docx(letter_for(kind, province, record, draft=False)))

    paragraph = next(p for p in docx.paragraphs if "Sở Tài chính: bố trí kinh phí" in p.text)
    assert not any(run.bold for run in paragraph.runs)


def test_a_heading_is_required_for_a_part_with_text_and_forbidden_on_plain_text(
    client_for, province, province_secretariat
):
    client = client_for(province_secretariat)
    formset = page(client, province).context["formset"]
    item = next(i for i, form in enumerate(formset.forms) if form.initial["level"] and form.initial["text"])
    data = outline_data(formset, **{f"{item}_heading": "", "0_heading": "Căn cứ"})

    response = post(client, province, data)

    assert response.status_code == 422
    errors = response.context["formset"].errors
    assert errors[0]["heading"] == ["Đoạn văn không có đề mục thì không có đề mục: chọn một cấp hoặc xóa đề mục."]
    assert errors[item]["heading"] == ["Nhập đề mục của phần này, hoặc chuyển thành đoạn văn không có đề mục."]
    assert not Section.objects.exists()


def test_a_stranger_gets_404_and_a_reader_403(client_for, province, province_viewer):
    from tests.factories import UserFactory

    stranger = client_for(UserFactory())
    assert stranger.get(url(PAGE, province, "plan")).status_code == 404
    reader = client_for(province_viewer)
    assert reader.get(url(PAGE, province, "plan")).status_code == 403
    assert reader.post(url(PAGE, province, "plan"), {"action": "add"}).status_code == 403


@pytest.mark.django_db
def test_the_migration_turns_an_older_plan_text_into_sections_and_keeps_what_was_written(province):
    kind = get_kind("plan")
    record = record_for(kind, province)
    from documents.services import save_record

    save_record(record, by=None)
    Section.objects.create(
        document=record, key="purpose", order=1, heading="Mục đích, yêu cầu", text="1. Mục đích\n- Tổng kết *gọn*."
    )
    Section.objects.create(document=record, key="closing", order=2, text="Trên đây là Kế hoạch của tỉnh.")
    migration = importlib.import_module("documents.migrations.0004_section_levels")

    migration.plan_sections_free(django_apps, None)

    rows = list(record.sections.order_by("order").values_list("key", "level", "heading", "text", "follows_default"))
    assert rows[:4] == [
        ("bases", 0, "", "", True),
        ("preamble", 0, "", "", True),
        ("purpose", 1, "Mục đích, yêu cầu", "", False),
        ("purpose-1", 2, "**Mục đích**", "- Tổng kết *gọn*.", False),
    ]
    assert rows[-1] == ("closing", 0, "", "Trên đây là Kế hoạch của tỉnh.", False)
    pdf, _docx = printed_plan(province)
    assert (
        missing_in_order(pdf, ["Căn cứ", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Tổng kết gọn.", "II. THỜI GIAN"])
        == []
    )
    assert "Trên đây là Kế hoạch của tỉnh./." in pdf
