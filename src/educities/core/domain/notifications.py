"""E-mail notifications, always sent after the transaction that caused them commits."""

import re

from django.db import transaction

from educities.core.tasks import task_email_send

# Any run of whitespace or control characters (CR, LF, TAB, BEL, NUL, line separators...), except the
# no-break spaces French typography puts before ":" (they break no header and belong to the text).
_SUBJECT_BREAKS = re.compile(r"(?:[^\S\u00a0\u202f]|[\x00-\x1f\x7f-\x9f\u2028\u2029])+")


def email_subject_safe(subject: str) -> str:
    """The subject on one line: a line break in a header would make Django refuse the whole message."""
    return _SUBJECT_BREAKS.sub(" ", str(subject)).strip()


def email_notify_on_commit(
    *,
    recipients: list[str],
    subject: str,
    body: str,
    language: str = "en",
    attachments: list[dict[str, str]] | None = None,
) -> None:
    """Queue the message once the transaction commits; ``attachments`` as ``task_email_send`` takes them."""
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return
    subject = email_subject_safe(subject)
    extra = {"attachments": attachments} if attachments else {}
    transaction.on_commit(
        lambda: task_email_send.enqueue(
            recipients=recipients, subject=subject, body=body, language=language, **extra
        )
    )
