"""The Educating City Award, under /<language>/award/.

The city's pages (fixed words: applications, apply) come before ``<year>/`` so a year never hides them.
"""

from educities.awards import urls_city, urls_public

app_name = "awards"
urlpatterns = [*urls_city.urlpatterns, *urls_public.urlpatterns]
