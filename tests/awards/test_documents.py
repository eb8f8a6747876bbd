"""The honours printed through the document layer, read back from the PDF."""

import pytest

from awards.models import CouncilSession, NominationRound
from demo.awards import load_demo_awards
from demo.congresses import load_demo
from documents.layer import get_kind, letter_for, record_for, render_pdf
from tests.documents.reading import pdf_text


@pytest.fixture
def demo_round(db):
    load_demo()
    load_demo_awards()
    return NominationRound.objects.select_related("congress__host").get()


def printed(key, owner):
    kind = get_kind(key)
    data, _pages = render_pdf(letter_for(kind, owner, record_for(kind, owner)))
    return pdf_text(data)


def test_the_list_of_proposed_honours_groups_the_approved_dossiers_by_award_type(demo_round):
    text = printed("award-proposal-list", demo_round)

    assert "DANH SÁCH" in text
    assert "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH NINH THUẬN" in text
    assert text.index("BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH (CÁ NHÂN)") < text.index("Huỳnh Văn Lộc")
    assert text.index("BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH (TẬP THỂ)") < text.index("Sở Văn hóa, Thể thao và Du lịch")
    assert "8/10 (80,0%)" in text
    assert "Phạm Quốc Huy" not in text  # still a draft


def test_the_submission_letter_counts_the_honours_and_carries_the_list(demo_round):
    text = printed("award-submission", demo_round)

    assert "TỜ TRÌNH" in text
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Ninh Thuận." in text
    assert "- Bằng khen của Chủ tịch UBND tỉnh (cá nhân): 01 cá nhân;" in text
    assert "- Bằng khen của Chủ tịch UBND tỉnh (tập thể): 02 tập thể;" in text
    assert "Trần Quốc Nam" in text  # the council's chair signs
    assert "Kèm theo Tờ trình" in text
    assert text.index("Kính trình") < text.index("Đài Phát thanh và Truyền hình tỉnh")


def test_the_council_minutes_print_attendance_ballots_and_the_tie_rule(demo_round):
    session = CouncilSession.objects.get()
    session.round.congress = demo_round.congress

    text = printed("council-minutes", session)

    assert "BIÊN BẢN" in text
    assert "Có mặt 9/10 thành viên Hội đồng:" in text
    assert text.index("Vắng mặt 1 thành viên:") < text.index("Đồng chí Nguyễn Thị Thu Hà, Phó Giám đốc Sở Nội vụ;")
    assert "Sở Văn hóa, Thể thao và Du lịch (ưu tiên nữ)" in text
    assert text.index("Sở Văn hóa, Thể thao và Du lịch") < text.index("Đài Phát thanh và Truyền hình tỉnh")
    assert "6/10 (60,0%): Thông qua" in text


def test_the_list_of_advanced_models_names_collectives_then_people(demo_round):
    text = printed("advanced-models-list", demo_round)

    assert "TẬP THỂ" in text and "CÁ NHÂN" in text
    assert text.index("TẬP THỂ") < text.index("Sở Văn hóa, Thể thao và Du lịch") < text.index("CÁ NHÂN")
    assert text.index("CÁ NHÂN") < text.index("Huỳnh Văn Lộc")


def test_the_round_and_the_session_pages_link_to_their_documents(client, demo_round):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    client.force_login(get_user_model().objects.get(username="vanphong"))
    congress_pk = demo_round.congress_id
    session = CouncilSession.objects.get()

    home = client.get(reverse("awards:home", args=[congress_pk]), secure=True).content.decode()
    minutes = client.get(reverse("awards:session_detail", args=[congress_pk, session.pk]), secure=True)
    document = client.get(reverse("congress:document", args=[congress_pk, "council-minutes", session.pk]), secure=True)

    assert reverse("congress:document", args=[congress_pk, "award-submission", demo_round.pk]) in home
    assert reverse("congress:document", args=[congress_pk, "council-minutes", session.pk]) in minutes.content.decode()
    assert document.status_code == 200


