import pytest
from django.urls import reverse

from clusters import services
from clusters.models import ClusterYear
from documents.layer import get_kind, letter_for, record_for, render_docx

pytestmark = pytest.mark.django_db
KINDS = ["cluster-score-summary", "cluster-minutes", "cluster-proposal", "cluster-pledge"]


@pytest.fixture
def scored_year(cluster_year, criteria, members):
    from decimal import Decimal

    from awards.models import AwardType
    from clusters.models import ProposalRule

    for index, member in enumerate(members):
        rows = [(c, Decimal(8 - index) if c.kind == "standard" else Decimal(1), "", None) for c in criteria]
        services.save_self_scores(cluster_year, member, rows, by=None)
        services.cast_vote(cluster_year, member, leader=members[1], deputy=members[2], by=None)
    ProposalRule.objects.create(
        year=cluster_year, rank_from=1, rank_to=1, award_type=AwardType.objects.get(code="co_tinh")
    )
    ClusterYear.objects.filter(pk=cluster_year.pk).update(pledge_content="1. Hoàn thành chỉ tiêu kinh tế - xã hội.")
    cluster_year.refresh_from_db()
    return cluster_year


def text_of(kind_key, cluster_year):
    kind = get_kind(kind_key)
    letter = letter_for(kind, cluster_year, record_for(kind, cluster_year))
    texts = []

    def walk(blocks):
        for block in blocks:
            if hasattr(block, "rows"):
                for row in block.rows:
                    for cell in getattr(row, "cells", ()):
                        walk(cell)
            elif hasattr(block, "text"):
                texts.append(block.text)

    walk(letter.body)
    for annex in letter.annexes:
        walk(annex.body)
    return letter, "\n".join(texts)


def test_the_summary_table_lists_members_by_rank_landscape(scored_year, members):
    letter, text = text_of("cluster-score-summary", scored_year)
    assert letter.landscape
    assert text.index(members[0].organization.name) < text.index(members[2].organization.name)
    assert "Ít điểm trừ hơn xếp trước" in text


def test_the_minutes_carry_the_votes(scored_year, members):
    _letter, text = text_of("cluster-minutes", scored_year)
    assert f"{members[1].organization.name} được bầu làm Cụm trưởng (3/3 phiếu)" in text


def test_the_proposal_letter_has_its_list_as_annex(scored_year, members):
    letter, text = text_of("cluster-proposal", scored_year)
    assert letter.annexes[0].title == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    assert members[0].organization.name in text


def test_the_pledge_has_one_signature_block_per_member(scored_year, members):
    _letter, text = text_of("cluster-pledge", scored_year)
    assert "Hoàn thành chỉ tiêu kinh tế - xã hội." in text
    for member in members:
        assert f"ĐẠI DIỆN {member.organization.name.upper()}" in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_document_prints_as_pdf_and_docx_from_the_conference(client, scored_year, leader, kind):
    client.force_login(leader)
    args = [scored_year.conference_id, kind, scored_year.pk]
    pdf = client.get(reverse("congress:document_file", args=[*args, "pdf"]))
    docx = client.get(reverse("congress:document_file", args=[*args, "docx"]))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content])[:5] == b"%PDF-"
    assert docx.status_code == 200
    assert render_docx(letter_for(get_kind(kind), scored_year, record_for(get_kind(kind), scored_year)))[:2] == b"PK"


def test_the_documents_appear_on_the_conference_and_strangers_get_404(client, scored_year, leader, outsider):
    client.force_login(leader)
    page = client.get(reverse("congress:documents", args=[scored_year.conference_id])).content.decode()
    assert "Bản giao ước thi đua" in page or "giao ước" in page
    client.force_login(outsider)
    url = reverse("congress:document_file", args=[scored_year.conference_id, KINDS[0], scored_year.pk, "pdf"])
    assert client.get(url).status_code == 404


def test_the_conference_pages_open(client, scored_year, leader):
    client.force_login(leader)
    assert client.get(reverse("congress:detail", args=[scored_year.conference_id])).status_code == 200


def test_the_minutes_name_the_conference_session_time_place_and_participants(scored_year, members):
    session = services.conference_session(scored_year)
    session.place = "Hội trường Ủy ban nhân dân tỉnh"
    session.save()
    session.participant_lines.create(description="Đại diện Ban Thi đua - Khen thưởng Trung ương", order=99)

    _letter, text = text_of("cluster-minutes", scored_year)

    assert f"Vào hồi 08 giờ 00 ngày {scored_year.conference_date:%d/%m/%Y}" in text
    assert "tại Hội trường Ủy ban nhân dân tỉnh" in text
    assert f"Đại diện lãnh đạo {members[2].organization.name};" in text
    assert "Đại diện Ban Thi đua - Khen thưởng Trung ương;" in text


def test_a_blocks_minutes_elect_a_block_leader(scored_year, members):
    scored_year.cluster.kind = "block"
    scored_year.cluster.save()

    _letter, text = text_of("cluster-minutes", scored_year)

    assert f"{members[1].organization.name} được bầu làm Khối trưởng (3/3 phiếu)" in text
    assert "Cụm trưởng" not in text


def test_the_minutes_are_signed_by_the_secretary_and_the_chair_and_sent_to_no_one(scored_year):
    """Issue 14: minutes (biên bản) carry the chair's and the secretary's signatures and no Nơi nhận."""
    from documents.layer import render_pdf
    from tests.documents.reading import docx_lines, pdf_text

    kind = get_kind("cluster-minutes")
    letter = letter_for(kind, scored_year, record_for(kind, scored_year))
    chair = scored_year.leader.organization.head

    assert [title for title, _name in letter.cosigners] == ["THƯ KÝ HỘI NGHỊ", "CHỦ TRÌ HỘI NGHỊ"]
    assert letter.cosigners[1][1] == (chair.full_name if chair else "")
    for text in (pdf_text(render_pdf(letter)[0]), "\n".join(docx_lines(render_docx(letter)))):
        assert "Nơi nhận" not in text and "TM." not in text
        assert "THƯ KÝ HỘI NGHỊ" in text and "CHỦ TRÌ HỘI NGHỊ" in text


def test_the_proposal_letters_subject_is_in_sentence_case(scored_year):
    kind = get_kind("cluster-proposal")
    record = record_for(kind, scored_year)

    assert record.subject.startswith("Về việc đề nghị khen thưởng thành tích thi đua năm ")
