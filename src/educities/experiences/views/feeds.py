"""The Atom feed of newly published experiences, in the reader's language where translated."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from educities.core.domain.translations_queries import TranslatedValue, translations_prefetch
from educities.experiences.domain.queries import experiences_newest
from educities.experiences.enums import TAG_CHOICES, TagKind
from educities.experiences.models import Experience

FEED_SIZE = 30


@dataclass(frozen=True)
class FeedItem:
    experience: Experience
    title: TranslatedValue
    summary: TranslatedValue


class ExperiencesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        # Read once per request (the Feed instance is shared by every request, so no state on ``self``).
        language = get_language()
        experiences = experiences_newest(limit=FEED_SIZE)
        texts = translations_prefetch(objects=experiences, fields=["title", "summary"], language=language)
        return [
            FeedItem(
                experience=experience,
                title=texts[(experience.pk, "title")],
                summary=texts[(experience.pk, "summary")],
            )
            for experience in experiences
        ]

    def title(self):
        return _("Educating Cities: new experiences")

    def subtitle(self):
        return _("Practices of educating cities, newly published in the bank of experiences.")

    def link(self):
        return reverse("experiences:search")

    def feed_url(self):
        return reverse("experiences:feed")

    def items(self, obj):
        return obj

    def item_title(self, item: FeedItem) -> str:
        return item.title.text

    def item_description(self, item: FeedItem) -> str:
        return item.summary.text

    def item_link(self, item: FeedItem) -> str:
        return item.experience.get_absolute_url()

    def item_guid(self, item: FeedItem) -> str:
        return item.experience.get_absolute_url()

    def item_pubdate(self, item: FeedItem):
        return item.experience.published_at

    def item_updateddate(self, item: FeedItem):
        return item.experience.last_published_at or item.experience.published_at

    def item_author_name(self, item: FeedItem) -> str:
        return f"{item.experience.city.name}, {item.experience.city.country.name}"

    def item_categories(self, item: FeedItem) -> list[str]:
        labels = dict(TAG_CHOICES[TagKind.THEME].choices)
        return [
            str(labels.get(tag.code, tag.code))
            for tag in item.experience.tags.all()
            if tag.kind == TagKind.THEME
        ]
