"""Staff paste the first month of seed 000's schedule from Word and add it as tasks, in the browser."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from congress.models import Congress
from demo.schedule import PROVINCIAL_CONGRESS, TASKS
from planning.models import Task

from .conftest import log_in

pytestmark = pytest.mark.e2e

SEED = Path(__file__).parent.parent / "planning" / "data" / "seed_000.txt"


def seed_july():
    """The rows of "THÁNG 7/2020" as they stand in the seed: page headings and page breaks included."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = lines.index("THÁNG 7/2020:\t\t\t\t")
    end = next(index for index, line in enumerate(lines) if line.startswith("THÁNG 8"))
    return "\n".join(lines[start:end])


def press(page, step):
    page.locator(f"main button[name=step][value={step}]").click()
    page.wait_for_load_state()


def edit_row(page, index):
    """Open the "Edit this row" fold of the index-th pasted row."""
    page.locator(f"tr:has([name='rows-{index}-deadline']) summary").click()


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_the_secretariat_pastes_july_of_seed_000_fixes_a_deadline_and_adds_the_tasks(page, live_server, demo):
    congress = Congress.objects.get(name=PROVINCIAL_CONGRESS)
    congress.tasks.all().delete()
    log_in(page, live_server, "vanphong")
    page.goto(f"{live_server.url}/congresses/{congress.pk}/tasks/import/")

    page.fill("#id_table", seed_july())
    press(page, "preview")

    rows = page.locator("[data-import-row]")
    expect(rows).to_have_count(12)
    expect(page.locator("[data-import-row=error]")).to_have_count(0)
    expect(page.locator("[data-unknown-name]")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("THÁNG 7/2020")
    expect(page.locator("main")).to_contain_text("Sở Văn hóa, Thể thao và Du lịch hoàn thành việc tổ chức")
    expect(page.locator("main table [data-party=organization]:visible").first).to_be_visible()
    assert not Task.objects.filter(congress=congress).exists()

    # A typo in a deadline is caught on its row and blocks adding until corrected.
    edit_row(page, 1)
    page.fill("[name='rows-1-deadline']", "Cuối tháng 7")
    press(page, "recheck")
    expect(page.locator("[data-import-row=error]")).to_have_count(1)
    expect(page.locator("main button[name=step][value=confirm]")).to_be_disabled()
    expect(page.locator("[name='rows-1-deadline']")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Trước ngày 12/7/2020")  # the accepted forms are listed
    page.fill("[name='rows-1-deadline']", "Trong tháng 7/2020")
    press(page, "recheck")
    expect(page.locator("[data-import-row=error]")).to_have_count(0)

    press(page, "confirm")

    expect(page).to_have_url(re.compile(rf"/congresses/{congress.pk}/schedule/$"))
    expect(page.locator("main")).to_contain_text("Xây dựng phóng sự về phong trào thi đua yêu nước")
    tasks = congress.tasks.filter(parent=None).order_by("number")
    assert [(task.number, task.deadline_phrase) for task in tasks] == [
        (number, phrase) for number, _content, _parties, phrase, _meeting, _subitems in TASKS[:10]
    ]
    assert [party.label for party in tasks.get(number=2).parties.all()] == [
        "Ban Tuyên giáo Tỉnh ủy",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Báo Ninh Thuận",
        "Đài Phát thanh và Truyền hình tỉnh",
    ]
    assert list(tasks.get(number=7).subitems.order_by("number").values_list("deadline_phrase", flat=True)) == [
        "Trước ngày 11/7/2020",
        "Trước ngày 15/7/2020",
    ]


@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_on_a_phone_an_unknown_agency_is_matched_to_the_directory_before_adding(page, live_server, demo):
    congress = Congress.objects.get(name=PROVINCIAL_CONGRESS)
    log_in(page, live_server, "vanphong")
    page.goto(f"{live_server.url}/congresses/{congress.pk}/tasks/import/")
    page.fill(
        "#id_table", "1\tRà soát hồ sơ khen thưởng\tPhòng Thi đua - Khen thưởng\tSở Nội vụ\tTrước ngày 10/7/2020\n"
    )
    press(page, "preview")

    name = page.locator("[data-unknown-name]")
    expect(name).to_contain_text("Phòng Thi đua - Khen thưởng")
    organization = name.locator("select")
    expect(organization).to_be_hidden()
    name.locator("input[value=match]").check()
    expect(organization).to_be_visible()
    organization.select_option(label="Ban Thi đua - Khen thưởng tỉnh")
    press(page, "confirm")

    expect(page).to_have_url(re.compile(rf"/congresses/{congress.pk}/schedule/$"))
    lead = Task.objects.get(congress=congress).parties.get(role="lead")
    assert (lead.phrase, lead.organization.name) == ("Phòng Thi đua - Khen thưởng", "Ban Thi đua - Khen thưởng tỉnh")
