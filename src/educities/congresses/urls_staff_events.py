"""urls_staff_events: see docs/events.md for who owns it."""

urlpatterns: list = []
