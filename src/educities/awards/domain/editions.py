"""Editions of the Educating City Award: creating and setting them up, announcing, results, void.

Each edition has its jury, a ``reviews.ReviewProcess`` created with it (criteria by default
``DEFAULT_CRITERIA``). Theme, axes and rules are written in ``original_language`` and translated
through ``core.TextTranslation``; so are the questions' text and guidance.

Where an edition stands (``edition_phase``) is computed from its dates and results, never stored:
draft (not announced) → announced → open (between ``call_opens_at`` and ``deadline``) → jury → results
(or void).
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from educities.awards.domain.common import notify_city_editors, require
from educities.awards.enums import (
    CERTIFICATE_STATES,
    OFFICIAL_LANGUAGES,
    RESULT_STATES,
    ApplicationStatus,
    EditionPhase,
)
from educities.awards.models import EDITION_TEXT_FIELDS, Application, Edition, EditionQuestion
from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, TransitionNotAllowed
from educities.core.domain.translations import (
    translation_save_human,
    translation_set_original,
    translations_delete_for,
)
from educities.core.validators import has_control_characters
from educities.experiences.domain.awards import experience_award_set
from educities.members.models import City
from educities.reviews.domain.processes import CriterionSpec, process_create, process_phase_change
from educities.reviews.enums import ReviewPhase

MANAGE = "awards.manage_award"
# The languages the default criteria are saved in besides English (from the UI catalogs).
CRITERIA_TRANSLATION_LANGUAGES = ("fr", "es", "pt", "ca")
QUESTION_TEXT_FIELDS = ("text", "help_text")
QUESTION_MAX_CHARS_LIMIT = 100_000
CERTIFICATE_PREFIX = "ECA"

# The six criteria of the award (BRIEF §2), with equal weights: (name, description).
DEFAULT_CRITERIA: tuple[tuple, ...] = (
    (
        gettext_lazy("Relevance"),
        gettext_lazy("How well the experience answers the theme of the edition and the needs of the city."),
    ),
    (
        gettext_lazy("Impact"),
        gettext_lazy(
            "The changes the experience brought about for the people it reached, shown by evidence."
        ),
    ),
    (
        gettext_lazy("Scope"),
        gettext_lazy("How many people, places and ages the experience reaches, and for how long."),
    ),
    (
        gettext_lazy("Local-government involvement and work across departments"),
        gettext_lazy(
            "How far the city council leads the experience and several of its departments work together."
        ),
    ),
    (
        gettext_lazy("Participation of civil society and business"),
        gettext_lazy(
            "How associations, schools, citizens and companies take part in designing and running it."
        ),
    ),
    (
        gettext_lazy("Innovation, consolidation and transferability"),
        gettext_lazy(
            "How new the approach is, how firmly it is established and how easily other cities can adapt it."
        ),
    ),
)


class EditionInvalid(DomainError):
    """Some values of an edition are refused: ``errors`` maps each field to its translated messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(" ".join(message for messages in errors.values() for message in messages))
        self.errors = errors


def default_criteria() -> list[CriterionSpec]:
    """The six criteria in English, with their fr/es/pt/ca versions read from the catalogs."""
    specs = []
    for name, description in DEFAULT_CRITERIA:
        with translation.override("en"):
            english = (str(name), str(description))
        translations = {}
        for language in CRITERIA_TRANSLATION_LANGUAGES:
            with translation.override(language):
                translations[language] = (str(name), str(description))
        specs.append(
            CriterionSpec(name=english[0], description=english[1], weight=1, translations=translations)
        )
    return specs


# --- Checking values ------------------------------------------------------------------------------

