"""A city's application to an edition of the award, from the draft to the jury's decision.

``application_transition`` is the ONE writer of ``Application.status`` (``APPLICATION_STEPS``): it locks
the row, checks the step's guard, saves, writes the audit log and e-mails the city's editors after
commit (confirmation of a submission, eligibility decisions). Results are e-mailed when the edition's
results are published (``editions.edition_results_publish``), never before.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from educities.awards.domain.common import moment_for_people, notify_city_editors, require
from educities.awards.domain.eligibility import applications_counted, eligibility_check, eligibility_failed
from educities.awards.enums import (
    APPLICATION_STEPS,
    OFFICIAL_LANGUAGES,
    STEPS_NEEDING_REASON,
    ApplicationStatus,
    EditionPhase,
)
from educities.awards.models import Answer, Application, Edition
from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, TransitionNotAllowed
from educities.core.validators import validate_attachment
from educities.experiences.domain.drafts import experience_create
from educities.experiences.domain.values import ValuesInvalid
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from educities.members.models import City
from educities.reviews.domain.items import item_add, item_deactivate
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import ReviewProcess

# Control characters other than line breaks and tabs, which answers (several paragraphs) may hold.
_ANSWER_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
# Steps and the permission they need (besides the guard of ``APPLICATION_STEPS``).
STEP_PERMISSIONS = {
    "submit": "awards.submit_application",
    "withdraw": "awards.withdraw_application",
    "confirm_eligible": "awards.review_eligibility",
    "declare_ineligible": "awards.review_eligibility",
    "send_to_jury": "awards.manage_award",
    "shortlist": "awards.manage_award",
    "award": "awards.manage_award",
    "mention": "awards.manage_award",
    "not_select": "awards.manage_award",
}
DECISION_STEPS = frozenset({"shortlist", "award", "mention", "not_select"})
RESULT_STEPS = {
    ApplicationStatus.FINALIST: "shortlist",
    ApplicationStatus.WINNER: "award",
    ApplicationStatus.SPECIAL_MENTION: "mention",
    ApplicationStatus.NOT_SELECTED: "not_select",
}


class AnswersInvalid(DomainError):
    """Some answers are refused: ``errors`` maps each question id to a translated message."""

    def __init__(self, errors: dict[int, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


# --- Checks shared by creation and changes ----------------------------------------------------------


def _call_open_or_refuse(edition: Edition) -> None:
    """Refuse unless the call is open now (server time), saying when it opens or closed."""
    from educities.awards.domain.editions import edition_phase

    phase = edition_phase(edition=edition)
    if phase == EditionPhase.OPEN:
        return
    if phase in {EditionPhase.DRAFT, EditionPhase.ANNOUNCED}:
        if edition.is_published and edition.call_opens_at is not None:
            raise DomainError(
                _("The call for applications opens on %(moment)s.")
                % {"moment": moment_for_people(edition.call_opens_at, time_zone=edition.time_zone)}
            )
        raise DomainError(_("The call for applications is not open."))
    if edition.deadline is not None:
        raise DomainError(
            _("The deadline for applications was %(moment)s: applications can no longer be submitted.")
            % {"moment": moment_for_people(edition.deadline, time_zone=edition.time_zone)}
        )
    raise DomainError(_("The call for applications is closed."))


def _language_or_refuse(language) -> str:
    if language not in OFFICIAL_LANGUAGES:
        raise DomainError(
            _("Write the application in one of the official languages (%(languages)s).")
            % {"languages": ", ".join(OFFICIAL_LANGUAGES)}
        )
    return language


def _experience_or_refuse(*, edition: Edition, city: City, experience, application=None) -> Experience:
    if not isinstance(experience, Experience) or experience.pk is None:
        raise DomainError(_("Choose one of your city’s experiences."))
    if experience.city_id != city.pk:
        raise DomainError(_("Choose one of your city’s experiences."))
    if experience.status == ExperienceStatus.REJECTED:
        raise DomainError(_("A rejected experience cannot be proposed: revise it first."))
    taken = Application.objects.filter(edition=edition, experience=experience)
    if application is not None:
        taken = taken.exclude(pk=application.pk)
    if taken.exists():
        raise DomainError(
            _("This experience is already proposed to this edition (withdrawn applications included).")
        )
    return experience


def _maximum_or_refuse(*, edition: Edition, city: City, application=None, drafts: bool) -> None:
    others = applications_counted(
        edition=edition, city=city, exclude_pk=getattr(application, "pk", None), drafts=drafts
    ).count()
    limit = edition.max_applications_per_city
    if others >= limit:
        raise DomainError(
            _(
                "%(city)s already has %(count)d applications to this edition and may send %(limit)d at most: "
                "withdraw one first."
            )
            % {"city": city.name, "count": others, "limit": limit}
        )


def _lock(application: Application) -> Application:
    """Lock the application's row and refresh ``application`` from it."""
    fresh = Application.objects.select_for_update().get(pk=application.pk)
    for field in Application._meta.concrete_fields:
        setattr(application, field.attname, getattr(fresh, field.attname))
    return application


