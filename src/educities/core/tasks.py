import logging
import time
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django_tasks import task

from educities.core.translation.errors import TranslationRetryable
from educities.core.translation.services import machine_translate

logger = logging.getLogger(__name__)


@task()
def task_email_send(
    *,
    recipients: list[str],
    subject: str,
    body: str,
    language: str = "en",
    attachments: list[dict[str, str]] | None = None,
) -> int:
    """Send the same message to each recipient separately, over one connection.

    One message per recipient: a city's contact never sees the addresses of its editors or of the
    Secretariat (and the other way round). ``attachments`` are text files (an iCal invitation...):
    ``{"filename": ..., "content": ..., "mimetype": ...}`` each, so the task's arguments stay JSON.
    """
    messages = []
    for recipient in recipients:
        message = EmailMessage(
            subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[recipient]
        )
        for attachment in attachments or []:
            message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        messages.append(message)
    if not messages:
        return 0
    with get_connection(fail_silently=False) as connection:
        return connection.send_messages(messages) or 0


def translation_retry_sleep(seconds: float) -> None:
    """Wait between two attempts (tests replace this function: they never really sleep)."""
    time.sleep(seconds)


@task()
def task_machine_translate(
    *, texts: list[str], source: str, target: str, html: bool = False
) -> list[dict[str, Any]]:
    """Machine-translate ``texts`` and return one ``TranslationResult.as_dict()`` per text, in order.

    Temporary failures (TranslationRetryable: 429, 5xx, timeouts, network errors) are retried here, in
    a bounded loop: up to TRANSLATION_MAX_ATTEMPTS attempts, waiting TRANSLATION_RETRY_DELAY seconds,
    then twice as long each time. django-tasks 0.12 has no retry of its own, and re-enqueueing with
    ``run_after`` is not possible on the immediate backend the project uses by default, so the loop
    works the same on every backend. Every other error (off, refused, quota exceeded) fails the task
    at once: retrying cannot help.
    """
    max_attempts = max(1, int(settings.TRANSLATION_MAX_ATTEMPTS))
    delay = float(settings.TRANSLATION_RETRY_DELAY)
    for attempt in range(1, max_attempts + 1):
        try:
            results = machine_translate(texts=texts, source=source, target=target, html=html)
        except TranslationRetryable as error:
            if attempt == max_attempts:
                raise
            wait = delay * 2 ** (attempt - 1)
            logger.warning(
                "Machine translation attempt %s of %s failed (%s); retrying in %s s.",
                attempt,
                max_attempts,
                error.message,
                wait,
            )
            translation_retry_sleep(wait)
        else:
            return [result.as_dict() for result in results]
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


@task()
def task_translate_object(
    *,
    content_type_id: int,
    object_id: str,
    fields: list[str],
    targets: list[str],
    rich_fields: list[str] | tuple[str, ...] = (),
) -> dict[str, int]:
    """Machine-translate the ``fields`` of one object into the ``targets`` that are missing or stale.

    Called after commit by ``translations_request_machine``. The original language, fresh translations
    (human or machine) and blank originals are skipped; results are saved with
    ``translation_save_machine`` (which never overwrites a fresh human translation). With translation
    off it logs once and does nothing. A refused or failed language is logged and the others go on;
    a used-up quota stops the run. Returns how many translations were saved and how many failed.
    """
    from django.contrib.contenttypes.models import ContentType

    from educities.core.domain.translations import translation_save_machine
    from educities.core.enums import Provenance
    from educities.core.models import TextTranslation
    from educities.core.translation.errors import TranslationError, TranslationQuotaExceeded
    from educities.core.translation.registry import translation_provider

    summary = {"saved": 0, "failed": 0}
    try:
        provider = translation_provider()
    except TranslationError as error:
        logger.warning("Machine translation is unavailable: %s", error.message)
        return summary
    if not provider.enabled:
        logger.info("Machine translation is off: object %s:%s left untranslated.", content_type_id, object_id)
        return summary
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    obj = model._default_manager.filter(pk=object_id).first() if model is not None else None
    if obj is None:
        return summary
    rows = list(
        TextTranslation.objects.filter(
            content_type_id=content_type_id, object_id=str(object_id), field__in=list(fields)
        )
    )
    originals = {row.field: row for row in rows if row.provenance == Provenance.ORIGINAL}
    existing = {(row.field, row.language): row for row in rows if row.provenance != Provenance.ORIGINAL}
    # (source language, target, html) → fields to send together in one request.
    batches: dict[tuple[str, str, bool], list[str]] = {}
    for field in fields:
        original = originals.get(field)
        if original is None or not original.text.strip():
            continue
        for target in targets:
            row = existing.get((field, target))
            if target == original.language or (
                row is not None and row.source_digest == original.source_digest
            ):
                continue
            batches.setdefault((original.language, target, field in rich_fields), []).append(field)
    for (source, target, html), batch in batches.items():
        texts = [originals[field].text for field in batch]
        try:
            results = task_machine_translate.call(texts=texts, source=source, target=target, html=html)
        except TranslationQuotaExceeded as error:
            logger.warning("Machine translation stopped: %s", error.message)
            summary["failed"] += len(batch)
            break
        except TranslationError as error:
            logger.warning("Machine translation into %s failed: %s", target, error.message)
            summary["failed"] += len(batch)
            continue
        # One transaction per language: whoever listens to saved translations (the search index of
        # experiences) hears them together.
        with transaction.atomic():
            for field, result in zip(batch, results, strict=True):
                translation_save_machine(
                    obj=obj,
                    field=field,
                    language=target,
                    text=result["text"],
                    engine=result["engine"],
                    source_digest=originals[field].source_digest,
                )
                summary["saved"] += 1
    return summary
