"""Keeping the search index of experiences in step with what the public may see.

One index entry per public (published) experience, with one document per language it can be read in
(original, human and machine translations) and its facets. ``experience_index`` is called by every
service that changes what the public sees: publication, archive, restore, a revision, a translation.
"""

from collections.abc import Iterable, Iterator, Mapping

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


def facets_build(
    *,
    country: str,
    networks: Iterable[str],
    principles: Iterable[int | str],
    language: str,
    award: bool,
    start_year: int | None,
    tags: Iterable[tuple[str, str]],
) -> dict[str, list[str]]:
    """The facet values of one experience, from plain values (used by indexing and bulk import)."""
    facets: dict[str, list[str]] = {
        "country": [str(country)],
        "network": sorted(set(networks)),
        "principle": sorted({str(number) for number in principles}, key=int),
        "language": [language],
        "award": ["yes"] if award else [],
        "year": [str(start_year)] if start_year else [],
    }
    for kind, code in tags:
        facets.setdefault(_TAG_FACETS[kind], []).append(code)
    return facets


def experience_facets(experience: Experience) -> dict[str, list[str]]:
    """The facet values of one experience (relations should be prefetched, see ``_with_relations``)."""
    return facets_build(
        country=experience.city.country.code,
        networks=[m.network.slug for m in experience.city.network_memberships.all()],
        principles=[p.number for p in experience.principles.all()],
        language=experience.original_language,
        award=experience.is_award_winning,
        start_year=experience.start_date.year if experience.start_date else None,
        tags=[(tag.kind, tag.code) for tag in experience.tags.all()],
    )


def documents_build(
    *, original_language: str, texts: Mapping[str, Mapping[str, str]]
) -> list[SearchDocument]:
    """One search document per language that has a title; ``texts`` is {language: {field: text}}."""
    documents = []
    for language, values in texts.items():
        if not values.get("title"):
            continue
        body = "\n".join(richtext_to_plain(values.get(field) or "", sanitised=True) for field in RICH_FIELDS)
        documents.append(
            SearchDocument(
                language=language, title=values["title"], summary=values.get("summary") or "", body=body
            )
        )
    return documents


def _documents(experience: Experience, rows: Iterable[TextTranslation]) -> list[SearchDocument]:
    texts: dict[str, dict[str, str]] = {
        experience.original_language: {field: getattr(experience, field) or "" for field in TEXT_FIELDS}
    }
    for row in rows:
        if row.language != experience.original_language:
            texts.setdefault(row.language, {})[row.field] = row.text
    return documents_build(original_language=experience.original_language, texts=texts)


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
