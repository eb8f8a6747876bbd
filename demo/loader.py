"""Every demo seed in order, each idempotent: `manage.py load_demo` (and `make run`) call `load_all`."""

from types import SimpleNamespace

from planning.documents import load_demo_documents

from . import clusters, delegates
from .awards import COUNCIL_LOGIN, load_demo_awards
from .congresses import DEMO_LOGINS, load_demo
from .live import load_live
from .plans import load_seed_plans
from .schedule import load_schedule

# Every demo login with what it is for, as `load_demo` prints them: the superuser last.
LOGINS = [
    *DEMO_LOGINS[:-1],
    COUNCIL_LOGIN,
    ("bacai", "Đầu mối LĐLĐ huyện Bác Ái tại Hội nghị điển hình tiên tiến: đăng ký, gửi danh sách đại biểu"),
    (clusters.LEADER_LOGIN, "Văn phòng Cụm trưởng cụm thi đua mẫu: tiêu chí, chấm điểm, xếp hạng, đề nghị, bầu"),
    ("dm_ninhthuan", "Đầu mối tỉnh Ninh Thuận trong cụm (và dm_binhthuan, dm_khanhhoa, dm_phuyen, dm_binhdinh)"),
    DEMO_LOGINS[-1],
]


def load_all(today=None):
    """Load what is missing; the Vietnamese lines say what was loaded and what was there already."""
    lines = [
        "Đã nạp dữ liệu mẫu (danh bạ, các Đại hội theo văn bản mẫu)."
        if load_demo()
        else "Dữ liệu mẫu đã có sẵn, không nạp lại.",
        "Đã nạp lịch nhiệm vụ mẫu." if load_schedule() else "Lịch nhiệm vụ mẫu đã có sẵn, không nạp lại.",
    ]
    if load_demo_documents():
        lines.append("Đã nạp nơi nhận, ngày tháng và chữ ký của văn bản lịch nhiệm vụ như bản in.")
    if load_seed_plans():
        lines.append("Đã nạp nội dung kế hoạch của các văn bản mẫu 001 và 003.")
    lines.append(
        "Đã nạp dữ liệu khen thưởng mẫu." if load_demo_awards() else "Dữ liệu khen thưởng mẫu đã có sẵn, không nạp lại."
    )
    said = SimpleNamespace(write=lambda text: lines.append(text.rstrip("\n")))
    delegates.load(said)
    clusters.load(said)
    lines.append(
        "Đã nạp Đại hội mẫu đang chuẩn bị, ngày tháng tính từ hôm nay (nhiệm vụ, cuộc họp, hồ sơ, nhắc việc)."
        if load_live(today)
        else "Đại hội mẫu đang chuẩn bị đã có sẵn, không nạp lại."
    )
    return lines
