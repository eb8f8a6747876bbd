from django.contrib import admin

from .models import (
    BoardMember,
    Congress,
    CongressRole,
    CongressSession,
    ConnectionPoint,
    Organization,
    OrganizingBoard,
    Person,
    Subcommittee,
    SubcommitteeMember,
)


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "abbreviation"]
    autocomplete_fields = ["parent", "head"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "position", "organization", "email", "user", "is_active"]
    list_filter = ["is_active", "gender"]
    search_fields = ["full_name", "email", "position"]
    autocomplete_fields = ["organization", "user"]


class CongressSessionInline(admin.StackedInline):
    model = CongressSession
    extra = 0


class CongressRoleInline(admin.TabularInline):
    model = CongressRole
    extra = 0
    autocomplete_fields = ["user", "organization"]


@admin.register(Congress)
class CongressAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "level", "year", "status"]
    list_filter = ["kind", "level", "status", "year"]
    search_fields = ["name", "theme"]
    autocomplete_fields = ["host", "parent"]
    inlines = [CongressSessionInline, CongressRoleInline]


class ConnectionPointInline(admin.TabularInline):
    model = ConnectionPoint
    extra = 0


@admin.register(CongressSession)
class CongressSessionAdmin(admin.ModelAdmin):
    list_display = ["name", "congress", "timing", "starts_at", "place"]
    list_select_related = ["congress"]
    inlines = [ConnectionPointInline]


class BoardMemberInline(admin.TabularInline):
    model = BoardMember
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(OrganizingBoard)
class OrganizingBoardAdmin(admin.ModelAdmin):
    list_display = ["__str__", "congress", "founding_decision"]
    inlines = [BoardMemberInline]


class SubcommitteeMemberInline(admin.TabularInline):
    model = SubcommitteeMember
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Subcommittee)
class SubcommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "congress", "kind"]
    list_filter = ["kind"]
    inlines = [SubcommitteeMemberInline]


@admin.register(CongressRole)
class CongressRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "congress", "role", "organization", "subcommittee"]
    list_filter = ["role"]
    autocomplete_fields = ["user", "organization"]
