"""E-mail alerts in admin, for a superuser only (they hold readers' addresses): how many follow what, and deleting
an address on its owner's request. Nothing is added or changed here: alerts are their owners' (events/alerts.py)."""

from django.contrib import admin

from ..models import Alert


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["email", "selection", "frequency", "language", "created_at", "confirmed_at"]
    list_filter = ["frequency", "language", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    fields = list_display
    readonly_fields = list_display

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)
