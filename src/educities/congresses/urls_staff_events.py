"""The Secretariat's pages of events (under /<language>/backoffice/events/, namespace ``events_staff``):
events and their settings, registration types, questions, rooms, sessions, registrations and check-in.

``new/`` comes before ``<slug>/`` so an event's slug never hides it.
"""

from django.urls import path

from educities.congresses.views import staff

urlpatterns = [
    path("", staff.events_view, name="events"),
    path("new/", staff.event_new_view, name="event_new"),
    path("<slug:slug>/", staff.event_view, name="event"),
    path("<slug:slug>/types/", staff.types_view, name="types"),
    path("<slug:slug>/questions/", staff.questions_view, name="questions"),
    path("<slug:slug>/rooms/", staff.rooms_view, name="rooms"),
    path("<slug:slug>/sessions/", staff.sessions_view, name="sessions"),
    path("<slug:slug>/sessions/new/", staff.session_new_view, name="session_new"),
    path("<slug:slug>/sessions/<int:pk>/", staff.session_view, name="session"),
    path("<slug:slug>/sessions/<int:pk>/delete/", staff.session_delete_view, name="session_delete"),
    path("<slug:slug>/registrations/", staff.registrations_view, name="registrations"),
    path("<slug:slug>/registrations/promote/", staff.waitlist_promote_view, name="waitlist_promote"),
    path("<slug:slug>/registrations/<int:pk>/step/", staff.registration_step_view, name="registration_step"),
    path("<slug:slug>/registrations/<int:pk>/fee/", staff.registration_fee_view, name="registration_fee"),
    path(
        "<slug:slug>/registrations.<slug:fmt>",
        staff.registrations_export_view,
        name="registrations_export",
    ),
    path("<slug:slug>/check-in/", staff.check_in_view, name="check_in"),
]
