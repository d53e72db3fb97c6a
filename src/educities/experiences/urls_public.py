"""URLs of the public pages of the bank of experiences (included by experiences/urls.py)."""

from django.urls import path

from educities.experiences.views import public
from educities.experiences.views.feeds import ExperiencesFeed

urlpatterns: list = [
    path("", public.search_view, name="search"),
    path("map.json", public.map_points_view, name="map_points"),
    path("export.<str:fmt>", public.export_view, name="export"),
    path("feed.atom", ExperiencesFeed(), name="feed"),
    path("<slug:slug>/", public.detail_view, name="detail"),
    path("<slug:slug>/cite.<str:fmt>", public.citation_view, name="citation"),
]
