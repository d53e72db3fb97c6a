"""Review processes, their weighted criteria and their phases.

``process_phase_change`` is the ONE function that moves a process from a phase to another (``PHASE_STEPS``):
it locks the row, checks the step, saves, writes the audit log and e-mails the jurors after commit, each
in their own language.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, TransitionNotAllowed
from educities.core.domain.notifications import email_notify_on_commit
from educities.core.domain.translations import (
    translation_languages,
    translation_save_human,
    translation_set_original,
    translations_delete_for,
)
from educities.reviews.domain.common import MANAGE, clean_text, process_lock, refuse_when_closed, require
from educities.reviews.enums import PHASE_STEPS, ReviewPhase
from educities.reviews.models import Criterion, ReviewProcess, Score

SCALE_LIMIT = 1000
WEIGHT_LIMIT = Decimal("999.99")
NAME_MAX = 200


@dataclass(frozen=True)
class CriterionSpec:
    """A criterion to create: its name and description in the process's language, its weight, and
    translations as ``{language: (name, description)}``."""

    name: str
    description: str
    weight: Decimal
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)


def _weight(value) -> Decimal:
    try:
        weight = Decimal(str(value).strip())
    except (InvalidOperation, ValueError, TypeError):
        raise DomainError(_("A weight is a number, such as 1 or 1.5.")) from None
    if not weight.is_finite() or weight <= 0 or weight > WEIGHT_LIMIT:
        raise DomainError(
            _("A weight is a number greater than 0 and at most %(limit)s.") % {"limit": WEIGHT_LIMIT}
        )
    if weight != weight.quantize(Decimal("0.01")):
        raise DomainError(_("A weight has at most two decimals."))
    return weight.quantize(Decimal("0.01"))


def _name(value) -> str:
    name = clean_text(value, required_message=_("Give the criterion a name."))
    if len(name) > NAME_MAX:
        raise DomainError(_("A name has at most %(max)d characters.") % {"max": NAME_MAX})
    if any(ord(char) < 32 for char in name):
        raise DomainError(_("A name is one line of text."))
    return name


def _language(language: str) -> str:
    if language not in translation_languages():
        raise DomainError(
            _("“%(language)s” is not one of the site’s languages (%(languages)s).")
            % {"language": language, "languages": ", ".join(translation_languages())}
        )
    return language


def _scale(scale_min, scale_max) -> tuple[int, int]:
    try:
        low, high = int(scale_min), int(scale_max)
    except (TypeError, ValueError):
        raise DomainError(_("The scale runs between two whole numbers.")) from None
    if str(low) != str(scale_min).strip() or str(high) != str(scale_max).strip():
        raise DomainError(_("The scale runs between two whole numbers."))
    if not 0 <= low < high <= SCALE_LIMIT:
        raise DomainError(
            _("The lowest score must be at least 0 and below the highest, which is at most %(limit)d.")
            % {"limit": SCALE_LIMIT}
        )
    return low, high


def _positive_int(value, *, message: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise DomainError(message) from None
    if str(number) != str(value).strip() or not low <= number <= high:
        raise DomainError(message)
    return number


def _has_scores(process: ReviewProcess) -> bool:
    return Score.objects.filter(criterion__process=process).exists()


def _criterion_texts(*, criterion: Criterion, translations: dict, actor) -> None:
    translation_set_original(
        obj=criterion, field="name", language=criterion.original_language, text=criterion.name, actor=actor
    )
    translation_set_original(
        obj=criterion,
        field="description",
        language=criterion.original_language,
        text=criterion.description,
        actor=actor,
    )
    for language, (name, description) in (translations or {}).items():
        _criterion_translation_save(
            criterion=criterion, language=language, name=name, description=description, actor=actor
        )


def _criterion_translation_save(*, criterion: Criterion, language: str, name, description, actor) -> None:
    _language(language)
    if language == criterion.original_language:
        raise DomainError(
            _("This criterion was written in this language: edit it instead of translating it.")
        )
    name = _name(name)
    description = clean_text(description)
    translation_save_human(obj=criterion, field="name", language=language, text=name, actor=actor)
    if description:
        translation_save_human(
            obj=criterion, field="description", language=language, text=description, actor=actor
        )


@transaction.atomic
def process_create(
    *,
    name: str,
    scale_min: int = 0,
    scale_max: int = 10,
    reviewers_per_item: int = 3,
    criteria: list[CriterionSpec],
    language: str = "en",
    actor=None,
) -> ReviewProcess:
    """A new process in the setup phase with its criteria (in the given order) and their translations."""
    require(actor, MANAGE, None)
    name = clean_text(name, required_message=_("Give the review a name."))
    if len(name) > NAME_MAX or any(ord(char) < 32 for char in name):
        raise DomainError(_("A name is one line of at most %(max)d characters.") % {"max": NAME_MAX})
    low, high = _scale(scale_min, scale_max)
    per_item = _positive_int(
        reviewers_per_item, message=_("Each item needs between 1 and 50 jurors."), low=1, high=50
    )
    _language(language)
    process = ReviewProcess.objects.create(
        name=name, scale_min=low, scale_max=high, reviewers_per_item=per_item
    )
    for position, spec in enumerate(criteria, start=1):
        criterion = Criterion.objects.create(
            process=process,
            position=position,
            name=_name(spec.name),
            description=clean_text(spec.description),
            original_language=language,
            weight=_weight(spec.weight),
        )
        _criterion_texts(criterion=criterion, translations=spec.translations, actor=actor)
    audit_record(subject=process, action="process_create", actor=actor, to_state=process.phase)
    return process


@transaction.atomic
def process_update(
    *,
    process: ReviewProcess,
    actor,
    scale_min: int | None = None,
    scale_max: int | None = None,
    reviewers_per_item: int | None = None,
    outlier_percent: int | None = None,
) -> ReviewProcess:
    """Change the settings given (``None`` keeps one). The scale changes only while nothing is scored."""
    require(actor, MANAGE, process)
    process_lock(process)
    refuse_when_closed(process)
    changed: list[str] = []
    if scale_min is not None or scale_max is not None:
        low, high = _scale(
            process.scale_min if scale_min is None else scale_min,
            process.scale_max if scale_max is None else scale_max,
        )
        if (low, high) != (process.scale_min, process.scale_max):
            if _has_scores(process):
                raise DomainError(_("The scale cannot change once jurors have scored."))
            process.scale_min, process.scale_max = low, high
            changed += ["scale_min", "scale_max"]
    if reviewers_per_item is not None:
        process.reviewers_per_item = _positive_int(
            reviewers_per_item, message=_("Each item needs between 1 and 50 jurors."), low=1, high=50
        )
        changed.append("reviewers_per_item")
    if outlier_percent is not None:
        process.outlier_percent = _positive_int(
            outlier_percent, message=_("The outlier threshold is between 1 and 100 %."), low=1, high=100
        )
        changed.append("outlier_percent")
    if changed:
        process.save(update_fields=[*changed, "updated_at"])
        audit_record(subject=process, action="process_update", actor=actor, comment=", ".join(changed))
    return process


@transaction.atomic
def criterion_add(
    *, process: ReviewProcess, name: str, description: str = "", weight, language: str = "en", actor
) -> Criterion:
    """A criterion after the others. Refused once jurors have scored (their reviews would be incomplete)."""
    require(actor, MANAGE, process)
    process_lock(process)
    refuse_when_closed(process)
    if _has_scores(process):
        raise DomainError(_("Criteria cannot be added once jurors have scored."))
    position = (process.criteria.aggregate(last=Max("position"))["last"] or 0) + 1
    criterion = Criterion.objects.create(
        process=process,
        position=position,
        name=_name(name),
        description=clean_text(description),
        original_language=_language(language),
        weight=_weight(weight),
    )
    _criterion_texts(criterion=criterion, translations={}, actor=actor)
    audit_record(subject=process, action="criterion_add", actor=actor, comment=criterion.name)
    return criterion


@transaction.atomic
def criterion_update(*, criterion: Criterion, name: str, description: str, weight, actor) -> Criterion:
    """Rename, describe or reweigh a criterion; a new weight recomputes the totals of the reviews."""
    process = criterion.process
    require(actor, MANAGE, process)
    process_lock(process)
    refuse_when_closed(process)
    name, description, weight = _name(name), clean_text(description), _weight(weight)
    weight_changed = weight != criterion.weight
    criterion.name, criterion.description, criterion.weight = name, description, weight
    criterion.save(update_fields=["name", "description", "weight"])
    _criterion_texts(criterion=criterion, translations={}, actor=actor)
    if weight_changed:
        from educities.reviews.domain.scoring import review_totals_recompute

        review_totals_recompute(process=process)
    audit_record(subject=process, action="criterion_update", actor=actor, comment=criterion.name)
    return criterion


@transaction.atomic
def criterion_delete(*, criterion: Criterion, actor) -> None:
    """Delete a criterion nobody has scored yet (with its texts in every language)."""
    process = criterion.process
    require(actor, MANAGE, process)
    process_lock(process)
    refuse_when_closed(process)
    if criterion.scores.exists():
        raise DomainError(_("This criterion has scores: it cannot be deleted any more."))
    name = criterion.name
    translations_delete_for(obj=criterion)
    criterion.delete()
    audit_record(subject=process, action="criterion_delete", actor=actor, comment=name)


@transaction.atomic
def criterion_translate(
    *, criterion: Criterion, language: str, name: str, description: str, actor
) -> Criterion:
    """Save a person's translation of a criterion's name (and description, when given)."""
    require(actor, MANAGE, criterion.process)
    _criterion_translation_save(
        criterion=criterion, language=language, name=name, description=description, actor=actor
    )
    return criterion


def _notify_jurors(*, process: ReviewProcess, step: str, comment: str) -> None:
    jurors = process.reviewers.values_list("user__email", "user__language")
    by_language: dict[str, list[str]] = {}
    languages = set(translation_languages())
    for email, language in jurors:
        language = language if language in languages else settings.LANGUAGE_CODE
        by_language.setdefault(language, []).append(email)
    for language, recipients in sorted(by_language.items()):
        with translation.override(language):
            phase = str(ReviewPhase(process.phase).label)
            context = {
                "process": process,
                "step": step,
                "phase": phase,
                "comment": comment,
                "site_url": settings.SITE_URL.rstrip("/"),
            }
            subject = _("%(process)s: %(phase)s") % {"process": process.name[:80], "phase": phase}
            body = render_to_string("reviews/email/phase_changed.txt", context)
        email_notify_on_commit(recipients=recipients, subject=subject, body=body, language=language)


@transaction.atomic
def process_phase_change(*, process: ReviewProcess, step: str, actor, comment: str = "") -> ReviewProcess:
    """Move the process one step of ``PHASE_STEPS`` (open_scoring, deliberate, decide, close...)."""
    if step not in PHASE_STEPS:
        raise DomainError(_("Unknown step."))
    require(actor, MANAGE, process)
    comment = clean_text(comment)
    from_phases, to = PHASE_STEPS[step]
    current = process_lock(process).phase
    if current not in from_phases:
        raise TransitionNotAllowed(
            _("“%(process)s” cannot go from “%(from)s” to “%(to)s”.")
            % {"process": process.name, "from": ReviewPhase(current).label, "to": ReviewPhase(to).label}
        )
    if step == "open_scoring" and not process.criteria.exists():
        raise DomainError(_("Add at least one criterion before the jurors start scoring."))
    process.phase = to
    process.save(update_fields=["phase", "updated_at"])
    audit_record(subject=process, action=step, actor=actor, from_state=current, to_state=to, comment=comment)
    _notify_jurors(process=process, step=step, comment=comment)
    return process
