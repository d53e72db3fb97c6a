"""The activities member cities register for the International Day, their report and photos, moderation.

An activity is public as soon as its city registers it (the agenda must show the last weeks' activities at
once); the Secretariat reviews activities afterwards (``activity_mark_reviewed``) and may hide one, with a
reason the city is e-mailed. ``activity_transition`` is the ONE writer of ``Activity.status``
(``ACTIVITY_STEPS``): hide and show by the Secretariat, cancel and restore by the city's editors (or the
Secretariat).

Every value is checked by one function (``_clean``) for registration and changes alike; a refused value
raises ``ActivityRefused`` whose ``errors`` say which fields, and nothing is saved.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.time_zones import time_zone_names
from educities.core.validators import validate_attachment
from educities.days.domain.common import (
    CHANGE_ACTIVITY,
    MODERATE_ACTIVITY,
    REGISTER_ACTIVITY,
    ActivityRefused,
    Errors,
    actor_is_staff,
    city_time_zone,
    clean_email,
    clean_line,
    clean_number,
    clean_site_language,
    clean_text,
    clean_web_link,
    is_aware_datetime,
    local_date,
    moment_for_people,
    notify_city_editors,
    require,
    spoken_language,
    user_or_none,
)
from educities.days.enums import (
    ACTIVITY_STEPS,
    LINK_FORMATS,
    PLACE_FORMATS,
    ActivityAudience,
    ActivityFormat,
    ActivityKind,
    ActivityStatus,
)
from educities.days.models import Activity, ActivityPhoto, Campaign
from educities.members.models import City

PHOTOS_MAX = 12
PHOTO_KINDS = {"png", "jpeg", "webp"}
_PHOTO_SUFFIXES = {"png": ".png", "jpeg": ".jpg", "webp": ".webp"}
LANGUAGES_MAX = 20
DESCRIPTION_MAX_CHARS = 10_000
REPORT_MAX_CHARS = 10_000
PARTICIPANTS_MAX = 10_000_000
# The values of an activity that ``activity_register`` takes and ``activity_update`` may change.
VALUE_FIELDS = (
    "title",
    "description",
    "kind",
    "format",
    "starts_at",
    "ends_at",
    "time_zone",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "online_url",
    "audiences",
    "organiser",
    "languages",
    "language",
    "contact_email",
)
# Steps and the permission they need besides the guard of ``ACTIVITY_STEPS``.
STEP_PERMISSIONS = {
    "hide": MODERATE_ACTIVITY,
    "show": MODERATE_ACTIVITY,
    "cancel": CHANGE_ACTIVITY,
    "restore": CHANGE_ACTIVITY,
}
STEPS_NEEDING_REASON = frozenset({"hide"})
# Steps the city's editors are e-mailed about (after commit, in each editor's language).
NOTIFIED_STEPS = {"hide": "days/email/activity_hidden.txt", "show": "days/email/activity_shown.txt"}


def _status_label(status: str) -> str:
    return str(ActivityStatus(status).label)


# --- Checking values ----------------------------------------------------------------------------------


def _clean_choice_list(errors: Errors, field: str, value, *, known, message: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str | bytes | dict) or not hasattr(value, "__iter__"):
        errors.add(field, _("Give a list."))
        return []
    items = list(value)
    unknown = [str(item) for item in items if not isinstance(item, str) or item not in known]
    if unknown:
        errors.add(field, message % {"values": ", ".join(sorted(set(unknown)))[:200]})
        return []
    return [choice for choice in known if choice in set(items)]


def _clean_languages(errors: Errors, value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str | bytes | dict) or not hasattr(value, "__iter__"):
        errors.add("languages", _("Give a list."))
        return []
    codes, unknown = [], []
    for item in value:
        code = spoken_language(item)
        if code is None:
            unknown.append(str(item)[:20])
        elif code not in codes:
            codes.append(code)
    if unknown:
        errors.add(
            "languages",
            _("Unknown language codes: %(codes)s. Use codes such as es, fr or pt-br.")
            % {"codes": ", ".join(sorted(set(unknown)))[:200]},
        )
    elif len(codes) > LANGUAGES_MAX:
        errors.add("languages", _("Give at most %(max)d languages.") % {"max": LANGUAGES_MAX})
    return codes


def _clean_coordinates(errors: Errors, values: dict) -> tuple[float | None, float | None]:
    raw = {"latitude": values.get("latitude"), "longitude": values.get("longitude")}
    numbers: dict[str, float | None] = {}
    for field, limit in (("latitude", 90), ("longitude", 180)):
        value = raw[field]
        if value in (None, ""):
            numbers[field] = None
            continue
        number = clean_number(value)
        if number is None:
            errors.add(field, _("Give a number."))
        elif not -limit <= number <= limit:
            errors.add(
                field,
                _("The latitude must be between -90 and 90.")
                if field == "latitude"
                else _("The longitude must be between -180 and 180."),
            )
            number = None
        numbers[field] = number
    latitude, longitude = numbers["latitude"], numbers["longitude"]
    if "latitude" in errors or "longitude" in errors:
        return None, None
    needs_place = values.get("format") in PLACE_FORMATS
    if needs_place and (latitude is None or longitude is None):
        message = _(
            "Give the latitude and the longitude of the place: activities in person are shown on the map."
        )
        for field in ("latitude", "longitude"):
            if numbers[field] is None:
                errors.add(field, message)
    elif (latitude is None) != (longitude is None):
        field = "latitude" if latitude is None else "longitude"
        errors.add(field, _("Give both the latitude and the longitude, or neither."))
    return latitude, longitude


def _clean(values: dict, *, campaign: Campaign, check_window: bool) -> dict:
    """Check every value of an activity (``values`` holds all of ``VALUE_FIELDS``); returns them cleaned.

    Raises ``ActivityRefused`` with the messages per field when any value is refused.
    """
    errors = Errors()
    cleaned: dict = {}
    cleaned["title"] = clean_line(errors, "title", values["title"], max_length=200, required=True)
    cleaned["description"] = clean_text(
        errors, "description", values["description"], max_length=DESCRIPTION_MAX_CHARS, required=True
    )
    cleaned["organiser"] = clean_line(errors, "organiser", values["organiser"], max_length=200, required=True)
    cleaned["place_name"] = clean_line(
        errors, "place_name", values["place_name"], max_length=200, required=False
    )
    cleaned["address"] = clean_line(errors, "address", values["address"], max_length=300, required=False)
    kind = values["kind"]
    if kind not in ActivityKind.values:
        errors.add("kind", _("Choose one of the types of activity."))
    cleaned["kind"] = kind
    format_ = values["format"]
    if format_ not in ActivityFormat.values:
        errors.add("format", _("Choose whether the activity is in person, online or both."))
    cleaned["format"] = format_
    cleaned["language"] = clean_site_language(errors, "language", values["language"])
    cleaned["contact_email"] = clean_email(errors, "contact_email", values["contact_email"])
    cleaned["audiences"] = _clean_choice_list(
        errors,
        "audiences",
        values["audiences"],
        known=ActivityAudience.values,
        message=_("Unknown audiences: %(values)s."),
    )
    cleaned["languages"] = _clean_languages(errors, values["languages"])
    cleaned["online_url"] = clean_web_link(errors, "online_url", values["online_url"])
    if format_ in LINK_FORMATS and not cleaned["online_url"] and "online_url" not in errors:
        errors.add("online_url", _("Give the link to join the activity online (https://...)."))
    cleaned["latitude"], cleaned["longitude"] = _clean_coordinates(errors, values)

    zone = values["time_zone"]
    if not isinstance(zone, str) or zone not in time_zone_names():
        errors.add(
            "time_zone", _("“%(value)s” is not a time zone (for example Europe/Madrid).") % {"value": zone}
        )
        zone = None
    cleaned["time_zone"] = zone
    starts, ends = values["starts_at"], values["ends_at"]
    if not is_aware_datetime(starts):
        errors.add("starts_at", _("Give the date and time the activity starts, with its time zone."))
        starts = None
    if ends is not None and not is_aware_datetime(ends):
        errors.add("ends_at", _("Give the date and time the activity ends, with its time zone."))
        ends = None
    if starts is not None and ends is not None and ends <= starts:
        errors.add("ends_at", _("The end must be after the start."))
    if starts is not None and zone is not None and check_window:
        day = local_date(starts, zone)
        if not campaign.window_starts_on <= day <= campaign.window_ends_on:
            errors.add(
                "starts_at",
                _(
                    "The activity starts on %(date)s (%(zone)s), outside the dates of the %(year)d campaign: "
                    "from %(first)s to %(last)s."
                )
                % {
                    "date": formats.date_format(day, "DATE_FORMAT"),
                    "zone": zone,
                    "year": campaign.year,
                    "first": formats.date_format(campaign.window_starts_on, "DATE_FORMAT"),
                    "last": formats.date_format(campaign.window_ends_on, "DATE_FORMAT"),
                },
            )
    cleaned["starts_at"], cleaned["ends_at"] = starts, ends
    if errors:
        raise ActivityRefused(errors)
    return cleaned


def _campaign_lock(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


def _lock(activity: Activity) -> Activity:
    """Lock the activity's row and refresh ``activity`` from it."""
    fresh = Activity.objects.select_for_update().get(pk=activity.pk)
    for field in Activity._meta.concrete_fields:
        setattr(activity, field.attname, getattr(fresh, field.attname))
    return activity


