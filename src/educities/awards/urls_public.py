"""The public pages of the award (included by awards/urls.py after the city's pages)."""

from django.urls import path

from educities.awards.views import public

urlpatterns: list = [
    path("", public.editions_view, name="editions"),
    path("<int:year>/", public.edition_view, name="edition"),
]
