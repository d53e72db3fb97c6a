"""The public pages of congresses and meetings (included by congresses/urls.py after the participant's
pages and the calls': fixed words such as ``registrations/`` come before ``<slug>/``)."""

from django.urls import path

from educities.congresses.views import public

urlpatterns: list = [
    path("", public.index_view, name="index"),
    path("<slug:slug>/", public.event_view, name="event"),
    path("<slug:slug>/programme/", public.programme_view, name="programme"),
    path("<slug:slug>/programme.ics", public.programme_ics_view, name="programme_ics"),
    path("<slug:slug>/sessions/<int:pk>/", public.session_view, name="session"),
]
