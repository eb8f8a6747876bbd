"""A pasted task table read into rows, its parties matched to the directory, its rows checked."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import translation

from congress.models import Organization, Subcommittee
from demo import schedule as demo
from demo.congresses import load_demo
from planning.deadlines import ACCEPTED_FORMS
from planning.imports.tables import (
    MAX_ROWS,
    PartyKind,
    PartyMatcher,
    Row,
    check_rows,
    match_parties,
    parse_table,
    table_text,
)
from tests.factories import CongressFactory, OrganizationFactory, SubcommitteeFactory

# Seed 000 as converted from the original (tab-separated, some HTML, page breaks repeating the header).
SEED = (Path(__file__).parent.parent / "data" / "seed_000.txt").read_text(encoding="utf-8")


def seed_month(heading):
    """The lines of one month of the seed's table, from its heading to the next month's."""
    lines = SEED.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(heading))
    end = next(
        (index for index, line in enumerate(lines[start + 1 :], start + 1) if line.startswith("THÁNG")),
        next(index for index, line in enumerate(lines) if line.startswith("Nơi nhận")),
    )
    return "\n".join(lines[start:end])


JULY = seed_month("THÁNG 7/2020")


def row_tuple(row):
    return (row.number, row.lead, row.coordinating, row.deadline)


# Reading the paste ------------------------------------------------------------------------------------------


def test_seed_july_gives_ten_tasks_and_task_seven_its_two_sub_items():
    table = parse_table(JULY)

    assert [row_tuple(row) for row in table.rows] == [
        ("1", "Ban Tổ chức Đại hội", "Văn phòng UBND tỉnh", "Ngày 06/7/2020"),
        (
            "2",
            "Ban Tuyên giáo Tỉnh ủy",
            "Sở Văn hóa, Thể thao và Du lịch; Báo Ninh Thuận, Đài Phát thanh và Truyền hình tỉnh",
            "Trong tháng 7/2020",
        ),
        ("3", "Sở Nội vụ", "Các cơ quan, đơn vị, địa phương", "Trước ngày 12/7/2020"),
        ("4", "Sở Nội vụ, Đài Phát thanh và Truyền hình", "Các cơ quan, đơn vị, địa phương", "Trước ngày 10/7/2020"),
        ("5", "Các Tiểu ban (*Nội dung, Tuyên truyền, Phục vụ*)", "", "Trước ngày 15/7/2020"),  # the seed's <i>
        ("6", "Đài Phát thanh và Truyền hình tỉnh", "Sở Nội vụ", "Trước ngày 15/7/2020"),
        ("7", "", "", ""),
        ("7.1", "Sở Văn hóa, Thể thao và Du lịch", "", "Trước ngày 11/7/2020"),
        ("7.2", "Các cơ quan, đơn vị, địa phương", "", "Trước ngày 15/7/2020"),
        (
            "8",
            "Sở Văn hóa, Thể thao và du lịch",
            "Sở Kế hoạch và Đầu tư; Báo Ninh Thuận, Đài Phát thanh và Truyền hình tỉnh",
            "Trước ngày 15/7/2020",
        ),
        ("9", "Ban Tổ chức Đại hội", "Văn phòng UBND tỉnh; Các Tiểu ban", "Trước ngày 25/7/2020"),
        ("10", "Sở Nội vụ, Văn phòng UBND tỉnh", "Các Sở, ngành, địa phương", "Trước ngày 30/7/2020"),
    ]
    assert {row.month for row in table.rows} == {"THÁNG 7/2020"}


def test_seed_july_content_joins_rows_cut_by_page_breaks_and_reads_the_html_lists():
    contents = {row.number: row.content for row in parse_table(JULY).rows}

    assert contents["1"] == demo.MEETING_1
    assert contents["9"] == demo.MEETING_2
    assert contents["10"] == demo.TASK_10
    assert contents["5"].startswith("Các Tiểu ban (*Nội dung, Tuyên truyền, Phục vụ*) tiến hành họp")
    assert contents["7"] == ""


def test_the_whole_seed_keeps_month_headings_and_skips_the_document_around_the_table():
    table = parse_table(SEED)

    assert [(row.number, row.month) for row in table.rows][-2:] == [
        ("10", "THÁNG 7/2020"),
        ("11", "THÁNG 8 NĂM 2020"),
    ]
    # The seed's italic "(phiên thứ ba)" is kept, as the demo's meeting title keeps it.
    assert table.rows[-1].content == demo.MEETING_3
    assert table.skipped[0] == "UBND TỈNH NINH THUẬN"
    assert "Nơi nhận:" in table.skipped
    assert table.skipped[-1] == "Lưu Xuân Vĩnh**"


def test_excel_quoted_cells_keep_their_line_breaks_and_doubled_quotes():
    text = (
        "STT\tNội dung\tChủ trì\tPhối hợp\tThời gian\r\n"
        '1\t"Họp Ban Tổ chức:\n- Phân công nhiệm vụ.\n- Thông qua ""chương trình""."\tSở Nội vụ\t'
        '"Văn phòng UBND tỉnh\nBáo Ninh Thuận"\tNgày 06/7/2020\r\n'
        "2\tXây dựng phóng sự\tĐài PTTH tỉnh\t\tTrước ngày 15/7/2020\r\n"
    )

    rows = parse_table(text).rows

    assert [(row.number, row.content, row.coordinating) for row in rows] == [
        (
            "1",
            'Họp Ban Tổ chức:\n- Phân công nhiệm vụ.\n- Thông qua "chương trình".',
            "Văn phòng UBND tỉnh\nBáo Ninh Thuận",
        ),
        ("2", "Xây dựng phóng sự", ""),
    ]


def test_excel_row_listing_two_items_line_by_line_becomes_two_sub_items():
    text = (
        '7\t"- Sở Văn hóa, Thể thao và Du lịch hoàn thành Đại hội điểm.\n- Các cơ quan hoàn thành Đại hội."\t'
        '"- Sở Văn hóa, Thể thao và Du lịch\n- Các cơ quan, đơn vị, địa phương"\tSở Nội vụ\t'
        '"- Trước ngày 11/7/2020\n- Trước ngày 15/7/2020"\n'
    )

    rows = parse_table(text).rows

    assert [(row.number, row.content, row.lead, row.coordinating, row.deadline) for row in rows] == [
        ("7", "", "", "Sở Nội vụ", ""),
        (
            "7.1",
            "Sở Văn hóa, Thể thao và Du lịch hoàn thành Đại hội điểm.",
            "Sở Văn hóa, Thể thao và Du lịch",
            "",
            "Trước ngày 11/7/2020",
        ),
        ("7.2", "Các cơ quan hoàn thành Đại hội.", "Các cơ quan, đơn vị, địa phương", "", "Trước ngày 15/7/2020"),
    ]


def test_word_paragraphs_of_one_cell_arriving_on_separate_lines_are_glued_back():
    text = (
        "1\tHọp Ban Tổ chức:\n"
        "- Phân công nhiệm vụ.\n"
        "- Thông qua chương trình.\tSở Nội vụ\tVăn phòng UBND tỉnh\tNgày 06/7/2020\n"
        "2\tXây dựng phóng sự\tĐài PTTH tỉnh\t\tTrước ngày 15/7/2020\n"
    )

    rows = parse_table(text).rows

    assert [(row.number, row.content, row.lead) for row in rows] == [
        ("1", "Họp Ban Tổ chức:\n- Phân công nhiệm vụ.\n- Thông qua chương trình.", "Sở Nội vụ"),
        ("2", "Xây dựng phóng sự", "Đài PTTH tỉnh"),
    ]


def test_explicit_sub_item_numbers_attach_to_the_task_above():
    text = (
        "3\tTổ chức Đại hội cấp cơ sở:\tSở Nội vụ\t\t\n"
        "a)\tCấp xã\tUBND các huyện\t\tQuý II năm 2020\n"
        "3.2\tCấp huyện\tUBND các huyện\t\tTrong tháng 7/2020\n"
        "4\tTổng kết\tSở Nội vụ\t\tThường xuyên\n"
    )

    assert [(row.number, row.content) for row in parse_table(text).rows] == [
        ("3", "Tổ chức Đại hội cấp cơ sở:"),
        ("3.1", "Cấp xã"),
        ("3.2", "Cấp huyện"),
        ("4", "Tổng kết"),
    ]


def test_a_table_without_numbers_is_numbered_in_order_and_its_rows_stay_tasks():
    text = "\tHọp Ban Tổ chức\tSở Nội vụ\t\tNgày 06/7/2020\n\tXây dựng phóng sự\tĐài PTTH tỉnh\t\t\n"

    assert [(row.number, row.content) for row in parse_table(text).rows] == [
        ("1", "Họp Ban Tổ chức"),
        ("2", "Xây dựng phóng sự"),
    ]


def test_a_header_row_in_another_order_decides_the_columns():
    text = "Nội dung\tThời hạn\tĐơn vị chủ trì\nHọp Ban Tổ chức\tNgày 06/7/2020\tSở Nội vụ\n"

    assert [row_tuple(row) for row in parse_table(text).rows] == [("1", "Sở Nội vụ", "", "Ngày 06/7/2020")]


def test_the_rows_written_back_as_a_table_read_the_same():
    rows = parse_table(SEED).rows

    again = parse_table(table_text(rows)).rows

    assert again == [Row(**{**row.__dict__, "line": again[index].line}) for index, row in enumerate(rows)]


# Matching parties -------------------------------------------------------------------------------------------


@pytest.fixture
def directory(db):
    load_demo()
    return PartyMatcher.for_congress(demo_congress())


def demo_congress():
    from congress.models import Congress

    return Congress.objects.get(name=demo.PROVINCIAL_CONGRESS)


def described(parties):
    return [(party.text, party.kind, party.organization.name if party.organization else None) for party in parties]


def test_names_with_commas_and_và_match_the_directory_greedily(directory):
    parties = directory.match_parties(
        "Sở Văn hóa, Thể thao và Du lịch; Báo Ninh Thuận, Đài Phát thanh và Truyền hình tỉnh"
    )

    assert described(parties) == [
        ("Sở Văn hóa, Thể thao và Du lịch", "organization", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Báo Ninh Thuận", "organization", "Báo Ninh Thuận"),
        ("Đài Phát thanh và Truyền hình tỉnh", "organization", "Đài Phát thanh và Truyền hình tỉnh"),
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Đài Phát thanh và Truyền hình", "Đài Phát thanh và Truyền hình tỉnh"),
        ("Sở Văn hóa, Thể thao và du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("SỞ NỘI VỤ", "Sở Nội vụ"),
        ("Tỉnh uỷ Ninh Thuận", "Tỉnh ủy Ninh Thuận"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("SNV", "Sở Nội vụ"),
        ("Sở Nội vụ (chủ trì)", "Sở Nội vụ"),
    ],
)
def test_a_name_matches_whatever_its_case_accents_punctuation_or_tỉnh(directory, written, name):
    assert described(directory.match_parties(written)) == [(written, "organization", name)]


def test_decomposed_accents_from_a_pdf_copy_still_match(directory):
    import unicodedata

    assert directory.match_parties(unicodedata.normalize("NFD", "Sở Nội vụ"))[0].organization.name == "Sở Nội vụ"


@pytest.mark.parametrize(
    "phrase",
    [
        "Các cơ quan, đơn vị, địa phương",
        "Các Sở, ngành, địa phương",
        "Các Tiểu ban",
        "Các Tiểu ban (Nội dung, Tuyên truyền, Phục vụ)",
        "Ban Tổ chức Đại hội",
        "UBND các huyện, thành phố",
    ],
)
def test_collective_phrases_stay_one_phrase_as_written(directory, phrase):
    assert described(directory.match_parties(phrase)) == [(phrase, "phrase", None)]


def test_the_congress_sub_committees_match_by_name(directory):
    parties = directory.match_parties("Tiểu ban Nội dung, Sở Nội vụ")

    assert [(party.kind, str(party.subcommittee or party.organization)) for party in parties] == [
        ("subcommittee", "Tiểu ban Nội dung"),
        ("organization", "Sở Nội vụ"),
    ]


def test_và_between_two_known_bodies_makes_two_parties(directory):
    parties = directory.match_parties("Sở Nội vụ và Văn phòng UBND tỉnh")

    assert [party.text for party in parties] == ["Sở Nội vụ", "Văn phòng UBND tỉnh"]


def test_an_unknown_name_with_a_comma_and_và_stays_whole_with_a_suggestion(directory):
    parties = directory.match_parties("Sở Tài nguyên, Môi trường và Khoáng sản; Sở Nội vu")

    assert [(party.text, party.kind) for party in parties] == [
        ("Sở Tài nguyên, Môi trường và Khoáng sản", PartyKind.UNKNOWN),
        ("Sở Nội vu", PartyKind.ORGANIZATION),
    ]


def test_an_unknown_name_close_to_a_known_one_gets_it_as_suggestion(directory):
    (party,) = directory.match_parties("Sở Văn hóa và Thể thao")

    assert (party.kind, party.suggestion.name) == (PartyKind.UNKNOWN, "Sở Văn hóa, Thể thao và Du lịch")


def test_an_unknown_name_far_from_every_known_one_gets_no_suggestion(directory):
    (party,) = directory.match_parties("Công ty Điện lực")

    assert (party.kind, party.suggestion) == (PartyKind.UNKNOWN, None)


def test_an_abbreviation_shared_by_several_bodies_matches_none():
    directory = PartyMatcher(
        [
            Organization(pk=1, name="Ban Tuyên giáo Tỉnh ủy", abbreviation="BTG"),
            Organization(pk=2, name="Ban Tuyên giáo Huyện ủy Ninh Hải", abbreviation="BTG"),
        ]
    )

    assert [party.kind for party in directory.match_parties("BTG; ban tuyên giáo tỉnh ủy")] == [
        PartyKind.UNKNOWN,
        PartyKind.ORGANIZATION,
    ]


def test_inactive_organisations_are_not_matched(db):
    congress = CongressFactory()
    OrganizationFactory(name="Sở Tư pháp", is_active=False)

    assert [party.kind for party in match_parties("Sở Tư pháp", congress)] == [PartyKind.UNKNOWN]


def test_match_parties_reads_the_directory_and_the_congress_sub_committees(db):
    congress = CongressFactory()
    SubcommitteeFactory(congress=congress, name="Tiểu ban Lễ tân")
    SubcommitteeFactory(name="Tiểu ban An ninh")  # another congress's
    OrganizationFactory(name="Sở Tư pháp")

    parties = match_parties("Tiểu ban Lễ tân; Sở Tư pháp; Tiểu ban An ninh", congress)

    assert [party.kind for party in parties] == [PartyKind.SUBCOMMITTEE, PartyKind.ORGANIZATION, PartyKind.PHRASE]


# The seed's first month against the hand-entered demo -------------------------------------------------------


def expected_parties(parties):
    return [(str(role), name, demo.find_organization(name)) for role, name in parties]


def imported_parties(item):
    return [(role, party.text, party.organization) for role, party in item.parties]


def test_seed_july_reads_as_the_demo_schedule_enters_it(directory):
    rows = parse_table(JULY).rows
    check = check_rows(list(enumerate(rows)), directory)

    assert not check.has_errors
    tasks = check.tasks
    assert len(tasks) == 10
    for item, (number, content, parties, phrase, _meeting, subitems) in zip(tasks, demo.TASKS[:10], strict=True):
        assert (item.number, item.row.content, item.row.deadline) == (number, content, phrase)
        assert imported_parties(item) == expected_parties(parties)
        assert [(sub.row.content, imported_parties(sub), sub.row.deadline) for sub in item.subitems] == [
            (sub_content, expected_parties(sub_parties), sub_phrase)
            for sub_content, sub_parties, sub_phrase in subitems
        ]


def test_seed_july_needs_no_decision_on_unknown_names(directory):
    check = check_rows(list(enumerate(parse_table(JULY).rows)), directory)

    assert check.unknown_names() == []


# Checking rows ----------------------------------------------------------------------------------------------


def checked(rows, directory=None, **options):
    return check_rows(list(enumerate(rows)), directory or PartyMatcher([]), **options)


def test_an_unreadable_deadline_is_an_error_listing_the_accepted_forms():
    check = checked([Row("1", "Họp", deadline="Cuối tháng 7")])

    with translation.override("en"):
        (message,) = check.rows[0].errors["deadline"]
        message = str(message)
    assert "Cuối tháng 7" in message
    assert all(form in message for form in ACCEPTED_FORMS)


def test_check_messages_speak_the_language_active_when_checked():
    with translation.override("vi"):
        check = checked([Row("1", "Họp", deadline="Cuối tháng 7")])

    assert "Cuối tháng 7" in check.rows[0].errors["deadline"][0]


def test_a_deadline_after_the_congress_session_is_flagged_not_refused():
    check = checked(
        [Row("1", "Họp", deadline="Trước ngày 12/7/2020"), Row("2", "Tổng kết", deadline="Trong tháng 9/2020")],
        session_date=dt.date(2020, 8, 20),
    )

    assert [(item.last_date, item.after_session, item.errors) for item in check.rows] == [
        (dt.date(2020, 7, 11), False, {}),
        (dt.date(2020, 9, 30), True, {}),
    ]


def test_a_relative_deadline_counts_from_the_session_date():
    check = checked([Row("1", "Họp", deadline="10 ngày trước Đại hội")], session_date=dt.date(2020, 8, 20))

    assert check.rows[0].last_date == dt.date(2020, 8, 10)


def test_a_task_without_deadline_ends_with_its_latest_sub_item():
    check = checked(
        [
            Row("7"),
            Row("7.1", "Đại hội điểm", deadline="Trước ngày 11/7/2020"),
            Row("7.2", "Đại hội cơ sở", deadline="Trước ngày 15/7/2020"),
        ]
    )

    assert [(item.number, item.last_date, item.errors) for item in check.rows] == [
        (7, dt.date(2020, 7, 14), {}),
        (1, dt.date(2020, 7, 10), {}),
        (2, dt.date(2020, 7, 14), {}),
    ]


def test_a_task_without_content_or_sub_items_and_a_bad_number_are_errors():
    check = checked([Row("1", ""), Row("x", "Họp"), Row("9.1", "Tổng kết")])

    assert [sorted(item.errors) for item in check.rows] == [["content"], ["number"], ["number"]]


def test_typed_numbers_are_kept_when_free():
    check = checked([Row("5", "Họp"), Row("5.1", "Chuẩn bị"), Row("8", "Tổng kết")], taken_numbers=[1, 2])

    assert (check.renumbered, [item.number for item in check.rows]) == (False, [5, 1, 8])


def test_taken_or_repeated_numbers_put_the_tasks_after_the_schedule_last_in_pasted_order():
    taken = checked([Row("2", "Họp"), Row("3", "Tổng kết")], taken_numbers=[1, 2])
    repeated = checked([Row("1", "Họp"), Row("1", "Tổng kết")])

    assert (taken.renumbered, [item.number for item in taken.rows]) == (True, [3, 4])
    assert (repeated.renumbered, [item.number for item in repeated.rows]) == (True, [1, 2])


def test_unknown_names_are_listed_once_with_the_rows_they_appear_in(db):
    directory = PartyMatcher([Organization(pk=1, name="Sở Nội vụ")], [Subcommittee(pk=1, name="Tiểu ban Nội dung")])
    check = checked(
        [Row("1", "Họp", lead="Sở Tư pháp", coordinating="Sở Nội vụ"), Row("2", "Báo cáo", lead="Sở Tư pháp")],
        directory,
    )

    assert [(party.text, [row.number for row in rows]) for party, rows in check.unknown_names()] == [
        ("Sở Tư pháp", [1, 2])
    ]


def test_max_rows_allows_a_whole_provincial_schedule():
    assert MAX_ROWS >= 300
