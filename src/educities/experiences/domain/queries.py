"""Selectors of the public side of the bank of experiences: what the search page, the experience page,
the city and home pages, the exports and the feed read.

Each returns its rows with the relations its page shows already loaded, so that a page costs the same
number of queries whatever the number of experiences, partners, tags or files.
"""

import datetime
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet

from educities.charter.models import CharterPrinciple
from educities.core.models import TextTranslation
from educities.experiences.enums import RICH_FIELDS, AttachmentKind, ExperienceStatus
from educities.experiences.models import Experience, ExperienceAttachment, ExperienceTag
from educities.members.models import City, Network, NetworkMembership


def experiences_public() -> QuerySet[Experience]:
    """Published experiences (the ones search finds), newest first. Archived ones have a page but are
    not listed."""
    return Experience.objects.filter(status=ExperienceStatus.PUBLISHED)


def _live_attachments() -> Prefetch:
    # Files of a proposed change (``revision`` set) go live only when the revision is published.
    return Prefetch(
        "attachments",
        queryset=ExperienceAttachment.objects.filter(revision__isnull=True).order_by("position", "id"),
        to_attr="live_attachments",
    )


def _tags() -> Prefetch:
    return Prefetch("tags", queryset=ExperienceTag.objects.order_by("kind", "code"))


def experience_public_detail(*, slug: str) -> Experience:
    """The experience at ``slug`` (in any state: the view checks ``experiences.view_experience``) with
    everything its page shows. Raises ``Experience.DoesNotExist``."""
    return (
        Experience.objects.select_related("city__country", "contact")
        .prefetch_related(
            "principles",
            _tags(),
            "partners",
            "links",
            _live_attachments(),
            Prefetch(
                "city__network_memberships",
                queryset=NetworkMembership.objects.select_related("network").order_by("network__name"),
            ),
        )
        .get(slug=slug)
    )


def _in_order(experiences: Iterable[Experience], ids: list[int]) -> list[Experience]:
    by_id = {experience.pk: experience for experience in experiences}
    return [by_id[pk] for pk in ids if pk in by_id]


def experiences_by_ids(*, ids: Iterable[int]) -> list[Experience]:
    """The published experiences among ``ids``, in the order of ``ids`` (as search ranked them), with
    their city and country (what a result shows). An id that is no longer published is left out."""
    ids = [int(pk) for pk in ids]
    if not ids:
        return []
    # A result shows the title and summary: the long texts (a few KB each) are not read. The state is
    # checked here, not in SQL: with "status = published" SQLite's planner walks the status index over
    # every published experience (100,000 rows, 14 ms) instead of fetching 20 rows by primary key.
    rows = (
        Experience.objects.filter(pk__in=ids).select_related("city__country").defer(*RICH_FIELDS).order_by()
    )
    return _in_order([row for row in rows if row.status == ExperienceStatus.PUBLISHED], ids)


def experiences_for_export(*, ids: Iterable[int]) -> list[Experience]:
    """Like ``experiences_by_ids`` with what an export row needs: principles, tags and the languages
    the experience can be read in (``languages``: sorted language codes)."""
    ids = [int(pk) for pk in ids]
    if not ids:
        return []
    experiences = _in_order(
        experiences_public()
        .filter(pk__in=ids)
        .select_related("city__country")
        .prefetch_related("principles", _tags()),
        ids,
    )
    languages = experience_languages(experiences=experiences)
    for experience in experiences:
        experience.languages = languages.get(experience.pk, [experience.original_language])
    return experiences


def experience_languages(*, experiences: Iterable[Experience]) -> dict[int, list[str]]:
    """``{experience id: sorted language codes}`` in which each experience has a title (one query)."""
    experiences = list(experiences)
    if not experiences:
        return {}
    rows = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(Experience),
        object_id__in=[str(experience.pk) for experience in experiences],
        field="title",
    ).values_list("object_id", "language")
    languages: dict[int, set[str]] = {
        experience.pk: {experience.original_language} for experience in experiences
    }
    for object_id, language in rows:
        languages.setdefault(int(object_id), set()).add(language)
    return {pk: sorted(codes) for pk, codes in languages.items()}


def network_names(*, slugs: Iterable[str]) -> dict[str, str]:
    """``{slug: name}`` of the networks among ``slugs`` (facet labels; one query)."""
    slugs = list(slugs)
    if not slugs:
        return {}
    return dict(Network.objects.filter(slug__in=slugs).values_list("slug", "name"))


def principles_by_number(*, numbers: Iterable[str | int]) -> dict[int, CharterPrinciple]:
    """``{number: principle}`` of the Charter principles among ``numbers`` (facet labels; one query)."""
    numbers = [int(number) for number in numbers if str(number).isdecimal()]
    if not numbers:
        return {}
    return {principle.number: principle for principle in CharterPrinciple.objects.filter(number__in=numbers)}


def experiences_of_city_public(*, city: City) -> QuerySet[Experience]:
    """The published experiences of ``city``, newest first."""
    return experiences_public().filter(city=city).order_by("-published_at", "-id")


def experiences_featured() -> QuerySet[Experience]:
    return experiences_public().filter(is_featured=True)


def experience_featured_for_home(*, day: datetime.date) -> Experience | None:
    """The focus experience of ``day``: the featured experiences take turns, one a day, in a fixed
    order (by id), so every visitor sees the same one on a given day. None when none is featured."""
    ids = list(experiences_featured().order_by("pk").values_list("pk", flat=True))
    if not ids:
        return None
    chosen = ids[day.toordinal() % len(ids)]
    # ``first()``: archived or unfeatured between the two queries, it is simply not shown today.
    return (
        experiences_public()
        .filter(pk=chosen)
        .select_related("city__country")
        .prefetch_related(_live_attachments())
        .first()
    )


def experiences_newest(*, limit: int = 30) -> list[Experience]:
    """The most recently published experiences (for the Atom feed), with their city and tags."""
    return list(
        experiences_public()
        .exclude(published_at__isnull=True)
        .order_by("-published_at", "-id")
        .select_related("city__country")
        .prefetch_related(_tags())[:limit]
    )


def experience_map_rows(*, ids: Iterable[int]) -> list[Experience]:
    """Just the id, slug and title of the published experiences among ``ids`` (for map popups)."""
    ids = [int(pk) for pk in ids]
    if not ids:
        return []
    return list(experiences_public().filter(pk__in=ids).only("pk", "slug", "title", "original_language"))


def experience_image(experience: Experience) -> ExperienceAttachment | None:
    """The first image of an experience loaded with its live attachments (no query)."""
    return next(
        (item for item in getattr(experience, "live_attachments", []) if item.kind == AttachmentKind.IMAGE),
        None,
    )
