"""Selectors of the accounts app."""

from django.db.models import QuerySet

from educities.accounts.models import ApiToken, User


def api_tokens_for(*, user: User) -> QuerySet[ApiToken]:
    """``user``'s tokens, newest first (revoked and expired ones included, to show what happened)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")
