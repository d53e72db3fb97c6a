"""URLs of the editor pages of the bank of experiences (included by experiences/urls.py)."""

urlpatterns: list = []
