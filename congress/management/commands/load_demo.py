from django.conf import settings
from django.core.management.base import BaseCommand

from congress.demo import DEMO_LOGINS, DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (Ninh Thuận) và in các tài khoản dùng thử."

    def handle(self, *args, **options):
        if load_demo():
            self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
        else:
            self.stdout.write("Dữ liệu mẫu đã có sẵn, không nạp lại.")
        self.print_logins()

    def print_logins(self):
        width = max(len(username) for username, _ in DEMO_LOGINS + [("Tên đăng nhập", "")])
        self.stdout.write("")
        self.stdout.write(f"{'Tên đăng nhập':<{width}}  {'Mật khẩu':<{len(DEMO_PASSWORD)}}  Vai trò")
        for username, description in DEMO_LOGINS:
            self.stdout.write(f"{username:<{width}}  {DEMO_PASSWORD}  {description}")
        self.stdout.write("")
        site = settings.SITE_URL.rstrip("/") + "/"
        self.stdout.write(f"Mở {site} và đăng nhập bằng một tài khoản ở trên.")
