"""Keeping the search index of experiences in step with what the public may see.

One index entry per public (published) experience, with one document per language it can be read in
(original, human and machine translations) and its facets. ``experience_index`` is called by every
service that changes what the public sees: publication, archive, restore, a revision, a translation.
"""

from collections.abc import Iterable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch

from educities.core.models import TextTranslation
from educities.core.richtext import richtext_to_plain
from educities.core.search import (
    SearchDocument,
    SearchEntryData,
    search_index_bulk,
    search_index_clear,
    search_index_remove,
    search_index_replace,
)
from educities.experiences.enums import RICH_FIELDS, TEXT_FIELDS, ExperienceStatus, TagKind
from educities.experiences.models import Experience, ExperienceTag

SEARCH_INDEX = "experiences"
# The facets the search page counts, in the order it shows them.
FACETS = ("country", "network", "theme", "principle", "sdg", "target_group", "year", "language", "award")
_TAG_FACETS = {
    TagKind.THEME: "theme",
    TagKind.TARGET_GROUP: "target_group",
    TagKind.SDG: "sdg",
    TagKind.DEPARTMENT: "department",
}


def experience_facets(experience: Experience) -> dict[str, list[str]]:
    """The facet values of one experience (relations should be prefetched, see ``_with_relations``)."""
    facets: dict[str, list[str]] = {
        "country": [str(experience.city.country.code)],
        "network": sorted({m.network.slug for m in experience.city.network_memberships.all()}),
        "principle": sorted({str(p.number) for p in experience.principles.all()}, key=int),
        "language": [experience.original_language],
        "award": ["yes"] if experience.is_award_winning else [],
        "year": [str(experience.start_date.year)] if experience.start_date else [],
    }
    for tag in experience.tags.all():
        facets.setdefault(_TAG_FACETS[tag.kind], []).append(tag.code)
    return facets


def _documents(experience: Experience, rows: Iterable[TextTranslation]) -> list[SearchDocument]:
    by_language: dict[str, dict[str, str]] = {
        experience.original_language: {field: getattr(experience, field) or "" for field in TEXT_FIELDS}
    }
    for row in rows:
        if row.language != experience.original_language:
            by_language.setdefault(row.language, {})[row.field] = row.text
    documents = []
    for language, texts in by_language.items():
        if not texts.get("title"):
            continue
        body = "\n".join(richtext_to_plain(texts.get(field, "")) for field in RICH_FIELDS)
        documents.append(
            SearchDocument(
                language=language, title=texts["title"], summary=texts.get("summary", ""), body=body
            )
        )
    return documents


def _with_relations(queryset):
    return queryset.select_related("city__country").prefetch_related(
        "principles",
        Prefetch("tags", queryset=ExperienceTag.objects.order_by("kind", "code")),
        "city__network_memberships__network",
    )


def _entry(experience: Experience, rows: Iterable[TextTranslation]) -> SearchEntryData:
    return SearchEntryData(
        object_id=experience.pk,
        documents=_documents(experience, rows),
        facets=experience_facets(experience),
        sort_date=(experience.published_at.date() if experience.published_at else None),
        point=(experience.city.latitude, experience.city.longitude),
    )


def _translation_rows(ids: list[int]) -> dict[int, list[TextTranslation]]:
    rows: dict[int, list[TextTranslation]] = {}
    content_type = ContentType.objects.get_for_model(Experience)
    for row in TextTranslation.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in ids], field__in=TEXT_FIELDS
    ).exclude(provenance="original"):
        rows.setdefault(int(row.object_id), []).append(row)
    return rows


def experience_index(*, experience: Experience) -> None:
    """Put ``experience`` in the search index if the public may find it, else take it out."""
    if experience.status != ExperienceStatus.PUBLISHED:
        search_index_remove(index=SEARCH_INDEX, object_id=experience.pk)
        return
    fresh = _with_relations(Experience.objects.filter(pk=experience.pk)).get()
    entry = _entry(fresh, _translation_rows([fresh.pk]).get(fresh.pk, []))
    search_index_replace(
        index=SEARCH_INDEX,
        object_id=entry.object_id,
        documents=entry.documents,
        facets=entry.facets,
        sort_date=entry.sort_date,
        point=entry.point,
    )


def _entries(batch_size: int) -> Iterator[SearchEntryData]:
    ids = list(
        Experience.objects.filter(status=ExperienceStatus.PUBLISHED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        rows = _translation_rows(chunk)
        for experience in _with_relations(Experience.objects.filter(pk__in=chunk).order_by("pk")):
            yield _entry(experience, rows.get(experience.pk, []))


def experiences_reindex_all(*, progress=None, batch_size: int = 500) -> int:
    """Rebuild the whole index of experiences from the database; returns how many are indexed."""
    search_index_clear(index=SEARCH_INDEX)
    return search_index_bulk(index=SEARCH_INDEX, entries=_entries(batch_size), progress=progress)
