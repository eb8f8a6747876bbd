from django.urls import path

from . import views

app_name = "reminders"

congress = "congresses/<int:pk>/"

urlpatterns = [
    path(f"{congress}reminders/", views.reminder_policy, name="reminder_policy"),
    path("reminders/", views.reminder_preferences, name="reminder_preferences"),
    path("outbox/", views.outbox_list, name="outbox"),
    path("outbox/export.xlsx", views.outbox_export, name="outbox_export"),
    path("outbox/<int:mail_pk>/", views.outbox_detail, name="outbox_detail"),
    path("outbox/<int:mail_pk>/html/", views.outbox_html, name="outbox_html"),
    path("outbox/<int:mail_pk>/<str:action>/", views.outbox_action, name="outbox_action"),
]
