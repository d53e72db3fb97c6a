"""Events and how they are set up: registration types and questions, rooms and the programme's sessions.

Every change is made by the Secretariat (``congresses.manage_event``), checked (nothing is saved when a
value is refused, ``EventInvalid`` says which and why) and audited. The title and description are
written in the event's original language and translated through ``core.TextTranslation``. Sessions are
aware moments that must lie within the event's days in its time zone; no two sessions share a room at
overlapping times (the event's row is locked while a session is saved, so two saves cannot both pass).
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from educities.congresses.domain.common import (
    MANAGE,
    EventInvalid,
    event_day_start,
    event_end,
    event_local,
    event_lock,
    lock,
    require,
)
from educities.congresses.enums import (
    OFFICIAL_LANGUAGES,
    RESERVED_EVENT_SLUGS,
    EventFormat,
    EventKind,
    SessionKind,
)
from educities.congresses.models import (
    EVENT_TEXT_FIELDS,
    Event,
    RegistrationQuestion,
    RegistrationType,
    Room,
    Session,
    Speaker,
)
from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError
from educities.core.domain.translations import translation_set_original
from educities.core.time_zones import time_zone_names
from educities.core.validators import has_control_characters
from educities.members.models import City, Network

SLUG_MAX_LENGTH = 80
_SLUG = re.compile(r"^[-a-z0-9]+$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
CHOICES_MAX = 50
CHOICE_MAX_LENGTH = 200


@dataclass(frozen=True)
class SpeakerSpec:
    """One speaker of a session, in the order given."""

    name: str
    role: str = ""
    organisation: str = ""
    city: City | None = None


# --- Checking values ------------------------------------------------------------------------------

# What ``event_update`` may change; ``language`` is the original language (``original_language``).
EVENT_FIELDS = frozenset(
    {
        "kind",
        "number",
        "title",
        "slug",
        "network",
        "host_city",
        "venue",
        "address",
        "latitude",
        "longitude",
        "starts_on",
        "ends_on",
        "time_zone",
        "languages",
        "format",
        "capacity",
        "registration_opens_at",
        "registration_closes_at",
        "description",
        "language",
        "contact_email",
    }
)
_TEXT_FIELDS = ("title", "venue", "address", "description", "contact_email")
_ONE_LINE_FIELDS = ("title", "venue", "address")


def _add(errors: dict[str, list[str]], field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_date(value) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _event_values(values: dict) -> tuple[dict, dict[str, list[str]]]:
    """Clean the given event values (types, texts, languages, the window); returns them and the errors."""
    cleaned = dict(values)
    errors: dict[str, list[str]] = {}
    for field in _TEXT_FIELDS:
        if field not in values:
            continue
        value = values[field]
        if value is None:
            value = ""
        if not isinstance(value, str):
            _add(errors, field, _("Give a text."))
            continue
        cleaned[field] = value.strip()
        if field in _ONE_LINE_FIELDS and has_control_characters(cleaned[field]):
            _add(errors, field, _("Remove the control characters (line breaks, tabs and the like)."))
    if "title" in values and not errors.get("title") and not cleaned["title"]:
        _add(errors, "title", _("Give the event a title."))
    if cleaned.get("contact_email"):
        try:
            validate_email(cleaned["contact_email"])
        except ValidationError:
            _add(errors, "contact_email", _("Give a valid e-mail address."))
    if "kind" in values and values["kind"] not in EventKind.values:
        _add(errors, "kind", _("Choose one of the kinds of event."))
    if "format" in values and values["format"] not in EventFormat.values:
        _add(errors, "format", _("Choose in person, online or hybrid."))
    if "language" in values and values["language"] not in OFFICIAL_LANGUAGES:
        _add(
            errors,
            "language",
            _("Choose one of the official languages (%(languages)s).")
            % {"languages": ", ".join(OFFICIAL_LANGUAGES)},
        )
    if "time_zone" in values and (
        not isinstance(values["time_zone"], str) or values["time_zone"] not in time_zone_names()
    ):
        _add(errors, "time_zone", _("Give a time zone, for example Europe/Madrid."))
    for field in ("starts_on", "ends_on"):
        if field in values and not _is_date(values[field]):
            _add(errors, field, _("Give a date."))
    for field in ("registration_opens_at", "registration_closes_at"):
        value = values.get(field)
        if value is None:
            continue
        if not isinstance(value, datetime.datetime):
            _add(errors, field, _("Give a date and a time."))
        elif timezone.is_naive(value):
            _add(errors, field, _("Give the time with its time zone."))
    for field, low, high in (("number", 1, 1000), ("capacity", 0, 1_000_000)):
        value = values.get(field)
        if value is None:
            continue
        if not _is_int(value):
            _add(errors, field, _("Give a whole number."))
        elif not low <= value <= high:
            _add(
                errors,
                field,
                _("Give a number between %(low)d and %(high)d.") % {"low": low, "high": high},
            )
    for field, limit in (("latitude", 90), ("longitude", 180)):
        value = values.get(field)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            _add(errors, field, _("Give a number."))
        elif not -limit <= float(value) <= limit:
            _add(
                errors,
                field,
                _("Give a number between %(low)d and %(high)d.") % {"low": -limit, "high": limit},
            )
        else:
            cleaned[field] = float(value)
    if "languages" in values:
        languages = values["languages"] or ()
        known = [code for code, _name in settings.LANGUAGES]
        if isinstance(languages, str) or not all(isinstance(code, str) for code in languages):
            _add(errors, "languages", _("Choose the languages from the list."))
        elif set(languages) - set(known):
            _add(
                errors,
                "languages",
                _("Choose the languages from the list (%(languages)s).") % {"languages": ", ".join(known)},
            )
        else:
            cleaned["languages"] = list(dict.fromkeys(languages))
    if "host_city" in values and not (isinstance(values["host_city"], City) and values["host_city"].pk):
        _add(errors, "host_city", _("Choose the host city."))
    network = values.get("network")
    if network is not None and not (isinstance(network, Network) and network.pk):
        _add(errors, "network", _("Choose a network."))
    slug = values.get("slug")
    if slug is not None and (
        not isinstance(slug, str) or not _SLUG.match(slug) or len(slug) > SLUG_MAX_LENGTH
    ):
        _add(
            errors,
            "slug",
            _("Use lower-case letters, digits and hyphens (at most %(max)d).") % {"max": SLUG_MAX_LENGTH},
        )
    return cleaned, errors


def _event_checks(event: Event) -> None:
    """What only the whole event can say: the order of the days and of the window, both coordinates."""
    errors: dict[str, list[str]] = {}
    if event.ends_on < event.starts_on:
        _add(errors, "ends_on", _("The last day cannot be before the first."))
    if (
        event.registration_opens_at is not None
        and event.registration_closes_at is not None
        and event.registration_closes_at <= event.registration_opens_at
    ):
        _add(errors, "registration_closes_at", _("Registration must close after it opens."))
    if (event.latitude is None) != (event.longitude is None):
        _add(errors, "latitude", _("Give both the latitude and the longitude, or neither."))
    if errors:
        raise EventInvalid(errors)
    try:
        event.full_clean(exclude=["host_city", "network"], validate_unique=False)
    except ValidationError as error:
        raise EventInvalid(
            {
                ("title" if field == "__all__" else field): [str(message) for message in messages]
                for field, messages in error.message_dict.items()
            }
        ) from None


def _slug_free(slug: str, *, exclude_pk=None) -> bool:
    if slug in RESERVED_EVENT_SLUGS:
        return False
    taken = Event.objects.filter(slug=slug)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    return not taken.exists()


def event_slug_for(title: str, *, exclude_pk=None) -> str:
    """A free slug made from ``title`` (``event`` when the title has no Latin letter): ``-2``, ``-3``..."""
    base = slugify(title)[: SLUG_MAX_LENGTH - 4].strip("-") or "event"
    slug, number = base, 1
    while not _slug_free(slug, exclude_pk=exclude_pk):
        number += 1
        slug = f"{base}-{number}"
    return slug


def _texts_record(*, event: Event, actor, fields=EVENT_TEXT_FIELDS) -> None:
    for field in fields:
        translation_set_original(
            obj=event,
            field=field,
            language=event.original_language,
            text=getattr(event, field) or "",
            actor=actor,
        )


def _sessions_outside(event: Event) -> int:
    return event.sessions.filter(
        Q(starts_at__lt=event_day_start(event, event.starts_on)) | Q(ends_at__gt=event_end(event))
    ).count()


# --- Events ---------------------------------------------------------------------------------------


@transaction.atomic
def event_create(
    *,
    kind: str,
    title: str,
    host_city: City,
    starts_on: datetime.date,
    ends_on: datetime.date,
    time_zone: str,
    actor,
    slug: str | None = None,
    number: int | None = None,
    network: Network | None = None,
    venue: str = "",
    address: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    languages=(),
    format: str,
    capacity: int | None = None,
    registration_opens_at: datetime.datetime | None = None,
    registration_closes_at: datetime.datetime | None = None,
    description: str = "",
    language: str = "en",
    contact_email: str = "",
) -> Event:
    """A new event (not published); the slug is made from the title when not given."""
    require(actor, MANAGE)
    values = {
        "kind": kind,
        "title": title,
        "host_city": host_city,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "time_zone": time_zone,
        "number": number,
        "network": network,
        "venue": venue,
        "address": address,
        "latitude": latitude,
        "longitude": longitude,
        "languages": languages,
        "format": format,
        "capacity": capacity,
        "registration_opens_at": registration_opens_at,
        "registration_closes_at": registration_closes_at,
        "description": description,
        "language": language,
        "contact_email": contact_email,
    }
    if slug not in (None, ""):
        values["slug"] = slug
    cleaned, errors = _event_values(values)
    if errors:
        raise EventInvalid(errors)
    if "slug" in cleaned and not _slug_free(cleaned["slug"]):
        raise EventInvalid({"slug": [_("Another event has this address (slug): choose another one.")]})
    original_language = cleaned.pop("language")
    event = Event(original_language=original_language, **cleaned)
    if not event.slug:
        event.slug = event_slug_for(event.title)
    _event_checks(event)
    try:
        with transaction.atomic():
            event.save()
    except IntegrityError:
        raise EventInvalid(
            {"slug": [_("Another event has this address (slug): choose another one.")]}
        ) from None
    _texts_record(event=event, actor=actor)
    audit_record(subject=event, action="event_create", actor=actor)
    return event


@transaction.atomic
def event_update(*, event: Event, actor, **fields) -> Event:
    """Change some fields (``EVENT_FIELDS``). Places added to the capacity go to the waiting list first;
    the days and the time zone may not move so that sessions fall outside them."""
    from educities.congresses.domain.registrations import waitlist_promote

    require(actor, MANAGE, event)
    unknown = sorted(set(fields) - EVENT_FIELDS)
    if unknown:
        raise EventInvalid({name: [_("This cannot be changed here.")] for name in unknown})
    if fields.get("slug") in (None, "") and "slug" in fields:
        fields = {**fields, "slug": event_slug_for(fields.get("title") or event.title, exclude_pk=event.pk)}
    cleaned, errors = _event_values(fields)
    if errors:
        raise EventInvalid(errors)
    if "language" in cleaned:
        cleaned["original_language"] = cleaned.pop("language")
    event_lock(event)
    if "slug" in cleaned and not _slug_free(cleaned["slug"], exclude_pk=event.pk):
        raise EventInvalid({"slug": [_("Another event has this address (slug): choose another one.")]})
    before = {name: getattr(event, name) for name in cleaned}
    for name, value in cleaned.items():
        setattr(event, name, value)
    try:
        _event_checks(event)
        if {"starts_on", "ends_on", "time_zone"} & set(cleaned):
            outside = _sessions_outside(event)
            if outside:
                raise EventInvalid(
                    {
                        "starts_on": [
                            ngettext(
                                "%(count)d session would fall outside the event’s days: move it first.",
                                "%(count)d sessions would fall outside the event’s days: move them first.",
                                outside,
                            )
                            % {"count": outside}
                        ]
                    }
                )
    except EventInvalid:
        for name, value in before.items():
            setattr(event, name, value)
        raise
    changed = [name for name in cleaned if getattr(event, name) != before[name]]
    if not changed:
        return event
    event.save(update_fields=[*changed, "updated_at"])
    texts = [field for field in EVENT_TEXT_FIELDS if field in changed or "original_language" in changed]
    _texts_record(event=event, actor=actor, fields=texts)
    audit_record(subject=event, action="event_update", actor=actor, comment=", ".join(sorted(changed)))
    if "capacity" in changed and (event.capacity is None or (before["capacity"] or 0) < event.capacity):
        waitlist_promote(event=event, actor=actor)
    return event


@transaction.atomic
def event_publish(*, event: Event, actor, published: bool = True) -> Event:
    """Show the event on the public pages (``published=False`` hides it again)."""
    require(actor, MANAGE, event)
    event_lock(event)
    published = bool(published)
    if event.is_published == published:
        return event
    event.is_published = published
    event.save(update_fields=["is_published", "updated_at"])
    audit_record(subject=event, action="event_publish" if published else "event_unpublish", actor=actor)
    return event


@transaction.atomic
def event_programme_publish(*, event: Event, published: bool, actor) -> Event:
    """Show (or hide) the programme of the event."""
    require(actor, MANAGE, event)
    event_lock(event)
    published = bool(published)
    if event.programme_published == published:
        return event
    event.programme_published = published
    event.save(update_fields=["programme_published", "updated_at"])
    audit_record(
        subject=event, action="programme_publish" if published else "programme_unpublish", actor=actor
    )
    return event


# --- Registration types and questions -------------------------------------------------------------

TYPE_FIELDS = frozenset(
    {
        "name",
        "description",
        "fee",
        "currency",
        "requires_member_city",
        "needs_approval",
        "counts_toward_capacity",
        "is_public",
        "position",
    }
)
_TYPE_FLAGS = ("requires_member_city", "needs_approval", "counts_toward_capacity", "is_public")


def _own_or_refuse(obj, event: Event, message: str) -> None:
    if obj is not None and obj.event_id != event.pk:
        raise DomainError(message)


def _position(value, errors: dict[str, list[str]]):
    if not _is_int(value) or not 0 <= value <= 32767:
        _add(errors, "position", _("Give a position between 0 and 32767."))
        return 0
    return value


def _type_values(fields: dict) -> dict:
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}
    for name in ("name", "description"):
        if name in fields:
            value = "" if fields[name] is None else fields[name]
            if not isinstance(value, str):
                _add(errors, name, _("Give a text."))
                continue
            cleaned[name] = value.strip()
    if "name" in cleaned:
        if not cleaned["name"]:
            _add(errors, "name", _("Give the type a name."))
        elif has_control_characters(cleaned["name"]):
            _add(errors, "name", _("Remove the control characters (line breaks, tabs and the like)."))
        elif len(cleaned["name"]) > 120:
            _add(errors, "name", _("A name has at most %(max)d characters.") % {"max": 120})
    if "fee" in fields:
        value = fields["fee"]
        try:
            if isinstance(value, bool) or value is None:
                raise InvalidOperation
            fee = Decimal(str(value).strip())
            if not fee.is_finite():
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            _add(errors, "fee", _("Give the fee as an amount, for example 150 or 150.50."))
        else:
            if fee < 0 or fee >= Decimal("10000000") or fee != fee.quantize(Decimal("0.01")):
                _add(errors, "fee", _("Give an amount between 0 and 9,999,999.99 with at most two decimals."))
            else:
                cleaned["fee"] = fee.quantize(Decimal("0.01"))
    if "currency" in fields:
        currency = str(fields["currency"] or "").strip().upper()
        if not _CURRENCY.match(currency):
            _add(errors, "currency", _("Give the currency as its three-letter code, for example EUR."))
        cleaned["currency"] = currency
    for flag in _TYPE_FLAGS:
        if flag in fields:
            if not isinstance(fields[flag], bool):
                _add(errors, flag, _("Answer yes or no."))
            cleaned[flag] = fields[flag]
    if "position" in fields:
        cleaned["position"] = _position(fields["position"], errors)
    if errors:
        raise EventInvalid(errors)
    return cleaned


@transaction.atomic
def registration_type_save(
    *, event: Event, actor, type: RegistrationType | None = None, **fields
) -> RegistrationType:
    """Create a registration type (``type=None``, a name required) or change the given fields of one.

    A type that no longer takes a place of the event frees places for the waiting list.
    """
    from educities.congresses.domain.registrations import waitlist_promote

    require(actor, MANAGE, event)
    unknown = sorted(set(fields) - TYPE_FIELDS)
    if unknown:
        raise EventInvalid({name: [_("This cannot be changed here.")] for name in unknown})
    _own_or_refuse(type, event, _("This registration type belongs to another event."))
    if type is None and not fields.get("name"):
        raise EventInvalid({"name": [_("Give the type a name.")]})
    cleaned = _type_values(fields)
    event_lock(event)
    if type is None:
        type = RegistrationType(event=event)
        before = {}
    else:
        type = lock(type)
        before = {name: getattr(type, name) for name in cleaned}
    for name, value in cleaned.items():
        setattr(type, name, value)
    clash = RegistrationType.objects.filter(event=event, name=type.name).exclude(pk=type.pk).exists()
    if clash:
        raise EventInvalid({"name": [_("This event already has a registration type with this name.")]})
    try:
        with transaction.atomic():
            type.save()
    except IntegrityError:
        raise EventInvalid(
            {"name": [_("This event already has a registration type with this name.")]}
        ) from None
    changed = sorted(name for name in cleaned if before.get(name, object()) != getattr(type, name))
    audit_record(
        subject=event,
        action="type_create" if not before else "type_update",
        actor=actor,
        comment=f"{type.name}: {', '.join(changed)}"[:500],
    )
    if before.get("counts_toward_capacity") is True and type.counts_toward_capacity is False:
        waitlist_promote(event=event, actor=actor)
    return type


QUESTION_FIELDS = frozenset({"text", "kind", "choices", "is_required", "position"})


def _question_values(fields: dict, *, kind_now: str) -> dict:
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}
    if "text" in fields:
        text = fields["text"]
        text = "" if text is None else text
        if not isinstance(text, str):
            _add(errors, "text", _("Give a text."))
        else:
            text = text.strip()
            if not text:
                _add(errors, "text", _("Write the question."))
            elif has_control_characters(text):
                _add(errors, "text", _("A question is one line of text."))
            elif len(text) > 300:
                _add(errors, "text", _("A question has at most %(max)d characters.") % {"max": 300})
            cleaned["text"] = text
    kind = fields.get("kind", kind_now)
    if kind not in RegistrationQuestion.Kind.values:
        _add(errors, "kind", _("Choose one of the kinds of answer."))
    cleaned["kind"] = kind
    if kind == RegistrationQuestion.Kind.CHOICE:
        choices = fields.get("choices")
        if choices is None and "choices" not in fields:
            choices = None
        elif isinstance(choices, str) or not isinstance(choices, list | tuple):
            _add(errors, "choices", _("Give the options, one per line."))
            choices = []
        else:
            choices = [str(choice).strip() for choice in choices if str(choice).strip()]
            if not choices:
                _add(errors, "choices", _("Give at least one option."))
            elif len(choices) > CHOICES_MAX:
                _add(errors, "choices", _("Give at most %(max)d options.") % {"max": CHOICES_MAX})
            elif len(set(choices)) != len(choices):
                _add(errors, "choices", _("Give each option once."))
            elif any(has_control_characters(c) or len(c) > CHOICE_MAX_LENGTH for c in choices):
                _add(
                    errors,
                    "choices",
                    _("An option is one line of at most %(max)d characters.") % {"max": CHOICE_MAX_LENGTH},
                )
        if choices is not None:
            cleaned["choices"] = choices
    else:
        cleaned["choices"] = []
    if "is_required" in fields:
        if not isinstance(fields["is_required"], bool):
            _add(errors, "is_required", _("Answer yes or no."))
        cleaned["is_required"] = fields["is_required"]
    if "position" in fields:
        cleaned["position"] = _position(fields["position"], errors)
    if errors:
        raise EventInvalid(errors)
    return cleaned


@transaction.atomic
def registration_question_save(
    *, event: Event, actor, question: RegistrationQuestion | None = None, **fields
) -> RegistrationQuestion:
    """Create a question (``question=None``, its text required) or change the given fields of one.

    A question with one choice needs its options; the answers already given stay as they were.
    """
    require(actor, MANAGE, event)
    unknown = sorted(set(fields) - QUESTION_FIELDS)
    if unknown:
        raise EventInvalid({name: [_("This cannot be changed here.")] for name in unknown})
    _own_or_refuse(question, event, _("This question belongs to another event."))
    if question is None and not fields.get("text"):
        raise EventInvalid({"text": [_("Write the question.")]})
    kind_now = question.kind if question is not None else RegistrationQuestion.Kind.TEXT
    cleaned = _question_values(fields, kind_now=kind_now)
    if (
        cleaned["kind"] == RegistrationQuestion.Kind.CHOICE
        and not cleaned.get("choices")
        and not (question is not None and question.choices)
    ):
        raise EventInvalid({"choices": [_("Give at least one option.")]})
    event_lock(event)
    created = question is None
    if created:
        question = RegistrationQuestion(event=event)
    for name, value in cleaned.items():
        setattr(question, name, value)
    question.save()
    audit_record(
        subject=event,
        action="question_create" if created else "question_update",
        actor=actor,
        comment=question.text[:200],
    )
    return question


@transaction.atomic
def registration_question_delete(*, question: RegistrationQuestion, actor) -> None:
    """Delete a question; the answers already given stay in the registrations."""
    event = question.event
    require(actor, MANAGE, event)
    event_lock(event)
    text = question.text
    question.delete()
    audit_record(subject=event, action="question_delete", actor=actor, comment=text[:200])


# --- Rooms and sessions ---------------------------------------------------------------------------


def _capacity(value, field: str, errors: dict[str, list[str]]):
    if value is None:
        return None
    if not _is_int(value) or not 0 <= value <= 1_000_000:
        _add(errors, field, _("Give a whole number of places (or nothing for no limit)."))
        return None
    return value


@transaction.atomic
def room_save(
    *,
    event: Event,
    actor,
    room: Room | None = None,
    name: str,
    capacity: int | None = None,
    position: int = 0,
) -> Room:
    """Create or change a room of the event (a unique name per event)."""
    require(actor, MANAGE, event)
    _own_or_refuse(room, event, _("This room belongs to another event."))
    errors: dict[str, list[str]] = {}
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        _add(errors, "name", _("Give the room a name."))
    elif has_control_characters(name) or len(name) > 120:
        _add(errors, "name", _("A name is one line of at most %(max)d characters.") % {"max": 120})
    capacity = _capacity(capacity, "capacity", errors)
    position = _position(position, errors)
    if errors:
        raise EventInvalid(errors)
    event_lock(event)
    if Room.objects.filter(event=event, name=name).exclude(pk=getattr(room, "pk", None)).exists():
        raise EventInvalid({"name": [_("This event already has a room with this name.")]})
    created = room is None
    if created:
        room = Room(event=event)
    room.name, room.capacity, room.position = name, capacity, position
    try:
        with transaction.atomic():
            room.save()
    except IntegrityError:
        raise EventInvalid({"name": [_("This event already has a room with this name.")]}) from None
    audit_record(subject=event, action="room_create" if created else "room_update", actor=actor, comment=name)
    return room


def _speakers_clean(speakers) -> list[SpeakerSpec]:
    cleaned = []
    for spec in speakers or ():
        if not isinstance(spec, SpeakerSpec):
            raise EventInvalid({"speakers": [_("The speakers were not sent as expected.")]})
        name = str(spec.name or "").strip()
        role = str(spec.role or "").strip()
        organisation = str(spec.organisation or "").strip()
        if not name:
            raise EventInvalid({"speakers": [_("Give the name of every speaker.")]})
        for text, limit in ((name, 200), (role, 120), (organisation, 200)):
            if has_control_characters(text) or len(text) > limit:
                raise EventInvalid(
                    {"speakers": [_("A speaker’s name, role and organisation are one short line each.")]}
                )
        if spec.city is not None and not (isinstance(spec.city, City) and spec.city.pk):
            raise EventInvalid({"speakers": [_("Choose the speaker’s city from the list.")]})
        cleaned.append(SpeakerSpec(name=name, role=role, organisation=organisation, city=spec.city))
    return cleaned


def _session_values(
    *,
    event: Event,
    title,
    kind,
    starts_at,
    ends_at,
    room,
    description,
    language,
    capacity,
    meeting_url,
    is_online,
) -> dict:
    errors: dict[str, list[str]] = {}
    title = title.strip() if isinstance(title, str) else ""
    if not title:
        _add(errors, "title", _("Give the session a title."))
    elif has_control_characters(title) or len(title) > 255:
        _add(errors, "title", _("A title is one line of at most %(max)d characters.") % {"max": 255})
    if kind not in SessionKind.values:
        _add(errors, "kind", _("Choose one of the kinds of session."))
    for field, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if not isinstance(value, datetime.datetime):
            _add(errors, field, _("Give a date and a time."))
        elif timezone.is_naive(value):
            _add(errors, field, _("Give the time with its time zone."))
    if room is not None and not (isinstance(room, Room) and room.pk):
        _add(errors, "room", _("Choose a room of the event."))
    elif room is not None and room.event_id != event.pk:
        _add(errors, "room", _("This room belongs to another event."))
    description = "" if description is None else description
    if not isinstance(description, str):
        _add(errors, "description", _("Give a text."))
        description = ""
    language = language or ""
    if language and language not in {code for code, _name in settings.LANGUAGES}:
        _add(errors, "language", _("Choose one of the site’s languages."))
    capacity = _capacity(capacity, "capacity", errors)
    meeting_url = meeting_url.strip() if isinstance(meeting_url, str) else ""
    if meeting_url:
        try:
            if len(meeting_url) > 500:
                raise ValidationError("too long")
            URLValidator(schemes=["https", "http"])(meeting_url)
        except ValidationError:
            _add(errors, "meeting_url", _("Give the full address of the meeting (https://...)."))
    if not isinstance(is_online, bool):
        _add(errors, "is_online", _("Answer yes or no."))
    if errors:
        raise EventInvalid(errors)
    # In UTC: Python compares two times of one zone by their wall clocks, which is wrong in the hour
    # repeated when clocks go back (02:30 CEST and 02:30 CET would be "equal").
    starts_at, ends_at = starts_at.astimezone(datetime.UTC), ends_at.astimezone(datetime.UTC)
    if ends_at <= starts_at:
        raise EventInvalid({"ends_at": [_("The session must end after it starts.")]})
    first, end = event_day_start(event, event.starts_on), event_end(event)
    if starts_at < first or ends_at > end:
        local_start = event_local(event, starts_at)
        raise EventInvalid(
            {
                "starts_at": [
                    _(
                        "The session (%(start)s, %(zone)s time) must take place during the event, "
                        "from %(first)s to %(last)s."
                    )
                    % {
                        "start": local_start.strftime("%Y-%m-%d %H:%M"),
                        "zone": event.time_zone,
                        "first": event.starts_on.isoformat(),
                        "last": event.ends_on.isoformat(),
                    }
                ]
            }
        )
    return {
        "title": title,
        "kind": kind,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "room": room,
        "description": description.strip(),
        "language": language,
        "capacity": capacity,
        "meeting_url": meeting_url,
        "is_online": is_online,
    }


@transaction.atomic
def session_save(
    *,
    event: Event,
    actor,
    session: Session | None = None,
    title: str,
    kind: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    room: Room | None = None,
    description: str = "",
    language: str = "",
    capacity: int | None = None,
    meeting_url: str = "",
    is_online: bool = False,
    speakers: list[SpeakerSpec] = (),
) -> Session:
    """Create or change a session and replace its speakers.

    Refused (nothing saved): outside the event's days in its time zone, an end before the start, a room
    of another event, another session in the same room at an overlapping time.
    """
    require(actor, MANAGE, event)
    _own_or_refuse(session, event, _("This session belongs to another event."))
    values = _session_values(
        event=event,
        title=title,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        room=room,
        description=description,
        language=language,
        capacity=capacity,
        meeting_url=meeting_url,
        is_online=is_online,
    )
    specs = _speakers_clean(speakers)
    # One save at a time per event: two overlapping sessions cannot both pass the check below.
    event_lock(event)
    if room is not None:
        clash = (
            Session.objects.filter(
                event=event, room=room, starts_at__lt=values["ends_at"], ends_at__gt=values["starts_at"]
            )
            .exclude(pk=getattr(session, "pk", None))
            .order_by("starts_at")
            .first()
        )
        if clash is not None:
            raise EventInvalid(
                {
                    "room": [
                        _("“%(room)s” is taken by “%(session)s” from %(start)s to %(end)s (%(zone)s time).")
                        % {
                            "room": room.name,
                            "session": clash.title,
                            "start": event_local(event, clash.starts_at).strftime("%Y-%m-%d %H:%M"),
                            "end": event_local(event, clash.ends_at).strftime("%H:%M"),
                            "zone": event.time_zone,
                        }
                    ]
                }
            )
    created = session is None
    if created:
        session = Session(event=event)
    else:
        session = lock(session)
    for name, value in values.items():
        setattr(session, name, value)
    session.save()
    session.speakers.all().delete()
    Speaker.objects.bulk_create(
        [
            Speaker(
                session=session,
                name=spec.name,
                role=spec.role,
                organisation=spec.organisation,
                city=spec.city,
                position=position,
            )
            for position, spec in enumerate(specs)
        ]
    )
    audit_record(
        subject=event,
        action="session_create" if created else "session_update",
        actor=actor,
        comment=session.title[:200],
    )
    return session


@transaction.atomic
def session_delete(*, session: Session, actor) -> None:
    """Delete a session (its speakers and the participants' agenda entries go with it)."""
    event = session.event
    require(actor, MANAGE, event)
    event_lock(event)
    title = session.title
    session.delete()
    audit_record(subject=event, action="session_delete", actor=actor, comment=title[:200])


__all__ = [
    "EVENT_FIELDS",
    "SpeakerSpec",
    "event_create",
    "event_programme_publish",
    "event_publish",
    "event_slug_for",
    "event_update",
    "registration_question_delete",
    "registration_question_save",
    "registration_type_save",
    "room_save",
    "session_delete",
    "session_save",
]