# --- Registering and changing -------------------------------------------------------------------------


@transaction.atomic
def activity_register(
    *,
    campaign: Campaign,
    city: City,
    actor,
    title: str,
    description: str,
    kind: str,
    format: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    time_zone: str | None = None,
    place_name: str = "",
    address: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    online_url: str = "",
    audiences=(),
    organiser: str,
    languages=(),
    language: str = "en",
    contact_email: str = "",
) -> Activity:
    """Register a city's activity in a campaign: it is public at once (post-moderation).

    ``time_zone`` (the zone the times were entered in) defaults to ``city_time_zone(city)``. Refused, with
    nothing saved: a city the actor may not register for; a campaign that is not published (except for
    the Secretariat); a start whose local date falls outside the campaign's window; an activity in person
    or hybrid without both coordinates, online or hybrid without an http(s) link; an end not after the
    start; unknown types, formats, audiences or languages.
    """
    if not isinstance(city, City) or city.pk is None:
        raise ActivityRefused({"city": [_("Choose a city.")]})
    if not isinstance(campaign, Campaign) or campaign.pk is None:
        raise ActivityRefused({"campaign": [_("Choose a campaign.")]})
    require(actor, REGISTER_ACTIVITY, city)
    campaign = _campaign_lock(campaign)
    if not campaign.is_published and not actor_is_staff(actor):
        raise ActivityRefused(
            _("The campaign of %(year)d is not open yet: activities cannot be registered.")
            % {"year": campaign.year}
        )
    values = _clean(
        {
            "title": title,
            "description": description,
            "kind": kind,
            "format": format,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "time_zone": time_zone or city_time_zone(city),
            "place_name": place_name,
            "address": address,
            "latitude": latitude,
            "longitude": longitude,
            "online_url": online_url,
            "audiences": audiences,
            "organiser": organiser,
            "languages": languages,
            "language": language,
            "contact_email": contact_email,
        },
        campaign=campaign,
        check_window=True,
    )
    activity = Activity.objects.create(
        campaign=campaign,
        city=city,
        status=ActivityStatus.PUBLISHED,
        created_by=user_or_none(actor),
        **values,
    )
    audit_record(subject=activity, action="register", actor=actor, to_state=ActivityStatus.PUBLISHED)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, actor, **fields) -> Activity:
    """Change only the given values (of ``VALUE_FIELDS``), with the checks of ``activity_register``.

    The window of the campaign is checked when the start or the time zone changes.
    """
    require(actor, CHANGE_ACTIVITY, activity)
    unknown = sorted(set(fields) - set(VALUE_FIELDS))
    if unknown:
        raise ActivityRefused({name: [_("This cannot be changed here.")] for name in unknown})
    campaign = _campaign_lock(activity.campaign)
    _lock(activity)
    current = {name: getattr(activity, name) for name in VALUE_FIELDS}
    check_window = any(
        name in fields and fields[name] != current[name] for name in ("starts_at", "time_zone")
    )
    values = _clean({**current, **fields}, campaign=campaign, check_window=check_window)
    changed = [name for name in VALUE_FIELDS if values[name] != current[name]]
    if not changed:
        return activity
    for name in changed:
        setattr(activity, name, values[name])
    activity.save(update_fields=[*changed, "updated_at"])
    audit_record(subject=activity, action="update", actor=actor, comment=", ".join(changed))
    return activity


