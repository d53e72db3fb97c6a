"""A city's International Day pages (included first by days/urls.py, under /<language>/day/)."""

from django.urls import path

from educities.days.views import city

urlpatterns = [
    path("my-activities/", city.activities_mine, name="mine"),
    path("activities/<int:pk>/edit/", city.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/cancel/", city.activity_cancel, name="activity_cancel"),
    path("activities/<int:pk>/restore/", city.activity_restore, name="activity_restore"),
    path("activities/<int:pk>/report/", city.activity_report, name="activity_report"),
    path("<int:year>/activities/new/", city.activity_new, name="activity_new"),
]
