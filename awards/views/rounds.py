"""The Khen thưởng tab: the congress's nomination rounds and council sessions, and the round form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congress.concurrency import save_guarded
from congress.permissions import get_congress

from ..forms import RoundForm
from ..models import Nomination, NominationRound
from ..permissions import get_round, require
from ..selectors import nominations_for
from .common import awards_context


@login_required
def awards_home(request, pk):
    congress = get_congress(request.user, pk)
    visible = nominations_for(request.user, congress)
    rounds = list(
        congress.nomination_rounds.prefetch_related("award_types").annotate(
            dossier_count=Count("nominations", filter=Q(nominations__in=visible.values("pk")), distinct=True),
            session_count=Count("sessions", distinct=True),
        )
    )
    for nomination_round in rounds:
        nomination_round.congress = congress
        nomination_round.can_add = request.user.has_perm("awards.add_nomination", nomination_round)
    counts = dict(visible.values_list("status").annotate(count=Count("pk")).order_by())
    statuses = [(value, label, counts.get(value, 0)) for value, label in Nomination.Status.choices]
    context = awards_context(request, congress, rounds=rounds, statuses=statuses)
    return render(request, "awards/awards_home.html", context)


@login_required
def round_edit(request, pk, round_pk=None):
    if round_pk:
        nomination_round = get_round(request.user, pk, round_pk, manage=True)
        congress = nomination_round.congress
    else:
        congress = get_congress(request.user, pk)
        require(request.user, "awards.manage_awards", congress)
        nomination_round = NominationRound(congress=congress, year=congress.year)
    form = RoundForm(request.POST or None, instance=nomination_round)
    conflict = None
    if form.is_valid():
        _saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The round was saved."))
            return redirect("awards:home", congress.pk)
    context = awards_context(request, congress, form=form, round=nomination_round, conflict=conflict)
    status = 409 if conflict else 422 if form.is_bound else 200
    return render(request, "awards/round_form.html", context, status=status)