_DATETIME_FIELDS = ("call_opens_at", "deadline")
_DATE_FIELDS = ("jury_starts_on", "decision_on", "ceremony_on", "initiative_cutoff")
# What ``edition_update`` may change (the jury's scale and criteria are the review process's).
EDITABLE_FIELDS = frozenset(
    {
        "number",
        "year",
        "theme",
        "axes",
        "rules",
        "original_language",
        "time_zone",
        *_DATETIME_FIELDS,
        *_DATE_FIELDS,
        "ceremony_place",
        "max_applications_per_city",
        "next_congress_host",
        "recorded_candidacies",
        "recorded_cities",
        "recorded_countries",
        "jury_statement",
    }
)
# What may still change once the results are published (or the award declared void).
EDITABLE_AFTER_RESULTS = frozenset(
    {"jury_statement", "recorded_candidacies", "recorded_cities", "recorded_countries"}
)


def _clean_values(values: dict) -> dict[str, list[str]]:
    """Check what a model's validation cannot (types, aware datetimes); returns errors per field."""
    errors: dict[str, list[str]] = {}
    for field in _DATETIME_FIELDS:
        value = values.get(field)
        if value is None:
            continue
        if not isinstance(value, datetime.datetime):
            errors.setdefault(field, []).append(_("Give a date and a time."))
        elif timezone.is_naive(value):
            errors.setdefault(field, []).append(_("Give the time with its time zone."))
    for field in _DATE_FIELDS:
        value = values.get(field)
        if value is not None and (
            not isinstance(value, datetime.date) or isinstance(value, datetime.datetime)
        ):
            errors.setdefault(field, []).append(_("Give a date."))
    for field in ("theme", "axes", "rules", "ceremony_place", "jury_statement"):
        value = values.get(field)
        if value is not None and not isinstance(value, str):
            errors.setdefault(field, []).append(_("Give a text."))
    for field in (
        "number",
        "year",
        "max_applications_per_city",
        "recorded_candidacies",
        "recorded_cities",
        "recorded_countries",
    ):
        value = values.get(field)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            errors.setdefault(field, []).append(_("Give a whole number."))
    if "year" in values and isinstance(values["year"], int) and not 1990 <= values["year"] <= 2200:
        errors.setdefault("year", []).append(_("Give a year between 1990 and 2200."))
    if "number" in values and isinstance(values["number"], int) and not 1 <= values["number"] <= 1000:
        errors.setdefault("number", []).append(_("Give an edition number between 1 and 1000."))
    limit = values.get("max_applications_per_city")
    if isinstance(limit, int) and not 1 <= limit <= 100:
        errors.setdefault("max_applications_per_city", []).append(
            _("A city may send between 1 and 100 applications.")
        )
    for field in ("recorded_candidacies", "recorded_cities", "recorded_countries"):
        value = values.get(field)
        if isinstance(value, int) and not isinstance(value, bool) and not 0 <= value <= 1_000_000:
            errors.setdefault(field, []).append(_("Give a number between 0 and 1,000,000."))
    if "original_language" in values and values["original_language"] not in OFFICIAL_LANGUAGES:
        errors.setdefault("original_language", []).append(
            _("Choose one of the official languages (%(languages)s).")
            % {"languages": ", ".join(OFFICIAL_LANGUAGES)}
        )
    if "time_zone" in values and not isinstance(values["time_zone"], str):
        errors.setdefault("time_zone", []).append(_("Give a time zone, for example Europe/Madrid."))
    host = values.get("next_congress_host")
    if host is not None and not isinstance(host, City):
        errors.setdefault("next_congress_host", []).append(_("Choose a city."))
    for axis in str(values.get("axes") or "").splitlines():
        if has_control_characters(axis):
            errors.setdefault("axes", []).append(_("Remove the control characters from the axes."))
            break
    return errors


def _full_clean(edition: Edition) -> None:
    """The model's checks (validators, uniqueness, constraints) as ``EditionInvalid``."""
    if isinstance(edition.theme, str):
        edition.theme = edition.theme.strip()
    if (
        edition.call_opens_at is not None
        and edition.deadline is not None
        and edition.deadline <= edition.call_opens_at
    ):
        raise EditionInvalid({"deadline": [_("The deadline must be after the opening of the call.")]})
    try:
        edition.full_clean(exclude=["review_process"])
    except ValidationError as error:
        errors: dict[str, list[str]] = {}
        for field, messages in error.message_dict.items():
            key = "deadline" if field == "__all__" else field
            errors.setdefault(key, []).extend(str(message) for message in messages)
        raise EditionInvalid(errors) from None


