"""The bank of experiences, under /<language>/experiences/.

Pages with fixed words (new, mine, moderation, translations, feed, export...) come before the
``<slug>/`` pages so that a slug can never hide them.
"""

from educities.experiences import urls_editor, urls_moderation, urls_public, urls_translation

app_name = "experiences"
urlpatterns = [
    *urls_editor.urlpatterns,
    *urls_moderation.urlpatterns,
    *urls_translation.urlpatterns,
    *urls_public.urlpatterns,
]
