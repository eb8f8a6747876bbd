"""The laws and decrees a congress document cites, with the dates they are in force, as data.

A document cites those in force on its date: a 2020 plan cites the 2003 law with its
amendments, a 2024 one the 2022 law. Each entry is (text after "Căn cứ ", first day, last day).
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Instrument:
    text: str
    since: datetime.date
    until: datetime.date | None = None

    def in_force(self, on):
        return self.since <= on and (self.until is None or on <= self.until)


D = datetime.date

EMULATION_LAW = (
    Instrument(
        "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, "
        "khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
        D(2014, 6, 1),
        D(2023, 12, 31),
    ),
    Instrument("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", D(2024, 1, 1)),
)
EMULATION_DECREE = (
    Instrument(
        "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều "
        "của Luật Thi đua, khen thưởng",
        D(2017, 10, 1),
        D(2023, 12, 31),
    ),
    Instrument(
        "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều "
        "của Luật Thi đua, khen thưởng",
        D(2024, 1, 1),
    ),
)
LOCAL_GOVERNMENT_LAW = (
    Instrument("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", D(2016, 1, 1), D(2020, 6, 30)),
    Instrument(
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật "
        "Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
        D(2020, 7, 1),
        D(2025, 6, 30),
    ),
    Instrument("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", D(2025, 7, 1)),
)
TRADE_UNION_CHARTER = (Instrument("Điều lệ Công đoàn Việt Nam", D(1990, 1, 1)),)


def in_force(instruments, on):
    """The text of the instrument of this series in force on the day, or "" when none is."""
    for instrument in instruments:
        if instrument.in_force(on):
            return instrument.text
    return ""


def bases(on, *series):
    """ "Căn cứ …" lines for each series, the ones in force on the day."""
    return [f"Căn cứ {text}" for text in (in_force(instruments, on) for instruments in series) if text]
