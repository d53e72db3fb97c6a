"""A city's award pages (included first by awards/urls.py, under /<language>/award/)."""

from django.urls import path

from educities.awards.views import city

urlpatterns = [
    path("applications/", city.applications_mine, name="mine"),
    path("applications/<int:pk>/", city.application_page, name="application"),
    path("applications/<int:pk>/letter/", city.application_letter_upload, name="letter_upload"),
    path("applications/<int:pk>/submit/", city.application_submit_view, name="submit"),
    path("applications/<int:pk>/withdraw/", city.application_withdraw_view, name="withdraw"),
    path("applications/<int:pk>/letter.pdf", city.letter_download, name="letter"),
    path("applications/<int:pk>/certificate.pdf", city.certificate_download, name="certificate"),
    path("<int:year>/apply/", city.application_apply, name="apply"),
]
