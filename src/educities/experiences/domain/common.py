"""What the experience services share: the permission check and the e-mails to the city."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from educities.core.domain.errors import PermissionRefused
from educities.core.domain.notifications import email_notify_on_commit
from educities.members.enums import RoleKind


def require(actor, permission: str, obj) -> None:
    # ``actor=None`` is the system itself (demo loader, management commands, tasks).
    if actor is not None and not actor.has_perm(permission, obj):
        raise PermissionRefused(_("You are not allowed to do this."))


def notify_city(
    *, experience, event: str, comment: str = "", state_label=None, to_secretariat: bool = False
) -> None:
    """E-mail the city's editors (each in their language) and, when asked, the Secretariat."""
    editors = experience.city.role_grants.filter(kind=RoleKind.CITY_EDITOR).values_list(
        "user__email", "user__language"
    )
    by_language: dict[str, list[str]] = {}
    for email, language in editors:
        by_language.setdefault(language or settings.LANGUAGE_CODE, []).append(email)
    if to_secretariat:
        by_language.setdefault(settings.LANGUAGE_CODE, []).append(settings.SECRETARIAT_EMAIL)
    for language, recipients in by_language.items():
        with translation.override(language):
            label = str(state_label) if state_label is not None else ""
            context = {
                "experience": experience,
                "event": event,
                "state": label,
                "comment": comment,
                "site_url": settings.SITE_URL.rstrip("/"),
            }
            subject = _("Experience “%(title)s”: %(state)s") % {
                "title": experience.title[:80],
                "state": label,
            }
            body = render_to_string("experiences/email/experience_changed.txt", context)
        email_notify_on_commit(recipients=recipients, subject=subject, body=body, language=language)