@transaction.atomic
def activity_report_save(
    *, activity: Activity, actor, participants: int | None, report: str, video_url: str = ""
) -> Activity:
    """After the activity started: how many took part, a short report and a video link."""
    require(actor, CHANGE_ACTIVITY, activity)
    _lock(activity)
    if activity.status == ActivityStatus.CANCELLED:
        raise ActivityRefused(_("This activity was cancelled: there is nothing to report."))
    if timezone.now() < activity.starts_at:
        raise ActivityRefused(
            _("The report can be written once the activity has started (%(moment)s).")
            % {"moment": moment_for_people(activity.starts_at, zone=activity.time_zone)}
        )
    errors = Errors()
    if participants == "":
        participants = None
    if participants is not None and (
        isinstance(participants, bool)
        or not isinstance(participants, int)
        or not 0 <= participants <= PARTICIPANTS_MAX
    ):
        errors.add(
            "participants",
            _("Give the number of participants as a whole number between 0 and %(max)d.")
            % {"max": PARTICIPANTS_MAX},
        )
    report = clean_text(errors, "report", report, max_length=REPORT_MAX_CHARS, required=False)
    video_url = clean_web_link(errors, "video_url", video_url)
    if errors:
        raise ActivityRefused(errors)
    new = {"participants": participants, "report": report, "video_url": video_url}
    changed = [name for name, value in new.items() if getattr(activity, name) != value]
    if not changed:
        return activity
    for name in changed:
        setattr(activity, name, new[name])
    activity.save(update_fields=[*changed, "updated_at"])
    audit_record(subject=activity, action="report_save", actor=actor, comment=", ".join(changed))
    return activity


