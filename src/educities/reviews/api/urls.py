"""API routes under /api/v1/; filled by its owner."""

urlpatterns: list = []
