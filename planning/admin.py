from django.contrib import admin

from documents.admin import ReadOnlyAdminMixin, ReadOnlyInline

from .models import (
    AgendaItem,
    Attachment,
    CalendarFeed,
    Conclusion,
    LowerLevelCongress,
    Meeting,
    ProgressUpdate,
    Task,
    TaskEvent,
    TaskParty,
)


class TaskPartyInline(admin.TabularInline):
    model = TaskParty
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["__str__", "congress", "deadline_phrase", "due_date", "status"]
    list_filter = ["status", "deadline_kind"]
    list_select_related = ["congress"]
    search_fields = ["content", "deadline_phrase"]
    autocomplete_fields = ["assignees"]
    raw_id_fields = ["parent", "meeting", "deadline_session"]
    readonly_fields = ["due_date", "group_month"]
    inlines = [TaskPartyInline]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class ConclusionInline(admin.TabularInline):
    model = Conclusion
    extra = 0
    raw_id_fields = ["task"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "congress", "number", "starts_at", "place"]
    list_select_related = ["congress"]
    autocomplete_fields = ["chair", "participants"]
    inlines = [AgendaItemInline, ConclusionInline]


class AttachmentInline(ReadOnlyInline):
    model = Attachment


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["task", "author", "new_status", "created_at"]
    raw_id_fields = ["task"]
    inlines = [AttachmentInline]


@admin.register(TaskEvent)
class TaskEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["task", "kind", "actor", "at"]
    raw_id_fields = ["task"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """To see who has a calendar address and to revoke one (delete it); addresses are made by their owners."""

    list_display = ["person", "created_at"]
    list_select_related = ["person"]
    search_fields = ["person__full_name"]
    fields = ["person", "created_at"]
    readonly_fields = ["person", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(LowerLevelCongress)
class LowerLevelCongressAdmin(admin.ModelAdmin):
    list_display = ["organization", "congress", "kind", "due_date", "held", "held_on"]
    list_filter = ["kind", "held"]
    list_select_related = ["organization", "congress"]
    search_fields = ["organization__name", "congress__name"]
    raw_id_fields = ["congress", "lower_congress"]
    autocomplete_fields = ["organization"]
