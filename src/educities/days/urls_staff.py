"""The Secretariat's International Day pages, under /<language>/backoffice/day/."""

app_name = "days_staff"
urlpatterns: list = []
