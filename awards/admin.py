from django.contrib import admin

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


class NominationFileInline(admin.TabularInline):
    model = NominationFile
    extra = 0
    readonly_fields = ["name", "size", "content_type", "uploaded_by", "uploaded_at"]


class NominationEventInline(admin.TabularInline):
    model = NominationEvent
    extra = 0
    readonly_fields = ["actor", "at", "from_status", "to_status", "comment"]


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "round", "proposing_organization", "status"]
    list_filter = ["status", "award_type"]
    raw_id_fields = ["person", "organization", "proposing_organization"]
    readonly_fields = ["status", "submitted_at"]
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
class CouncilSessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "held_at", "status"]
