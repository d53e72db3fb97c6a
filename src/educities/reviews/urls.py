"""Jury pages of the review engine, under /<language>/jury/ (generic over what is reviewed)."""

from educities.reviews import urls_juror, urls_manage

app_name = "jury"
urlpatterns = [*urls_manage.urlpatterns, *urls_juror.urlpatterns]
