"""A city's International Day pages (included first by days/urls.py)."""

urlpatterns: list = []
