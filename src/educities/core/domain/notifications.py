"""E-mail notifications, always sent after the transaction that caused them commits."""

from django.db import transaction

from educities.core.tasks import task_email_send


def email_notify_on_commit(*, recipients: list[str], subject: str, body: str, language: str = "en") -> None:
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return
    transaction.on_commit(
        lambda: task_email_send.enqueue(recipients=recipients, subject=subject, body=body, language=language)
    )
