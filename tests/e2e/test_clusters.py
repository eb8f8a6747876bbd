"""A year of an emulation cluster in the browser: the leader sets the criteria, three members
self-score with evidence (one late, after being reminded), the leader adjusts a score with a
reason, the ranking shows the tie rule, the top member's proposal arrives in the awards round as
a dossier, the members elect the next leader, and the summary table, minutes and pledge print."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from awards.models import AwardType, Nomination
from clusters.models import ClusterYear, Criterion, Election, Evidence, ProposalRule
from clusters.reminders import scoring_deadlines
from congress.models import Congress, CongressRole
from tests.awards.factories import NominationRoundFactory
from tests.clusters.factories import make_cluster, open_year
from tests.factories import PASSWORD, PDF, OrganizationFactory, UserFactory

from .conftest import log_in, log_out, picture

pytestmark = pytest.mark.e2e


@pytest.fixture
def year(transactional_db):
    from awards.catalogue import load_catalogue
    from awards.models import RequiredDocument

    load_catalogue(AwardType, RequiredDocument)  # a transactional test flushed the migration's rows

    leader = UserFactory(username="cumtruong")
    cluster = make_cluster(3, created_by=leader)
    today = timezone.localdate()
    cluster_year = open_year(
        cluster,
        by=leader,
        year=today.year,
        scoring_deadline=today + datetime.timedelta(days=3),
        conference_date=today + datetime.timedelta(days=20),
    )
    flag = AwardType.objects.get(code="co_tinh")
    ProposalRule.objects.create(year=cluster_year, rank_from=1, rank_to=1, award_type=flag)
    province = Congress.objects.create(
        kind="annual_review", year=today.year, host=OrganizationFactory(), name="Hội nghị tổng kết tỉnh"
    )
    CongressRole.objects.create(congress=province, user=leader, role=CongressRole.Role.SECRETARIAT)
    nomination_round = NominationRoundFactory(congress=province, name="Khen thưởng tổng kết năm")
    nomination_round.award_types.add(flag)
    return cluster_year, leader, list(cluster.members.select_related("organization", "focal_point__user"))


def login(page, live_server, user):
    log_out(page)
    log_in(page, live_server, user.username, PASSWORD)


def open_year_page(page, live_server, cluster_year):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Cụm, khối thi đua").first.click()
    page.get_by_role("link", name=cluster_year.cluster.name).click()
    page.get_by_role("link", name=str(cluster_year.year), exact=True).click()


def self_score(page, criteria, points, evidence=None):
    page.get_by_role("link", name="Tự chấm điểm").click()
    for criterion in criteria:
        value = (
            points
            if criterion.kind == "standard"
            else ("2" if criterion.kind == "penalty" and points == "PEN" else "0")
        )
        if points == "PEN":
            value = "8" if criterion.kind == "standard" else value
        page.fill(f"input[name=points_{criterion.pk}]", value)
    if evidence:
        page.locator(f"input[name=file_{criteria[0].pk}]").set_input_files(str(evidence))
    page.get_by_role("button", name="Lưu điểm").click()
    assert "Đã lưu điểm." in page.content()


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_a_cluster_year_from_criteria_to_printed_pledge(page, live_server, year, tmp_path):
    cluster_year, leader, members = year
    evidence = tmp_path / "bao-cao.pdf"
    evidence.write_bytes(PDF)

    # The leader sets the criteria.
    login(page, live_server, leader)
    open_year_page(page, live_server, cluster_year)
    page.get_by_role("link", name="Bảng tiêu chí").click()
    page.get_by_role("link", name="Thêm nhóm tiêu chí").click()
    page.fill("#id_name", "Thực hiện nhiệm vụ chính trị")
    rows = [
        ("Tăng trưởng kinh tế đạt kế hoạch", "standard", "10", "Báo cáo năm"),
        ("Vi phạm kỷ luật", "penalty", "5", ""),
    ]
    for index, (name, kind, points, proof) in enumerate(rows):
        page.fill(f"input[name=criteria-{index}-name]", name)
        page.select_option(f"select[name=criteria-{index}-kind]", kind)
        page.fill(f"input[name=criteria-{index}-max_points]", points)
        page.fill(f"input[name=criteria-{index}-evidence]", proof)
    page.get_by_role("button", name="Lưu nhóm tiêu chí").click()
    assert "Tăng trưởng kinh tế đạt kế hoạch" in page.content()
    criteria = list(Criterion.objects.filter(group__year=cluster_year).order_by("order"))

    # Three members self-score; the first two tie (the second with a penalty), the third sends no evidence yet.
    login(page, live_server, members[0].focal_point.user)
    open_year_page(page, live_server, cluster_year)
    self_score(page, criteria, "8", evidence)
    login(page, live_server, members[1].focal_point.user)
    open_year_page(page, live_server, cluster_year)
    page.get_by_role("link", name="Tự chấm điểm").click()
    page.fill(f"input[name=points_{criteria[0].pk}]", "10")
    page.fill(f"input[name=points_{criteria[1].pk}]", "2")
    page.locator(f"input[name=file_{criteria[0].pk}]").set_input_files(str(evidence))
    page.get_by_role("button", name="Lưu điểm").click()
    login(page, live_server, members[2].focal_point.user)
    open_year_page(page, live_server, cluster_year)
    page.get_by_role("link", name="Tự chấm điểm").click()
    page.fill(f"input[name=points_{criteria[0].pk}]", "6")
    page.fill(f"input[name=points_{criteria[1].pk}]", "0")
    page.get_by_role("button", name="Lưu điểm").click()
    # A member never edits another member's scores.
    response = page.request.get(
        f"{live_server.url}/congresses/{cluster_year.conference_id}/cluster/members/{members[0].pk}/scores/"
    )
    assert response.status == 403

    # The self-scoring deadline passes; the third member is reminded and sends its evidence late.
    today = timezone.localdate()
    ClusterYear.objects.filter(pk=cluster_year.pk).update(scoring_deadline=today - datetime.timedelta(days=1))
    cluster_year.refresh_from_db()
    (reminder,) = scoring_deadlines(
        congress_ids={cluster_year.conference_id}, due_dates={cluster_year.evidence_deadline}
    )
    assert reminder.recipients == (members[2].focal_point_id,)
    page.goto(f"{live_server.url}{reminder.link}")
    page.get_by_role("link", name="Tự chấm điểm").click()
    assert "gửi bổ sung" in page.content()
    page.locator(f"input[name=file_{criteria[0].pk}]").set_input_files(str(evidence))
    page.get_by_role("button", name="Lưu điểm").click()
    assert Evidence.objects.get(score__member=members[2]).late
    assert "gửi muộn" in page.content()

    # The leader adjusts the third member's score with a reason; the ranking shows the tie rule.
    login(page, live_server, leader)
    open_year_page(page, live_server, cluster_year)
    page.get_by_role("link", name="Thẩm định điểm").click()
    page.locator("table.app-score-matrix a", has_text="6").first.click()
    page.fill("#id_points", "5")
    page.fill("#id_reason", "Minh chứng gửi muộn, chưa đủ số liệu")
    page.get_by_role("button", name="Ghi nhận điểm thống nhất").click()
    assert "<del>6</del>" in page.content()
    page.get_by_role("link", name="Xếp hạng").click()
    ranking = page.locator("table").first.inner_text()
    assert ranking.index(members[0].organization.name) < ranking.index(members[1].organization.name)
    assert "Ít điểm trừ hơn xếp trước" in ranking

    # The top member's proposal arrives in the awards round as a dossier with the score sheet.
    page.get_by_role("link", name="Gửi đề nghị khen thưởng").click()
    page.select_option("#id_round", label="Khen thưởng tổng kết năm (Hội nghị tổng kết tỉnh)")
    page.get_by_role("button", name="Tạo hồ sơ").click()
    assert members[0].organization.name in page.content()
    dossier = Nomination.objects.get()
    assert (dossier.organization, dossier.award_type.code) == (members[0].organization, "co_tinh")
    assert dossier.files.count() == 1

    # The members elect the next leader; the leader records the result.
    for member in members:
        login(page, live_server, member.focal_point.user)
        open_year_page(page, live_server, cluster_year)
        page.get_by_role("link", name="Bầu Cụm trưởng").click()
        page.get_by_role("link", name="Bỏ phiếu").click()
        page.select_option("#id_leader", label=members[1].organization.name)
        page.select_option("#id_deputy", label=members[2].organization.name)
        page.get_by_role("button", name="Ghi nhận phiếu bầu").click()
    login(page, live_server, leader)
    open_year_page(page, live_server, cluster_year)
    page.get_by_role("link", name="Bầu Cụm trưởng").click()
    page.get_by_role("link", name="Ghi nhận kết quả").click()
    page.get_by_role("button", name="Ghi nhận kết quả").click()
    expect(page.get_by_role("status").filter(has_text="được bầu làm")).to_be_visible()
    assert Election.objects.get().leader == members[1]
    picture(page, tmp_path / "election.png")

    # The summary table, the minutes and the pledge print.
    page.get_by_role("link", name="Văn bản").click()
    for kind in ("cluster-score-summary", "cluster-minutes", "cluster-pledge"):
        url = f"{live_server.url}/congresses/{cluster_year.conference_id}/documents/{kind}/{cluster_year.pk}/file.pdf"
        response = page.request.get(url)
        assert response.status == 200
        assert response.body()[:5] == b"%PDF-"


@pytest.fixture
def conference_year(transactional_db):
    leader = UserFactory(username="cumtruong-hn")
    cluster = make_cluster(3, created_by=leader)
    cluster_year = open_year(cluster, by=leader, year=timezone.localdate().year)
    return cluster_year, leader, list(cluster.members.select_related("organization"))


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_the_leader_goes_from_the_year_to_its_conference_programme_and_back(page, live_server, conference_year):
    cluster_year, leader, members = conference_year
    login(page, live_server, leader)
    open_year_page(page, live_server, cluster_year)

    assert "Phiên chính thức" in page.content()
    assert "Bình xét, xếp hạng các đơn vị thành viên" in page.content()
    page.get_by_role("link", name="Sửa thành phần và chương trình").click()
    assert page.locator("input[name$='-title']").first.input_value().startswith("Tuyên bố lý do")
    page.goto(f"{live_server.url}/congresses/{cluster_year.conference_id}/")
    page.get_by_role("link", name="Cụm, khối", exact=True).click()
    assert page.url.endswith(f"/congresses/{cluster_year.conference_id}/cluster/")
    assert members[0].organization.name in page.content()
