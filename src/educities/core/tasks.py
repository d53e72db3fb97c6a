import logging
import time
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django_tasks import task

from educities.core.translation.errors import TranslationRetryable
from educities.core.translation.services import machine_translate

logger = logging.getLogger(__name__)


@task()
def task_email_send(*, recipients: list[str], subject: str, body: str, language: str = "en") -> int:
    """Send the same message to each recipient separately, over one connection.

    One message per recipient: a city's contact never sees the addresses of its editors or of the
    Secretariat (and the other way round).
    """
    messages = [
        EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[recipient])
        for recipient in recipients
    ]
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
