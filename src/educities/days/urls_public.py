"""The public pages of the International Day (included by days/urls.py after the city's pages)."""

from django.urls import path

from educities.days.views import public

urlpatterns: list = [
    path("", public.index_view, name="index"),
    path("figures/", public.figures_view, name="figures"),
    path("activities/<int:pk>/", public.activity_view, name="activity"),
    path("activities/<int:pk>/calendar.ics", public.activity_ics, name="activity_ics"),
    path("cities/<slug:slug>/", public.city_view, name="city"),
    path("countries/<str:code>/", public.country_view, name="country"),
    path("<int:year>/", public.campaign_view, name="campaign"),
    path("<int:year>/map.json", public.map_data, name="map_data"),
    path("<int:year>/agenda.ics", public.agenda_ics, name="agenda_ics"),
    path("<int:year>/agenda.csv", public.agenda_csv, name="agenda_csv"),
]
