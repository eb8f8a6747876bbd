from django.urls import path

from .views import board, congresses, directory, documents

app_name = "congress"

document = "<int:pk>/documents/<slug:kind>/<int:owner_pk>/"

urlpatterns = [
    path("", congresses.congress_list, name="list"),
    path("new/", congresses.congress_create, name="create"),
    path("<int:pk>/", congresses.congress_detail, name="detail"),
    path("<int:pk>/edit/", congresses.congress_edit, name="edit"),
    path("<int:pk>/sessions/", congresses.session_list, name="sessions"),
    path("<int:pk>/sessions/new/", congresses.session_edit, name="session_create"),
    path("<int:pk>/sessions/<int:session_pk>/edit/", congresses.session_edit, name="session_edit"),
    path("<int:pk>/sessions/<int:session_pk>/delete/", congresses.session_delete, name="session_delete"),
    path("<int:pk>/board/", board.board_detail, name="board"),
    path("<int:pk>/board/edit/", board.board_edit, name="board_edit"),
    path("<int:pk>/board/members/new/", board.board_member_edit, name="board_member_create"),
    path("<int:pk>/board/members/<int:member_pk>/edit/", board.board_member_edit, name="board_member_edit"),
    path("<int:pk>/board/members/<int:member_pk>/delete/", board.board_member_delete, name="board_member_delete"),
    path("<int:pk>/subcommittees/", board.subcommittee_list, name="subcommittees"),
    path("<int:pk>/subcommittees/new/", board.subcommittee_edit, name="subcommittee_create"),
    path("<int:pk>/subcommittees/<int:sub_pk>/", board.subcommittee_detail, name="subcommittee_detail"),
    path("<int:pk>/subcommittees/<int:sub_pk>/edit/", board.subcommittee_edit, name="subcommittee_edit"),
    path("<int:pk>/subcommittees/<int:sub_pk>/delete/", board.subcommittee_delete, name="subcommittee_delete"),
    path(
        "<int:pk>/subcommittees/<int:sub_pk>/members/new/",
        board.subcommittee_member_edit,
        name="subcommittee_member_create",
    ),
    path(
        "<int:pk>/subcommittees/<int:sub_pk>/members/<int:member_pk>/edit/",
        board.subcommittee_member_edit,
        name="subcommittee_member_edit",
    ),
    path(
        "<int:pk>/subcommittees/<int:sub_pk>/members/<int:member_pk>/delete/",
        board.subcommittee_member_delete,
        name="subcommittee_member_delete",
    ),
    path("<int:pk>/roles/", board.role_list, name="roles"),
    path("<int:pk>/roles/new/", board.role_create, name="role_create"),
    path("<int:pk>/roles/<int:role_pk>/delete/", board.role_delete, name="role_delete"),
    path("<int:pk>/documents/", documents.document_list, name="documents"),
    path(document, documents.document_detail, name="document"),
    path(f"{document}preview/", documents.document_preview, name="document_preview"),
    path(f"{document}edit/", documents.document_edit, name="document_edit"),
    path(f"{document}text/", documents.document_text, name="document_text"),
    path(f"{document}issue/", documents.document_issue, name="document_issue"),
    path(f"{document}file.<str:fmt>", documents.document_file, name="document_file"),
    path(f"{document}versions/<int:version>.<str:fmt>", documents.issued_file, name="document_version_file"),
    path(f"{document}versions/<int:version>/signed/", documents.document_signed_scan, name="document_signed_scan"),
    path(f"{document}jobs/<int:job_pk>/", documents.document_job, name="document_job"),
    path(f"{document}jobs/<int:job_pk>/file/", documents.document_job_file, name="document_job_file"),
    path("directory/organizations/", directory.organization_list, name="organization_list"),
    path("directory/organizations/new/", directory.organization_edit, name="organization_create"),
    path("directory/organizations/<int:pk>/", directory.organization_detail, name="organization_detail"),
    path("directory/organizations/<int:pk>/edit/", directory.organization_edit, name="organization_edit"),
    path("directory/organizations/<int:pk>/heads/", directory.organization_heads, name="organization_heads"),
    path(
        "directory/organizations/<int:pk>/active/<int:active>/",
        directory.organization_set_active,
        name="organization_set_active",
    ),
    path("directory/people/", directory.person_list, name="person_list"),
    path("directory/people/new/", directory.person_edit, name="person_create"),
    path("directory/people/<int:pk>/", directory.person_detail, name="person_detail"),
    path("directory/people/<int:pk>/edit/", directory.person_edit, name="person_edit"),
    path("directory/people/<int:pk>/account/", directory.person_account, name="person_account"),
    path("directory/people/<int:pk>/active/<int:active>/", directory.person_set_active, name="person_set_active"),
]
