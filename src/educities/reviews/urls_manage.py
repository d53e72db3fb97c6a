"""URLs of the jury pages (included by reviews/urls.py); filled by its owner."""

urlpatterns: list = []
