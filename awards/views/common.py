from congress.views.congresses import congress_context


def awards_context(request, congress, **extra):
    """What every page of the Khen thưởng tab needs."""
    context = congress_context(request, congress, "awards")
    context["can_manage_awards"] = request.user.has_perm("awards.manage_awards", congress)
    context["can_see_council"] = request.user.has_perm("awards.see_council", congress)
    return {**context, **extra}
