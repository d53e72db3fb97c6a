"""The call for communications and experiences of a congress, and the proposals cities send to it.

A ``Call`` belongs to one event and has its own review in the review engine (``educities.reviews``): a
``ReviewProcess`` created with it (``call_open``), with weighted criteria (``DEFAULT_CALL_CRITERIA`` unless
others are given). Proposals sent to review become ``ReviewItem``s of that process; the jurors, their
conflicts of interest, assignments and phases are managed on the review engine's own pages.

``proposal_transition`` is the ONE writer of ``Proposal.status`` (``PROPOSAL_STEPS``): it locks the call,
the city and the proposal (always in this order), checks the step's guard, saves, writes the audit log and
e-mails the city's editors after commit, each in their own language:

- ``submit`` (the city or the Secretariat): only while the call is open — the deadline is checked here, on
  the server, comparing aware moments — and while the city has fewer than ``max_proposals_per_city``
  proposals submitted, in review or accepted; a confirmation e-mail.
- ``send_to_review`` (Secretariat): adds a review item (``reviews.domain.items.item_add``) and keeps it.
- ``accept`` / ``reject`` (Secretariat): the note is the message to the city (required to reject).
- ``withdraw`` (the city or the Secretariat): the review item, if any, leaves the review
  (``item_deactivate``: kept with its scores, out of the ranking).

An accepted proposal becomes a session of the programme with ``proposal_session_create``.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from educities.congresses.domain.common import (
    MEMBER_CITY_STATES,
    event_title,
    lock,
    moment_for_people,
    require,
    site_link,
    user_or_none,
)
from educities.congresses.enums import (
    OFFICIAL_LANGUAGES,
    PROPOSAL_STEPS,
    ProposalKind,
    ProposalStatus,
    SessionKind,
)
from educities.congresses.models import Call, Event, Proposal, Session
from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.domain.notifications import email_notify_on_commit
from educities.core.domain.translations import translation_set_original
from educities.core.validators import has_control_characters
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from educities.members.enums import RoleKind
from educities.members.models import City
from educities.members.rules import is_editor_of_city
from educities.reviews.domain.items import item_add, item_deactivate
from educities.reviews.domain.processes import CriterionSpec, process_create
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import ReviewProcess

MANAGE = "congresses.manage_event"
DECIDE = "congresses.decide_proposal"
# The proposals that count toward a city's maximum in a call.
COUNTED_STATES = frozenset({ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, ProposalStatus.ACCEPTED})
DECIDED_STATES = frozenset({ProposalStatus.ACCEPTED, ProposalStatus.REJECTED})
# Which permission each step needs (besides the guard of ``PROPOSAL_STEPS``).
STEP_PERMISSIONS = {
    "submit": "congresses.withdraw_proposal",  # the city's editors or the Secretariat, whatever the state
    "withdraw": "congresses.withdraw_proposal",
    "send_to_review": DECIDE,
    "accept": DECIDE,
    "reject": DECIDE,
}
STEPS_NEEDING_NOTE = frozenset({"reject"})

TITLE_MAX = 255
SUMMARY_MAX = 5000
SPEAKERS_MAX_LINES = 20
SPEAKER_LINE_MAX = 300
NOTE_MAX = 5000
GUIDELINES_MAX = 20000
DRAFTS_PER_CITY_MAX = 20
MAX_PROPOSALS_LIMIT = 50

# The criteria of a call's review by default: (name, description, weight).
DEFAULT_CALL_CRITERIA: tuple[tuple, ...] = (
    (
        gettext_lazy("Relevance to the theme of the congress"),
        gettext_lazy("How well the proposal answers the theme and the questions of the congress."),
        2,
    ),
    (
        gettext_lazy("Quality and results"),
        gettext_lazy("How sound the work is and what it has achieved, shown by evidence."),
        2,
    ),
    (
        gettext_lazy("Transferability"),
        gettext_lazy("How easily other cities can learn from it and adapt it."),
        1,
    ),
    (
        gettext_lazy("Clarity"),
        gettext_lazy("How clearly the proposal explains what was done, why and with whom."),
        1,
    ),
)
# Languages the default criteria are saved in besides English, when the catalogs translate them.
CRITERIA_TRANSLATION_LANGUAGES = ("fr", "es", "pt", "ca")

# Control characters other than tab and line breaks (texts of several lines).
_MULTILINE_FORBIDDEN = frozenset(chr(code) for code in [*range(9), 11, 12, *range(14, 32), 127])


class ProposalInvalid(DomainError):
    """Some values of a proposal are refused: ``errors`` maps each field to its translated message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