def document_url(congress, key, owner):
    from django.urls import reverse

    return reverse("congress:document", args=[congress.pk, key, owner.pk])


@pytest.mark.parametrize("key", ["award-proposal-list", "award-submission"])
def test_only_the_standing_office_and_the_council_open_the_round_papers(
    client_for, congress, nomination_round, viewer, focal_point, council_user, secretariat, key
):
    url = document_url(congress, key, nomination_round)

    assert client_for(viewer).get(url).status_code == 403
    assert client_for(focal_point).get(url).status_code == 403
    assert client_for(council_user).get(url).status_code == 200
    assert client_for(secretariat).get(url).status_code == 200


def test_the_documents_tab_lists_the_council_papers_only_to_those_who_may_open_them(
    client_for, congress, nomination_round, viewer, council_user
):
    from django.urls import reverse

    url = reverse("congress:documents", args=[congress.pk])
    paper = document_url(congress, "award-submission", nomination_round)

    assert paper not in client_for(viewer).get(url).content.decode()
    assert paper in client_for(council_user).get(url).content.decode()
    public = document_url(congress, "advanced-models-list", nomination_round)
    assert public in client_for(viewer).get(url).content.decode()


def test_the_minutes_are_signed_by_the_secretary_and_the_chair_and_sent_to_no_one(demo_round):
    from awards.models import CouncilMember
    from documents.layer import render_docx
    from tests.documents.reading import docx_lines

    session = CouncilSession.objects.get()
    session.round.congress = demo_round.congress
    kind = get_kind("council-minutes")
    letter = letter_for(kind, session, record_for(kind, session))
    chair = CouncilMember.objects.get(congress=demo_round.congress, role=CouncilMember.Role.CHAIR).person.full_name

    assert [title for title, _name in letter.cosigners] == ["THƯ KÝ", "CHỦ TỊCH HỘI ĐỒNG"]
    assert letter.cosigners[1][1] == chair
    text, lines = pdf_text(render_pdf(letter)[0]), docx_lines(render_docx(letter))
    for printed_text in (text, "\n".join(lines)):
        assert "Nơi nhận:" not in printed_text
        assert "THƯ KÝ" in printed_text and "CHỦ TỊCH HỘI ĐỒNG" in printed_text and chair in printed_text


def test_a_short_absent_list_stays_on_the_page_of_its_heading(demo_round):
    from documents.layer import render_docx
    from tests.documents.reading import docx_document, pdf_pages

    session = CouncilSession.objects.get()
    session.round.congress = demo_round.congress
    kind = get_kind("council-minutes")
    letter = letter_for(kind, session, record_for(kind, session))

    pages = pdf_pages(render_pdf(letter)[0])
    heading_page = next(page for page in pages if "Vắng mặt 1 thành viên:" in page)
    assert "Đồng chí Nguyễn Thị Thu Hà" in heading_page
    document = docx_document(render_docx(letter))
    lead = next(p for p in document.paragraphs if p.text == "Vắng mặt 1 thành viên:")
    assert lead.paragraph_format.keep_with_next


def test_the_award_decision_awards_the_approved_honours_with_their_list_as_annex(demo_round):
    from documents.layer import render_docx
    from tests.documents.reading import docx_lines

    kind = get_kind("award-decision")
    record = record_for(kind, demo_round)
    letter = letter_for(kind, demo_round, record)
    text = pdf_text(render_pdf(letter)[0])

    assert record.type_code == "QĐ" and record.symbol.startswith("QĐ-")
    assert letter.type_name == "QUYẾT ĐỊNH"
    assert letter.authority_line == "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"
    assert letter.signature_lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert "khen thưởng Khen thưởng" not in record.subject
    assert "QUYẾT ĐỊNH:" in text and "(có danh sách kèm theo)" in text
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003" in text  # a 2020 round
    assert len(letter.annexes) == 1 and letter.annexes[0].title.startswith("DANH SÁCH TẬP THỂ, CÁ NHÂN")
    assert "(Kèm theo Quyết định số" in text and "của Ủy ban nhân dân tỉnh Ninh Thuận)" in text
    assert "Sở Văn hóa, Thể thao và Du lịch" in "\n".join(docx_lines(render_docx(letter)))