def _texts_record(*, edition: Edition, actor, fields=EDITION_TEXT_FIELDS) -> None:
    for field in fields:
        translation_set_original(
            obj=edition,
            field=field,
            language=edition.original_language,
            text=getattr(edition, field) or "",
            actor=actor,
        )


@transaction.atomic
def edition_create(
    *,
    number: int,
    year: int,
    theme: str,
    original_language: str = "en",
    actor,
    axes: str = "",
    rules: str = "",
    time_zone: str = "Europe/Madrid",
    call_opens_at: datetime.datetime | None = None,
    deadline: datetime.datetime | None = None,
    jury_starts_on: datetime.date | None = None,
    decision_on: datetime.date | None = None,
    ceremony_on: datetime.date | None = None,
    ceremony_place: str = "",
    initiative_cutoff: datetime.date | None = None,
    max_applications_per_city: int = 2,
    scale_min: int = 0,
    scale_max: int = 10,
    jurors_per_application: int = 3,
    next_congress_host: City | None = None,
    criteria: list[CriterionSpec] | None = None,
) -> Edition:
    """A new edition (not announced yet) with its jury: a review process with ``criteria``."""
    require(actor, MANAGE)
    values = {
        "number": number,
        "year": year,
        "theme": theme,
        "original_language": original_language,
        "axes": axes,
        "rules": rules,
        "time_zone": time_zone,
        "call_opens_at": call_opens_at,
        "deadline": deadline,
        "jury_starts_on": jury_starts_on,
        "decision_on": decision_on,
        "ceremony_on": ceremony_on,
        "ceremony_place": ceremony_place,
        "initiative_cutoff": initiative_cutoff,
        "max_applications_per_city": max_applications_per_city,
        "next_congress_host": next_congress_host,
    }
    errors = _clean_values(values)
    if errors:
        raise EditionInvalid(errors)
    edition = Edition(**values)
    # The jury is created below; the model's checks run on everything else first.
    _full_clean(edition)
    with translation.override(settings.LANGUAGE_CODE):
        # The jury's name is data, shown to jurors of every language: written once, in the site's language.
        name = _("Educating City Award %(year)s (edition %(number)s)") % {"number": number, "year": year}
    process = process_create(
        name=name,
        scale_min=scale_min,
        scale_max=scale_max,
        reviewers_per_item=jurors_per_application,
        criteria=default_criteria() if criteria is None else criteria,
        language="en",
        actor=actor,
    )
    edition.review_process = process
    try:
        with transaction.atomic():
            edition.save()
    except IntegrityError:
        raise EditionInvalid({"number": [_("An edition with this number or year exists.")]}) from None
    _texts_record(edition=edition, actor=actor)
    audit_record(subject=edition, action="edition_create", actor=actor, to_state=EditionPhase.DRAFT)
    return edition


def _edition_lock(edition: Edition) -> Edition:
    """Lock the edition's row and refresh ``edition`` from it."""
    fresh = Edition.objects.select_for_update().get(pk=edition.pk)
    for field in Edition._meta.concrete_fields:
        setattr(edition, field.attname, getattr(fresh, field.attname))
    return edition


@transaction.atomic
def edition_update(*, edition: Edition, actor, **fields) -> Edition:
    """Change some of ``EDITABLE_FIELDS``; changed theme/axes/rules make their translations stale."""
    require(actor, MANAGE, edition)
    unknown = sorted(set(fields) - EDITABLE_FIELDS)
    if unknown:
        raise EditionInvalid({name: [_("This cannot be changed here.")] for name in unknown})
    errors = _clean_values(fields)
    if errors:
        raise EditionInvalid(errors)
    _edition_lock(edition)
    final = edition.results_published_at is not None or edition.is_void
    if final and not set(fields) <= EDITABLE_AFTER_RESULTS:
        raise DomainError(_("The results of this edition are published: it can no longer change."))
    before = {name: getattr(edition, name) for name in fields}
    for name, value in fields.items():
        setattr(edition, name, value)
    try:
        _full_clean(edition)
    except EditionInvalid:
        edition.refresh_from_db()
        raise
    changed = [name for name in fields if getattr(edition, name) != before[name]]
    if not changed:
        return edition
    edition.save(update_fields=[*changed, "updated_at"])
    texts = [field for field in EDITION_TEXT_FIELDS if field in changed or "original_language" in changed]
    _texts_record(edition=edition, actor=actor, fields=texts)
    audit_record(subject=edition, action="edition_update", actor=actor, comment=", ".join(sorted(changed)))
    return edition


