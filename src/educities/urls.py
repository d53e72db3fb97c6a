from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from educities.views import home

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("educities.experiences.api.urls")),
    path("api/v1/", include("educities.members.api.urls")),
    path("api/v1/", include("educities.reviews.api.urls")),
    path("api/v1/", include("educities.awards.api.urls")),
    path("api/v1/", include("educities.days.api.urls")),
    path("api/v1/", include("educities.congresses.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("", include("educities.members.urls")),
    path("charter/", include("educities.charter.urls")),
    path("experiences/", include("educities.experiences.urls")),
    path("award/", include("educities.awards.urls")),
    path("jury/", include("educities.reviews.urls")),
    path("day/", include("educities.days.urls")),
    path("events/", include("educities.congresses.urls")),
    path("backoffice/award/", include("educities.awards.urls_staff")),
    path("backoffice/day/", include("educities.days.urls_staff")),
    path("backoffice/events/", include("educities.congresses.urls_staff")),
    path("backoffice/", include("educities.members.backoffice_urls")),
    path("accounts/", include("educities.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
