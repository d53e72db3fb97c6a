from django.urls import path

from educities.members.views import backoffice

app_name = "backoffice"

urlpatterns = [
    path("", backoffice.application_queue, name="applications"),
    path("applications/<slug:slug>/", backoffice.application_detail, name="application_detail"),
    path("applications/<slug:slug>/act/<str:action>/", backoffice.application_act, name="application_act"),
    path(
        "applications/<slug:slug>/documents/<int:pk>/<str:kind>/",
        backoffice.application_document,
        name="application_document",
    ),
    path("fees/", backoffice.fee_status, name="fees"),
    path("fees/<int:pk>/paid/", backoffice.fee_mark_paid_view, name="fee_mark_paid"),
    path("import/", backoffice.import_view, name="import"),
    path("networks/new/", backoffice.network_create_view, name="network_create"),
]
