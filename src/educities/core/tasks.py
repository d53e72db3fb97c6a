from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def task_email_send(*, recipients: list[str], subject: str, body: str, language: str = "en") -> int:
    return send_mail(
        subject=subject,
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
        fail_silently=False,
    )
