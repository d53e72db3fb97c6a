"""Award editions, applications and jurors for tests, made through the domain functions.

``make_edition(phase=...)`` gives an edition whose dates are relative to now (so the call is really open,
or really closed); ``make_application(status=...)`` drives a real application through its workflow (and,
for a jury's decision, moves the edition's jury to the decision phase: make the ``in_review`` ones of an
edition before its decided ones). ``make_juror`` seats a user on an edition's jury.
"""

import contextlib
import datetime
import itertools

import time_machine
from django.utils import timezone

from educities.awards.domain.applications import (
    application_confirm_eligible,
    application_create,
    application_decide,
    application_declare_ineligible,
    application_letter_attach,
    application_save,
    application_submit,
    application_transition,
    application_withdraw,
)
from educities.awards.domain.editions import (
    edition_announce,
    edition_create,
    edition_declare_void,
    edition_question_add,
    edition_results_publish,
    edition_update,
)
from educities.awards.domain.eligibility import eligibility_check, eligibility_failed
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Application, Edition
from educities.experiences.enums import ExperienceStatus
from educities.members.enums import MembershipStatus
from educities.reviews.domain.jury import reviewer_add
from educities.reviews.domain.processes import process_phase_change
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import Reviewer, ReviewProcess
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, UserFactory, pdf_upload

_numbers = itertools.count(1)

DAY = datetime.timedelta(days=1)
# The phases of the jury, in order, and the step that leaves each one towards the decision.
_TOWARDS_DECISION = {
    ReviewPhase.SETUP: "open_scoring",
    ReviewPhase.BLIND: "deliberate",
    ReviewPhase.DELIBERATION: "decide",
}


def _dates(phase: str) -> dict:
    now = timezone.now()
    if phase in {EditionPhase.DRAFT, EditionPhase.ANNOUNCED}:
        opens, deadline = now + 30 * DAY, now + 90 * DAY
    elif phase == EditionPhase.OPEN:
        opens, deadline = now - 10 * DAY, now + 30 * DAY
    else:
        opens, deadline = now - 90 * DAY, now - DAY
    return {
        "call_opens_at": opens,
        "deadline": deadline,
        "jury_starts_on": (deadline + 7 * DAY).date(),
        "decision_on": (deadline + 60 * DAY).date(),
        "ceremony_on": (deadline + 120 * DAY).date(),
        "initiative_cutoff": (now - 365 * DAY).date(),
    }


def make_edition(*, phase: str = EditionPhase.OPEN, questions: int = 1, **overrides) -> Edition:
    """An edition in ``phase`` (an ``EditionPhase``: draft, announced, open, jury, results, void).

    ``results`` has one winner (a new city's application); ``void`` went through the jury's decision
    with no application. ``questions`` required questions are added (before the call opens).
    """
    serial = next(_numbers)
    values = {
        "number": 100 + serial % 800,
        "year": 2000 + serial % 190,
        "theme": f"Education as a source of inclusion {serial}",
        "axes": "Schools open to the city\nCulture for everyone",
        "rules": "Member cities with their fees paid up may apply.",
        "ceremony_place": "Granollers",
        **_dates(EditionPhase.OPEN if phase in {EditionPhase.RESULTS} else phase),
    }
    values.update(overrides)
    edition = edition_create(actor=None, **values)
    for index in range(questions):
        edition_question_add(
            edition=edition,
            text=f"What did the experience change? ({index + 1})",
            help_text="Give figures if you have them.",
            max_chars=2000,
            actor=None,
        )
    if phase == EditionPhase.DRAFT:
        return edition
    edition_announce(edition=edition, actor=None)
    if phase in {EditionPhase.ANNOUNCED, EditionPhase.OPEN, EditionPhase.JURY}:
        return edition
    if phase == EditionPhase.RESULTS:
        make_application(edition=edition, status=ApplicationStatus.WINNER)
        edition_close_call(edition=edition)
        return edition_results_publish(edition=edition, actor=None)
    if phase == EditionPhase.VOID:
        jury_to_decision(process=edition.review_process)
        return edition_declare_void(edition=edition, statement="No application met the theme.", actor=None)
    raise ValueError(phase)