# --- Photos -------------------------------------------------------------------------------------------


@transaction.atomic
def photo_add(*, activity: Activity, upload, alt_text: str, credit: str = "", actor) -> ActivityPhoto:
    """Add a photo (PNG, JPEG or WebP, sniffed) with the description of what it shows; 12 at most."""
    require(actor, CHANGE_ACTIVITY, activity)
    errors = Errors()
    alt_text = clean_line(errors, "alt_text", alt_text, max_length=300, required=True)
    if "alt_text" in errors and not alt_text:
        errors["alt_text"] = [_("Describe what the photo shows, for people who cannot see it.")]
    credit = clean_line(errors, "credit", credit, max_length=200, required=False)
    if upload is None or not hasattr(upload, "read"):
        errors.add("upload", _("Choose a file."))
    if errors:
        raise ActivityRefused(errors)
    try:
        kind = validate_attachment(upload, allowed=PHOTO_KINDS)
    except ValidationError as error:
        raise ActivityRefused({"upload": list(error.messages)}) from None
    _lock(activity)
    count = activity.photos.count()
    if count >= PHOTOS_MAX:
        raise ActivityRefused(
            {"upload": [_("An activity has at most %(max)d photos: remove one first.") % {"max": PHOTOS_MAX}]}
        )
    position = (activity.photos.aggregate(top=Max("position"))["top"] or 0) + 1
    photo = ActivityPhoto(activity=activity, alt_text=alt_text, credit=credit, position=position)
    photo.image.save(f"photo{_PHOTO_SUFFIXES[kind]}", upload, save=False)
    photo.save()
    audit_record(subject=activity, action="photo_add", actor=actor, comment=alt_text[:200])
    return photo


@transaction.atomic
def photo_remove(*, photo: ActivityPhoto, actor) -> None:
    """Remove a photo (its file is deleted once the change is committed)."""
    activity = photo.activity
    require(actor, CHANGE_ACTIVITY, activity)
    _lock(activity)
    name, storage = photo.image.name, photo.image.storage
    alt_text = photo.alt_text
    photo.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
    audit_record(subject=activity, action="photo_remove", actor=actor, comment=alt_text[:200])