@transaction.atomic
def edition_text_translate(*, edition: Edition, field: str, language: str, text: str, actor) -> Edition:
    """Save a person's translation of the theme, the axes or the rules."""
    require(actor, MANAGE, edition)
    if field not in EDITION_TEXT_FIELDS:
        raise DomainError(_("Only the theme, the axes and the rules are translated."))
    text = "" if text is None else str(text).strip()
    if field == "theme" and has_control_characters(text):
        raise DomainError(_("Remove the control characters (line breaks, tabs and the like) from this text."))
    translation_save_human(obj=edition, field=field, language=language, text=text, actor=actor)
    return edition


# --- Questions ------------------------------------------------------------------------------------


def _question_values(*, text, help_text, max_chars) -> tuple[str, str, int]:
    text = "" if text is None else str(text).strip()
    help_text = "" if help_text is None else str(help_text).strip()
    if not text:
        raise DomainError(_("Write the question."))
    if len(text) > 500:
        raise DomainError(_("A question has at most %(max)d characters.") % {"max": 500})
    if has_control_characters(text):
        raise DomainError(_("A question is one line of text."))
    if isinstance(max_chars, bool) or not isinstance(max_chars, int):
        raise DomainError(_("Give the length of the answers as a whole number of characters."))
    if not 1 <= max_chars <= QUESTION_MAX_CHARS_LIMIT:
        raise DomainError(
            _("Answers may have between 1 and %(max)d characters.") % {"max": QUESTION_MAX_CHARS_LIMIT}
        )
    return text, help_text, max_chars


def _refuse_when_call_started(edition: Edition) -> None:
    if Application.objects.filter(edition=edition).exclude(status=ApplicationStatus.DRAFT).exists():
        raise DomainError(
            _("Cities have already submitted applications: the questions can no longer change.")
        )


def _question_texts_record(*, question: EditionQuestion, actor) -> None:
    for field in QUESTION_TEXT_FIELDS:
        translation_set_original(
            obj=question,
            field=field,
            language=question.edition.original_language,
            text=getattr(question, field),
            actor=actor,
        )


@transaction.atomic
def edition_question_add(
    *,
    edition: Edition,
    text: str,
    actor,
    help_text: str = "",
    is_required: bool = True,
    max_chars: int = 3000,
) -> EditionQuestion:
    """Add a question at the end (written in the edition's original language)."""
    require(actor, MANAGE, edition)
    text, help_text, max_chars = _question_values(text=text, help_text=help_text, max_chars=max_chars)
    _edition_lock(edition)
    _refuse_when_call_started(edition)
    position = (edition.questions.aggregate(top=Max("position"))["top"] or 0) + 1
    question = EditionQuestion.objects.create(
        edition=edition,
        position=position,
        text=text,
        help_text=help_text,
        is_required=bool(is_required),
        max_chars=max_chars,
    )
    _question_texts_record(question=question, actor=actor)
    audit_record(subject=edition, action="question_add", actor=actor, comment=text[:200])
    return question


@transaction.atomic
def edition_question_update(
    *, question: EditionQuestion, actor, text: str, help_text: str = "", is_required: bool, max_chars: int
) -> EditionQuestion:
    require(actor, MANAGE, question.edition)
    text, help_text, max_chars = _question_values(text=text, help_text=help_text, max_chars=max_chars)
    _edition_lock(question.edition)
    _refuse_when_call_started(question.edition)
    question.text, question.help_text = text, help_text
    question.is_required, question.max_chars = bool(is_required), max_chars
    question.save(update_fields=["text", "help_text", "is_required", "max_chars"])
    _question_texts_record(question=question, actor=actor)
    audit_record(subject=question.edition, action="question_update", actor=actor, comment=text[:200])
    return question


