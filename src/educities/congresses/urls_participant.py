"""urls_participant: see docs/events.md for who owns it."""

urlpatterns: list = []