# --- The workflow ---------------------------------------------------------------------------------------


def _notify(*, activity: Activity, step: str, reason: str) -> None:
    campaign = activity.campaign
    subjects = {
        "hide": lambda: (
            _("International Day %(year)d: your activity “%(title)s” was hidden")
            % {"year": campaign.year, "title": activity.title[:80]}
        ),
        "show": lambda: (
            _("International Day %(year)d: your activity “%(title)s” is shown again")
            % {"year": campaign.year, "title": activity.title[:80]}
        ),
    }
    notify_city_editors(
        city=activity.city,
        template=NOTIFIED_STEPS[step],
        subject=subjects[step],
        context={"activity": activity, "campaign": campaign, "reason": reason},
        link=("days:activity_edit", {"pk": activity.pk}),
    )


@transaction.atomic
def activity_transition(*, activity: Activity, step: str, actor, reason: str = "") -> Activity:
    """Move an activity one step of ``ACTIVITY_STEPS`` (the only writer of its status).

    hide (the Secretariat, with a reason for the city) and show again; cancel and restore (the city's
    editors or the Secretariat; an optional reason is shown with a cancelled activity). The row is locked,
    the step audited, and the city's editors are e-mailed after commit when an activity is hidden or shown.
    """
    if step not in ACTIVITY_STEPS:
        raise DomainError(_("Unknown step."))
    require(actor, STEP_PERMISSIONS[step], activity)
    reason = "" if reason is None else str(reason).strip()
    if step in STEPS_NEEDING_REASON and not reason:
        raise ActivityRefused({"reason": [_("Write the reason, for the city.")]})
    if len(reason) > 2000:
        raise ActivityRefused({"reason": [_("Write at most %(max)d characters.") % {"max": 2000}]})
    _lock(activity)
    from_states, to = ACTIVITY_STEPS[step]
    current = activity.status
    if current not in from_states:
        raise TransitionNotAllowed(
            _("This activity is “%(from)s”: it cannot become “%(to)s”.")
            % {"from": _status_label(current), "to": _status_label(to)}
        )
    activity.status = to
    activity.status_reason = reason if step in {"hide", "cancel"} else ""
    changed = ["status", "status_reason"]
    if step in NOTIFIED_STEPS:
        activity.reviewed_at = timezone.now()
        changed.append("reviewed_at")
    activity.save(update_fields=[*changed, "updated_at"])
    audit_record(subject=activity, action=step, actor=actor, from_state=current, to_state=to, comment=reason)
    if step in NOTIFIED_STEPS:
        _notify(activity=activity, step=step, reason=reason)
    return activity


@transaction.atomic
def activity_mark_reviewed(*, activities, actor) -> int:
    """The Secretariat has looked at these activities: stamp ``reviewed_at`` on those not reviewed yet.

    ``activities`` is a queryset or an iterable of activities; returns how many were marked.
    """
    if actor is not None and not actor.has_perm(MODERATE_ACTIVITY):
        raise PermissionRefused(_("You are not allowed to do this."))
    if isinstance(activities, QuerySet):
        if activities.model is not Activity:
            raise DomainError(_("Choose activities."))
        ids = list(activities.values_list("pk", flat=True))
    else:
        items = list(activities or [])
        if any(not isinstance(item, Activity) or item.pk is None for item in items):
            raise DomainError(_("Choose activities."))
        ids = [item.pk for item in items]
    pending = list(
        Activity.objects.select_for_update()
        .filter(pk__in=ids, reviewed_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not pending:
        return 0
    now = timezone.now()
    Activity.objects.filter(pk__in=pending).update(reviewed_at=now)
    for activity in Activity.objects.filter(pk__in=pending).only("pk"):
        audit_record(subject=activity, action="mark_reviewed", actor=actor)
    if not isinstance(activities, QuerySet):
        for item in items:
            if item.pk in pending:
                item.reviewed_at = now
    return len(pending)


__all__ = [
    "PHOTOS_MAX",
    "VALUE_FIELDS",
    "activity_mark_reviewed",
    "activity_register",
    "activity_report_save",
    "activity_transition",
    "activity_update",
    "photo_add",
    "photo_remove",
]