@transaction.atomic
def edition_question_delete(*, question: EditionQuestion, actor) -> None:
    """Delete a question (and the drafts' answers to it); refused once cities have submitted."""
    edition = question.edition
    require(actor, MANAGE, edition)
    _edition_lock(edition)
    _refuse_when_call_started(edition)
    text = question.text
    translations_delete_for(obj=question)
    question.delete()
    audit_record(subject=edition, action="question_delete", actor=actor, comment=text[:200])


@transaction.atomic
def edition_question_translate(
    *, question: EditionQuestion, language: str, text: str, help_text: str = "", actor
) -> EditionQuestion:
    """Save a person's translation of a question and its guidance."""
    require(actor, MANAGE, question.edition)
    text = "" if text is None else str(text).strip()
    help_text = "" if help_text is None else str(help_text).strip()
    if has_control_characters(text):
        raise DomainError(_("A question is one line of text."))
    translation_save_human(obj=question, field="text", language=language, text=text, actor=actor)
    if help_text:
        translation_save_human(
            obj=question, field="help_text", language=language, text=help_text, actor=actor
        )
    return question


# --- Where an edition stands ----------------------------------------------------------------------


def edition_phase(*, edition: Edition, now: datetime.datetime | None = None) -> EditionPhase:
    """Computed from the dates and results: draft, announced, open, jury, results or void."""
    now = now or timezone.now()
    if edition.is_void:
        return EditionPhase.VOID
    if edition.results_published_at is not None:
        return EditionPhase.RESULTS
    if not edition.is_published:
        return EditionPhase.DRAFT
    if edition.call_opens_at is None or now < edition.call_opens_at:
        return EditionPhase.ANNOUNCED
    if edition.deadline is None or now <= edition.deadline:
        return EditionPhase.OPEN
    return EditionPhase.JURY


def edition_local(edition: Edition, moment: datetime.datetime) -> datetime.datetime:
    """``moment`` in the edition's time zone."""
    return moment.astimezone(ZoneInfo(edition.time_zone))


@transaction.atomic
def edition_announce(*, edition: Edition, actor) -> Edition:
    """Make the edition public (its page, its call); it needs the opening and the deadline of the call."""
    require(actor, MANAGE, edition)
    _edition_lock(edition)
    if edition.is_published:
        return edition
    if edition.call_opens_at is None or edition.deadline is None:
        raise DomainError(_("Set when the call opens and its deadline before announcing the edition."))
    edition.is_published = True
    edition.save(update_fields=["is_published", "updated_at"])
    audit_record(
        subject=edition,
        action="edition_announce",
        actor=actor,
        from_state=EditionPhase.DRAFT,
        to_state=edition_phase(edition=edition),
    )
    return edition


def _refuse_when_final(edition: Edition) -> None:
    if edition.is_void:
        raise TransitionNotAllowed(_("This edition was declared void."))
    if edition.results_published_at is not None:
        raise TransitionNotAllowed(_("The results of this edition are already published."))


def _close_jury(*, edition: Edition, actor) -> None:
    process = edition.review_process
    if process.phase == ReviewPhase.DECISION:
        process_phase_change(process=process, step="close", actor=actor)


def _notify_results(*, edition: Edition) -> None:
    applications = (
        edition.applications.filter(review_item__isnull=False)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .select_related("city", "experience")
    )
    for application in applications:
        notify_city_editors(
            city=application.city,
            template="awards/email/application_result.txt",
            subject=lambda: _("Educating City Award %(year)s: the results") % {"year": edition.year},
            context={
                "edition": edition,
                "application": application,
                "status": ApplicationStatus(application.status).label,
                "is_void": edition.is_void,
            },
            link=("awards:edition", {"year": edition.year}),
        )


