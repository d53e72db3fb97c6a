"""Bulk import of published experiences (an existing databank moved onto the platform).

Each record is checked with the same rules as the editor (``experience_values_clean``); the import is
all or nothing: the first pass checks every record and reports errors by record number and field, the
second writes in batches (experiences, tags, partners, links, text rows with provenance) and the
search index is then built in one bulk pass.
"""

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from educities.charter.models import CharterPrinciple
from educities.core.bulk import model_bulk_insert
from educities.core.domain.translations import translation_digest
from educities.core.enums import Provenance
from educities.core.models import AuditEntry, TextTranslation
from educities.core.search import SearchEntryData, search_index_bulk
from educities.experiences.domain.drafts import experience_slug
from educities.experiences.domain.search import SEARCH_INDEX, documents_build, facets_build
from educities.experiences.domain.values import TAG_KEYS, ValuesInvalid, experience_values_clean
from educities.experiences.enums import TEXT_FIELDS, ExperienceStatus
from educities.experiences.models import Experience, ExperienceLink, ExperiencePartner, ExperienceTag
from educities.members.models import City, NetworkMembership

BATCH = 1000
LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)


@dataclass
class ImportReport:
    created: int = 0
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (record number, field, message)

    @property
    def ok(self) -> bool:
        return not self.errors


def _check(
    records: list[tuple[int, Any]], cities: dict[str, City], report: ImportReport, principles: set[int]
) -> list[dict]:
    checked = []
    for number, record in records:
        if not isinstance(record, Mapping):
            report.errors.append((number, "", _("A record must be an object.")))
            continue
        city = cities.get(str(record.get("city", "")))
        if city is None:
            report.errors.append((number, "city", _("No city with this slug.")))
            continue
        try:
            values = experience_values_clean(
                record.get("values") or {}, city_id=city.pk, principle_numbers=principles
            )
        except ValuesInvalid as error:
            report.errors.extend((number, key, " ".join(messages)) for key, messages in error.errors.items())
            continue
        translations = record.get("translations") or {}
        provenance = record.get("provenance", Provenance.HUMAN)
        if provenance not in {Provenance.HUMAN, Provenance.MACHINE} or not isinstance(translations, Mapping):
            report.errors.append(
                (number, "translations", _("Give translations as {language: {field: text}}."))
            )
            continue
        checked.append({"city": city, "values": values, "record": record, "translations": translations})
    return checked


def _chunks(records: Iterable[Any], size: int):
    chunk: list[tuple[int, Any]] = []
    for number, record in enumerate(records, start=1):
        chunk.append((number, record))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@transaction.atomic
def experiences_bulk_import(
    *,
    records: Iterable[Mapping[str, Any]],
    actor=None,
    progress: Callable[[str, int], None] | None = None,
) -> ImportReport:
    """Import ``records`` as published experiences; nothing is written if any record is refused.

    A record: ``{"city": slug, "values": {...values dict...}, "translations": {lang: {field: text}},
    "provenance": "human" | "machine", "engine": "...", "published_at": ISO date, "award_winning": bool}``.
    Records are read, checked, written and indexed one batch at a time, so memory stays flat; after the
    first refused record the rest are only checked (to list every problem) and everything is rolled back.
    """
    report = ImportReport()
    cities = {city.slug: city for city in City.objects.select_related("country")}
    networks: dict[int, list[str]] = {}
    for city_id, slug in NetworkMembership.objects.values_list("city_id", "network__slug"):
        networks.setdefault(city_id, []).append(slug)
    principles = dict(CharterPrinciple.objects.values_list("number", "pk"))
    content_type = ContentType.objects.get_for_model(Experience)
    taken = set(Experience.objects.values_list("slug", flat=True))
    now = timezone.now()
    for chunk in _chunks(records, BATCH):
        checked = _check(chunk, cities, report, set(principles))
        if not report.ok:
            continue
        experiences = _write(
            checked, actor=actor, taken=taken, principles=principles, content_type=content_type, now=now
        )
        _index(experiences, checked, networks)
        report.created += len(experiences)
        if progress:
            progress("import", report.created)
    if not report.ok:
        report.created = 0
        transaction.set_rollback(True)
    return report