def _draft_or_refuse(application: Application) -> None:
    if application.status != ApplicationStatus.DRAFT:
        raise DomainError(_("This application was submitted: it can no longer be changed."))


# --- Creating and writing ---------------------------------------------------------------------------


@transaction.atomic
def application_create(
    *,
    edition: Edition,
    city: City,
    actor,
    language: str,
    experience: Experience | None = None,
    new_experience_title: str = "",
) -> Application:
    """A city's draft application with one of its experiences, or with a new draft experience in the bank.

    Refused outside the call window, above the maximum of applications per city (drafts included) and
    for an experience already proposed to the edition.
    """
    require(actor, "awards.apply", city)
    language = _language_or_refuse(language)
    title = " ".join(str(new_experience_title or "").split())
    if experience is not None and title:
        raise DomainError(_("Choose an experience or give the title of a new one, not both."))
    if experience is None and not title:
        raise DomainError(_("Choose one of your city’s experiences or give the title of a new one."))
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    # One application at a time per city: two requests cannot both pass the count below.
    city = City.objects.select_for_update().get(pk=city.pk)
    _call_open_or_refuse(edition)
    _maximum_or_refuse(edition=edition, city=city, drafts=True)
    if experience is not None:
        experience = _experience_or_refuse(edition=edition, city=city, experience=experience)
    else:
        try:
            experience = experience_create(
                actor=actor, city=city, values={"title": title, "original_language": language}
            )
        except ValuesInvalid as error:
            raise DomainError(" ".join(" ".join(messages) for messages in error.errors.values())) from None
    user = actor if actor is not None and actor.is_authenticated else None
    application = Application.objects.create(
        edition=edition,
        city=city,
        experience=experience,
        language=language,
        status=ApplicationStatus.DRAFT,
        created_by=user,
    )
    audit_record(subject=application, action="create", actor=actor, to_state=ApplicationStatus.DRAFT)
    return application


def _answers_clean(application: Application, answers: dict) -> dict[int, str]:
    questions = {question.pk: question for question in application.edition.questions.all()}
    errors: dict[int, str] = {}
    cleaned: dict[int, str] = {}
    for key, text in answers.items():
        try:
            question_id = int(key)
        except (TypeError, ValueError):
            raise DomainError(_("An answer was sent for a question that does not exist.")) from None
        question = questions.get(question_id)
        if question is None or isinstance(key, bool):
            raise DomainError(_("An answer was sent for a question that does not exist."))
        if text is None:
            text = ""
        if not isinstance(text, str):
            errors[question_id] = _("Write the answer as text.")
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        if _ANSWER_FORBIDDEN.search(text):
            errors[question_id] = _("Remove the control characters from this answer.")
        elif len(text) > question.max_chars:
            errors[question_id] = _("The answer has %(length)d characters; the maximum is %(max)d.") % {
                "length": len(text),
                "max": question.max_chars,
            }
        else:
            cleaned[question_id] = text
    if errors:
        raise AnswersInvalid(errors)
    return cleaned


