"""Fetch a cluster, a year or a member for a user or refuse: strangers get 404, read-only users 403."""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Cluster, ClusterMember, ClusterYear


def require(user, perm, obj=None):
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def get_cluster(user, cluster_pk, *, manage=False):
    cluster = get_object_or_404(Cluster, pk=cluster_pk)
    if not user.has_perm("clusters.see_cluster", cluster):
        raise Http404
    if manage:
        require(user, "clusters.manage_cluster", cluster)
    return cluster


def get_year(user, pk, *, manage=False, names_only=False):
    """The cluster's year whose review conference is congress `pk`. names_only: the leader's and
    the deputy's names only (`leader_name`, `deputy_name`, all the header shows), not their
    members and organisations, for the pages that read nothing else of them (a lighter query)."""
    years = ClusterYear.objects.select_related("cluster", "conference")
    if names_only:
        years = years.annotate(leader_name=F("leader__organization__name"), deputy_name=F("deputy__organization__name"))
    else:
        years = years.select_related("leader__organization", "deputy__organization")
    cluster_year = get_object_or_404(years, conference_id=pk)
    if not user.has_perm("clusters.see_year", cluster_year):
        raise Http404
    if manage:
        require(user, "clusters.manage_year", cluster_year)
    return cluster_year


def get_member(user, pk, member_pk, *, perm="clusters.see_member_scores"):
    cluster_year = get_year(user, pk)
    member = get_object_or_404(
        ClusterMember.objects.select_related("organization", "focal_point"), cluster=cluster_year.cluster, pk=member_pk
    )
    if not user.has_perm("clusters.see_member_scores", (cluster_year, member)):
        raise PermissionDenied
    if perm:
        require(user, perm, (cluster_year, member))
    return cluster_year, member
