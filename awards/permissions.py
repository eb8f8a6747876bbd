"""Fetch a round, a dossier or a council session for a user or refuse: strangers get 404,
those who may see but not act get 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from congress.permissions import get_congress

from .models import CouncilSession, Nomination, NominationRound


def require(user, perm, obj=None):
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def get_round(user, congress_pk, round_pk, *, manage=False):
    congress = get_congress(user, congress_pk)
    nomination_round = get_object_or_404(NominationRound, congress=congress, pk=round_pk)
    nomination_round.congress = congress
    if manage:
        require(user, "awards.manage_awards", congress)
    return nomination_round


def get_nomination(user, congress_pk, pk, *, perm=None):
    congress = get_congress(user, congress_pk)
    nomination = get_object_or_404(
        Nomination.objects.select_related(
            "round", "award_type", "person__organization", "organization", "proposing_organization"
        ),
        round__congress=congress,
        pk=pk,
    )
    nomination.round.congress = congress
    if not user.has_perm("awards.see_nomination", nomination):
        raise Http404
    if perm:
        require(user, perm, nomination)
    return nomination


def get_session(user, congress_pk, session_pk, *, manage=False):
    congress = get_congress(user, congress_pk)
    if not user.has_perm("awards.see_council", congress):
        raise Http404
    session = get_object_or_404(CouncilSession.objects.select_related("round"), round__congress=congress, pk=session_pk)
    session.round.congress = congress
    if manage:
        require(user, "awards.manage_awards", congress)
    return session
