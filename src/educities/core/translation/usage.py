"""Characters sent to each provider per calendar month, and the monthly limit."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from educities.core.models import MachineTranslationUsage
from educities.core.translation.errors import TranslationQuotaExceeded


def translation_month(day: datetime.date | None = None) -> datetime.date:
    """The first day of the month ``day`` falls in (today, in the site's time zone, by default)."""
    return (day or timezone.localdate()).replace(day=1)


def translation_usage_record(*, provider: str, characters: int) -> MachineTranslationUsage:
    """Add one request of ``characters`` to this month's row for ``provider`` (concurrency-safe)."""
    month = translation_month()
    with transaction.atomic():
        usage, _created = MachineTranslationUsage.objects.get_or_create(provider=provider, month=month)
        MachineTranslationUsage.objects.filter(pk=usage.pk).update(
            characters=F("characters") + characters, requests=F("requests") + 1
        )
    usage.refresh_from_db()
    return usage


def translation_usage_for_month(*, provider: str, month: datetime.date | None = None) -> int:
    """Characters sent to ``provider`` in the month of ``month`` (this month by default)."""
    row = (
        MachineTranslationUsage.objects.filter(provider=provider, month=translation_month(month))
        .values_list("characters", flat=True)
        .first()
    )
    return row or 0


def translation_limit_check(*, provider: str, characters: int) -> None:
    """Refuse a request that would take ``provider`` past the monthly limit (0: no limit).

    The check happens before the call and the count after it, so two requests at the same moment can
    together pass the limit by at most one request: a budget guard, not an exact meter.
    """
    limit = int(getattr(settings, "TRANSLATION_MONTHLY_CHARACTER_LIMIT", 0) or 0)
    if limit <= 0:
        return
    used = translation_usage_for_month(provider=provider)
    if used + characters > limit:
        raise TranslationQuotaExceeded(
            _(
                "This month’s machine-translation allowance is used up: %(used)s of %(limit)s characters "
                "sent, and this text needs %(needed)s more. Translation resumes next month."
            )
            % {"used": used, "limit": limit, "needed": characters}
        )