def test_a_list_has_no_type_code_of_its_own_and_is_not_issued_alone(demo_round):
    import datetime

    from django.core.exceptions import ValidationError

    from documents.services import issue_document, save_record

    kind = get_kind("award-proposal-list")
    record = save_record(record_for(kind, demo_round), by=None)

    assert record.type_code == "" and "DS" not in record.symbol
    with pytest.raises(ValidationError) as refusal:
        issue_document(record, number=1, issued_on=datetime.date(2020, 8, 1), by=None)
    assert "Danh sách được ban hành kèm theo Tờ trình hoặc Quyết định, không ban hành riêng." in refusal.value.messages


def test_the_decisions_articles_open_in_bold_and_the_closing_mark_follows_the_last_article(demo_round):
    from documents.blocks import Heading
    from documents.html import blocks_html
    from documents.layer import render_docx
    from tests.documents.reading import docx_document

    kind = get_kind("award-decision")
    letter = letter_for(kind, demo_round, record_for(kind, demo_round))
    html = str(blocks_html(letter.body))
    runs = [run for p in docx_document(render_docx(letter)).paragraphs for run in p.runs if run.text.strip()]
    bold = [run.text for run in runs if run.bold]

    assert "<strong>Điều 1.</strong>" in html and "<strong>Điều 2.</strong>" in html
    assert "Điều 1." in bold and "Điều 2." in bold
    assert "- Bằng khen của Chủ tịch UBND tỉnh (tập thể): 02 tập thể." in [getattr(b, "line", "") for b in letter.body]
    assert isinstance(letter.body[-1], Heading) and letter.body[-1].text.endswith("thi hành Quyết định này./.")
    assert html.count("./.") == 1


def test_achievements_print_a_line_each_and_no_title_says_khen_thuong_twice(demo_round):
    from documents.layer import render_docx
    from tests.documents.reading import docx_document

    session = CouncilSession.objects.get()
    session.round.congress = demo_round.congress
    submission = printed("award-submission", demo_round)
    letter = letter_for(get_kind("award-submission"), demo_round, record_for(get_kind("award-submission"), demo_round))
    cells = docx_document(render_docx(letter)).tables[-1].rows[1].cells

    assert "khen thưởng Khen thưởng" not in submission
    assert "khen thưởng Khen thưởng" not in record_for(get_kind("council-minutes"), session).subject
    # One paragraph a line, as the PDF prints them: a line break in a justified paragraph would stretch its line.
    assert [p.text for p in cells[3].paragraphs] == [
        "- Hoàn thành xuất sắc nhiệm vụ được giao giai đoạn 2016-2020.",
        "- Có sáng kiến được Hội đồng sáng kiến tỉnh công nhận, áp dụng hiệu quả trong toàn tỉnh.",
        "- Tích cực tham gia các phong trào thi đua yêu nước.",
    ]
    assert "\n" not in "".join(run.text for p in cells[3].paragraphs for run in p.runs)


def test_a_decision_of_a_round_with_nothing_approved_prints_and_cannot_be_issued(demo_round):
    from documents.layer import render_docx

    empty = NominationRound.objects.create(
        congress=demo_round.congress, name="Khen thưởng đột xuất", year=2020, deadline=demo_round.deadline
    )
    kind = get_kind("award-decision")
    record = record_for(kind, empty)
    letter = letter_for(kind, empty, record)

    assert render_pdf(letter)[1] == 1 and render_docx(letter)
    assert letter.annexes == []  # an empty annex is never attached
    assert kind.issue_problems(empty, record)