def _certificate_numbers(*, edition: Edition) -> None:
    order = {status: index for index, status in enumerate(RESULT_STATES)}
    awarded = sorted(
        edition.applications.filter(status__in=CERTIFICATE_STATES).select_related("city"),
        key=lambda application: (order[application.status], application.city.name, application.pk),
    )
    for sequence, application in enumerate(awarded, start=1):
        application.certificate_number = f"{CERTIFICATE_PREFIX}-{edition.year}-{sequence:03d}"
        application.save(update_fields=["certificate_number", "updated_at"])


@transaction.atomic
def edition_results_publish(*, edition: Edition, actor) -> Edition:
    """Publish the jury's decisions: winners' experiences become award-winning, certificates get their
    numbers, the jury is closed and every city that reached the jury is told its result."""
    require(actor, MANAGE, edition)
    _edition_lock(edition)
    _refuse_when_final(edition)
    process = edition.review_process
    process.refresh_from_db(fields=["phase"])
    if process.phase != ReviewPhase.DECISION:
        raise DomainError(_("The results can be published once the jury has reached its decision."))
    waiting = edition.applications.filter(status=ApplicationStatus.IN_REVIEW).count()
    if waiting:
        raise DomainError(
            _("Decide on every application before publishing the results: %(count)d still in review.")
            % {"count": waiting}
        )
    winners = list(edition.applications.filter(status=ApplicationStatus.WINNER).select_related("experience"))
    if not winners:
        raise DomainError(_("There is no winner: choose the winners, or declare the award void."))
    edition.results_published_at = timezone.now()
    edition.save(update_fields=["results_published_at", "updated_at"])
    for application in winners:
        experience_award_set(experience=application.experience, winning=True, actor=actor)
    _certificate_numbers(edition=edition)
    _close_jury(edition=edition, actor=actor)
    audit_record(
        subject=edition,
        action="results_publish",
        actor=actor,
        from_state=EditionPhase.JURY,
        to_state=EditionPhase.RESULTS,
    )
    _notify_results(edition=edition)
    return edition


@transaction.atomic
def edition_declare_void(*, edition: Edition, statement: str, actor) -> Edition:
    """Declare the award void (no winner) with the jury's statement.

    Applications still in review become "not selected"; special mentions and finalists, if any, keep
    their certificates.
    """
    from educities.awards.domain.applications import application_transition

    require(actor, MANAGE, edition)
    statement = "" if statement is None else str(statement).strip()
    if not statement:
        raise DomainError(_("Write the statement of the jury explaining why the award is declared void."))
    _edition_lock(edition)
    _refuse_when_final(edition)
    process = edition.review_process
    process.refresh_from_db(fields=["phase"])
    in_jury = edition.applications.filter(review_item__isnull=False).exists()
    if in_jury and process.phase != ReviewPhase.DECISION:
        raise DomainError(_("The award can be declared void once the jury has reached its decision."))
    if edition.applications.filter(status=ApplicationStatus.WINNER).exists():
        raise DomainError(_("The jury chose winners: an edition with winners cannot be declared void."))
    for application in edition.applications.filter(status=ApplicationStatus.IN_REVIEW):
        application_transition(application=application, step="not_select", actor=actor)
    edition.is_void = True
    edition.jury_statement = statement
    edition.results_published_at = timezone.now()
    edition.save(update_fields=["is_void", "jury_statement", "results_published_at", "updated_at"])
    _certificate_numbers(edition=edition)
    _close_jury(edition=edition, actor=actor)
    audit_record(
        subject=edition,
        action="declare_void",
        actor=actor,
        from_state=EditionPhase.JURY,
        to_state=EditionPhase.VOID,
        comment=statement,
    )
    _notify_results(edition=edition)
    return edition


__all__ = [
    "DEFAULT_CRITERIA",
    "EditionInvalid",
    "default_criteria",
    "edition_announce",
    "edition_create",
    "edition_declare_void",
    "edition_local",
    "edition_phase",
    "edition_question_add",
    "edition_question_delete",
    "edition_question_translate",
    "edition_question_update",
    "edition_results_publish",
    "edition_text_translate",
    "edition_update",
]
