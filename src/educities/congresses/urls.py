"""Congresses and meetings, under /<language>/events/.

Fixed words (registrations, proposals, bids) come before ``<slug>/`` so an event's slug never hides them.
"""

from educities.congresses import urls_calls, urls_participant, urls_public

app_name = "events"
urlpatterns = [*urls_participant.urlpatterns, *urls_calls.urlpatterns, *urls_public.urlpatterns]
