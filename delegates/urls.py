from django.urls import path

from .views import presentations, sessions, units

app_name = "delegates"

base = "congresses/<int:pk>/delegates/"
session = f"{base}sessions/<int:session_pk>/"

urlpatterns = [
    path(base, units.home, name="home"),
    path(f"{base}setup/", units.setup, name="setup"),
    path(f"{base}list/", units.delegate_list, name="list"),
    path(f"{base}composition/", units.composition, name="composition"),
    path(f"{base}history/", units.delegate_history, name="history"),
    path(f"{base}guests/new/", units.guest_create, name="guest_create"),
    path(f"{base}badges.pdf", units.badges, name="badges"),
    path(f"{base}units/<int:quota_pk>/", units.unit_detail, name="unit"),
    path(f"{base}units/<int:quota_pk>/new/", units.delegate_create, name="delegate_create"),
    path(f"{base}units/<int:quota_pk>/submit/", units.unit_submit, name="unit_submit"),
    path(f"{base}units/<int:quota_pk>/return/", units.unit_return, name="unit_return"),
    path(f"{base}units/<int:quota_pk>/accept/", units.unit_accept, name="unit_accept"),
    path(f"{base}<int:delegate_pk>/edit/", units.delegate_edit, name="delegate_edit"),
    path(f"{base}<int:delegate_pk>/delete/", units.delegate_delete, name="delegate_delete"),
    path(f"{base}<int:delegate_pk>/photo/", units.delegate_photo, name="delegate_photo"),
    path(session, sessions.programme, name="programme"),
    path(f"{session}edit/", sessions.programme_edit, name="programme_edit"),
    path(f"{session}panels/", sessions.panels_edit, name="panels_edit"),
    path(f"{session}check-in/", sessions.check_in, name="check_in"),
    path(f"{session}invitations.pdf", sessions.invitations, name="invitations"),
    path(f"{session}invitations/send/", sessions.invitations_send, name="invitations_send"),
    path(f"{session}items/<int:item_pk>/presentation/", presentations.presentation_edit, name="presentation_edit"),
    path(
        f"{session}items/<int:item_pk>/presentation/remove/",
        presentations.presentation_remove,
        name="presentation_remove",
    ),
    path(f"{session}items/<int:item_pk>/draft/", presentations.presentation_draft, name="presentation_draft"),
    path(f"{session}items/<int:item_pk>/draft/file/", presentations.presentation_file, name="presentation_file"),
    path(
        f"{session}presentations/<int:presentation_pk>/file/",
        presentations.presentation_record_file,
        name="presentation_record_file",
    ),
    path(f"{session}points/", sessions.points_edit, name="points_edit"),
    path(f"{session}seating/", sessions.seating, name="seating"),
]
