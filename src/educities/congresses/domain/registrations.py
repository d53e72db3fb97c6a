"""Registrations to an event: places, the waiting list, confirmation, cancellation, fees, check-in and the
personal agenda.

Places: the registrations of types that ``counts_toward_capacity`` in ``HOLDING_STATES`` (pending or
confirmed) take the event's places; ``Event.capacity`` None is no limit. Every change to the places locks
the event's row first (then the registration's), so two people registering for the last place at the
same moment are served one after the other: one gets it, the other is waitlisted.

``registration_transition`` is the ONE writer of ``Registration.status`` (``REGISTRATION_STEPS``):
confirm (staff), promote (from the waiting list) and cancel. Cancelling a registration that held a place
promotes the first on the waiting list. Participants are e-mailed in their language after commit; the
confirmation carries the event as an iCal attachment.
"""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from educities.congresses.domain.common import (
    MANAGE,
    MEMBER_CITY_STATES,
    AlreadyCheckedIn,
    AnswersInvalid,
    NoPlaceFree,
    RegistrationClosed,
    RegistrationDuplicate,
    RegistrationRefused,
    event_dates_for_people,
    event_end,
    event_lock,
    event_title,
    lock,
    may_manage,
    moment_for_people,
    notify_person,
    require,
    user_or_none,
)
from educities.congresses.enums import HOLDING_STATES, REGISTRATION_STEPS, FeeStatus, RegistrationStatus
from educities.congresses.models import (
    CODE_ALPHABET,
    AgendaEntry,
    Event,
    Registration,
    RegistrationQuestion,
    RegistrationType,
    Session,
    registration_code,
)
from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.validators import has_control_characters
from educities.members.models import City

SHORT_ANSWER_MAX = 300
LONG_ANSWER_MAX = 3000
# Control characters other than line breaks and tabs, which long answers may hold.
_LONG_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_CODE_SEPARATORS = re.compile(r"[\s\-_.]+")
_YES = {"yes", "true", "1", "on"}
_NO = {"no", "false", "0", "off"}
CODE_ATTEMPTS = 5


# --- Places ---------------------------------------------------------------------------------------


def places_taken(*, event: Event) -> int:
    """The registrations that take one of the event's places now."""
    return Registration.objects.filter(
        event=event, status__in=HOLDING_STATES, type__counts_toward_capacity=True
    ).count()


