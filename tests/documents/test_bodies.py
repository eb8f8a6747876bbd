"""Each kind of body that holds a congress heads and signs its plan as that kind of body does
(Decree 30): the letterhead's and the signature block's words and line breaks, in the PDF and
the DOCX; legal bases as in force on the document's date."""

import datetime

import pytest

from congress import legal
from congress.models import Congress, Organization
from documents.layer import get_kind, letter_for, record_for, render_docx, render_pdf
from documents.vietnamese import join_words
from tests.factories import CongressFactory, OrganizationFactory, OrganizingBoardFactory, PersonFactory

from .reading import docx_lines, pdf_text

Kind = Organization.Kind
PROVINCE = "Ủy ban nhân dân tỉnh Ninh Thuận"
UNIONS = "Tổng Liên đoàn Lao động Việt Nam"

BODIES = {
    # name, kind, parent, head's position: letterhead lines (parent, issuer), signature lines
    "province committee": (
        (PROVINCE, Kind.PEOPLES_COMMITTEE, None, "Chủ tịch UBND tỉnh"),
        ([], ["ỦY BAN NHÂN DÂN", "TỈNH NINH THUẬN"]),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    ),
    "town committee": (
        ("Ủy ban nhân dân thị xã Ninh Hòa", Kind.DISTRICT, PROVINCE, "Chủ tịch UBND thị xã"),
        ([], ["ỦY BAN NHÂN DÂN", "THỊ XÃ NINH HÒA"]),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    ),
    "district committee": (
        ("Ủy ban nhân dân huyện Ninh Hải", Kind.DISTRICT, PROVINCE, "Chủ tịch UBND huyện"),
        ([], ["ỦY BAN NHÂN DÂN", "HUYỆN NINH HẢI"]),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    ),
    "commune committee": (
        ("Ủy ban nhân dân xã Phước Dinh", Kind.COMMUNE, "Ủy ban nhân dân huyện Thuận Nam", "Chủ tịch UBND xã"),
        ([], ["ỦY BAN NHÂN DÂN", "XÃ PHƯỚC DINH"]),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    ),
    "trade union": (
        ("Liên đoàn Lao động tỉnh Ninh Thuận", Kind.UNION, UNIONS, "Chủ tịch LĐLĐ tỉnh"),
        (["TỔNG LIÊN ĐOÀN LAO ĐỘNG", "VIỆT NAM"], ["LIÊN ĐOÀN LAO ĐỘNG", "TỈNH NINH THUẬN"]),
        ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"],
    ),
    "emulation council": (
        ("Hội đồng Thi đua - Khen thưởng tỉnh Ninh Thuận", Kind.OTHER, PROVINCE, "Chủ tịch Hội đồng"),
        (["ỦY BAN NHÂN DÂN", "TỈNH NINH THUẬN"], ["HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG", "TỈNH NINH THUẬN"]),
        ["TM. HỘI ĐỒNG", "CHỦ TỊCH"],
    ),
    "central council": (
        ("Hội đồng Thi đua - Khen thưởng Trung ương", Kind.OTHER, None, "Chủ tịch Hội đồng"),
        ([], ["HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG", "TRUNG ƯƠNG"]),
        ["TM. HỘI ĐỒNG", "CHỦ TỊCH"],
    ),
    # A cluster holds its review conference through its leading member, which heads and signs as its kind of
    # body: a province's committee on the committee's behalf, a ministry by its minister (no "TM.").
    "cluster of provinces": (
        ("Ủy ban nhân dân tỉnh Bình Định", Kind.PEOPLES_COMMITTEE, None, "Chủ tịch UBND tỉnh"),
        ([], ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"]),
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    ),
    "cluster of ministries": (
        ("Bộ Công Thương", Kind.DEPARTMENT, None, "Bộ trưởng Bộ Công Thương"),
        ([], ["BỘ CÔNG THƯƠNG"]),
        ["BỘ TRƯỞNG"],
    ),
}
CLUSTERS = {"cluster of provinces", "cluster of ministries"}


def congress_of(name, kind, parent, position, congress_kind=None):
    parent_body = OrganizationFactory(name=parent, kind=Kind.PEOPLES_COMMITTEE) if parent else None
    host = OrganizationFactory(name=name, kind=kind, parent=parent_body)
    host.head = PersonFactory(full_name="Nguyễn Văn An", position=position, organization=host)
    host.save()
    return CongressFactory(host=host, **({"kind": congress_kind} if congress_kind else {}))


def printed_lines(letter):
    """The text of the plan as the PDF prints it, and the lines of its DOCX."""
    pdf, _pages = render_pdf(letter)
    return pdf_text(pdf), docx_lines(render_docx(letter))


@pytest.mark.parametrize("body", BODIES)
def test_each_kind_of_body_heads_and_signs_its_plan_as_that_body_does(db, body):
    organization, (parent_lines, issuer_lines), signature = BODIES[body]
    congress = congress_of(*organization, Congress.Kind.CLUSTER_REVIEW if body in CLUSTERS else None)
    kind = get_kind("plan")
    letter = letter_for(kind, congress, record_for(kind, congress), draft=False)

    assert (letter.parent_lines, letter.issuer_lines) == (parent_lines, issuer_lines)
    assert letter.signature_lines == signature
    assert letter.signer_name == "Nguyễn Văn An"
    pdf_text, docx = printed_lines(letter)
    for line in [*parent_lines, *issuer_lines, *signature]:
        assert line in docx  # one paragraph per printed line
        assert line in pdf_text


def test_the_organising_board_carries_its_parent_body_and_signs_on_the_boards_behalf(db):
    congress = congress_of(PROVINCE, Kind.PEOPLES_COMMITTEE, None, "Chủ tịch UBND tỉnh")
    OrganizingBoardFactory(
        congress=congress, name="Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII, năm 2020"
    )
    kind = get_kind("schedule")
    record = record_for(kind, congress)
    record.signer_collective = "Ban Tổ chức"
    letter = letter_for(kind, congress, record, draft=False)

    # The schedule is landscape: the parent body fits on one line of its wider column.
    assert letter.parent_lines == ["ỦY BAN NHÂN DÂN TỈNH NINH THUẬN"]
    assert letter.issuer_lines == ["BAN TỔ CHỨC ĐẠI HỘI THI ĐUA YÊU NƯỚC", "TỈNH NINH THUẬN LẦN THỨ VII, NĂM 2020"]
    assert letter.signature_lines == ["TM. BAN TỔ CHỨC", "TRƯỞNG BAN"]


def test_a_decision_of_a_committee_is_signed_on_the_committees_behalf_and_cites_its_laws(db):
    congress = congress_of("Ủy ban nhân dân huyện Ninh Hải", Kind.DISTRICT, PROVINCE, "Chủ tịch UBND huyện")
    kind = get_kind("founding-decision")
    record = record_for(kind, congress)
    letter = letter_for(kind, congress, record, draft=False)
    text = " ".join(block.text for block in letter.body if hasattr(block, "text"))

    assert letter.signature_lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert letter.authority_line == "ỦY BAN NHÂN DÂN HUYỆN NINH HẢI"
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015" in text
    assert "Theo đề nghị của Giám đốc Sở Nội vụ" in text


def test_a_trade_unions_decision_cites_no_local_government_law_nor_the_home_affairs_director(db):
    congress = congress_of("Liên đoàn Lao động tỉnh Ninh Thuận", Kind.UNION, UNIONS, "Chủ tịch LĐLĐ tỉnh")
    kind = get_kind("founding-decision")
    letter = letter_for(kind, congress, record_for(kind, congress), draft=False)
    text = " ".join(block.text for block in letter.body if hasattr(block, "text"))

    assert letter.signature_lines == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]
    assert letter.authority_line == "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH THUẬN"
    assert "Căn cứ Điều lệ Công đoàn Việt Nam" in text
    assert "chính quyền địa phương" not in text
    assert "Sở Nội vụ" not in text


