"""URLs of the moderation pages of the bank of experiences (included by experiences/urls.py)."""

from django.urls import path

from educities.experiences.views import moderation

urlpatterns: list = [
    path("moderation/", moderation.moderation_queue_view, name="moderation"),
    path("moderation/<slug:slug>/", moderation.moderation_review, name="moderation_review"),
]
