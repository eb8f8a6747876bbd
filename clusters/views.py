"""The pages of clusters and blocks: the cluster and its members, and each year's criteria,
self-scoring, review, ranking, proposals and election. Permissions: clusters/rules.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from awards.models import NominationRound
from congress.concurrency import save_guarded
from congress.models import CongressRole
from congress.rules import is_superuser
from congress.views.common import paginate

from . import services
from .forms import (
    AdjustForm,
    ClusterForm,
    CopySheetForm,
    CriterionFormSet,
    ExclusionForm,
    GroupForm,
    MemberFormSet,
    ProposalForm,
    ProposalRuleFormSet,
    ProposeAdjustmentForm,
    SelfScoreForm,
    VoteForm,
    YearForm,
    YearOpenForm,
)
from .links import YearLinks
from .models import Cluster, ClusterMember, CriteriaGroup, Evidence, Exclusion, Score, Terms
from .permissions import get_cluster, get_member, get_year, require
from .rules import focal_organizations
from .selectors import group_heads, member_lines, member_sheet, points_text, ranking, review_rows, review_sheet

Role = CongressRole.Role


def _status(form_or_forms, conflict=None):
    """409 when someone else saved meanwhile (congress/concurrency.py), 422 for a refused form."""
    if conflict:
        return 409
    forms = form_or_forms if isinstance(form_or_forms, (list, tuple)) else [form_or_forms]
    return 422 if any(f.is_bound and not f.is_valid() for f in forms) else 200


def _refusal(form, error):
    for message in error.messages:
        form.add_error(None, message)


# The cluster ------------------------------------------------------------------------------


@login_required
def cluster_list(request):
    user = request.user
    clusters = Cluster.objects.annotate(member_count=Count("members", distinct=True)).order_by("name", "pk")
    if not is_superuser(user):
        clusters = clusters.filter(
            Q(created_by=user) | Q(pk__in=Cluster.objects.filter(years__conference__roles__user=user).values("pk"))
        )
    query = request.GET.get("q", "").strip()
    if query:
        clusters = clusters.filter(name__icontains=query)
    context = {
        "page": paginate(request, clusters),
        "query": query,
        "can_create": user.has_perm("clusters.create_cluster"),
    }
    return render(request, "clusters/cluster_list.html", context)


@login_required
def cluster_edit(request, cluster_pk=None):
    if cluster_pk:
        cluster = get_cluster(request.user, cluster_pk, manage=True)
    else:
        require(request.user, "clusters.create_cluster")
        cluster = Cluster()
    form = ClusterForm(request.POST or None, instance=cluster)
    members = MemberFormSet(request.POST or None, instance=cluster, prefix="members")
    conflict = None
    if request.method == "POST" and form.is_valid() and members.is_valid():

        def save():
            saved = services.save_cluster(form.save(commit=False), by=request.user, members=members)
            for cluster_year in saved.years.select_related("cluster", "conference"):
                services.sync_focal_points(cluster_year)
                services.sync_participants(cluster_year)
            return saved

        saved, conflict = save_guarded(form, save)
        if not conflict:
            messages.success(request, _("The %(group)s was saved.") % {"group": saved.terms.word})
            return redirect(saved)
        cluster.refresh_from_db()  # the page shows what is saved; the form keeps what the user typed
    terms = cluster.terms if cluster.pk else Terms()  # a new one: cụm or khối is chosen in the form
    context = {"form": form, "members": members, "cluster": cluster, "conflict": conflict, "terms": terms}
    return render(request, "clusters/cluster_form.html", context, status=_status([form, members], conflict))


@login_required
def cluster_detail(request, cluster_pk):
    cluster = get_cluster(request.user, cluster_pk)
    members = list(cluster.members.select_related("organization", "focal_point"))
    years = list(cluster.years.select_related("leader__organization", "deputy__organization").order_by("-year"))
    roles = set(
        CongressRole.objects.filter(user=request.user, congress__cluster_year__cluster=cluster).values_list(
            "congress_id", flat=True
        )
    )
    for cluster_year in years:
        cluster_year.visible = request.user.is_superuser or cluster_year.conference_id in roles
    context = {
        "cluster": cluster,
        "members": members,
        "years": years,
        "can_manage": request.user.has_perm("clusters.manage_cluster", cluster),
    }
    return render(request, "clusters/cluster_detail.html", context)


@login_required
def year_create(request, cluster_pk):
    cluster = get_cluster(request.user, cluster_pk, manage=True)
    last = cluster.years.select_related("election").order_by("-year").first()
    initial = {}
    if last:
        initial["year"] = last.year + 1
        election = getattr(last, "election", None)
        if election:
            initial.update(leader=election.leader_id, deputy=election.deputy_id)
    form = YearOpenForm(request.POST or None, cluster=cluster, initial=initial)
    if form.is_valid():
        cluster_year = services.open_year(cluster, by=request.user, **form.cleaned_data)
        messages.success(request, _("The year was opened with its review conference."))
        return redirect(cluster_year)
    return render(request, "clusters/year_open.html", {"cluster": cluster, "form": form}, status=_status(form))


# A year --------------------------------------------------------------------------------------


def _name(cluster_year, role):
    """The leader's or the deputy's name, as read with the year (see get_year's names_only)."""
    if hasattr(cluster_year, f"{role}_name"):
        return getattr(cluster_year, f"{role}_name")
    member = getattr(cluster_year, role)
    return member.organization.name if member else None


def year_context(request, cluster_year, section, *, can_manage=None, can_see_every_score=None, **extra):
    """The context every page of a year shows in its header; a view that has already asked for
    the permissions passes the answers instead of having them asked again."""
    user = request.user
    focal = focal_organizations(user, cluster_year.conference)  # read with the permissions, no query
    own_members = list(cluster_year.cluster.members.filter(organization_id__in=focal)) if focal else []
    if can_manage is None:
        can_manage = user.has_perm("clusters.manage_year", cluster_year)
    if can_see_every_score is None:
        can_see_every_score = user.has_perm("clusters.see_every_score", cluster_year)
    return {
        "cluster_year": cluster_year,
        "cluster": cluster_year.cluster,
        "congress": cluster_year.conference,
        "links": YearLinks(cluster_year),
        "leader_name": _name(cluster_year, "leader"),
        "deputy_name": _name(cluster_year, "deputy"),
        "section": section,
        "can_manage": can_manage,
        "can_see_every_score": can_see_every_score,
        "own_members": own_members,
        "phase": services.scoring_phase(cluster_year),
        **extra,
    }


@login_required
def year_home(request, pk):
    cluster_year = get_year(request.user, pk)
    members = list(
        cluster_year.cluster.members.select_related("organization", "focal_point").annotate(
            scored=Count("scores", filter=Q(scores__criterion__group__year=cluster_year), distinct=True),
            evidence_count=Count(
                "scores__evidence", filter=Q(scores__criterion__group__year=cluster_year), distinct=True
            ),
        )
    )
    criteria_count = cluster_year.groups.aggregate(n=Count("criteria"))["n"]
    session = services.conference_session(cluster_year)
    context = year_context(
        request,
        cluster_year,
        "home",
        members=members,
        criteria_count=criteria_count,
        session=session,
        participants=list(session.participant_lines.select_related("organization", "person")) if session else [],
        agenda=list(session.agenda_items.select_related("organization")) if session else [],
        can_manage_programme=bool(session)
        and request.user.has_perm("delegates.manage_delegates", cluster_year.conference),
        election=getattr(cluster_year, "election", None) if hasattr(cluster_year, "election") else None,
    )
    return render(request, "clusters/year_home.html", context)


@login_required
def year_edit(request, pk):
    cluster_year = get_year(request.user, pk, manage=True)
    form = YearForm(request.POST or None, instance=cluster_year)
    rules = ProposalRuleFormSet(request.POST or None, instance=cluster_year, prefix="rules")
    conflict = None
    if request.method == "POST" and form.is_valid() and rules.is_valid():
        _saved, conflict = save_guarded(form, lambda: services.save_year(form.save(commit=False), proposal_rules=rules))
        if not conflict:
            messages.success(request, _("The year was saved."))
            return redirect(cluster_year)
        cluster_year.refresh_from_db()
    context = year_context(request, cluster_year, "home", form=form, rules=rules, conflict=conflict)
    return render(request, "clusters/year_form.html", context, status=_status([form, rules], conflict))


@login_required
def criteria(request, pk):
    cluster_year = get_year(request.user, pk)
    groups = list(cluster_year.groups.prefetch_related("criteria"))
    total = sum(
        (c.max_points for g in groups for c in g.criteria.all() if c.kind == c.Kind.STANDARD),
        start=0,
    )
    context = year_context(
        request,
        cluster_year,
        "criteria",
        groups=groups,
        total=points_text(total),
        copy_form=CopySheetForm(cluster_year=cluster_year) if not groups else None,
    )
    return render(request, "clusters/criteria.html", context)


@login_required
def criteria_copy(request, pk):
    cluster_year = get_year(request.user, pk, manage=True)
    if request.method != "POST":
        return redirect("clusters:criteria", pk)
    form = CopySheetForm(request.POST, cluster_year=cluster_year)
    if form.is_valid():
        try:
            count = services.copy_sheet(cluster_year, form.cleaned_data["source"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(count)s criteria groups were copied.") % {"count": count})
    else:
        messages.error(request, _("Choose a year to copy from."))
    return redirect("clusters:criteria", pk)


@login_required
def group_edit(request, pk, group_pk=None):
    cluster_year = get_year(request.user, pk, manage=True)
    if group_pk:
        group = get_object_or_404(CriteriaGroup, year=cluster_year, pk=group_pk)
    else:
        group = CriteriaGroup(year=cluster_year, order=cluster_year.groups.count() + 1)
    if cluster_year.criteria_locked:
        raise PermissionDenied
    form = GroupForm(request.POST or None, instance=group)
    criteria_forms = CriterionFormSet(request.POST or None, instance=group, prefix="criteria")
    conflict = None
    if request.method == "POST" and form.is_valid() and criteria_forms.is_valid():
        _saved, conflict = save_guarded(
            form, lambda: services.save_group(form.save(commit=False), criteria=criteria_forms)
        )
        if not conflict:
            messages.success(request, _("The criteria group was saved."))
            return redirect("clusters:criteria", pk)
        group.refresh_from_db()
    context = year_context(
        request, cluster_year, "criteria", form=form, criteria_forms=criteria_forms, group=group, conflict=conflict
    )
    return render(request, "clusters/group_form.html", context, status=_status([form, criteria_forms], conflict))


@login_required
def group_delete(request, pk, group_pk):
    cluster_year = get_year(request.user, pk, manage=True)
    group = get_object_or_404(CriteriaGroup, year=cluster_year, pk=group_pk)
    if cluster_year.criteria_locked:
        raise PermissionDenied
    scored = Score.objects.filter(criterion__group=group).exists()
    if request.method == "POST" and not scored:
        group.delete()
        messages.success(request, _("The criteria group was deleted."))
        return redirect("clusters:criteria", pk)
    context = year_context(request, cluster_year, "criteria", group=group, scored=scored)
    return render(request, "clusters/group_confirm_delete.html", context)


@login_required
def member_scores(request, pk, cluster_member_pk):
    """A member's sheet: its focal point scores it (POST); the others who may see it read it."""
    cluster_year, member = get_member(request.user, pk, cluster_member_pk, perm=None)
    can_score = request.user.has_perm("clusters.score_member", (cluster_year, member))
    if request.method == "POST" and not can_score:
        raise PermissionDenied
    phase = services.scoring_phase(cluster_year)
    sheet = member_sheet(cluster_year, member)
    form = SelfScoreForm(
        request.POST or None, request.FILES or None, sheet=sheet, phase=phase if can_score else "closed"
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_self_scores(cluster_year, member, form.cleaned_rows(), by=request.user)
        except ValidationError as error:
            _refusal(form, error)
        else:
            messages.success(request, _("The scores were saved."))
            return redirect("clusters:scores", pk, member.pk)
    total = sum((score.self_points * criterion.sign for criterion, score in sheet if score), start=0)
    context = year_context(
        request,
        cluster_year,
        "scores",
        member=member,
        form=form,
        can_score=can_score,
        self_total=points_text(total),
    )
    return render(request, "clusters/member_scores.html", context, status=_status(form))


@login_required
def evidence_download(request, pk, evidence_pk):
    cluster_year = get_year(request.user, pk)
    evidence = get_object_or_404(
        Evidence.objects.select_related("score__member"), score__criterion__group__year=cluster_year, pk=evidence_pk
    )
    if not request.user.has_perm("clusters.see_member_scores", (cluster_year, evidence.score.member)):
        raise PermissionDenied
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)


REVIEW_MEMBERS_PER_PAGE = 10


@login_required
def review(request, pk):
    """Every member's scores, criteria down and members across, ten members a page."""
    cluster_year = get_year(request.user, pk, names_only=True)
    require(request.user, "clusters.see_every_score", cluster_year)
    page = paginate(
        request,
        cluster_year.cluster.members.select_related("organization").order_by("rotation_order", "pk"),
        per_page=REVIEW_MEMBERS_PER_PAGE,
    )
    members = list(page.object_list)
    sheet = review_sheet(cluster_year, members)
    group_pk = request.GET.get("group", "")
    can_manage = request.user.has_perm("clusters.manage_year", cluster_year)
    if can_manage:
        adjust_url = reverse("clusters:adjust", args=[pk, 0])
    elif request.user.has_perm("clusters.propose_adjustment", cluster_year):
        adjust_url = reverse("clusters:propose", args=[pk, 0])
    else:
        adjust_url = ""
    rows = review_rows(sheet, adjust_url, int(group_pk) if group_pk.isdigit() else None)
    context = year_context(
        request,
        cluster_year,
        "review",
        can_manage=can_manage,
        can_see_every_score=True,
        sheet=sheet,
        rows=rows,
        group_pk=group_pk,
        groups=sheet.groups,
        page=page,
    )
    return render(request, "clusters/review.html", context)


@login_required
def adjust(request, pk, score_pk):
    cluster_year = get_year(request.user, pk, manage=True)
    score = get_object_or_404(
        Score.objects.select_related("criterion__group", "member__organization"),
        criterion__group__year=cluster_year,
        pk=score_pk,
    )
    form = AdjustForm(request.POST or None, score=score)
    if form.is_valid():
        try:
            services.adjust(
                score, to_points=form.cleaned_data["points"], reason=form.cleaned_data["reason"], by=request.user
            )
        except ValidationError as error:
            _refusal(form, error)
        else:
            messages.success(request, _("The agreed score was recorded."))
            return redirect("clusters:review", pk)
    history = list(score.adjustments.select_related("by"))
    evidence = list(score.evidence.all())
    proposals = list(score.proposals.filter(closed=False).select_related("member__organization"))
    context = year_context(
        request, cluster_year, "review", form=form, score=score, history=history, evidence=evidence, proposals=proposals
    )
    return render(request, "clusters/adjust.html", context, status=_status(form))


@login_required
def propose(request, pk, score_pk):
    """A member proposes to change another member's score, when the year's rules say so."""
    cluster_year = get_year(request.user, pk)
    score = get_object_or_404(
        Score.objects.select_related("criterion__group", "member__organization"),
        criterion__group__year=cluster_year,
        pk=score_pk,
    )
    require(request.user, "clusters.propose_adjustment", cluster_year)
    focal = focal_organizations(request.user, cluster_year.conference)
    members = cluster_year.cluster.members.select_related("organization").filter(organization_id__in=focal)
    members = members.exclude(pk=score.member_id)
    if not members.exists():
        raise PermissionDenied
    form = ProposeAdjustmentForm(request.POST or None, score=score, members=members)
    if form.is_valid():
        try:
            services.propose_adjustment(
                score,
                member=form.cleaned_data["member"],
                points=form.cleaned_data["points"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            _refusal(form, error)
        else:
            messages.success(
                request,
                _("The proposal was sent to the %(leader)s.") % {"leader": cluster_year.cluster.terms.leader},
            )
            return redirect("clusters:review", pk)
    context = year_context(request, cluster_year, "review", form=form, score=score)
    return render(request, "clusters/propose.html", context, status=_status(form))


@login_required
def agree(request, pk):
    cluster_year = get_year(request.user, pk, manage=True)
    if request.method == "POST":
        count = services.agree_scores(cluster_year)
        messages.success(request, _("%(count)s self-scores were taken as agreed.") % {"count": count})
        return redirect("clusters:ranking", pk)
    return render(request, "clusters/agree_confirm.html", year_context(request, cluster_year, "ranking"))


@login_required
def ranking_view(request, pk):
    cluster_year = get_year(request.user, pk, names_only=True)
    require(request.user, "clusters.see_every_score", cluster_year)
    table = ranking(cluster_year, member_lines(cluster_year))
    rules = list(
        cluster_year.proposal_rules.order_by("rank_from", "pk").values_list(
            "rank_from", "rank_to", "award_type__short_name"
        )
    )
    tie_prefix = _("Tie decided by")
    rows_html = []
    for row in table.rows:
        award = next((short_name for first, last, short_name in rules if first <= row.rank <= last), "")
        rows_html.append(row.html(table.groups, award, tie_prefix))
    context = year_context(
        request,
        cluster_year,
        "ranking",
        can_see_every_score=True,
        table=table,
        group_heads=group_heads(table.groups),
        rows_html=mark_safe("".join(rows_html)),  # noqa: S308  (RankRow.html escapes what it writes)
    )
    return render(request, "clusters/ranking.html", context)


def proposal_rounds(user):
    rounds = NominationRound.objects.select_related("congress").order_by("-year", "pk")
    if user.is_superuser:
        return rounds
    return rounds.filter(
        congress__roles__user=user, congress__roles__role__in=[Role.SECRETARIAT, Role.FOCAL_POINT]
    ).distinct()


@login_required
def proposals(request, pk):
    cluster_year = get_year(request.user, pk, manage=True)
    form = ProposalForm(request.POST or None, rounds=proposal_rounds(request.user))
    if form.is_valid():
        nomination_round = form.cleaned_data["round"]
        if not request.user.has_perm("awards.add_nomination", nomination_round):
            raise PermissionDenied
        try:
            created = services.make_proposals(cluster_year, nomination_round, by=request.user)
        except ValidationError as error:
            _refusal(form, error)
        else:
            messages.success(
                request, _("%(count)s dossiers were created in the awards round.") % {"count": len(created)}
            )
            return redirect("awards:nomination_list", nomination_round.congress_id)
    rules = list(cluster_year.proposal_rules.select_related("award_type"))
    context = year_context(request, cluster_year, "ranking", form=form, rules=rules)
    return render(request, "clusters/proposals.html", context, status=_status(form))


@login_required
def exclusion_create(request, pk):
    cluster_year = get_year(request.user, pk, manage=True)
    form = ExclusionForm(request.POST or None, cluster_year=cluster_year)
    if form.is_valid():
        try:
            services.exclude(
                cluster_year, form.cleaned_data["member"], reason=form.cleaned_data["reason"], by=request.user
            )
        except ValidationError as error:
            _refusal(form, error)
        else:
            messages.success(request, _("The member was left out of the ranking."))
            return redirect("clusters:ranking", pk)
    context = year_context(request, cluster_year, "ranking", form=form)
    return render(request, "clusters/exclusion_form.html", context, status=_status(form))


@login_required
def exclusion_delete(request, pk, exclusion_pk):
    cluster_year = get_year(request.user, pk, manage=True)
    exclusion = get_object_or_404(
        Exclusion.objects.select_related("member__organization"), year=cluster_year, pk=exclusion_pk
    )
    if request.method == "POST":
        exclusion.delete()
        messages.success(request, _("The member is ranked again."))
        return redirect("clusters:ranking", pk)
    context = year_context(request, cluster_year, "ranking", exclusion=exclusion)
    return render(request, "clusters/exclusion_confirm_delete.html", context)


@login_required
def election(request, pk):
    cluster_year = get_year(request.user, pk)
    members = list(cluster_year.cluster.members.select_related("organization"))
    votes = {
        vote.voter_id: vote
        for vote in cluster_year.votes.select_related("leader__organization", "deputy__organization")
    }
    leaders, deputies, leader, deputy = services.tally(cluster_year)
    focal = {m.pk for m in members if request.user.has_perm("clusters.vote_for_member", (cluster_year, m))}
    rows = [(m, votes.get(m.pk), m.pk in focal) for m in members]
    context = year_context(
        request,
        cluster_year,
        "election",
        rows=rows,
        leaders=sorted(leaders.items(), key=lambda kv: -kv[1]),
        deputies=sorted(deputies.items(), key=lambda kv: -kv[1]),
        leading=leader,
        leading_deputy=deputy,
        result=getattr(cluster_year, "election", None) if hasattr(cluster_year, "election") else None,
    )
    return render(request, "clusters/election.html", context)


@login_required
def vote(request, pk, cluster_member_pk):
    cluster_year = get_year(request.user, pk)
    voter = get_object_or_404(
        ClusterMember.objects.select_related("organization"), cluster=cluster_year.cluster, pk=cluster_member_pk
    )
    require(request.user, "clusters.vote_for_member", (cluster_year, voter))
    existing = cluster_year.votes.filter(voter=voter).first()
    initial = {"leader": existing.leader_id, "deputy": existing.deputy_id} if existing else {}
    form = VoteForm(request.POST or None, cluster=cluster_year.cluster, initial=initial)
    if form.is_valid():
        try:
            services.cast_vote(cluster_year, voter, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _refusal(form, error)
        else:
            messages.success(request, _("The vote was recorded."))
            return redirect("clusters:election", pk)
    context = year_context(request, cluster_year, "election", form=form, voter=voter)
    return render(request, "clusters/vote_form.html", context, status=_status(form))


@login_required
def election_record(request, pk):
    cluster_year = get_year(request.user, pk, manage=True)
    if request.method == "POST":
        try:
            result = services.record_election(cluster_year, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            terms = cluster_year.cluster.terms
            messages.success(
                request,
                _("%(leader)s was elected %(leader_title)s and %(deputy)s %(deputy_title)s for next year.")
                % {
                    "leader": result.leader.organization.name,
                    "deputy": result.deputy.organization.name,
                    "leader_title": terms.leader,
                    "deputy_title": terms.deputy,
                },
            )
        return redirect("clusters:election", pk)
    leaders, deputies, leader, deputy = services.tally(cluster_year)
    context = year_context(request, cluster_year, "election", leading=leader, leading_deputy=deputy)
    return render(request, "clusters/election_confirm.html", context)
