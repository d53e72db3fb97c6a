"""URLs of the translation pages of the bank of experiences (included by experiences/urls.py)."""

from django.urls import path

from educities.experiences.views import translation

urlpatterns: list = [
    path("translations/", translation.translation_queue, name="translations"),
    path("translations/<slug:slug>/<str:language>/", translation.translate, name="translate"),
]
