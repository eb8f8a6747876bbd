"""Presentations (tham luận) on a session's programme: staff assign them and approve the drafts;
the presenting unit's focal point hands in the draft before its deadline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from congress.concurrency import save_guarded
from congress.views.common import render_form

from .. import services
from ..forms import DraftForm, PresentationForm
from ..models import Presentation
from ..permissions import get_agenda_item, get_presentation, get_session
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
def presentation_remove(request, pk, session_pk, item_pk):
    """Staff take the presentation off the item, after confirming; the record and its draft are kept."""
    item = get_agenda_item(request.user, pk, session_pk, item_pk, manage=True)
    presentation = get_object_or_404(Presentation.objects.select_related("organization"), item=item)
    if request.method == "POST":
        try:
            services.remove_presentation(presentation, by=request.user)
        except services.AlreadyRemoved:
            messages.info(request, _("This presentation was already removed from the programme."))
        else:
            messages.success(
                request, _("The presentation was removed from the programme item; its record and draft are kept.")
            )
        return redirect("delegates:programme", pk, session_pk)
    context = session_context(request, item.session)
    context.update(item=item, presentation=presentation)
    return render(request, "delegates/presentation_remove.html", context)


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
    return draft_response(get_presentation(request.user, pk, session_pk, item_pk))


@login_required
def presentation_record_file(request, pk, session_pk, presentation_pk):
    """The draft of any presentation of the session, by its own id: the way to a removed one's draft."""
    session = get_session(request.user, pk, session_pk, manage=True)
    return draft_response(get_object_or_404(Presentation, session=session, pk=presentation_pk))


def draft_response(presentation):
    if not presentation.draft:
        raise Http404
    return FileResponse(
        presentation.draft.open("rb"), as_attachment=True, filename=presentation.draft_name or "tham-luan"
    )
