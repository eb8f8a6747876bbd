from django.contrib import admin

from .models import Document, IssuedVersion, NumberSeries, RenderJob, Section


class ReadOnlyAdminMixin:
    """For records with a state path (dossiers, issued documents, render jobs): the admin shows them and
    changes nothing, so every change goes through the services and their state rules, the superuser's too."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    extra = 0


@admin.register(NumberSeries)
class NumberSeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "issuer_code", "key"]
    search_fields = ["name", "key"]


class SectionInline(ReadOnlyInline):
    model = Section


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["type_name", "subject", "kind", "number", "status", "version", "updated_at"]
    list_filter = ["kind", "status"]
    search_fields = ["subject", "issuing_body"]
    list_select_related = ["series"]
    inlines = [SectionInline]


@admin.register(IssuedVersion)
class IssuedVersionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["number_text", "document", "version", "issued_on", "issued_by"]
    list_select_related = ["document", "issued_by"]


@admin.register(RenderJob)
class RenderJobAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["document", "format", "status", "progress", "created_at"]
    list_filter = ["status", "format"]