@pytest.mark.parametrize(
    ("day", "law"),
    [
        (datetime.date(2020, 7, 17), "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"),
        (datetime.date(2023, 12, 31), "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"),
        (datetime.date(2024, 1, 1), "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"),
    ],
)
def test_the_law_cited_is_the_one_in_force_on_the_day(day, law):
    assert legal.in_force(legal.EMULATION_LAW, day).startswith(law)


def test_a_document_of_2020_does_not_cite_the_2022_law(db):
    congress = congress_of(PROVINCE, Kind.PEOPLES_COMMITTEE, None, "Chủ tịch UBND tỉnh")
    kind = get_kind("plan")
    letter = letter_for(kind, congress, record_for(kind, congress), draft=False)
    bases = [block.text for block in letter.body if getattr(block, "italic", False)]

    assert bases[0].startswith("Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003")
    assert not any("2022" in line for line in bases)


def test_titles_do_not_say_a_word_twice_where_two_parts_meet():
    assert join_words("Về việc đề nghị khen thưởng", "Khen thưởng năm 2024") == "Về việc đề nghị khen thưởng năm 2024"
    assert join_words("đề nghị khen thưởng", "Đợt 1") == "đề nghị khen thưởng Đợt 1"


def test_an_annual_review_of_2022_reviews_2021_and_launches_2022(db):
    congress = congress_of(PROVINCE, Kind.PEOPLES_COMMITTEE, None, "Chủ tịch UBND tỉnh")
    congress.kind, congress.year, congress.review_period, congress.next_period = "annual_review", 2022, "", ""
    congress.save()
    kind = get_kind("plan")
    text = " ".join(getattr(block, "text", "") for block in letter_for(kind, congress, record_for(kind, congress)).body)

    assert "phong trào thi đua yêu nước năm 2021" in text
    assert "phong trào thi đua năm 2022" in text
    assert "2023" not in text and "giai đoạn 2022" not in text


def test_a_clusters_award_list_is_headed_by_the_host_not_an_invented_council(db):
    from tests.awards.factories import NominationRoundFactory

    host = OrganizationFactory(name=PROVINCE, kind=Kind.PEOPLES_COMMITTEE)
    congress = CongressFactory(host=host, kind="cluster_review", area_name="Cụm thi đua các tỉnh Nam Trung Bộ")
    nomination_round = NominationRoundFactory(congress=congress, name="Khen thưởng năm 2024")
    kind = get_kind("award-submission")
    record = record_for(kind, nomination_round)
    letter = letter_for(kind, nomination_round, record, draft=False)

    assert letter.issuer_lines == ["ỦY BAN NHÂN DÂN", "TỈNH NINH THUẬN"]
    assert letter.parent_lines == []
    assert letter.signature_lines[0] == "TM. ỦY BAN NHÂN DÂN"
    assert record.subject == "Về việc đề nghị khen thưởng năm 2024"
    assert "CỤM" not in " ".join(letter.issuer_lines)
