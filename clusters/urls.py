from django.urls import path

from . import views

app_name = "clusters"

year = "congresses/<int:pk>/cluster/"

urlpatterns = [
    path("clusters/", views.cluster_list, name="list"),
    path("clusters/new/", views.cluster_edit, name="create"),
    path("clusters/<int:cluster_pk>/", views.cluster_detail, name="detail"),
    path("clusters/<int:cluster_pk>/edit/", views.cluster_edit, name="edit"),
    path("clusters/<int:cluster_pk>/years/new/", views.year_create, name="year_create"),
    path(year, views.year_home, name="year"),
    path(f"{year}edit/", views.year_edit, name="year_edit"),
    path(f"{year}criteria/", views.criteria, name="criteria"),
    path(f"{year}criteria/copy/", views.criteria_copy, name="criteria_copy"),
    path(f"{year}criteria/groups/new/", views.group_edit, name="group_create"),
    path(f"{year}criteria/groups/<int:group_pk>/", views.group_edit, name="group_edit"),
    path(f"{year}criteria/groups/<int:group_pk>/delete/", views.group_delete, name="group_delete"),
    path(f"{year}members/<int:cluster_member_pk>/scores/", views.member_scores, name="scores"),
    path(f"{year}evidence/<int:evidence_pk>/", views.evidence_download, name="evidence"),
    path(f"{year}review/", views.review, name="review"),
    path(f"{year}review/<int:score_pk>/", views.adjust, name="adjust"),
    path(f"{year}review/<int:score_pk>/propose/", views.propose, name="propose"),
    path(f"{year}agree/", views.agree, name="agree"),
    path(f"{year}ranking/", views.ranking_view, name="ranking"),
    path(f"{year}ranking/exclusions/new/", views.exclusion_create, name="exclusion_create"),
    path(f"{year}ranking/exclusions/<int:exclusion_pk>/delete/", views.exclusion_delete, name="exclusion_delete"),
    path(f"{year}proposals/", views.proposals, name="proposals"),
    path(f"{year}election/", views.election, name="election"),
    path(f"{year}election/<int:cluster_member_pk>/", views.vote, name="vote"),
    path(f"{year}election/record/", views.election_record, name="election_record"),
]
