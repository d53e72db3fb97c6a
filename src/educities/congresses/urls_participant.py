"""A participant's pages: registering, their registrations, badge, certificate and personal agenda."""

from django.urls import path

from educities.congresses.views import participant

urlpatterns: list = [
    path("registrations/", participant.registrations_view, name="registrations"),
    path("registrations/<str:code>/", participant.registration_view, name="registration"),
    path(
        "registrations/<str:code>/cancel/", participant.registration_cancel_view, name="registration_cancel"
    ),
    path("registrations/<str:code>/badge.pdf", participant.badge_view, name="badge"),
    path("registrations/<str:code>/certificate.pdf", participant.certificate_view, name="certificate"),
    path("registrations/<str:code>/agenda.ics", participant.agenda_ics_view, name="agenda_ics"),
    path("<slug:slug>/register/", participant.register_view, name="register"),
    path("<slug:slug>/agenda/", participant.my_agenda_view, name="agenda"),
    path("<slug:slug>/sessions/<int:pk>/agenda/add/", participant.agenda_add_view, name="agenda_add"),
    path(
        "<slug:slug>/sessions/<int:pk>/agenda/remove/", participant.agenda_remove_view, name="agenda_remove"
    ),
]
