"""The International Day in the REST API (included under /api/v1/ beside the other apps')."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from educities.days.api import views

router = SimpleRouter()
router.register("day/activities", views.ActivityViewSet, basename="day-activity")
router.register("day/campaigns", views.CampaignViewSet, basename="day-campaign")

urlpatterns = [path("", include(router.urls))]
