"""The public pages of the International Day (included by days/urls.py after the city's pages)."""

urlpatterns: list = []
