"""Multilingual content: one value per language for each translatable field of any object.

Each (object, field) has one original row (the language it was written in) and any number of human or
machine translations, all ``TextTranslation`` rows found through content types, so any model can use
this without a change here. A translation remembers the digest of the original text it was made from
(``source_digest``); when the original changes, its digest changes and the translation becomes stale.

These functions check their input but not permissions: the domain function of the content (an
experience, a publication...) decides who may write and then calls them.
"""

import hashlib
import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError
from educities.core.enums import Provenance
from educities.core.models import TextTranslation
from educities.core.signals import translation_saved

logger = logging.getLogger(__name__)

FIELD_MAX_LENGTH = 64


def translation_digest(text: str) -> str:
    """The sha256 of ``text`` with line endings unified and outer whitespace ignored."""
    normalised = str(text).replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def translation_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _check_language(language: str) -> None:
    codes = translation_languages()
    if language not in codes:
        raise DomainError(
            _("“%(language)s” is not one of the site’s languages (%(languages)s).")
            % {"language": language, "languages": ", ".join(codes)}
        )


def _check_target(obj: models.Model, field: str) -> None:
    if obj is None or getattr(obj, "pk", None) is None:
        raise DomainError(_("Save the item before adding texts in other languages."))
    if not isinstance(field, str) or not field or len(field) > FIELD_MAX_LENGTH or not field.isidentifier():
        raise DomainError(_("“%(field)s” is not the name of a field.") % {"field": field})


def _rows(obj: models.Model, field: str):
    return TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk), field=field
    )


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _original_or_refuse(obj: models.Model, field: str) -> TextTranslation:
    original = _rows(obj, field).filter(provenance=Provenance.ORIGINAL).first()
    if original is None:
        raise DomainError(_("This text has no original yet: write it before translating it."))
    return original


@transaction.atomic
def translation_set_original(
    *, obj: models.Model, field: str, language: str, text: str, actor=None
) -> TextTranslation:
    """Record ``text`` as the original of ``obj.field``, written in ``language``.

    Unchanged text in the same language changes nothing (translations stay fresh). When the original
    language changes, the former original becomes a human translation of the text it was, so it is
    stale unless the texts are identical, and the row of the new language (if any) becomes the original.
    """
    _check_target(obj, field)
    _check_language(language)
    text = "" if text is None else str(text)
    digest = translation_digest(text)
    now = timezone.now()
    rows = {row.language: row for row in _rows(obj, field).select_for_update()}
    current = next((row for row in rows.values() if row.provenance == Provenance.ORIGINAL), None)
    if current is not None and current.language == language:
        if current.text == text:
            return current
        current.text = text
        current.source_digest = digest
        current.translated_at = now
        current.translator = _user(actor) or current.translator
        current.save(update_fields=["text", "source_digest", "translated_at", "translator"])
        return current
    if current is not None:
        # Its digest stays: the digest of the text it was, compared from now on with the new original.
        current.provenance = Provenance.HUMAN
        current.save(update_fields=["provenance"])
    row = rows.get(language) or TextTranslation(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        field=field,
        language=language,
    )
    row.text = text
    row.provenance = Provenance.ORIGINAL
    row.engine = ""
    row.translator = _user(actor)
    row.source_digest = digest
    row.translated_at = now
    row.reviewed = False
    row.save()
    return row


@transaction.atomic
def translation_save_human(
    *, obj: models.Model, field: str, language: str, text: str, actor
) -> TextTranslation:
    """Save a person's translation of ``obj.field`` into ``language`` (of the current original)."""
    _check_target(obj, field)
    _check_language(language)
    text = "" if text is None else str(text)
    if not text.strip():
        raise DomainError(_("Write the translation before saving it."))
    original = _original_or_refuse(obj, field)
    if original.language == language:
        raise DomainError(
            _("This text was written in this language: edit the original instead of translating it.")
        )
    row, _created = TextTranslation.objects.update_or_create(
        content_type_id=original.content_type_id,
        object_id=original.object_id,
        field=field,
        language=language,
        defaults={
            "text": text,
            "provenance": Provenance.HUMAN,
            "engine": "",
            "translator": _user(actor),
            "source_digest": original.source_digest,
            "translated_at": timezone.now(),
            "reviewed": False,
        },
    )
    audit_record(subject=obj, action="translation_save", actor=actor, to_state=language, comment=field)
    translation_saved.send(sender=type(obj), obj=obj, field=field, language=language)
    return row


