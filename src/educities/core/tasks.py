from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django_tasks import task


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
