from django.contrib import admin

from documents.admin import ReadOnlyAdminMixin, ReadOnlyInline

from .forms import AwardTypeForm
from .models import (
    AwardRecord,
    AwardType,
    CouncilMember,
    CouncilSession,
    Nomination,
    NominationEvent,
    NominationFile,
    NominationRound,
    RequiredDocument,
)


class RequiredDocumentInline(admin.TabularInline):
    model = RequiredDocument
    extra = 0


@admin.register(AwardType)
class AwardTypeAdmin(admin.ModelAdmin):
    form = AwardTypeForm
    list_display = ["name", "code", "kind", "scope", "approval_threshold", "quorum", "prize_multiple", "is_active"]
    list_filter = ["kind", "scope", "is_active"]
    search_fields = ["name", "code", "short_name"]
    inlines = [RequiredDocumentInline]


@admin.register(NominationRound)
class NominationRoundAdmin(admin.ModelAdmin):
    list_display = ["name", "congress", "year", "deadline"]
    filter_horizontal = ["award_types"]


class NominationFileInline(ReadOnlyInline):
    model = NominationFile


class NominationEventInline(ReadOnlyInline):
    model = NominationEvent


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "round", "proposing_organization", "status"]
    list_filter = ["status", "award_type"]
    inlines = [NominationFileInline, NominationEventInline]


@admin.register(AwardRecord)
class AwardRecordAdmin(admin.ModelAdmin):
    list_display = ["__str__", "award_type", "year", "decision"]
    list_filter = ["award_type", "year"]
    raw_id_fields = ["person", "organization"]


@admin.register(CouncilMember)
class CouncilMemberAdmin(admin.ModelAdmin):
    list_display = ["person", "congress", "role", "order"]


@admin.register(CouncilSession)
class CouncilSessionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "held_at", "status"]
