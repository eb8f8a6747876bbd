from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..concurrency import save_guarded
from ..forms import BoardForm, BoardMemberForm, CongressRoleForm, SubcommitteeForm, SubcommitteeMemberForm
from ..models import BoardMember, CongressRole, OrganizingBoard, Subcommittee, SubcommitteeMember
from ..permissions import get_congress, get_subcommittee
from .common import render_form
from .congresses import congress_context


def _board(congress):
    board, _created = OrganizingBoard.objects.get_or_create(
        congress=congress, defaults={"name": f"Ban Tổ chức {congress.name}"}
    )
    return board


def _confirm_delete(request, congress, tab, obj, back_url):
    if request.method == "POST":
        obj.delete()
        messages.success(request, _("“%(name)s” was removed.") % {"name": obj})
        return redirect(back_url)
    context = congress_context(request, congress, tab)
    context.update(object=obj, cancel_url=back_url)
    return render(request, "congress/confirm_delete.html", context)


@login_required
def board_detail(request, pk):
    congress = get_congress(request.user, pk)
    context = congress_context(request, congress, "board")
    board = _board(congress)
    context["board"] = board
    context["members"] = board.members.select_related("person__organization")
    return render(request, "congress/board_detail.html", context)


@login_required
def board_edit(request, pk):
    congress = get_congress(request.user, pk, manage=True)
    form = BoardForm(request.POST or None, instance=_board(congress))
    conflict = None
    if form.is_valid():
        _saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The board was saved."))
            return redirect("congress:board", congress.pk)
    context = congress_context(request, congress, "board")
    return render_form(request, "congress/board_form.html", form, conflict, **context)


@login_required
def board_member_edit(request, pk, member_pk=None):
    congress = get_congress(request.user, pk, manage=True)
    board = _board(congress)
    member = (
        get_object_or_404(BoardMember, board=board, pk=member_pk)
        if member_pk
        else BoardMember(order=board.members.count() + 1)
    )
    form = BoardMemberForm(request.POST or None, instance=member, body=board)
    conflict = None
    if form.is_valid():
        _saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The board member was saved."))
            return redirect("congress:board", congress.pk)
    context = congress_context(request, congress, "board")
    return render_form(request, "congress/member_form.html", form, conflict, member=member, body=board, **context)


@login_required
def board_member_delete(request, pk, member_pk):
    congress = get_congress(request.user, pk, manage=True)
    member = get_object_or_404(BoardMember, board__congress=congress, pk=member_pk)
    return _confirm_delete(request, congress, "board", member, reverse("congress:board", args=[congress.pk]))


@login_required
def subcommittee_list(request, pk):
    congress = get_congress(request.user, pk)
    context = congress_context(request, congress, "subcommittees")
    heads = SubcommitteeMember.objects.filter(role=SubcommitteeMember.Role.HEAD).select_related("person")
    context["subcommittees"] = congress.subcommittees.annotate(member_count=Count("members")).prefetch_related(
        Prefetch("members", queryset=heads, to_attr="heads")
    )
    return render(request, "congress/subcommittee_list.html", context)


@login_required
def subcommittee_detail(request, pk, sub_pk):
    subcommittee = get_subcommittee(request.user, pk, sub_pk)
    context = congress_context(request, subcommittee.congress, "subcommittees")
    context["subcommittee"] = subcommittee
    context["members"] = subcommittee.members.select_related("person__organization")
    context["can_manage_subcommittee"] = request.user.has_perm("congress.manage_subcommittee", subcommittee)
    return render(request, "congress/subcommittee_detail.html", context)


@login_required
def subcommittee_edit(request, pk, sub_pk=None):
    congress = get_congress(request.user, pk, manage=not sub_pk)
    if sub_pk:
        subcommittee = get_subcommittee(request.user, pk, sub_pk, manage=True)
    else:
        subcommittee = Subcommittee(order=congress.subcommittees.count() + 1)
    form = SubcommitteeForm(request.POST or None, instance=subcommittee, congress=congress)
    conflict = None
    if form.is_valid():
        saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The sub-committee was saved."))
            return redirect(saved)
    context = congress_context(request, congress, "subcommittees")
    return render_form(request, "congress/subcommittee_form.html", form, conflict, subcommittee=subcommittee, **context)


@login_required
def subcommittee_delete(request, pk, sub_pk):
    congress = get_congress(request.user, pk, manage=True)
    subcommittee = get_object_or_404(Subcommittee, congress=congress, pk=sub_pk)
    return _confirm_delete(
        request, congress, "subcommittees", subcommittee, reverse("congress:subcommittees", args=[congress.pk])
    )


@login_required
def subcommittee_member_edit(request, pk, sub_pk, member_pk=None):
    subcommittee = get_subcommittee(request.user, pk, sub_pk, manage=True)
    member = (
        get_object_or_404(SubcommitteeMember, subcommittee=subcommittee, pk=member_pk)
        if member_pk
        else SubcommitteeMember(order=subcommittee.members.count() + 1)
    )
    form = SubcommitteeMemberForm(request.POST or None, instance=member, body=subcommittee)
    conflict = None
    if form.is_valid():
        _saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The sub-committee member was saved."))
            return redirect(subcommittee)
    context = congress_context(request, subcommittee.congress, "subcommittees")
    return render_form(
        request, "congress/member_form.html", form, conflict, member=member, body=subcommittee, **context
    )


@login_required
def subcommittee_member_delete(request, pk, sub_pk, member_pk):
    subcommittee = get_subcommittee(request.user, pk, sub_pk, manage=True)
    member = get_object_or_404(SubcommitteeMember, subcommittee=subcommittee, pk=member_pk)
    return _confirm_delete(request, subcommittee.congress, "subcommittees", member, subcommittee.get_absolute_url())


@login_required
def role_list(request, pk):
    congress = get_congress(request.user, pk, manage=True)
    context = congress_context(request, congress, "roles")
    context["roles"] = congress.roles.select_related("user__person", "organization", "subcommittee").order_by(
        "role", "user__person__full_name"
    )
    return render(request, "congress/role_list.html", context)


@login_required
def role_create(request, pk):
    congress = get_congress(request.user, pk, manage=True)
    form = CongressRoleForm(request.POST or None, congress=congress)
    if form.is_valid():
        form.save()
        messages.success(request, _("The role was granted."))
        return redirect("congress:roles", congress.pk)
    return render_form(request, "congress/role_form.html", form, **congress_context(request, congress, "roles"))


@login_required
def role_delete(request, pk, role_pk):
    congress = get_congress(request.user, pk, manage=True)
    role = get_object_or_404(CongressRole.objects.select_related("user"), congress=congress, pk=role_pk)
    remaining_secretariat = congress.roles.filter(role=CongressRole.Role.SECRETARIAT).exclude(pk=role.pk)
    if role.role == CongressRole.Role.SECRETARIAT and not remaining_secretariat.exists():
        messages.error(request, _("The congress needs at least one secretariat staff member."))
        return redirect("congress:roles", congress.pk)
    return _confirm_delete(request, congress, "roles", role, reverse("congress:roles", args=[congress.pk]))