# --- Shared helpers (bids.py uses them too) --------------------------------------------------------------


def city_editors_by_language(city: City) -> dict[str, list[str]]:
    """The e-mail addresses of a city's active editors, grouped by their preferred language."""
    editors = city.role_grants.filter(kind=RoleKind.CITY_EDITOR, user__is_active=True).values_list(
        "user__email", "user__language"
    )
    known = {code for code, _name in settings.LANGUAGES}
    by_language: dict[str, list[str]] = {}
    for email, language in editors:
        language = language if language in known else settings.LANGUAGE_CODE
        by_language.setdefault(language, []).append(email)
    return by_language


def notify(
    *, recipients_by_language: dict[str, list[str]], template: str, subject, context: dict, link=None
) -> None:
    """E-mail each group of recipients after commit, in its language.

    ``subject`` is a callable returning the translated subject; it, the template and ``link`` (a URL name
    and its arguments, given to the template as ``link``) are evaluated under ``translation.override``.
    """
    for language, recipients in sorted(recipients_by_language.items()):
        if not recipients:
            continue
        with translation.override(language):
            extra = {"site_url": settings.SITE_URL.rstrip("/"), "language": language}
            if link is not None:
                extra["link"] = site_link(link[0], **link[1])
            body = render_to_string(template, {**context, **extra})
            email_notify_on_commit(
                recipients=recipients, subject=str(subject()), body=body, language=language
            )


def one_line(value, *, label_message: str, max_length: int, required: bool = True) -> str:
    """A one-line text: stripped, no control characters, at most ``max_length`` characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DomainError(label_message)
    text = value.strip()
    if required and not text:
        raise DomainError(label_message)
    if has_control_characters(text):
        raise DomainError(_("Remove the control characters (line breaks, tabs and the like) from this text."))
    if len(text) > max_length:
        raise DomainError(_("The text is too long: at most %(max)d characters.") % {"max": max_length})
    return text


def multiline(value, *, max_length: int, required_message: str | None = None) -> str:
    """A text of several lines: line endings unified, stripped, no other control character."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DomainError(_("Give a text."))
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if required_message is not None and not text:
        raise DomainError(required_message)
    if any(char in _MULTILINE_FORBIDDEN for char in text) or "\u2028" in text or "\u2029" in text:
        raise DomainError(_("The text contains control characters: remove them and try again."))
    if len(text) > max_length:
        raise DomainError(_("The text is too long: at most %(max)d characters.") % {"max": max_length})
    return text


def aware_or_refuse(value, *, message: str) -> datetime.datetime:
    if not isinstance(value, datetime.datetime) or timezone.is_naive(value):
        raise DomainError(message)
    return value


def language_or_refuse(language) -> str:
    if language not in OFFICIAL_LANGUAGES:
        raise DomainError(
            _("Write it in one of the official languages (%(languages)s).")
            % {"languages": ", ".join(OFFICIAL_LANGUAGES)}
        )
    return language


# --- The call ---------------------------------------------------------------------------------------


def default_call_criteria() -> list[CriterionSpec]:
    """The default criteria in English, with the versions the catalogs give in fr/es/pt/ca."""
    specs = []
    for name, description, weight in DEFAULT_CALL_CRITERIA:
        with translation.override("en"):
            english = (str(name), str(description))
        translations = {}
        for language in CRITERIA_TRANSLATION_LANGUAGES:
            if language not in {code for code, _name in settings.LANGUAGES}:
                continue
            with translation.override(language):
                texts = (str(name), str(description))
            if texts[0] != english[0]:  # an untranslated catalog would only repeat the English
                translations[language] = texts
        specs.append(
            CriterionSpec(name=english[0], description=english[1], weight=weight, translations=translations)
        )
    return specs


