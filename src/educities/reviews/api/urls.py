"""The jury API under /api/v1/jury/ (read only; see ``reviews.api.views``)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from educities.reviews.api import views

router = SimpleRouter()
router.register("jury/items", views.JuryItemsViewSet, basename="jury-item")

urlpatterns = [path("", include(router.urls))]
