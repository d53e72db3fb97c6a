"""The International Day, under /<language>/day/.

The city's pages (fixed words: activities, my-activities) come before ``<year>/`` so a year never hides them.
"""

from educities.days import urls_city, urls_public

app_name = "days"
urlpatterns = [*urls_city.urlpatterns, *urls_public.urlpatterns]
