"""The bank of experiences in the REST API (included under /api/v1/ beside the member registry's)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from educities.experiences.api import views

router = SimpleRouter()
router.register("experiences", views.ExperienceViewSet, basename="experience")
router.register("me/experiences", views.MyExperiencesViewSet, basename="my-experience")

urlpatterns = [path("", include(router.urls))]
