"""urls_public: see docs/events.md for who owns it."""

urlpatterns: list = []