@transaction.atomic
def application_save(
    *,
    application: Application,
    actor,
    language: str | None = None,
    experience: Experience | None = None,
    answers: dict[int, str] | None = None,
) -> Application:
    """Save the city's work on a draft: language, experience, answers (by question id; blank deletes).

    Nothing is saved if any value is refused (``AnswersInvalid`` says which answers, and why).
    """
    require(actor, "awards.change_application", application)
    if answers is not None and not isinstance(answers, dict):
        raise DomainError(_("The answers were not sent as expected: reload the page and try again."))
    _lock(application)
    _draft_or_refuse(application)
    changed = []
    if language is not None and language != application.language:
        application.language = _language_or_refuse(language)
        changed.append("language")
    if experience is not None and experience.pk != application.experience_id:
        application.experience = _experience_or_refuse(
            edition=application.edition, city=application.city, experience=experience, application=application
        )
        changed.append("experience")
    cleaned = _answers_clean(application, answers) if answers else {}
    if changed:
        application.save(update_fields=[*changed, "updated_at"])
    if cleaned:
        existing = {answer.question_id: answer for answer in application.answers.all()}
        blank = [existing[qid].pk for qid, text in cleaned.items() if not text and qid in existing]
        if blank:
            Answer.objects.filter(pk__in=blank).delete()
        for question_id, text in cleaned.items():
            if not text:
                continue
            answer = existing.get(question_id)
            if answer is None:
                Answer.objects.create(application=application, question_id=question_id, text=text)
            elif answer.text != text:
                answer.text = text
                answer.save(update_fields=["text"])
        if not changed:
            Application.objects.filter(pk=application.pk).update(updated_at=timezone.now())
    return application


@transaction.atomic
def application_letter_attach(*, application: Application, upload, actor) -> Application:
    """Attach (or replace) the letter from the mayor: a real PDF (sniffed), not empty, size-limited."""
    require(actor, "awards.change_application", application)
    try:
        validate_attachment(upload, allowed={"pdf"})
    except ValidationError as error:
        raise DomainError(" ".join(error.messages)) from None
    _lock(application)
    _draft_or_refuse(application)
    previous = application.mayor_letter.name if application.mayor_letter else ""
    application.mayor_letter.save("letter.pdf", upload, save=False)
    application.save(update_fields=["mayor_letter", "updated_at"])
    if previous:
        storage = application.mayor_letter.storage
        transaction.on_commit(lambda: storage.delete(previous))
    audit_record(subject=application, action="letter_attach", actor=actor)
    return application


# --- The workflow -----------------------------------------------------------------------------------


def application_missing(*, application: Application) -> list[str]:
    """What the city must still give before submitting (translated sentences)."""
    answered = {answer.question_id for answer in application.answers.all() if answer.text.strip()}
    missing = [
        _("Answer the question “%(question)s”.") % {"question": question.text}
        for question in application.edition.questions.all()
        if question.is_required and question.pk not in answered
    ]
    if not application.mayor_letter:
        missing.append(_("Attach the letter from the mayor (a PDF document)."))
    return missing


def _status_label(status: str) -> str:
    return str(ApplicationStatus(status).label)


def _notify(*, application: Application, event: str, reason: str = "") -> None:
    edition = application.edition
    notify_city_editors(
        city=application.city,
        template=f"awards/email/application_{event}.txt",
        subject=lambda: (
            _("Educating City Award %(year)s: %(title)s — %(status)s")
            % {
                "year": edition.year,
                "title": application.experience.title[:80],
                "status": _status_label(application.status),
            }
        ),
        context={
            "edition": edition,
            "application": application,
            "status": ApplicationStatus(application.status).label,
            "reason": reason,
        },
        link=("awards:application", {"pk": application.pk}),
    )


def _before_submit(application: Application) -> None:
    edition = application.edition
    _call_open_or_refuse(edition)
    missing = application_missing(application=application)
    if missing:
        raise DomainError(" ".join(missing))
    _maximum_or_refuse(edition=edition, city=application.city, application=application, drafts=False)