def call_state(call: Call, *, now: datetime.datetime | None = None) -> str:
    """ "upcoming", "open" or "closed" at ``now`` (server time by default)."""
    now = now or timezone.now()
    if now < call.opens_at:
        return "upcoming"
    if now > call.closes_at:
        return "closed"
    return "open"


def call_is_open(call: Call, *, now: datetime.datetime | None = None) -> bool:
    return call_state(call, now=now) == "open"


def _call_open_or_refuse(call: Call) -> None:
    """Refuse unless the call is open now (server time), saying when it opens or closed."""
    zone = call.event.time_zone
    state = call_state(call)
    if state == "upcoming":
        raise DomainError(
            _("The call for proposals opens on %(moment)s.")
            % {"moment": moment_for_people(call.opens_at, time_zone=zone)}
        )
    if state == "closed":
        raise DomainError(
            _("The deadline for proposals was %(moment)s: proposals can no longer be sent or changed.")
            % {"moment": moment_for_people(call.closes_at, time_zone=zone)}
        )


def _max_or_refuse(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PROPOSALS_LIMIT:
        raise DomainError(
            _("A city may send between 1 and %(max)d proposals.") % {"max": MAX_PROPOSALS_LIMIT}
        )
    return value


def _window_or_refuse(opens_at, closes_at) -> None:
    aware_or_refuse(opens_at, message=_("Give the opening of the call as a date and time with its zone."))
    aware_or_refuse(closes_at, message=_("Give the deadline as a date and time with its zone."))
    if closes_at <= opens_at:
        raise DomainError(_("The deadline must be after the opening of the call."))


@transaction.atomic
def call_open(
    *,
    event: Event,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    guidelines: str = "",
    max_proposals_per_city: int = 3,
    criteria: list[CriterionSpec] | None = None,
    actor,
    reviewers_per_item: int = 3,
) -> Call:
    """Open the call of ``event`` (one per event) with its review process and criteria."""
    require(actor, MANAGE, event)
    _window_or_refuse(opens_at, closes_at)
    max_proposals_per_city = _max_or_refuse(max_proposals_per_city)
    guidelines = multiline(guidelines, max_length=GUIDELINES_MAX)
    if criteria is not None and not list(criteria):
        raise DomainError(_("The review needs at least one criterion."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    if Call.objects.filter(event=event).exists():
        raise DomainError(_("This event already has a call for proposals."))
    with translation.override(settings.LANGUAGE_CODE):
        # The review's name is data, shown to jurors of every language: written once, in the site's language.
        name = _("Call for proposals: %(event)s") % {"event": event.title}
    process = process_create(
        name=name[:200],
        reviewers_per_item=reviewers_per_item,
        criteria=default_call_criteria() if criteria is None else list(criteria),
        language="en",
        actor=actor,
    )
    call = Call.objects.create(
        event=event,
        opens_at=opens_at,
        closes_at=closes_at,
        guidelines=guidelines,
        max_proposals_per_city=max_proposals_per_city,
        review_process=process,
    )
    if guidelines:
        translation_set_original(
            obj=call, field="guidelines", language=event.original_language, text=guidelines, actor=actor
        )
    audit_record(
        subject=call,
        action="call_open",
        actor=actor,
        comment=f"{opens_at.isoformat()} → {closes_at.isoformat()}",
    )
    return call


@transaction.atomic
def call_update(
    *,
    call: Call,
    actor,
    opens_at: datetime.datetime | None = None,
    closes_at: datetime.datetime | None = None,
    guidelines: str | None = None,
    max_proposals_per_city: int | None = None,
) -> Call:
    """Change the dates, guidelines or maximum of a call (``None`` keeps a value)."""
    require(actor, MANAGE, call.event)
    fresh = Call.objects.select_for_update().get(pk=call.pk)
    new_opens = fresh.opens_at if opens_at is None else opens_at
    new_closes = fresh.closes_at if closes_at is None else closes_at
    _window_or_refuse(new_opens, new_closes)
    changed = []
    if (new_opens, new_closes) != (fresh.opens_at, fresh.closes_at):
        call.opens_at, call.closes_at = new_opens, new_closes
        changed += ["opens_at", "closes_at"]
    if max_proposals_per_city is not None:
        call.max_proposals_per_city = _max_or_refuse(max_proposals_per_city)
        if call.max_proposals_per_city != fresh.max_proposals_per_city:
            changed.append("max_proposals_per_city")
    if guidelines is not None:
        text = multiline(guidelines, max_length=GUIDELINES_MAX)
        if text != fresh.guidelines:
            call.guidelines = text
            changed.append("guidelines")
    if not changed:
        return call
    call.save(update_fields=[*changed, "updated_at"])
    if "guidelines" in changed:
        translation_set_original(
            obj=call,
            field="guidelines",
            language=call.event.original_language,
            text=call.guidelines,
            actor=actor,
        )
    audit_record(subject=call, action="call_update", actor=actor, comment=", ".join(changed))
    return call


# --- Proposals: writing ----------------------------------------------------------------------------------


def proposal_speakers(*, proposal: Proposal) -> list[tuple[str, str]]:
    """The proposal's speakers as ``(name, position)``, one per non-empty line ("name, position")."""
    speakers = []
    for line in (proposal.speakers or "").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        name, _comma, position = line.partition(",")
        speakers.append((name.strip(), position.strip()))
    return speakers


def _speakers_clean(value) -> str:
    text = multiline(value, max_length=SPEAKERS_MAX_LINES * (SPEAKER_LINE_MAX + 1))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) > SPEAKERS_MAX_LINES:
        raise DomainError(_("Give at most %(max)d speakers.") % {"max": SPEAKERS_MAX_LINES})
    for line in lines:
        if len(line) > SPEAKER_LINE_MAX:
            raise DomainError(
                _("A speaker's line has at most %(max)d characters.") % {"max": SPEAKER_LINE_MAX}
            )
        if not line.partition(",")[0].strip():
            raise DomainError(_("Start each speaker's line with the name: “name, position”."))
    return "\n".join(lines)


def _experience_or_refuse(*, city: City, experience) -> Experience | None:
    if experience is None:
        return None
    if (
        not isinstance(experience, Experience)
        or experience.pk is None
        or experience.city_id != city.pk
        or experience.status != ExperienceStatus.PUBLISHED
    ):
        raise DomainError(_("Choose one of your city’s published experiences, or none."))
    return experience


def _values_clean(*, city: City, kind, language, title, summary, speakers, experience) -> dict:
    errors: dict[str, str] = {}
    values: dict = {}
    checks = {
        "kind": lambda: _kind_or_refuse(kind),
        "language": lambda: language_or_refuse(language),
        "title": lambda: one_line(title, label_message=_("Give the proposal a title."), max_length=TITLE_MAX),
        "summary": lambda: multiline(
            summary, max_length=SUMMARY_MAX, required_message=_("Write a summary of the proposal.")
        ),
        "speakers": lambda: _speakers_clean(speakers),
        "experience": lambda: _experience_or_refuse(city=city, experience=experience),
    }
    for field, check in checks.items():
        try:
            values[field] = check()
        except DomainError as error:
            errors[field] = error.message
    if errors:
        raise ProposalInvalid(errors)
    return values


def _kind_or_refuse(kind) -> str:
    if kind not in ProposalKind.values:
        raise DomainError(_("Choose a communication or an experience."))
    return kind


def _member_or_refuse(city: City) -> None:
    if city.membership_status not in MEMBER_CITY_STATES:
        raise DomainError(_("Only member cities may send proposals."))


def _call_lock(call: Call) -> Call:
    return Call.objects.select_for_update().select_related("event", "review_process").get(pk=call.pk)


@transaction.atomic
def proposal_save(
    *,
    call: Call,
    city: City,
    actor,
    proposal: Proposal | None = None,
    kind: str,
    language: str,
    title: str,
    summary: str,
    speakers: str = "",
    experience: Experience | None = None,
) -> Proposal:
    """Create a draft proposal of ``city`` to ``call``, or save changes to the draft ``proposal``.

    Only while the call is open; in an official language; the experience, if any, is a published one of the
    city. Nothing is saved when a value is refused (``ProposalInvalid`` says which, and why).
    """
    if proposal is None:
        require(actor, "congresses.propose", city)
    else:
        require(actor, "congresses.change_proposal", proposal)
        if proposal.call_id != call.pk or proposal.city_id != city.pk:
            raise DomainError(_("This proposal belongs to another call or city."))
    if actor is not None and not actor.has_perm("congresses.view_event", call.event):
        raise PermissionRefused(_("You are not allowed to do this."))
    values = _values_clean(
        city=city,
        kind=kind,
        language=language,
        title=title,
        summary=summary,
        speakers=speakers,
        experience=experience,
    )
    call = _call_lock(call)
    city = City.objects.select_for_update().get(pk=city.pk)
    _member_or_refuse(city)
    _call_open_or_refuse(call)
    if proposal is None:
        drafts = Proposal.objects.filter(call=call, city=city, status=ProposalStatus.DRAFT).count()
        if drafts >= DRAFTS_PER_CITY_MAX:
            raise DomainError(
                _("%(city)s already has %(count)d drafts for this call: finish or withdraw some first.")
                % {"city": city.name, "count": drafts}
            )
        proposal = Proposal.objects.create(call=call, city=city, status=ProposalStatus.DRAFT, **values)
        audit_record(subject=proposal, action="create", actor=actor, to_state=ProposalStatus.DRAFT)
        return proposal
    lock(proposal)
    if proposal.status != ProposalStatus.DRAFT:
        raise DomainError(_("This proposal was submitted: it can no longer be changed."))
    changed = [field for field, value in values.items() if getattr(proposal, field) != value]
    if not changed:
        return proposal
    for field in changed:
        setattr(proposal, field, values[field])
    proposal.save(update_fields=[*changed, "updated_at"])
    audit_record(subject=proposal, action="save", actor=actor, comment=", ".join(changed))
    return proposal


# --- Proposals: the workflow -----------------------------------------------------------------------------


def proposals_counted(*, call: Call, city: City, exclude_pk: int | None = None) -> QuerySet:
    """The proposals of ``city`` to ``call`` that count toward its maximum."""
    proposals = Proposal.objects.filter(call=call, city=city, status__in=COUNTED_STATES)
    if exclude_pk is not None:
        proposals = proposals.exclude(pk=exclude_pk)
    return proposals


def _status_label(status: str) -> str:
    return str(ProposalStatus(status).label)


def _notify_city(*, proposal: Proposal, template: str, note: str = "") -> None:
    call = proposal.call
    event = call.event
    notify(
        recipients_by_language=city_editors_by_language(proposal.city),
        template=template,
        subject=lambda: (
            _("%(event)s: proposal “%(title)s” — %(status)s")
            % {
                "event": event_title(event)[:80],
                "title": proposal.title[:80],
                "status": _status_label(proposal.status),
            }
        ),
        context={
            "proposal": proposal,
            "event": event,
            "call": call,
            "city": proposal.city,
            "status": ProposalStatus(proposal.status).label,
            "note": note,
            # Callables: the template calls them in the recipient's language.
            "event_title": lambda: event_title(event),
            "deadline": lambda: moment_for_people(call.closes_at, time_zone=event.time_zone),
        },
        link=("events:proposal", {"pk": proposal.pk}),
    )


@transaction.atomic
def proposal_transition(*, proposal: Proposal, step: str, actor, note: str = "") -> Proposal:
    """Move a proposal one step of ``PROPOSAL_STEPS`` (the only writer of its status)."""
    if step not in PROPOSAL_STEPS:
        raise DomainError(_("Unknown step."))
    require(actor, STEP_PERMISSIONS[step], proposal)
    note = multiline(note, max_length=NOTE_MAX)
    if step in STEPS_NEEDING_NOTE and not note:
        raise DomainError(_("Write a message to the city: it says why the proposal is not accepted."))
    # The call first, then the city, then the proposal: always in this order (no deadlock).
    call = _call_lock(proposal.call)
    proposal.call = call
    City.objects.select_for_update().filter(pk=proposal.city_id).exists()
    lock(proposal)
    from_states, to = PROPOSAL_STEPS[step]
    current = proposal.status
    if current not in from_states:
        raise TransitionNotAllowed(
            _("This proposal is “%(from)s”: it cannot become “%(to)s”.")
            % {"from": _status_label(current), "to": _status_label(to)}
        )
    changed = ["status"]
    if step == "submit":
        _call_open_or_refuse(call)
        _member_or_refuse(proposal.city)
        counted = proposals_counted(call=call, city=proposal.city, exclude_pk=proposal.pk).count()
        if counted >= call.max_proposals_per_city:
            raise DomainError(
                _(
                    "%(city)s already has %(count)d proposals to this call and may send %(max)d at most: "
                    "withdraw one first."
                )
                % {"city": proposal.city.name, "count": counted, "max": call.max_proposals_per_city}
            )
        proposal.submitted_at = timezone.now()
        proposal.submitted_by = user_or_none(actor)
        changed += ["submitted_at", "submitted_by"]
    elif step == "send_to_review":
        item = item_add(
            process=call.review_process,
            subject=proposal,
            title=proposal.title,
            city=proposal.city,
            actor=actor,
        )
        proposal.review_item = item
        changed.append("review_item")
    elif step in {"accept", "reject"}:
        proposal.decision_note = note
        proposal.decided_at = timezone.now()
        changed += ["decision_note", "decided_at"]
    elif step == "withdraw" and proposal.review_item_id is not None:
        phase = ReviewProcess.objects.values_list("phase", flat=True).get(pk=call.review_process_id)
        if phase != ReviewPhase.CLOSED:
            item_deactivate(item=proposal.review_item, actor=None, reason=note)
    proposal.status = to
    proposal.save(update_fields=[*changed, "updated_at"])
    audit_record(subject=proposal, action=step, actor=actor, from_state=current, to_state=to, comment=note)
    if step == "submit":
        _notify_city(proposal=proposal, template="congresses/email/proposal_submitted.txt")
    elif step in {"accept", "reject"}:
        _notify_city(proposal=proposal, template="congresses/email/proposal_decided.txt", note=note)
    elif step == "withdraw" and not (actor is not None and is_editor_of_city(actor, proposal.city)):
        # Withdrawn by the Secretariat: the city is told (its own editors know what they did).
        _notify_city(proposal=proposal, template="congresses/email/proposal_withdrawn.txt", note=note)
    return proposal


def proposal_submit(*, proposal: Proposal, actor) -> Proposal:
    return proposal_transition(proposal=proposal, step="submit", actor=actor)


def proposal_withdraw(*, proposal: Proposal, actor, note: str = "") -> Proposal:
    return proposal_transition(proposal=proposal, step="withdraw", actor=actor, note=note)


def proposal_decide(*, proposal: Proposal, accepted: bool, note: str = "", actor) -> Proposal:
    return proposal_transition(
        proposal=proposal, step="accept" if accepted else "reject", actor=actor, note=note
    )


@transaction.atomic
def proposals_send_to_review(*, call: Call, actor) -> int:
    """Send every submitted proposal of ``call`` to review (one review item each); returns how many."""
    require(actor, DECIDE, None)
    require(actor, MANAGE, call.event)
    call = _call_lock(call)
    if call.review_process.phase in {ReviewPhase.DECISION, ReviewPhase.CLOSED}:
        raise DomainError(_("The review has reached its decision: no proposal can be added any more."))
    submitted = list(
        call.proposals.filter(status=ProposalStatus.SUBMITTED).select_related("city").order_by("pk")
    )
    for proposal in submitted:
        proposal.call = call
        proposal_transition(proposal=proposal, step="send_to_review", actor=actor)
    if submitted:
        audit_record(subject=call, action="send_to_review", actor=actor, comment=str(len(submitted)))
    return len(submitted)


# --- From proposal to session -----------------------------------------------------------------------------


def proposal_speaker_specs(*, proposal: Proposal) -> list:
    """The proposal's speakers as ``events.SpeakerSpec``s: the name, and the position as their organisation
    (the city's name when no position is given); the city is the proposal's."""
    from educities.congresses.domain.events import SpeakerSpec

    return [
        SpeakerSpec(name=name[:200], organisation=(position or proposal.city.name)[:200], city=proposal.city)
        for name, position in proposal_speakers(proposal=proposal)
    ]


@transaction.atomic
def proposal_session_create(
    *,
    proposal: Proposal,
    actor,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    room=None,
    kind: str = SessionKind.COMMUNICATIONS,
) -> Session:
    """Put an accepted proposal in the programme: a session with its title, summary and speakers."""
    from educities.congresses.domain.events import session_save

    require(actor, DECIDE, proposal)
    require(actor, MANAGE, proposal.call.event)
    if kind not in SessionKind.values:
        raise DomainError(_("Choose a kind of session."))
    lock(proposal)
    if proposal.status != ProposalStatus.ACCEPTED:
        raise DomainError(_("Only an accepted proposal can become a session."))
    if proposal.session_id is not None:
        raise DomainError(_("This proposal is already a session of the programme."))
    event = proposal.call.event
    if room is not None and room.event_id != event.pk:
        raise DomainError(_("Choose a room of this event."))
    session = session_save(
        event=event,
        actor=actor,
        title=proposal.title,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        room=room,
        description=proposal.summary,
        language=proposal.language,
        speakers=proposal_speaker_specs(proposal=proposal),
    )
    proposal.session = session
    proposal.save(update_fields=["session", "updated_at"])
    audit_record(subject=proposal, action="session_create", actor=actor, comment=str(session.pk))
    return session


# --- Reading ----------------------------------------------------------------------------------------------


def proposals_of_cities(*, city_ids: Iterable[int]) -> QuerySet:
    """The proposals of these cities, newest call first, with what a list shows."""
    return (
        Proposal.objects.filter(city_id__in=list(city_ids))
        .select_related("call__event", "city")
        .order_by("-call__event__starts_on", "city__name", "-created_at", "pk")
    )


def proposals_for_staff(
    *, call: Call, status: str = "", kind: str = "", language: str = "", include_drafts: bool = False
) -> QuerySet:
    """The proposals of a call for the Secretariat's list (drafts left out unless asked), filtered."""
    proposals = Proposal.objects.filter(call=call).select_related(
        "city__country", "experience", "review_item", "session"
    )
    if status:
        proposals = proposals.filter(status=status)
    elif not include_drafts:
        proposals = proposals.exclude(status=ProposalStatus.DRAFT)
    if kind:
        proposals = proposals.filter(kind=kind)
    if language:
        proposals = proposals.filter(language=language)
    return proposals.order_by("city__name", "pk")


def call_status_counts(*, call: Call) -> dict[str, int]:
    rows = Proposal.objects.filter(call=call).values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}


def calls_open_for_proposals(*, now: datetime.datetime | None = None) -> list[Call]:
    """The calls open now whose events are published, soonest deadline first."""
    now = now or timezone.now()
    return list(
        Call.objects.filter(opens_at__lte=now, closes_at__gte=now, event__is_published=True)
        .select_related("event")
        .order_by("closes_at", "pk")
    )


def proposals_counted_by_city(*, call: Call, city_ids: Iterable[int]) -> dict[int, int]:
    rows = (
        Proposal.objects.filter(call=call, city_id__in=list(city_ids))
        .values("city_id")
        .annotate(n=Count("pk", filter=Q(status__in=COUNTED_STATES)))
        .order_by()
    )
    return {row["city_id"]: row["n"] for row in rows}
