from django.contrib import admin

from .models import Document, IssuedVersion, NumberSeries, RenderJob, Section


@admin.register(NumberSeries)
class NumberSeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "issuer_code", "key"]
    search_fields = ["name", "key"]


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["type_name", "subject", "kind", "number", "status", "version", "updated_at"]
    list_filter = ["kind", "status"]
    search_fields = ["subject", "issuing_body"]
    list_select_related = ["series"]
    inlines = [SectionInline]


@admin.register(IssuedVersion)
class IssuedVersionAdmin(admin.ModelAdmin):
    list_display = ["number_text", "document", "version", "issued_on", "issued_by"]
    list_select_related = ["document", "issued_by"]
    readonly_fields = [field.name for field in IssuedVersion._meta.fields]

    def has_change_permission(self, request, obj=None):
        return False  # an issued version is frozen


@admin.register(RenderJob)
class RenderJobAdmin(admin.ModelAdmin):
    list_display = ["document", "format", "status", "progress", "created_at"]
    list_filter = ["status", "format"]