def _write(checked: list[dict], *, actor, taken: set[str], principles, content_type, now) -> list[Experience]:
    experiences = []
    for item in checked:
        values, record = item["values"], item["record"]
        slug = experience_slug(title=values["title"], city=item["city"], taken=taken)
        published = _published_at(record.get("published_at")) or now
        experiences.append(
            Experience(
                city=item["city"],
                slug=slug,
                status=ExperienceStatus.PUBLISHED,
                original_language=values["original_language"],
                **{name: values[name] for name in TEXT_FIELDS},
                start_date=_date(values["start_date"]),
                end_date=None if values["is_ongoing"] else _date(values["end_date"]),
                is_ongoing=values["is_ongoing"],
                budget_range=values["budget_range"],
                contact_id=values["contact"],
                is_award_winning=bool(record.get("award_winning")),
                created_by=actor if actor is not None and actor.is_authenticated else None,
                submitted_at=published,
                published_at=published,
                last_published_at=published,
            )
        )
    Experience.objects.bulk_create(experiences, batch_size=BATCH)
    pairs = list(zip(experiences, checked, strict=True))
    model_bulk_insert(
        model=ExperienceTag,
        fields=("experience", "kind", "code"),
        rows=(
            (experience.pk, kind, code)
            for experience, item in pairs
            for key, kind in TAG_KEYS.items()
            for code in item["values"][key]
        ),
    )
    model_bulk_insert(
        model=ExperiencePartner,
        fields=("experience", "position", "name", "kind"),
        rows=(
            (experience.pk, position, row["name"], row["kind"])
            for experience, item in pairs
            for position, row in enumerate(item["values"]["partners"])
        ),
    )
    model_bulk_insert(
        model=ExperienceLink,
        fields=("experience", "position", "url", "label"),
        rows=(
            (experience.pk, position, row["url"], row["label"])
            for experience, item in pairs
            for position, row in enumerate(item["values"]["links"])
        ),
    )
    model_bulk_insert(
        model=Experience.principles.through,
        fields=("experience", "charterprinciple"),
        rows=(
            (experience.pk, principles[number])
            for experience, item in pairs
            for number in item["values"]["principles"]
        ),
    )
    model_bulk_insert(
        model=TextTranslation,
        fields=TEXT_ROW_FIELDS,
        rows=(
            row for experience, item in pairs for row in _text_rows(experience, item, content_type.pk, now)
        ),
    )
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    model_bulk_insert(
        model=AuditEntry,
        fields=(
            "content_type",
            "object_id",
            "action",
            "actor",
            "from_state",
            "to_state",
            "comment",
            "created_at",
        ),
        rows=(
            (content_type.pk, str(experience.pk), "import", actor_id, "", ExperienceStatus.PUBLISHED, "", now)
            for experience in experiences
        ),
    )
    return experiences


TEXT_ROW_FIELDS = (
    "content_type",
    "object_id",
    "field",
    "language",
    "text",
    "provenance",
    "engine",
    "source_digest",
    "translated_at",
    "reviewed",
)


def _text_rows(experience: Experience, item: dict, content_type_id: int, now) -> list[tuple]:
    """The text rows of one experience, as tuples of TEXT_ROW_FIELDS: its originals, then translations."""
    values, record = item["values"], item["record"]
    object_id = str(experience.pk)
    digests = {name: translation_digest(values[name]) for name in TEXT_FIELDS}
    rows = [
        (
            content_type_id,
            object_id,
            name,
            experience.original_language,
            values[name],
            Provenance.ORIGINAL,
            "",
            digests[name],
            now,
            False,
        )
        for name in TEXT_FIELDS
    ]
    provenance = record.get("provenance", Provenance.HUMAN)
    engine = str(record.get("engine", ""))[:32] if provenance == Provenance.MACHINE else ""
    for language, texts in item["translations"].items():
        if (
            language == experience.original_language
            or language not in LANGUAGE_CODES
            or not isinstance(texts, Mapping)
        ):
            continue
        rows += [
            (
                content_type_id,
                object_id,
                name,
                language,
                str(texts[name]),
                provenance,
                engine,
                digests[name],
                now,
                False,
            )
            for name in TEXT_FIELDS
            if texts.get(name)
        ]
    return rows


def _index(experiences: list[Experience], checked: list[dict], networks: dict[int, list[str]]) -> None:
    entries = []
    for experience, item in zip(experiences, checked, strict=True):
        values, city = item["values"], item["city"]
        texts = {experience.original_language: {name: values[name] for name in TEXT_FIELDS}}
        for language, translated in item["translations"].items():
            if isinstance(translated, Mapping) and language != experience.original_language:
                texts[language] = {name: str(translated.get(name) or "") for name in TEXT_FIELDS}
        entries.append(
            SearchEntryData(
                object_id=experience.pk,
                documents=documents_build(original_language=experience.original_language, texts=texts),
                facets=facets_build(
                    country=city.country.code,
                    networks=networks.get(city.pk, []),
                    principles=values["principles"],
                    language=experience.original_language,
                    award=experience.is_award_winning,
                    start_year=int(values["start_date"][:4]) if values["start_date"] else None,
                    tags=[(kind, code) for key, kind in TAG_KEYS.items() for code in values[key]],
                ),
                sort_date=experience.published_at.date(),
                point=(city.latitude, city.longitude),
            )
        )
    search_index_bulk(index=SEARCH_INDEX, entries=entries)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _published_at(value) -> datetime.datetime | None:
    if not value:
        return None
    try:
        date = datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return datetime.datetime.combine(date, datetime.time(12), tzinfo=datetime.UTC)
