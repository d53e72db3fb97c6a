"""Selectors of the translators' workspace: which published experiences need a translator, and how
each text of one experience stands in one language.

A text (a non-blank original of one field) needs a translator in a language when it has no value
there (*missing*), when its translation was made from an older original (*stale*), or when it was
machine-translated and no one has checked it yet (*machine*). The queue decides this in the database
(``EXISTS`` subqueries), so it sorts and pages like any queryset; the details of one page's
experiences are read in one more query.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from educities.core.domain.translations_queries import (
    LanguageCoverage,
    TranslatedValue,
    translation_coverage,
    translations_prefetch,
)
from educities.core.enums import Provenance
from educities.core.models import TextTranslation
from educities.experiences.enums import TEXT_FIELDS, ExperienceStatus
from educities.experiences.models import Experience

NEED_MISSING = "missing"
NEED_STALE = "stale"
NEED_MACHINE = "machine"
TRANSLATION_NEEDS = (
    (NEED_MISSING, _("Not translated")),
    (NEED_STALE, _("Out of date")),
    (NEED_MACHINE, _("Machine translation not reviewed")),
)


@dataclass(frozen=True, slots=True)
class TranslationQueueItem:
    experience: Experience
    missing: tuple[str, ...]  # the fields, in form order
    stale: tuple[str, ...]
    machine: tuple[str, ...]


def _texts() -> QuerySet:
    return TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(Experience), field__in=TEXT_FIELDS
    )


def _original_digest() -> Subquery:
    """The digest of the non-blank original of the outer row's (object, field)."""
    return Subquery(
        _texts()
        .filter(
            object_id=OuterRef("object_id"),
            field=OuterRef("field"),
            provenance=Provenance.ORIGINAL,
        )
        .exclude(text="")
        .values("source_digest")[:1]
    )


def experiences_translation_queue(*, language: str, need: str = "") -> QuerySet:
    """Published experiences with a text that needs a translator in ``language`` (``need``: only
    those missing, stale or machine-translated there), the most recently published first.

    Each experience carries the booleans ``needs_missing``, ``needs_stale`` and ``needs_machine``.
    """
    object_id = Cast(OuterRef("pk"), CharField())
    rows = _texts().filter(object_id=object_id)
    in_language = (
        _texts()
        .filter(object_id=OuterRef("object_id"), field=OuterRef("field"), language=language)
        .exclude(provenance=Provenance.ORIGINAL)
    )
    translations = (
        rows.filter(language=language)
        .exclude(provenance=Provenance.ORIGINAL)
        .annotate(original_digest=_original_digest())
        .filter(original_digest__isnull=False)
    )
    queryset = (
        Experience.objects.filter(status=ExperienceStatus.PUBLISHED)
        .exclude(original_language=language)
        .annotate(
            needs_missing=Exists(
                rows.filter(~Exists(in_language), provenance=Provenance.ORIGINAL).exclude(text="")
            ),
            needs_stale=Exists(translations.exclude(source_digest=F("original_digest"))),
            needs_machine=Exists(
                translations.filter(
                    provenance=Provenance.MACHINE, reviewed=False, source_digest=F("original_digest")
                )
            ),
        )
    )
    if need == NEED_MISSING:
        queryset = queryset.filter(needs_missing=True)
    elif need == NEED_STALE:
        queryset = queryset.filter(needs_stale=True)
    elif need == NEED_MACHINE:
        queryset = queryset.filter(needs_machine=True)
    else:
        queryset = queryset.filter(Q(needs_missing=True) | Q(needs_stale=True) | Q(needs_machine=True))
    return queryset.select_related("city__country").order_by(
        F("last_published_at").desc(nulls_last=True), "-pk"
    )


def translation_queue_items(
    *, experiences: Sequence[Experience], language: str
) -> list[TranslationQueueItem]:
    """Which fields of each experience are missing, stale or machine-translated in ``language``."""
    if not experiences:
        return []
    by_id = {str(experience.pk): experience for experience in experiences}
    rows = (
        _texts()
        .filter(object_id__in=list(by_id))
        .filter(Q(language=language) | Q(provenance=Provenance.ORIGINAL))
        .values_list("object_id", "field", "language", "provenance", "source_digest", "reviewed", "text")
    )
    originals: dict[tuple[str, str], str] = {}
    targets: dict[tuple[str, str], tuple[str, str, bool]] = {}
    for object_id, field, row_language, provenance, digest, reviewed, text in rows:
        if provenance == Provenance.ORIGINAL:
            if text.strip():
                originals[(object_id, field)] = digest
        elif row_language == language:
            targets[(object_id, field)] = (provenance, digest, reviewed)
    items = []
    for object_id, experience in by_id.items():
        missing, stale, machine = [], [], []
        for field in TEXT_FIELDS:
            digest = originals.get((object_id, field))
            if digest is None or experience.original_language == language:
                continue
            target = targets.get((object_id, field))
            if target is None:
                missing.append(field)
            elif target[1] != digest:
                stale.append(field)
            elif target[0] == Provenance.MACHINE and not target[2]:
                machine.append(field)
        items.append(TranslationQueueItem(experience, tuple(missing), tuple(stale), tuple(machine)))
    return items


def experience_translation_coverage() -> dict[str, LanguageCoverage]:
    """Per site language, how the texts of every experience are covered (core ``translation_coverage``)."""
    return translation_coverage(model=Experience, fields=TEXT_FIELDS)


@dataclass(frozen=True, slots=True)
class FieldTranslation:
    """One text of an experience on the translation page: its original and its value in a language."""

    field: str
    original: TranslatedValue
    translation: TranslatedValue | None  # None: nothing in that language yet

    @property
    def needs_review(self) -> bool:
        value = self.translation
        return value is not None and value.is_machine and not value.reviewed and not value.is_stale


def experience_field_translations(
    *, experience: Experience, language: str, fields: Iterable[str] = TEXT_FIELDS
) -> list[FieldTranslation]:
    """Each text of ``experience``: the original, and the value in ``language`` (two queries)."""
    fields = list(fields)
    originals = translations_prefetch(objects=[experience], fields=fields, language=language, original=True)
    values = translations_prefetch(objects=[experience], fields=fields, language=language)
    result = []
    for field in fields:
        original = originals[(experience.pk, field)]
        value = values[(experience.pk, field)]
        has_translation = not value.is_fallback and not value.is_original and value.language == language
        result.append(FieldTranslation(field, original, value if has_translation else None))
    return result
