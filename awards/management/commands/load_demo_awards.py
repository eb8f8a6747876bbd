from django.core.management.base import BaseCommand

from awards.demo import load_demo_awards


class Command(BaseCommand):
    help = "Add the demo honours (round, council, history, dossiers) to the provincial demo congress, once."

    def handle(self, *args, **options):
        loaded = load_demo_awards()
        self.stdout.write(
            "Đã nạp dữ liệu khen thưởng mẫu. Thành viên Hội đồng Thi đua - Khen thưởng đăng nhập: hoidong / demo12345."
            if loaded
            else "Dữ liệu khen thưởng mẫu đã có sẵn hoặc chưa có Đại hội mẫu, không nạp."
        )