@transaction.atomic
def application_transition(
    *, application: Application, step: str, actor, reason: str = "", statement: str = ""
) -> Application:
    """Move an application one step of ``APPLICATION_STEPS`` (the only writer of its status)."""
    if step not in APPLICATION_STEPS:
        raise DomainError(_("Unknown step."))
    require(actor, STEP_PERMISSIONS[step], application)
    reason = "" if reason is None else str(reason).strip()
    statement = "" if statement is None else str(statement).strip()
    if step in STEPS_NEEDING_REASON and not reason:
        raise DomainError(_("Write the reason, for the city."))
    # The edition first, then the city, then the application: always in this order (no deadlock).
    application.edition = Edition.objects.select_for_update().get(pk=application.edition_id)
    City.objects.select_for_update().filter(pk=application.city_id).exists()
    _lock(application)
    from_states, to = APPLICATION_STEPS[step]
    current = application.status
    if current not in from_states:
        raise TransitionNotAllowed(
            _("This application is “%(from)s”: it cannot become “%(to)s”.")
            % {"from": _status_label(current), "to": _status_label(to)}
        )
    changed = ["status"]
    audit_comment = reason or statement
    if step == "submit":
        _before_submit(application)
        application.submitted_at = timezone.now()
        application.submitted_by = actor if actor is not None and actor.is_authenticated else None
        changed += ["submitted_at", "submitted_by"]
    elif step == "confirm_eligible":
        failed = eligibility_failed(
            eligibility_check(edition=application.edition, city=application.city, application=application)
        )
        if failed and not reason:
            raise DomainError(
                _("Some rules are not met (%(rules)s): write why the application is eligible all the same.")
                % {"rules": "; ".join(check.label for check in failed)}
            )
        application.eligibility_overridden = bool(failed)
        application.eligibility_note = reason
        changed += ["eligibility_overridden", "eligibility_note"]
        if failed:
            audit_comment = _("%(reason)s (rules not met: %(rules)s)") % {
                "reason": reason,
                "rules": ", ".join(check.rule.value for check in failed),
            }
    elif step == "declare_ineligible":
        application.eligibility_overridden = False
        application.eligibility_note = reason
        changed += ["eligibility_overridden", "eligibility_note"]
    elif step == "send_to_jury":
        item = item_add(
            process=application.edition.review_process,
            subject=application,
            title=application.experience.title,
            city=application.city,
            actor=actor,
        )
        application.review_item = item
        changed.append("review_item")
    elif step in DECISION_STEPS:
        edition = application.edition
        if edition.results_published_at is not None or edition.is_void:
            raise DomainError(_("The results are published: the decisions can no longer change."))
        phase = ReviewProcess.objects.values_list("phase", flat=True).get(pk=edition.review_process_id)
        if phase != ReviewPhase.DECISION:
            raise DomainError(_("The jury decides once its work has reached the decision phase."))
        if statement:
            application.statement = statement
            changed.append("statement")
    elif step == "withdraw" and application.review_item_id is not None:
        item_deactivate(item=application.review_item, actor=None, reason=reason)
    application.status = to
    application.save(update_fields=[*changed, "updated_at"])
    audit_record(
        subject=application, action=step, actor=actor, from_state=current, to_state=to, comment=audit_comment
    )
    if step == "submit":
        _notify(application=application, event="submitted")
    elif step in {"confirm_eligible", "declare_ineligible"}:
        _notify(
            application=application,
            event="eligibility",
            reason=reason if step == "declare_ineligible" else "",
        )
    return application


def application_submit(*, application: Application, actor) -> Application:
    return application_transition(application=application, step="submit", actor=actor)


def application_withdraw(*, application: Application, actor, reason: str = "") -> Application:
    return application_transition(application=application, step="withdraw", actor=actor, reason=reason)


def application_confirm_eligible(
    *, application: Application, actor, override_reason: str = ""
) -> Application:
    """Confirm the application is eligible; if a rule fails, ``override_reason`` is required and recorded."""
    return application_transition(
        application=application, step="confirm_eligible", actor=actor, reason=override_reason
    )


def application_declare_ineligible(*, application: Application, actor, reason: str) -> Application:
    return application_transition(
        application=application, step="declare_ineligible", actor=actor, reason=reason
    )


@transaction.atomic
def applications_send_to_jury(*, edition: Edition, actor) -> int:
    """Send every eligible application of ``edition`` to the jury (one review item each); returns how many."""
    require(actor, "awards.manage_award", edition)
    Edition.objects.select_for_update().filter(pk=edition.pk).exists()
    phase = ReviewProcess.objects.values_list("phase", flat=True).get(pk=edition.review_process_id)
    if phase in {ReviewPhase.DECISION, ReviewPhase.CLOSED}:
        raise DomainError(_("The jury has reached its decision: no application can be added any more."))
    eligible = list(
        edition.applications.filter(status=ApplicationStatus.ELIGIBLE)
        .select_related("edition__review_process", "city", "experience")
        .order_by("pk")
    )
    for application in eligible:
        application_transition(application=application, step="send_to_jury", actor=actor)
    if eligible:
        audit_record(subject=edition, action="send_to_jury", actor=actor, comment=str(len(eligible)))
    return len(eligible)


def application_decide(
    *, application: Application, result: ApplicationStatus, statement: str = "", actor
) -> Application:
    """Record the jury's decision (finalist, winner, special mention, not selected) in the decision phase."""
    step = RESULT_STEPS.get(result)
    if step is None:
        raise DomainError(_("Choose finalist, winner, special mention or not selected."))
    return application_transition(application=application, step=step, actor=actor, statement=statement)
