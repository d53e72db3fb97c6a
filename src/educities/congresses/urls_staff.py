"""The Secretariat's pages of congresses and meetings, under /<language>/backoffice/events/."""

from educities.congresses import urls_staff_calls, urls_staff_events

app_name = "events_staff"
urlpatterns = [*urls_staff_calls.urlpatterns, *urls_staff_events.urlpatterns]
