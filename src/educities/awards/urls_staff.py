"""The Secretariat's pages of the award, under /<language>/backoffice/award/."""

app_name = "awards_staff"
urlpatterns: list = []
