"""The award in the REST API (included under /api/v1/ beside the other apps')."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from educities.awards.api import views

router = SimpleRouter()
router.register("award/editions", views.EditionViewSet, basename="award-edition")

urlpatterns = [path("", include(router.urls))]
