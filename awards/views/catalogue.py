"""The catalogue of award types: everyone signed in reads it; staff with the right edit it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from congress.concurrency import save_guarded

from .. import eligibility
from ..forms import AwardTypeForm, RequiredDocumentFormSet
from ..models import AwardType
from ..permissions import require


@login_required
def awardtype_list(request):
    award_types = AwardType.objects.prefetch_related("documents")
    names = eligibility.type_names()
    for award_type in award_types:
        award_type.prerequisite_text = award_type.prerequisite_lines(names)
    context = {"award_types": award_types, "can_edit": request.user.has_perm("awards.edit_catalogue")}
    return render(request, "awards/awardtype_list.html", context)


@login_required
def awardtype_detail(request, awardtype_pk):
    award_type = get_object_or_404(AwardType, pk=awardtype_pk)
    context = {
        "award_type": award_type,
        "documents": award_type.documents.all(),
        "prerequisites": award_type.prerequisite_lines(eligibility.type_names()),
        "can_edit": request.user.has_perm("awards.edit_catalogue"),
    }
    return render(request, "awards/awardtype_detail.html", context)


@login_required
def awardtype_edit(request, awardtype_pk=None):
    require(request.user, "awards.edit_catalogue")
    award_type = get_object_or_404(AwardType, pk=awardtype_pk) if awardtype_pk else AwardType()
    form = AwardTypeForm(request.POST or None, instance=award_type)
    documents = RequiredDocumentFormSet(request.POST or None, instance=award_type, prefix="documents")
    conflict = None
    if all([form.is_valid(), documents.is_valid()]):

        def save():
            saved = form.save()
            documents.instance = saved
            documents.save()
            return saved

        saved, conflict = save_guarded(form, save)
        if not conflict:
            messages.success(request, _("The award type was saved."))
            return redirect(saved)
    context = {"form": form, "documents": documents, "award_type": award_type, "conflict": conflict}
    status = 409 if conflict else 422 if form.is_bound else 200
    return render(request, "awards/awardtype_form.html", context, status=status)