def places_left(*, event: Event) -> int | None:
    """The places still free (never below 0), or None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - places_taken(event=event))


def waitlist_rank(*, registration: Registration) -> int | None:
    """Where a waitlisted person stands now (1 = next to get a place), or None when not waiting."""
    if registration.status != RegistrationStatus.WAITLISTED or registration.waitlist_position is None:
        return None
    return Registration.objects.filter(
        event_id=registration.event_id,
        status=RegistrationStatus.WAITLISTED,
        waitlist_position__lte=registration.waitlist_position,
    ).count()


def registration_window(*, event: Event) -> tuple[datetime.datetime | None, datetime.datetime]:
    """When registration opens (None: as soon as the event is published) and closes (by default at the
    end of the event's last day, in its time zone)."""
    return event.registration_opens_at, event.registration_closes_at or event_end(event)


def registration_is_open(*, event: Event, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    opens, closes = registration_window(event=event)
    return (opens is None or opens <= now) and now < closes


def _window_or_refuse(event: Event) -> None:
    now = timezone.now()
    opens, closes = registration_window(event=event)
    if opens is not None and now < opens:
        raise RegistrationClosed(
            _("Registration opens on %(moment)s.")
            % {"moment": moment_for_people(opens, time_zone=event.time_zone)}
        )
    if now >= closes:
        raise RegistrationClosed(
            _("Registration closed on %(moment)s.")
            % {"moment": moment_for_people(closes, time_zone=event.time_zone)}
        )


# --- Checking what a person gives -----------------------------------------------------------------


def _one_line(value, *, label: str, limit: int, required_message: str = "") -> str:
    """A one-line text: spaces tidied, control characters and lengths above ``limit`` refused."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RegistrationRefused(_("“%(field)s”: write it as text.") % {"field": label})
    value = value.strip()
    if has_control_characters(value):
        raise RegistrationRefused(
            _("“%(field)s”: remove the control characters (line breaks, tabs and the like).")
            % {"field": label}
        )
    value = " ".join(value.split())
    if required_message and not value:
        raise RegistrationRefused(required_message)
    if len(value) > limit:
        raise RegistrationRefused(
            _("“%(field)s”: at most %(max)d characters.") % {"field": label, "max": limit}
        )
    return value


def email_normalise(email) -> str:
    """The address as registrations store it: without spaces around it, in lower case."""
    return str(email or "").strip().lower()


def _email_or_refuse(email) -> str:
    email = email_normalise(email)
    try:
        if not email or len(email) > 254:
            raise ValidationError("invalid")
        validate_email(email)
    except ValidationError:
        raise RegistrationRefused(_("Give a valid e-mail address.")) from None
    return email


def _answer_clean(question: RegistrationQuestion, value):
    """The answer as stored, or None when unanswered; ``ValueError`` carries the message."""
    kind = question.kind
    if kind == RegistrationQuestion.Kind.YES_NO:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _YES:
            return True
        if isinstance(value, str) and value.strip().lower() in _NO:
            return False
        if value is None or value == "":
            return None
        raise ValueError(_("Answer yes or no."))
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(_("Write the answer as text."))
    if kind == RegistrationQuestion.Kind.CHOICE:
        value = value.strip()
        if not value:
            return None
        if value not in question.choices:
            raise ValueError(_("Choose one of the options."))
        return value
    if kind == RegistrationQuestion.Kind.LONG_TEXT:
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        if _LONG_FORBIDDEN.search(value):
            raise ValueError(_("Remove the control characters from this answer."))
        limit = LONG_ANSWER_MAX
    else:
        value = value.strip()
        if has_control_characters(value):
            raise ValueError(_("This answer is one line of text."))
        limit = SHORT_ANSWER_MAX
    if len(value) > limit:
        raise ValueError(
            _("The answer has %(length)d characters; the maximum is %(max)d.")
            % {"length": len(value), "max": limit}
        )
    return value or None


def answers_clean(*, event: Event, answers: dict | None) -> dict[str, object]:
    """The answers to the event's questions, by question id (as text, the JSON keys).

    Refused: answers to questions that do not exist (or belong to another event), to unknown choices,
    and required questions left unanswered (``AnswersInvalid`` says which).
    """
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        raise RegistrationRefused(_("The answers were not sent as expected: reload the page and try again."))
    questions = {question.pk: question for question in event.registration_questions.all()}
    errors: dict[int, str] = {}
    cleaned: dict[str, object] = {}
    for key, value in answers.items():
        try:
            if isinstance(key, bool):
                raise ValueError
            question_id = int(key)
        except (TypeError, ValueError):
            raise RegistrationRefused(_("An answer was sent for a question that does not exist.")) from None
        question = questions.get(question_id)
        if question is None:
            raise RegistrationRefused(_("An answer was sent for a question that does not exist."))
        try:
            answer = _answer_clean(question, value)
        except ValueError as error:
            errors[question_id] = f"{question.text}: {error}"
            continue
        if answer is not None:
            cleaned[str(question_id)] = answer
    for question in questions.values():
        if question.is_required and str(question.pk) not in cleaned and question.pk not in errors:
            errors[question.pk] = _("Answer the question “%(question)s”.") % {"question": question.text}
    if errors:
        raise AnswersInvalid(dict(sorted(errors.items())))
    return cleaned


def _type_or_refuse(*, event: Event, type: RegistrationType, actor, city: City | None) -> RegistrationType:
    if not isinstance(type, RegistrationType) or type.pk is None or type.event_id != event.pk:
        raise RegistrationRefused(_("Choose one of this event’s registration types."))
    type = RegistrationType.objects.get(pk=type.pk)
    if not type.is_public and not (actor is None or actor.has_perm(MANAGE, event)):
        raise RegistrationRefused(
            _("“%(type)s” registrations are made by the Secretariat: choose another type.")
            % {"type": type.name}
        )
    if type.requires_member_city and (city is None or city.membership_status not in MEMBER_CITY_STATES):
        raise RegistrationRefused(
            _("“%(type)s” is for delegates of member cities: choose the member city you represent.")
            % {"type": type.name}
        )
    return type


def _duplicate_message(event: Event) -> str:
    return _(
        "This e-mail address is already registered for “%(event)s”: look for the confirmation we sent, "
        "or cancel that registration first."
    ) % {"event": event_title(event)}


def _is_duplicate(*, event: Event, email: str) -> bool:
    return (
        Registration.objects.filter(event=event, email__iexact=email)
        .exclude(status=RegistrationStatus.CANCELLED)
        .exists()
    )


def _place_free(event: Event, *, exclude_pk=None) -> bool:
    if event.capacity is None:
        return True
    taken = Registration.objects.filter(
        event=event, status__in=HOLDING_STATES, type__counts_toward_capacity=True
    )
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    return taken.count() < event.capacity


def _next_waitlist_position(event: Event) -> int:
    top = Registration.objects.filter(event=event).aggregate(top=Max("waitlist_position"))["top"]
    return (top or 0) + 1


# --- E-mails --------------------------------------------------------------------------------------


def _ical_attachment(event: Event):
    from educities.congresses.interfaces.ical import event_ical

    def attachments():
        return [
            {
                "filename": "event.ics",
                "content": event_ical(event).decode("utf-8"),
                "mimetype": "text/calendar",
            }
        ]

    return attachments


def _notify(*, registration: Registration, what: str, comment: str = "") -> None:
    """E-mail the person: ``what`` is confirmed, pending, waitlisted, promoted or cancelled."""
    event = registration.event
    subjects = {
        "confirmed": lambda: _("%(event)s: your registration is confirmed"),
        "pending": lambda: _("%(event)s: we received your registration"),
        "waitlisted": lambda: _("%(event)s: you are on the waiting list"),
        "promoted": lambda: _("%(event)s: a place freed up, your registration is confirmed"),
        "cancelled": lambda: _("%(event)s: your registration is cancelled"),
    }

    def subject():
        return subjects[what]() % {"event": event_title(event)}

    def context():
        return {
            "registration": registration,
            "event": event,
            "event_title": event_title(event),
            "dates": event_dates_for_people(event),
            "place": ", ".join(part for part in (event.venue, event.host_city.name) if part),
            "type": registration.type.name,
            "rank": waitlist_rank(registration=registration),
            "comment": comment,
            "fee_due": registration.fee_status == FeeStatus.UNPAID,
            "fee": registration.type.fee,
            "currency": registration.type.currency,
        }

    notify_person(
        email=registration.email,
        language=registration.language,
        template=f"congresses/email/registration_{what}.txt",
        subject=subject,
        context=context,
        link=("events:registration", {"code": registration.code}),
        attachments=_ical_attachment(event) if what in {"confirmed", "promoted"} else None,
    )


# --- Registering ----------------------------------------------------------------------------------


@transaction.atomic
def registration_create(
    *,
    event: Event,
    type: RegistrationType,
    actor,
    name: str,
    email: str,
    organisation: str = "",
    position_title: str = "",
    city: City | None = None,
    language: str = "en",
    answers: dict | None = None,
    user=None,
    override_window: bool = False,
) -> Registration:
    """Register a person: confirmed (pending if the type needs approval) while places remain, else on
    the waiting list at the next position. Refused, with nothing saved, outside the registration window
    (``override_window``: the Secretariat registering someone late), for a duplicate e-mail, a type of
    another event, a type only staff use, a type for member cities without a member city, and answers
    the questions do not allow. The person is e-mailed after commit.
    """
    require(actor, "congresses.register", event)
    if override_window and not may_manage(actor, event):
        raise PermissionRefused(_("You are not allowed to do this."))
    fields = Registration._meta
    name = _one_line(
        name,
        label=str(fields.get_field("name").verbose_name),
        limit=200,
        required_message=_("Give the full name of the person who registers."),
    )
    email = _email_or_refuse(email)
    organisation = _one_line(
        organisation, label=str(fields.get_field("organisation").verbose_name), limit=200
    )
    position_title = _one_line(
        position_title, label=str(fields.get_field("position_title").verbose_name), limit=200
    )
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise RegistrationRefused(_("Choose one of the site’s languages."))
    if city is not None and not (isinstance(city, City) and city.pk):
        raise RegistrationRefused(_("Choose the city you represent from the list."))
    # The event's row first: registrations to one event are made one after the other.
    event_lock(event)
    if not override_window:
        _window_or_refuse(event)
    type = _type_or_refuse(event=event, type=type, actor=actor, city=city)
    if _is_duplicate(event=event, email=email):
        raise RegistrationDuplicate(_duplicate_message(event))
    cleaned = answers_clean(event=event, answers=answers)
    if type.counts_toward_capacity and _place_free(event):
        # Anyone still waiting (places added but not handed out yet) goes first.
        _promote_waiting(event)
    now = timezone.now()
    if not type.counts_toward_capacity or _place_free(event):
        status = RegistrationStatus.PENDING if type.needs_approval else RegistrationStatus.CONFIRMED
        position = None
    else:
        status = RegistrationStatus.WAITLISTED
        position = _next_waitlist_position(event)
    registration = Registration(
        event=event,
        type=type,
        user=user_or_none(user),
        registered_by=user_or_none(actor),
        name=name,
        email=email,
        organisation=organisation,
        position_title=position_title,
        city=city,
        language=language,
        status=status,
        waitlist_position=position,
        fee_status=FeeStatus.UNPAID if type.fee > 0 else FeeStatus.NONE,
        answers=cleaned,
        confirmed_at=now if status == RegistrationStatus.CONFIRMED else None,
    )
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                registration.save()
            break
        except IntegrityError:
            if _is_duplicate(event=event, email=email):
                raise RegistrationDuplicate(_duplicate_message(event)) from None
            registration.pk = None
            registration.code = registration_code()
    else:  # pragma: no cover - eight random letters of 32 collide five times in a row
        raise DomainError(_("The registration could not be saved: try again."))
    audit_record(subject=registration, action="register", actor=actor, to_state=status)
    _notify(
        registration=registration,
        what={
            RegistrationStatus.CONFIRMED: "confirmed",
            RegistrationStatus.PENDING: "pending",
            RegistrationStatus.WAITLISTED: "waitlisted",
        }[status],
    )
    return registration


# --- The workflow ---------------------------------------------------------------------------------


def _status_label(status: str) -> str:
    return str(RegistrationStatus(status).label)


def _step_permission(actor, step: str, registration: Registration) -> None:
    if step == "cancel":
        if registration.checked_in_at is not None and may_manage(actor, registration.event):
            return  # refused below, saying when the check-in was
        require(actor, "congresses.cancel_registration", registration)
    elif not may_manage(actor, registration.event):
        raise PermissionRefused(_("You are not allowed to do this."))


@transaction.atomic
def registration_transition(
    *, registration: Registration, step: str, actor, comment: str = ""
) -> Registration:
    """Move a registration one step of ``REGISTRATION_STEPS`` (the only writer of its status).

    confirm: the Secretariat confirms a pending registration. promote: a waitlisted person gets a free
    place (the Secretariat, or the system when places free up). cancel: the person, their city or the
    Secretariat cancel; a place that frees up goes to the first on the waiting list.
    """
    if step not in REGISTRATION_STEPS:
        raise DomainError(_("Unknown step."))
    comment = "" if comment is None else str(comment).strip()[:2000]
    _step_permission(actor, step, registration)
    # The event first, then the registration: always in this order (no deadlock).
    event = event_lock(registration.event)
    lock(registration)
    registration.event = event
    from_states, to = REGISTRATION_STEPS[step]
    current = registration.status
    if current not in from_states:
        raise TransitionNotAllowed(
            _("This registration is “%(from)s”: it cannot become “%(to)s”.")
            % {"from": _status_label(current), "to": _status_label(to)}
        )
    now = timezone.now()
    changed = ["status"]
    counts = RegistrationType.objects.values_list("counts_toward_capacity", flat=True).get(
        pk=registration.type_id
    )
    if step == "confirm":
        registration.confirmed_at = now
        changed.append("confirmed_at")
    elif step == "promote":
        if counts and not _place_free(event, exclude_pk=registration.pk):
            raise NoPlaceFree(_("Every place is taken: add places to the event first."))
        registration.waitlist_position = None
        registration.confirmed_at = now
        changed += ["waitlist_position", "confirmed_at"]
    elif step == "cancel":
        if registration.checked_in_at is not None:
            raise TransitionNotAllowed(
                _("%(name)s was checked in on %(moment)s: undo the check-in first.")
                % {
                    "name": registration.name,
                    "moment": moment_for_people(registration.checked_in_at, time_zone=event.time_zone),
                }
            )
        registration.cancelled_at = now
        registration.waitlist_position = None
        changed += ["cancelled_at", "waitlist_position"]
        AgendaEntry.objects.filter(registration=registration).delete()
    registration.status = to
    registration.save(update_fields=[*changed, "updated_at"])
    audit_record(
        subject=registration, action=step, actor=actor, from_state=current, to_state=to, comment=comment
    )
    if step == "confirm":
        _notify(registration=registration, what="confirmed")
    elif step == "promote":
        _notify(registration=registration, what="promoted")
    else:
        _notify(registration=registration, what="cancelled", comment=comment)
        if current in HOLDING_STATES and counts:
            _promote_waiting(event)
    return registration


def _promote_waiting(event: Event) -> int:
    """Give the free places to the waiting list, first come first served (the event is locked)."""
    waiting = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED)
        .select_related("type", "event__host_city")
        .order_by("waitlist_position", "pk")
    )
    if not waiting:
        return 0
    free = places_left(event=event)
    promoted = 0
    for registration in waiting:
        if registration.type.counts_toward_capacity:
            if free is not None and free <= 0:
                continue
            if free is not None:
                free -= 1
        registration_transition(registration=registration, step="promote", actor=None)
        promoted += 1
    return promoted


@transaction.atomic
def waitlist_promote(*, event: Event, actor=None) -> int:
    """Give the free places to the people waiting (after places were added); returns how many."""
    if not may_manage(actor, event):
        raise PermissionRefused(_("You are not allowed to do this."))
    event_lock(event)
    promoted = _promote_waiting(event)
    if promoted:
        audit_record(subject=event, action="waitlist_promote", actor=actor, comment=str(promoted))
    return promoted


def registration_confirm(*, registration: Registration, actor, comment: str = "") -> Registration:
    return registration_transition(registration=registration, step="confirm", actor=actor, comment=comment)


def registration_cancel(*, registration: Registration, actor, comment: str = "") -> Registration:
    return registration_transition(registration=registration, step="cancel", actor=actor, comment=comment)


# --- Fees and check-in ----------------------------------------------------------------------------


@transaction.atomic
def registration_fee_set(*, registration: Registration, fee_status: str, actor) -> Registration:
    """Record the fee as unpaid, paid, waived or none (the Secretariat)."""
    require(actor, MANAGE, registration.event)
    if fee_status not in FeeStatus.values:
        raise DomainError(_("Choose one of the fee states."))
    lock(registration)
    current = registration.fee_status
    if current == fee_status:
        return registration
    registration.fee_status = fee_status
    registration.save(update_fields=["fee_status", "updated_at"])
    audit_record(subject=registration, action="fee_set", actor=actor, from_state=current, to_state=fee_status)
    return registration


@transaction.atomic
def registration_check_in(*, registration: Registration, actor) -> Registration:
    """Check a confirmed participant in at the desk; a second check-in is refused with the first's time."""
    require(actor, "congresses.check_in", registration)
    lock(registration)
    event = registration.event
    if registration.checked_in_at is not None:
        raise AlreadyCheckedIn(
            _("%(name)s was already checked in on %(moment)s.")
            % {
                "name": registration.name,
                "moment": moment_for_people(registration.checked_in_at, time_zone=event.time_zone),
            }
        )
    if registration.status != RegistrationStatus.CONFIRMED:
        raise TransitionNotAllowed(
            _("Only confirmed registrations can be checked in: this one is “%(status)s”.")
            % {"status": _status_label(registration.status)}
        )
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = user_or_none(actor)
    registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
    audit_record(subject=registration, action="check_in", actor=actor)
    return registration


@transaction.atomic
def registration_check_in_undo(*, registration: Registration, actor) -> Registration:
    """Undo a check-in made by mistake."""
    require(actor, "congresses.check_in", registration)
    lock(registration)
    if registration.checked_in_at is None:
        raise DomainError(_("%(name)s is not checked in.") % {"name": registration.name})
    previous = registration.checked_in_at
    registration.checked_in_at = None
    registration.checked_in_by = None
    registration.save(update_fields=["checked_in_at", "checked_in_by", "updated_at"])
    audit_record(subject=registration, action="check_in_undo", actor=actor, comment=previous.isoformat())
    return registration


def registration_code_normalise(code) -> str:
    """A code as typed or read from a badge: case, spaces and dashes do not matter."""
    return _CODE_SEPARATORS.sub("", str(code or "")).upper()


def registration_by_code(*, event: Event, code) -> Registration | None:
    """The registration of ``event`` with ``code`` (case-insensitive, spaces and dashes ignored)."""
    code = registration_code_normalise(code)
    if not code or len(code) > 12 or set(code) - set(CODE_ALPHABET):
        return None
    return (
        Registration.objects.filter(event=event, code=code)
        .select_related("event", "type", "city__country", "checked_in_by")
        .first()
    )


# --- The personal agenda --------------------------------------------------------------------------


def _agenda_permission(actor, registration: Registration) -> None:
    if may_manage(actor, registration.event):
        return
    require(actor, "congresses.view_registration", registration)


@transaction.atomic
def agenda_add(*, registration: Registration, session: Session, actor) -> AgendaEntry:
    """Put a session in a participant's agenda (a seat when the session has places); idempotent.

    Refused when every place of the session is taken, for a session of another event and for a
    registration that holds no place.
    """
    _agenda_permission(actor, registration)
    if session.event_id != registration.event_id:
        raise DomainError(_("This session belongs to another event."))
    # The session's row: its last seat cannot go to two people.
    session = lock(session)
    status = Registration.objects.values_list("status", flat=True).get(pk=registration.pk)
    if status not in HOLDING_STATES:
        raise DomainError(_("Only participants with a place can build an agenda."))
    existing = AgendaEntry.objects.filter(registration=registration, session=session).first()
    if existing is not None:
        return existing
    if session.capacity is not None:
        taken = AgendaEntry.objects.filter(session=session).count()
        if taken >= session.capacity:
            raise NoPlaceFree(
                _("Every place of “%(session)s” is taken (%(capacity)d).")
                % {"session": session.title, "capacity": session.capacity}
            )
    entry = AgendaEntry.objects.create(registration=registration, session=session)
    audit_record(subject=registration, action="agenda_add", actor=actor, comment=session.title[:200])
    return entry


@transaction.atomic
def agenda_remove(*, registration: Registration, session: Session, actor) -> None:
    """Take a session out of a participant's agenda (its seat is free again); nothing if it was not in."""
    _agenda_permission(actor, registration)
    Session.objects.select_for_update().filter(pk=session.pk).exists()
    deleted, _detail = AgendaEntry.objects.filter(registration=registration, session=session).delete()
    if deleted:
        audit_record(subject=registration, action="agenda_remove", actor=actor, comment=session.title[:200])


__all__ = [
    "agenda_add",
    "agenda_remove",
    "answers_clean",
    "email_normalise",
    "places_left",
    "places_taken",
    "registration_by_code",
    "registration_cancel",
    "registration_check_in",
    "registration_check_in_undo",
    "registration_code_normalise",
    "registration_confirm",
    "registration_create",
    "registration_fee_set",
    "registration_is_open",
    "registration_transition",
    "registration_window",
    "waitlist_promote",
    "waitlist_rank",
]
