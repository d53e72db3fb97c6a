"""The International Day in the REST API (included under /api/v1/ beside the other apps')."""

urlpatterns: list = []
