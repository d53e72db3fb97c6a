from django.contrib import admin

from educities.charter.models import CharterPrinciple


@admin.register(CharterPrinciple)
class CharterPrincipleAdmin(admin.ModelAdmin):
    list_display = ["number", "group", "label"]
    list_filter = ["group"]
