from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import services
from ..concurrency import save_guarded
from ..filters import CongressFilter
from ..forms import CongressForm, CongressSessionForm, ConnectionPointFormSet
from ..models import Congress, CongressSession
from ..permissions import get_congress, require_congress_creator
from .common import paginate, render_form


def congress_context(request, congress, tab):
    """What every tab of a congress page needs: the congress, the tab, what the user may do."""
    user = request.user
    return {
        "congress": congress,
        "tab": tab,
        "can_manage": user.has_perm("congress.manage_congress", congress),
    }


@login_required
def congress_list(request):
    queryset = Congress.objects.visible_to(request.user).with_list_data()
    filterset = CongressFilter(request.GET, queryset=queryset)
    context = {
        "filter": filterset,
        "page": paginate(request, filterset.qs),
        "can_create": request.user.has_perm("congress.create_congress"),
    }
    return render(request, "congress/congress_list.html", context)


@login_required
def congress_create(request):
    require_congress_creator(request.user)
    form = CongressForm(request.POST or None, user=request.user)
    if form.is_valid():
        congress = services.create_congress(form.save(commit=False), by=request.user)
        messages.success(request, _("The congress was created. Add its sessions and board next."))
        return redirect("congress:sessions", congress.pk)
    return render_form(request, "congress/congress_form.html", form)


@login_required
def congress_detail(request, pk):
    congress = get_congress(request.user, pk)
    context = congress_context(request, congress, "overview")
    context["sessions"] = congress.sessions.all()
    context["children"] = Congress.objects.visible_to(request.user).filter(parent=congress).select_related("host")
    context["board_head"] = (
        congress.board.members.filter(role="head").select_related("person").first()
        if hasattr(congress, "board")
        else None
    )
    return render(request, "congress/congress_detail.html", context)


@login_required
def congress_edit(request, pk):
    congress = get_congress(request.user, pk, manage=True)
    form = CongressForm(request.POST or None, instance=congress, user=request.user)
    conflict = None
    if form.is_valid():
        _saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The congress was saved."))
            return redirect(congress)
    context = congress_context(request, congress, "overview")
    return render_form(request, "congress/congress_form.html", form, conflict, **context)


@login_required
def session_list(request, pk):
    congress = get_congress(request.user, pk)
    context = congress_context(request, congress, "sessions")
    context["sessions"] = congress.sessions.prefetch_related("connection_points__organization")
    return render(request, "congress/session_list.html", context)


@login_required
def session_edit(request, pk, session_pk=None):
    congress = get_congress(request.user, pk, manage=True)
    next_order = congress.sessions.count() + 1
    session = (
        get_object_or_404(CongressSession, congress=congress, pk=session_pk)
        if session_pk
        else CongressSession(congress=congress, order=next_order)
    )
    form = CongressSessionForm(request.POST or None, instance=session)
    points = ConnectionPointFormSet(request.POST or None, instance=session, prefix="points")
    conflict = None
    if all([form.is_valid(), points.is_valid()]):  # a list, so both show their errors

        def save():
            saved = form.save()
            points.instance = saved
            points.save()
            return saved

        _saved, conflict = save_guarded(form, save)
        if not conflict:
            messages.success(request, _("The session was saved."))
            return redirect("congress:sessions", congress.pk)
    context = congress_context(request, congress, "sessions")
    context.update(session=session, points=points, conflict=conflict)
    status = 409 if conflict else 422 if request.method == "POST" else 200
    return render(request, "congress/session_form.html", {"form": form, **context}, status=status)


@login_required
def session_delete(request, pk, session_pk):
    congress = get_congress(request.user, pk, manage=True)
    session = get_object_or_404(CongressSession, congress=congress, pk=session_pk)
    if request.method == "POST":
        session.delete()
        messages.success(request, _("The session was deleted."))
        return redirect("congress:sessions", congress.pk)
    context = congress_context(request, congress, "sessions")
    context.update(object=session, cancel_url=reverse("congress:sessions", args=[congress.pk]))
    return render(request, "congress/confirm_delete.html", context)