def edition_close_call(*, edition: Edition) -> Edition:
    """Move the call into the past (the deadline was yesterday)."""
    dates = _dates(EditionPhase.JURY)
    return edition_update(
        edition=edition, actor=None, call_opens_at=dates["call_opens_at"], deadline=dates["deadline"]
    )


def jury_to_decision(*, process: ReviewProcess) -> ReviewProcess:
    """Move the jury, step by step, to the decision phase (nothing if it is there already)."""
    process.refresh_from_db(fields=["phase"])
    while process.phase in _TOWARDS_DECISION:
        process_phase_change(process=process, step=_TOWARDS_DECISION[process.phase], actor=None)
    return process


@contextlib.contextmanager
def within_call(edition: Edition):
    """Run the block while the call of ``edition`` is open (travelling in time when it is not)."""
    now = timezone.now()
    if edition.call_opens_at <= now <= edition.deadline:
        yield
        return
    middle = edition.call_opens_at + (edition.deadline - edition.call_opens_at) / 2
    with time_machine.travel(middle, tick=False):
        yield


def make_application(
    *,
    status: str = ApplicationStatus.DRAFT,
    edition: Edition | None = None,
    city=None,
    experience=None,
    language: str = "en",
    letter: bool = True,
    answers: bool = True,
    actor=None,
) -> Application:
    """An application in ``status``, made through the domain (an open edition, a member city by default)."""
    edition = edition or make_edition(phase=EditionPhase.OPEN)
    city = city or CityFactory(membership_status=MembershipStatus.MEMBER)
    experience = experience or make_experience(city=city, status=ExperienceStatus.PUBLISHED)
    with within_call(edition):
        application = application_create(
            edition=edition, city=city, actor=actor, language=language, experience=experience
        )
        if answers:
            application_save(
                application=application,
                actor=actor,
                answers={
                    question.pk: "The council listened to children." for question in edition.questions.all()
                },
            )
        if letter:
            application_letter_attach(application=application, upload=pdf_upload("letter.pdf"), actor=actor)
        if status == ApplicationStatus.DRAFT:
            return application
        if status == ApplicationStatus.WITHDRAWN:
            return application_withdraw(application=application, actor=actor)
        application_submit(application=application, actor=actor)
    if status == ApplicationStatus.SUBMITTED:
        return application
    if status == ApplicationStatus.INELIGIBLE:
        return application_declare_ineligible(
            application=application, actor=None, reason="The fees of 2025 are not paid."
        )
    failed = eligibility_failed(eligibility_check(edition=edition, city=city, application=application))
    application_confirm_eligible(
        application=application, actor=None, override_reason="Accepted by the Secretariat." if failed else ""
    )
    if status == ApplicationStatus.ELIGIBLE:
        return application
    application_transition(application=application, step="send_to_jury", actor=None)
    if status == ApplicationStatus.IN_REVIEW:
        return application
    if status in {
        ApplicationStatus.FINALIST,
        ApplicationStatus.WINNER,
        ApplicationStatus.SPECIAL_MENTION,
        ApplicationStatus.NOT_SELECTED,
    }:
        jury_to_decision(process=edition.review_process)
        return application_decide(
            application=application, result=status, statement="A remarkable experience.", actor=None
        )
    raise ValueError(status)


def make_juror(*, edition: Edition, user=None, city=None, country=None, organisation: str = "") -> Reviewer:
    """A juror of ``edition`` (a new user by default); automatic conflicts follow from city and country."""
    return reviewer_add(
        process=edition.review_process,
        user=user or UserFactory(),
        city=city,
        country=country,
        organisation=organisation,
        actor=None,
    )


__all__ = [
    "edition_close_call",
    "jury_to_decision",
    "make_application",
    "make_edition",
    "make_juror",
    "within_call",
]
