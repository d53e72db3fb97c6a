"""The Secretariat's pages of the award, under /<language>/backoffice/award/."""

from django.urls import path

from educities.awards.views import staff

app_name = "awards_staff"
urlpatterns = [
    path("", staff.editions_view, name="editions"),
    path("new/", staff.edition_new_view, name="edition_new"),
    path("<int:year>/", staff.edition_view, name="edition"),
    path("<int:year>/applications/", staff.applications_view, name="applications"),
    path(
        "<int:year>/applications/send-to-jury/",
        staff.applications_send_to_jury_view,
        name="send_to_jury",
    ),
    path(
        "<int:year>/applications/<int:pk>/eligible/",
        staff.application_eligible_view,
        name="application_eligible",
    ),
    path(
        "<int:year>/applications/<int:pk>/ineligible/",
        staff.application_ineligible_view,
        name="application_ineligible",
    ),
    path("<int:year>/applications/<int:pk>/letter.pdf", staff.application_letter_view, name="letter"),
    path("<int:year>/decision/", staff.decision_view, name="decision"),
    path("<int:year>/decision/statement/", staff.jury_statement_view, name="jury_statement"),
    path("<int:year>/decision/publish/", staff.results_publish_view, name="results_publish"),
    path("<int:year>/decision/void/", staff.declare_void_view, name="declare_void"),
    path("<int:year>/decision/<int:pk>/", staff.application_decide_view, name="application_decide"),
    path("<int:year>/export/<slug:dataset>.<slug:fmt>", staff.export_view, name="export"),
]
