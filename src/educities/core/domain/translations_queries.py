"""Reading multilingual content: the reader's language, else the original with a notice."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from educities.core.enums import Provenance
from educities.core.models import TextTranslation


@dataclass(frozen=True, slots=True)
class TranslatedValue:
    """What a reader sees of one field, and what the page should say about it.

    ``is_fallback``: the reader's language has no value, so the original is shown (with a notice).
    ``is_stale``: a translation made from an older version of the original. When the field has no
    original row at all, the object's own attribute is shown as an original in an unknown language.
    In a template, ``{{ value }}`` shows the text escaped (or sanitised, when the tag was asked for
    rich text).
    """

    text: str
    language: str
    provenance: str
    engine: str
    is_original: bool
    is_fallback: bool
    is_stale: bool
    original_language: str
    translated_at: datetime.datetime | None = None
    reviewed: bool = False

    def __str__(self) -> str:
        return str(self.text)

    def __html__(self) -> SafeString:
        return conditional_escape(self.text)

    @property
    def is_machine(self) -> bool:
        return self.provenance == Provenance.MACHINE

    @property
    def original_language_name(self) -> str:
        return str(dict(settings.LANGUAGES).get(self.original_language, self.original_language))


def _untracked(obj: models.Model, field: str) -> TranslatedValue:
    value = getattr(obj, field, "")
    return TranslatedValue(
        text="" if value is None else str(value),
        language="",
        provenance=Provenance.ORIGINAL,
        engine="",
        is_original=True,
        is_fallback=False,
        is_stale=False,
        original_language="",
    )


def _value(row: TextTranslation, original: TextTranslation, *, fallback: bool = False) -> TranslatedValue:
    is_original = row.provenance == Provenance.ORIGINAL
    return TranslatedValue(
        text=row.text,
        language=row.language,
        provenance=row.provenance,
        engine=row.engine,
        is_original=is_original,
        is_fallback=fallback,
        is_stale=not is_original and row.source_digest != original.source_digest,
        original_language=original.language,
        translated_at=row.translated_at,
        reviewed=row.reviewed,
    )


def _choose(
    obj: models.Model, field: str, rows: list[TextTranslation], language: str, original: bool
) -> TranslatedValue:
    source = next((row for row in rows if row.provenance == Provenance.ORIGINAL), None)
    if source is None:
        return _untracked(obj, field)
    if original or source.language == language:
        return _value(source, source)
    wanted = next((row for row in rows if row.language == language), None)
    if wanted is None:
        return _value(source, source, fallback=True)
    return _value(wanted, source)


def translated_text(
    *, obj: models.Model, field: str, language: str, original: bool = False
) -> TranslatedValue:
    """``obj.field`` in ``language``, else in its original language (``original=True``: the original)."""
    rows = list(
        TextTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk), field=field
        ).filter(Q(language=language) | Q(provenance=Provenance.ORIGINAL))
    )
    return _choose(obj, field, rows, language, original)


def translations_prefetch(
    *, objects: Iterable[models.Model], fields: Iterable[str], language: str, original: bool = False
) -> dict[tuple, TranslatedValue]:
    """``{(obj.pk, field): TranslatedValue}`` for every object and field, in one query.

    Only the rows in ``language`` and the originals are read. The objects must be of one model. Put the
    dict in the template context as ``translations`` and ``{% translated %}`` uses it.
    """
    objects = [obj for obj in objects if obj.pk is not None]
    fields = list(dict.fromkeys(fields))
    if not objects or not fields:
        return {}
    by_id = {str(obj.pk): obj for obj in objects}
    rows_by_key: dict[tuple[str, str], list[TextTranslation]] = {}
    rows = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(objects[0]),
        object_id__in=list(by_id),
        field__in=fields,
    ).filter(Q(language=language) | Q(provenance=Provenance.ORIGINAL))
    for row in rows:
        rows_by_key.setdefault((row.object_id, row.field), []).append(row)
    return {
        (obj.pk, field): _choose(obj, field, rows_by_key.get((object_id, field), []), language, original)
        for object_id, obj in by_id.items()
        for field in fields
    }


@dataclass(frozen=True, slots=True)
class LanguageCoverage:
    """For one language, over every (object, field) that has an original: how it is covered."""

    language: str
    original: int  # written in this language
    human: int
    machine: int
    stale: int  # human or machine translations made from an older original
    missing: int  # neither written nor translated in this language

    @property
    def translated(self) -> int:
        return self.human + self.machine


def translation_coverage(*, model: type[models.Model], fields: Iterable[str]) -> dict[str, LanguageCoverage]:
    """Per site language: how many values of ``fields`` of ``model`` are original, translated, stale, missing.

    Only existing objects count (rows left by a deleted object are ignored). One query (the texts
    themselves are not read), whatever the number of objects.
    """
    fields = list(dict.fromkeys(fields))
    existing_ids = model._default_manager.annotate(_translation_id=Cast("pk", CharField())).values(
        "_translation_id"
    )
    rows = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        field__in=fields,
        object_id__in=existing_ids,
    ).values_list("object_id", "field", "language", "provenance", "source_digest")
    originals: dict[tuple[str, str], str] = {}
    translations: list[tuple[tuple[str, str], str, str, str]] = []
    for object_id, field, language, provenance, digest in rows:
        if provenance == Provenance.ORIGINAL:
            originals[(object_id, field)] = digest
        translations.append(((object_id, field), language, provenance, digest))
    counts = {
        code: {"original": 0, "human": 0, "machine": 0, "stale": 0} for code, _name in settings.LANGUAGES
    }
    for key, language, provenance, digest in translations:
        if key not in originals or language not in counts:
            continue
        counts[language][provenance] += 1
        if provenance != Provenance.ORIGINAL and digest != originals[key]:
            counts[language]["stale"] += 1
    total = len(originals)
    return {
        language: LanguageCoverage(
            language=language,
            original=values["original"],
            human=values["human"],
            machine=values["machine"],
            stale=values["stale"],
            missing=total - values["original"] - values["human"] - values["machine"],
        )
        for language, values in counts.items()
    }
