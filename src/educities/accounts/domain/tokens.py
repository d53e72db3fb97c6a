"""Personal API tokens: made with a name, shown once, kept as a SHA-256 digest, revoked by their owner.

``api_token_create`` returns the secret (``edu_`` + 43 random URL-safe characters) once; nothing can
show it again. ``api_token_authenticate`` finds the user of a secret for the API's Bearer authentication
and notes when the token was last used (at most one write a minute per token).
"""

import datetime
import hashlib
import re
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from educities.accounts.models import ApiToken, User
from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.validators import has_control_characters

TOKEN_PREFIX = "edu_"  # noqa: S105 - the visible start of every token, not a secret
# What a secret looks like; anything else is refused before the database is asked.
TOKEN_PATTERN = re.compile(r"edu_[A-Za-z0-9_-]{43}")
PREFIX_LENGTH = len(TOKEN_PREFIX) + 8
NAME_MAX_LENGTH = 100
TOKENS_PER_USER = 20
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


class TokenRefused(Exception):
    """A secret that authenticates no one; ``message`` says why (translated)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ApiTokenCreated:
    token: ApiToken
    secret: str  # shown once, never stored


def api_token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(
    *, user: User, name: str, expires_at: datetime.datetime | None = None
) -> ApiTokenCreated:
    """A new token of ``user`` called ``name``; the returned ``secret`` is the only copy there is."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionRefused(_("Sign in to make an API token."))
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Give the token a name, such as the program that will use it."))
    if len(name) > NAME_MAX_LENGTH or has_control_characters(name):
        raise DomainError(
            _("A token name is one line of at most %(max)s characters.") % {"max": NAME_MAX_LENGTH}
        )
    if expires_at is not None and expires_at <= timezone.now():
        raise DomainError(_("The expiry date must be in the future."))
    # Locks the user's row: two requests at once cannot pass the limit together.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if api_tokens_active_count(user=user) >= TOKENS_PER_USER:
        raise DomainError(
            _("You have %(max)s active tokens: revoke one before making another.") % {"max": TOKENS_PER_USER}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=secret[:PREFIX_LENGTH],
        key_digest=api_token_digest(secret),
        expires_at=expires_at,
    )
    audit_record(subject=token, action="create", actor=user, comment=name)
    return ApiTokenCreated(token=token, secret=secret)


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor) -> ApiToken:
    """Revoke ``token`` for good (its owner or staff). Revoking a revoked token changes nothing."""
    if actor is None or not actor.is_authenticated or (actor.pk != token.user_id and not actor.is_staff):
        raise PermissionRefused(_("You are not allowed to do this."))
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is not None:
        token.revoked_at = locked.revoked_at
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(subject=token, action="revoke", actor=actor, comment=token.name)
    return token


def api_token_authenticate(*, secret: str) -> tuple[User, ApiToken]:
    """The user and token of ``secret``; raise ``TokenRefused`` when it authenticates no one."""
    if not isinstance(secret, str) or not TOKEN_PATTERN.fullmatch(secret):
        raise TokenRefused(_("Invalid token."))
    token = ApiToken.objects.select_related("user").filter(key_digest=api_token_digest(secret)).first()
    if token is None:
        raise TokenRefused(_("Invalid token."))
    if token.is_revoked:
        raise TokenRefused(_("This token has been revoked."))
    now = timezone.now()
    if token.is_expired(now):
        raise TokenRefused(_("This token has expired."))
    if not token.user.is_active:
        raise TokenRefused(_("This account is disabled."))
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token.user, token


def api_tokens_active_count(*, user: User) -> int:
    now = timezone.now()
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).exclude(expires_at__lte=now).count()