@transaction.atomic
def translation_save_machine(
    *,
    obj: models.Model,
    field: str,
    language: str,
    text: str,
    engine: str,
    source_digest: str | None = None,
) -> TextTranslation:
    """Save a machine translation of ``obj.field`` into ``language``.

    A human translation that is not stale is never overwritten: it is returned unchanged. The original
    is never overwritten either. ``source_digest`` is the digest of the original that was sent to the
    engine (by default the current one); if the original changed meanwhile the row is saved as stale.
    """
    _check_target(obj, field)
    _check_language(language)
    original = _original_or_refuse(obj, field)
    if original.language == language:
        return original
    existing = (
        _rows(obj, field)
        .select_for_update()
        .filter(language=language)
        .exclude(provenance=Provenance.ORIGINAL)
    ).first()
    if (
        existing is not None
        and existing.provenance == Provenance.HUMAN
        and existing.source_digest == original.source_digest
    ):
        return existing
    row = existing or TextTranslation(
        content_type_id=original.content_type_id, object_id=original.object_id, field=field, language=language
    )
    row.text = "" if text is None else str(text)
    row.provenance = Provenance.MACHINE
    row.engine = str(engine)[:32]
    row.translator = None
    row.source_digest = original.source_digest if source_digest is None else source_digest
    row.translated_at = timezone.now()
    row.reviewed = False
    row.save()
    translation_saved.send(sender=type(obj), obj=obj, field=field, language=language)
    return row


@transaction.atomic
def translation_mark_reviewed(*, obj: models.Model, field: str, language: str, actor) -> TextTranslation:
    """Record that ``actor`` checked the machine translation of ``obj.field`` into ``language``."""
    _check_target(obj, field)
    _check_language(language)
    original = _original_or_refuse(obj, field)
    row = _rows(obj, field).select_for_update().filter(language=language).first()
    if row is None or row.provenance != Provenance.MACHINE:
        raise DomainError(_("There is no machine translation in this language to review."))
    if row.source_digest != original.source_digest:
        raise DomainError(_("This translation is out of date: update it before marking it as reviewed."))
    if row.reviewed:
        return row
    row.reviewed = True
    row.translator = _user(actor)
    row.save(update_fields=["reviewed", "translator"])
    audit_record(subject=obj, action="translation_review", actor=actor, to_state=language, comment=field)
    return row


def translations_request_machine(
    *,
    obj: models.Model,
    fields: Iterable[str],
    targets: Iterable[str] | None = None,
    rich_fields: Iterable[str] = (),
) -> bool:
    """After the transaction commits, machine-translate ``fields`` into the ``targets`` that need it.

    ``targets`` defaults to every site language; the task skips the original language, fresh
    translations (human or machine) and blank originals. ``rich_fields`` are sent as HTML. Returns
    False (and schedules nothing) when machine translation is off.
    """
    from educities.core.tasks import task_translate_object  # the tasks module imports the domain

    fields = list(dict.fromkeys(fields))
    targets = translation_languages() if targets is None else list(dict.fromkeys(targets))
    rich = [field for field in dict.fromkeys(rich_fields) if field in fields]
    for field in fields:
        _check_target(obj, field)
    for language in targets:
        _check_language(language)
    provider = (getattr(settings, "TRANSLATION_PROVIDER", "") or "none").strip().lower()
    if provider == "none" or not fields or not targets:
        return False
    content_type_id = ContentType.objects.get_for_model(obj).pk
    object_id = str(obj.pk)
    transaction.on_commit(
        lambda: task_translate_object.enqueue(
            content_type_id=content_type_id,
            object_id=object_id,
            fields=fields,
            targets=targets,
            rich_fields=rich,
        )
    )
    return True


def translations_delete_for(*, obj: models.Model) -> int:
    """Delete every language's value of every field of ``obj`` (call it when deleting the object)."""
    deleted, _by_model = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).delete()
    return deleted
