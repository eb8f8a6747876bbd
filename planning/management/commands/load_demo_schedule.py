from django.core.management.base import BaseCommand

from planning.demo import load_schedule
from planning.documents import load_demo_documents


class Command(BaseCommand):
    help = "Enter seed 000's task schedule into the provincial demo congress, once."

    def handle(self, *args, **options):
        loaded = load_schedule()
        self.stdout.write("Đã nạp lịch nhiệm vụ mẫu." if loaded else "Lịch nhiệm vụ mẫu đã có sẵn, không nạp lại.")
        if load_demo_documents():
            self.stdout.write("Đã nạp nơi nhận, ngày tháng và chữ ký của văn bản lịch nhiệm vụ như bản in.")
