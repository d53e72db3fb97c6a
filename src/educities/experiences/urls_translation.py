"""URLs of the translation pages of the bank of experiences (included by experiences/urls.py)."""

urlpatterns: list = []
