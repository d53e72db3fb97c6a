"""urls_calls: see docs/events.md for who owns it."""

urlpatterns: list = []
