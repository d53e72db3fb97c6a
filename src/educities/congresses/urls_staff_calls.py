"""The Secretariat's pages of an event's call for proposals (included in the ``events_staff`` namespace under
/<language>/backoffice/events/, before ``urls_staff_events``). Every action is a POST to its own URL that
redirects back with a message; a form that does not validate shows the page again with its errors (400)."""

from django.urls import path

from educities.congresses.views import staff_calls

C = "<slug:slug>/call/"

urlpatterns = [
    path(C, staff_calls.call_view, name="call"),
    path(f"{C}send-to-review/", staff_calls.call_send_to_review_view, name="call_send_to_review"),
    path(f"{C}proposals/<int:pk>/", staff_calls.proposal_view, name="proposal"),
    path(
        f"{C}proposals/<int:pk>/send-to-review/",
        staff_calls.proposal_send_to_review_view,
        name="proposal_send_to_review",
    ),
    path(f"{C}proposals/<int:pk>/decide/", staff_calls.proposal_decide_view, name="proposal_decide"),
    path(f"{C}proposals/<int:pk>/withdraw/", staff_calls.proposal_withdraw_view, name="proposal_withdraw"),
    path(f"{C}proposals/<int:pk>/session/", staff_calls.proposal_session_view, name="proposal_session"),
]
