"""Presentations (tham luận) on a session's programme: staff assign them and approve the drafts;
the presenting unit's focal point hands in the draft before its deadline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congress.concurrency import save_guarded
from congress.views.common import render_form

from .. import services
from ..forms import DraftForm, PresentationForm
from ..models import Presentation
from ..permissions import get_agenda_item, get_presentation
from .sessions import session_context


@login_required
def presentation_edit(request, pk, session_pk, item_pk):
    item = get_agenda_item(request.user, pk, session_pk, item_pk, manage=True)
    presentation = Presentation.objects.filter(item=item).first() or Presentation(
        item=item, organization_id=item.organization_id
    )
    form = PresentationForm(request.POST or None, instance=presentation)
    conflict = None
    if form.is_valid():
        _saved, conflict = save_guarded(form, form.save)
        if not conflict:
            messages.success(request, _("The presentation was saved."))
            return redirect("delegates:programme", pk, session_pk)
    context = session_context(request, item.session)
    context.update(item=item, presentation=presentation)
    return render_form(request, "delegates/presentation_form.html", form, conflict, **context)


@login_required
def presentation_draft(request, pk, session_pk, item_pk):
    presentation = get_presentation(request.user, pk, session_pk, item_pk)
    session = presentation.item.session
    form = DraftForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        services.receive_draft(presentation, form.cleaned_data["draft"])
        messages.success(request, _("The draft was received."))
        return redirect("delegates:presentation_draft", pk, session_pk, item_pk)
    context = session_context(request, session)
    context.update(item=presentation.item, form=form, presentation=presentation)
    status = 422 if request.method == "POST" else 200
    return render(request, "delegates/presentation_draft.html", context, status=status)


@login_required
def presentation_file(request, pk, session_pk, item_pk):
    presentation = get_presentation(request.user, pk, session_pk, item_pk)
    if not presentation.draft:
        raise Http404
    return FileResponse(
        presentation.draft.open("rb"), as_attachment=True, filename=presentation.draft_name or "tham-luan"
    )
