from django.conf import settings
from django.core.management.base import BaseCommand

from demo.congresses import DEMO_PASSWORD
from demo.loader import LOGINS, load_all


class Command(BaseCommand):
    help = "Nạp mọi dữ liệu mẫu (chỉ nạp phần còn thiếu) và in các tài khoản dùng thử."

    def handle(self, *args, **options):
        for line in load_all():
            self.stdout.write(line)
        self.print_logins()

    def print_logins(self):
        width = max(len(username) for username, _ in LOGINS + [("Tên đăng nhập", "")])
        self.stdout.write("")
        self.stdout.write(f"{'Tên đăng nhập':<{width}}  {'Mật khẩu':<{len(DEMO_PASSWORD)}}  Vai trò")
        for username, description in LOGINS:
            self.stdout.write(f"{username:<{width}}  {DEMO_PASSWORD}  {description}")
        self.stdout.write("")
        site = settings.SITE_URL.rstrip("/") + "/"
        self.stdout.write(f"Mở {site} và đăng nhập bằng một tài khoản ở trên.")
        self.stdout.write(
            "Địa chỉ này lấy từ SITE_URL: khi trang chạy ở cổng hay máy khác, đặt SITE_URL cho mọi tiến trình."
        )
