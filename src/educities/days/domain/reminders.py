"""The reminder to member cities that have not registered an activity for the Day yet.

Sent once per campaign (``Campaign.reminder_sent_at``), from ``reminder_days_before`` days before
30 November (``manage.py day_reminders`` runs it daily from cron; the Secretariat may send it earlier
with ``force``). Each city's contacts and editors get one message each, in their own language.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.notifications import email_notify_on_commit
from educities.core.domain.translations_queries import translated_text
from educities.days.domain.common import MANAGE_CAMPAIGN, ReminderRefused, day_of, require, site_link
from educities.days.enums import ActivityStatus
from educities.days.models import Activity, Campaign
from educities.members.enums import MembershipStatus, RoleKind
from educities.members.models import City, Contact, RoleGrant

REMINDER_TEMPLATE = "days/email/reminder.txt"


def _language(code: str) -> str:
    known = {language for language, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE


def reminder_recipients(*, campaign: Campaign) -> list[City]:
    """Member cities with no activity in the campaign (cancelled ones do not count), by country and name.

    Each city carries ``reminder_addresses``: its contacts' and active editors' addresses as
    ``(email, language)`` pairs, one per address, sorted; and ``reminder_emails``, the addresses alone.
    Three queries, whatever the number of cities.
    """
    busy = (
        Activity.objects.filter(campaign=campaign).exclude(status=ActivityStatus.CANCELLED).values("city_id")
    )
    cities = list(
        City.objects.filter(membership_status=MembershipStatus.MEMBER)
        .exclude(pk__in=busy)
        .select_related("country")
        .prefetch_related(
            Prefetch(
                "contacts",
                queryset=Contact.objects.only("pk", "city_id", "email", "language"),
                to_attr="_reminder_contacts",
            ),
            Prefetch(
                "role_grants",
                queryset=RoleGrant.objects.filter(
                    kind=RoleKind.CITY_EDITOR, user__is_active=True
                ).select_related("user"),
                to_attr="_reminder_editors",
            ),
        )
        .order_by("country__code", "name", "pk")
    )
    for city in cities:
        addresses: dict[str, tuple[str, str]] = {}
        people = [(contact.email, contact.language) for contact in city._reminder_contacts]
        people += [(grant.user.email, grant.user.language) for grant in city._reminder_editors]
        for email, language in people:
            if email and email.lower() not in addresses:
                addresses[email.lower()] = (email, _language(language))
        city.reminder_addresses = sorted(addresses.values())
        city.reminder_emails = [email for email, _language_code in city.reminder_addresses]
    return cities


def reminder_first_day(campaign: Campaign) -> datetime.date:
    """The first day the reminder goes out without ``force``."""
    return day_of(campaign.year) - datetime.timedelta(days=campaign.reminder_days_before)


def _lock(campaign: Campaign) -> Campaign:
    fresh = Campaign.objects.select_for_update().get(pk=campaign.pk)
    for field in Campaign._meta.concrete_fields:
        setattr(campaign, field.attname, getattr(fresh, field.attname))
    return campaign


def _refuse_unless_due(*, campaign: Campaign, today: datetime.date, force: bool) -> None:
    if not campaign.is_published:
        raise ReminderRefused(
            _("The campaign of %(year)d is not published: publish it before reminding the cities.")
            % {"year": campaign.year}
        )
    if force:
        return
    if campaign.reminder_sent_at is not None:
        raise ReminderRefused(
            _("The reminder of the %(year)d campaign was already sent on %(date)s.")
            % {
                "year": campaign.year,
                "date": formats.date_format(timezone.localtime(campaign.reminder_sent_at), "DATETIME_FORMAT"),
            }
        )
    first = reminder_first_day(campaign)
    if today < first:
        raise ReminderRefused(
            _("The reminder goes out from %(date)s, %(days)d days before the Day.")
            % {"date": formats.date_format(first, "DATE_FORMAT"), "days": campaign.reminder_days_before}
        )
    if today > day_of(campaign.year):
        raise ReminderRefused(
            _("The Day of %(year)d has passed: the reminder is no longer sent.") % {"year": campaign.year}
        )


@transaction.atomic
def reminders_send(
    *, campaign: Campaign, actor=None, today: datetime.date | None = None, force: bool = False
) -> int:
    """E-mail the reminder to every member city with no activity; returns how many cities were e-mailed.

    Refused (``ReminderRefused``) when the campaign is not published and, unless ``force``, when the
    reminder was already sent or it is before ``reminder_days_before`` days ahead of 30 November or after
    the Day. ``today`` defaults to the site's local date. Stamps ``campaign.reminder_sent_at`` and audits.
    Messages go after commit, one per address, each in the address's language.
    """
    require(actor, MANAGE_CAMPAIGN, campaign)
    _lock(campaign)
    today = timezone.localdate() if today is None else today
    _refuse_unless_due(campaign=campaign, today=today, force=force)
    cities = reminder_recipients(campaign=campaign)
    per_language: dict[str, dict] = {}
    count = 0
    for city in cities:
        by_language: dict[str, list[str]] = {}
        for email, language in city.reminder_addresses:
            by_language.setdefault(language, []).append(email)
        if not by_language:
            continue
        count += 1
        for language, recipients in sorted(by_language.items()):
            with translation.override(language):
                if language not in per_language:
                    per_language[language] = {
                        "motto": translated_text(obj=campaign, field="motto", language=language).text,
                        "link": site_link("days:activity_new", year=campaign.year),
                        "subject": _(
                            "International Day of the Educating City %(year)d: register your activity"
                        )
                        % {"year": campaign.year},
                    }
                shared = per_language[language]
                body = render_to_string(
                    REMINDER_TEMPLATE,
                    {
                        "campaign": campaign,
                        "city": city,
                        "day": day_of(campaign.year),
                        "motto": shared["motto"],
                        "link": shared["link"],
                        "site_url": settings.SITE_URL.rstrip("/"),
                        "language": language,
                    },
                )
                email_notify_on_commit(
                    recipients=recipients, subject=shared["subject"], body=body, language=language
                )
    campaign.reminder_sent_at = timezone.now()
    campaign.save(update_fields=["reminder_sent_at", "updated_at"])
    audit_record(subject=campaign, action="reminders_send", actor=actor, comment=str(count))
    return count


__all__ = ["reminder_first_day", "reminder_recipients", "reminders_send"]
