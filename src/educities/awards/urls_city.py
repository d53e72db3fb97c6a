"""URLs of the award (included by awards/urls.py); filled by its owner."""

urlpatterns: list = []
