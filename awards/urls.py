from django.urls import path

from .views import catalogue, council, history, nominations, rounds

app_name = "awards"

awards = "congresses/<int:pk>/awards/"

urlpatterns = [
    path("awards/catalogue/", catalogue.awardtype_list, name="catalogue"),
    path("awards/catalogue/new/", catalogue.awardtype_edit, name="awardtype_create"),
    path("awards/catalogue/<int:awardtype_pk>/", catalogue.awardtype_detail, name="awardtype_detail"),
    path("awards/catalogue/<int:awardtype_pk>/edit/", catalogue.awardtype_edit, name="awardtype_edit"),
    path(awards, rounds.awards_home, name="home"),
    path(f"{awards}rounds/new/", rounds.round_edit, name="round_create"),
    path(f"{awards}rounds/<int:round_pk>/edit/", rounds.round_edit, name="round_edit"),
    path(f"{awards}rounds/<int:round_pk>/dossiers/new/", nominations.nomination_create, name="nomination_create"),
    path(f"{awards}rounds/<int:round_pk>/sessions/new/", council.session_create, name="session_create"),
    path(f"{awards}dossiers/", nominations.nomination_list, name="nomination_list"),
    path(f"{awards}dossiers/export/", nominations.nomination_export, name="nomination_export"),
    path(f"{awards}dossiers/<int:nomination_pk>/", nominations.nomination_detail, name="nomination_detail"),
    path(f"{awards}dossiers/<int:nomination_pk>/edit/", nominations.nomination_edit, name="nomination_edit"),
    path(
        f"{awards}dossiers/<int:nomination_pk>/documents/<int:requirement_pk>/",
        nominations.file_upload,
        name="file_upload",
    ),
    path(f"{awards}dossiers/<int:nomination_pk>/<slug:action>/", nominations.nomination_action, name="action"),
    path(f"{awards}files/<int:file_pk>/", nominations.file_download, name="file_download"),
    path(f"{awards}files/<int:file_pk>/delete/", nominations.file_delete, name="file_delete"),
    path(f"{awards}council/", council.council_members, name="council"),
    path(f"{awards}council/<int:member_pk>/delete/", council.council_member_delete, name="council_member_delete"),
    path(f"{awards}sessions/<int:session_pk>/", council.session_detail, name="session_detail"),
    path(f"{awards}sessions/<int:session_pk>/attendance/", council.session_attendance, name="session_attendance"),
    path(f"{awards}sessions/<int:session_pk>/dossiers/", council.session_add, name="session_add"),
    path(f"{awards}sessions/<int:session_pk>/ballots/<int:nomination_pk>/", council.ballot_edit, name="ballot_edit"),
    path(f"{awards}sessions/<int:session_pk>/close/", council.session_close, name="session_close"),
    path(f"{awards}history/", history.history_list, name="history"),
    path(f"{awards}history/import/", history.history_import, name="history_import"),
    path(f"{awards}history/import/template.xlsx", history.history_import_template, name="history_import_template"),
    path(f"{awards}history/export.xlsx", history.history_export, name="history_export"),
]
