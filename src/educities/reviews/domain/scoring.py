"""A juror's scores and the jury's deliberation notes.

``review_save`` uses optimistic locking: the form carries the version of the review it was loaded with,
and a save from an older version (another tab, another device) raises ``StaleReview`` and changes nothing,
so a juror never overwrites their own newer scores without seeing them.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.reviews.domain.common import clean_multiline, require
from educities.reviews.domain.queries import review_total
from educities.reviews.enums import SCORING_PHASES, ReviewPhase
from educities.reviews.models import (
    Assignment,
    Conflict,
    Criterion,
    Note,
    Review,
    Reviewer,
    ReviewItem,
    ReviewProcess,
    Score,
)

COMMENT_MAX = 10_000
NOTE_MAX = 10_000
HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True)
class ScoreInput:
    """One criterion's input: a value on the scale, or ``not_applicable`` (then no value), and a comment."""

    value: Decimal | None
    not_applicable: bool = False
    comment: str = ""


class StaleReview(DomainError):
    """The review changed since the form was loaded; ``review`` is the one stored now (or None)."""

    def __init__(self, message: str, *, review: Review | None) -> None:
        super().__init__(message)
        self.review = review


class ScoresInvalid(DomainError):
    """Some criteria's input is refused; ``errors`` maps a criterion id to its message."""

    def __init__(self, errors: dict[int, str]) -> None:
        super().__init__(_("Some scores need correcting: nothing was saved."))
        self.errors = errors


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | str):
        try:
            return Decimal(str(value).strip())
        except InvalidOperation:
            return None
    return None  # floats are refused: 0.1 is not a decimal number


def _clean_scores(
    *, process: ReviewProcess, criteria: dict[int, Criterion], scores: dict
) -> dict[int, tuple[Decimal | None, bool, str]]:
    """Check every input; raise ``ScoresInvalid`` listing each criterion's problem, or return clean values."""
    low, high = Decimal(process.scale_min), Decimal(process.scale_max)
    errors: dict[int, str] = {}
    cleaned: dict[int, tuple[Decimal | None, bool, str]] = {}
    for key, given in scores.items():
        if isinstance(key, bool) or not isinstance(key, int) or key not in criteria:
            errors[key] = _("This criterion is not one of this review’s.")
            continue
        if not isinstance(given, ScoreInput):
            errors[key] = _("This input is not a score.")
            continue
        try:
            comment = clean_multiline(given.comment, max_length=COMMENT_MAX)
        except DomainError as error:
            errors[key] = error.message
            continue
        if given.not_applicable:
            if given.value is not None and given.value != "":
                errors[key] = _("Either give a score or mark the criterion as not applicable, not both.")
            else:
                cleaned[key] = (None, True, comment)
            continue
        if given.value is None or given.value == "":
            cleaned[key] = (None, False, comment)
            continue
        value = _decimal(given.value)
        if value is None or not value.is_finite():
            errors[key] = _("A score is a number, such as 7 or 7.5.")
        elif not low <= value <= high:
            errors[key] = _("A score is between %(min)s and %(max)s.") % {
                "min": process.scale_min,
                "max": process.scale_max,
            }
        elif value != value.quantize(HUNDREDTH):
            errors[key] = _("A score has at most two decimals.")
        else:
            cleaned[key] = (value.quantize(HUNDREDTH), False, comment)
    if errors:
        raise ScoresInvalid(errors)
    return cleaned


def _juror_may_score(*, item: ReviewItem, reviewer: Reviewer | None, phase: str, is_active: bool) -> None:
    """The rule ``reviews.score_item`` again, read from the locked rows rather than the request's cache."""
    if reviewer is None:
        raise PermissionRefused(_("You are not allowed to do this."))
    if phase not in SCORING_PHASES:
        raise DomainError(
            _("Scores can be changed only while scoring is open (now: %(phase)s).")
            % {"phase": ReviewPhase(phase).label}
        )
    if not is_active:
        raise DomainError(_("This item was withdrawn from the review: it is no longer scored."))
    if Conflict.objects.filter(reviewer=reviewer, item=item).exists():
        raise PermissionRefused(_("You have a conflict of interest with this item: you do not score it."))
    if not Assignment.objects.filter(reviewer=reviewer, item=item).exists():
        raise PermissionRefused(_("This item is not assigned to you."))


def _stale(review: Review | None) -> StaleReview:
    return StaleReview(
        _(
            "Your scores were changed elsewhere (in another tab or on another device) since you opened "
            "this page. Nothing was saved: compare with the stored scores and save again."
        ),
        review=review,
    )


@transaction.atomic
def review_save(
    *,
    item: ReviewItem,
    actor,
    scores: dict[int, ScoreInput],
    comment: str = "",
    version: int,
    complete: bool = False,
) -> Review:
    """Save the juror's scores of ``item`` (criteria left out of ``scores`` keep their stored input).

    ``version`` is the version of the review the form was loaded with (0 for a new review); any other
    stored version raises ``StaleReview``. ``complete=True`` marks the review complete and needs every
    criterion scored or marked not applicable; ``complete=False`` keeps (or puts back) the review as a draft.
    """
    if actor is None or not actor.is_authenticated:
        raise PermissionRefused(_("You are not allowed to do this."))
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise DomainError(_("Reload the page and try again."))
    if not isinstance(scores, dict):
        raise DomainError(_("This input is not a score."))
    comment = clean_multiline(comment, max_length=COMMENT_MAX)
    process = ReviewProcess.objects.select_for_update().get(pk=item.process_id)
    is_active = ReviewItem.objects.values_list("is_active", flat=True).get(pk=item.pk)
    reviewer = Reviewer.objects.filter(process=process, user=actor).first()
    # The precise reasons first (read from the locked rows), then the rule itself as the last word.
    _juror_may_score(item=item, reviewer=reviewer, phase=process.phase, is_active=is_active)
    require(actor, "reviews.score_item", item)
    criteria = {c.pk: c for c in Criterion.objects.filter(process=process)}
    cleaned = _clean_scores(process=process, criteria=criteria, scores=scores)

    review = Review.objects.select_for_update().filter(reviewer=reviewer, item=item).first()
    if review is None:
        if version != 0:
            raise _stale(None)
        try:
            with transaction.atomic():
                review = Review.objects.create(reviewer=reviewer, item=item, version=0)
        except IntegrityError:
            # Saved meanwhile from another tab (a database without row locks lets both get here).
            raise _stale(Review.objects.filter(reviewer=reviewer, item=item).first()) from None
    elif review.version != version:
        raise _stale(review)

    stored = {score.criterion_id: score for score in review.scores.all()}
    new, changed = [], []
    for criterion_id, (value, not_applicable, score_comment) in cleaned.items():
        score = stored.get(criterion_id)
        if score is None:
            score = Score(review=review, criterion_id=criterion_id)
            new.append(score)
        else:
            changed.append(score)
        score.value, score.not_applicable, score.comment = value, not_applicable, score_comment
        stored[criterion_id] = score
    if complete:
        missing = {
            criterion_id: _("Score this criterion or mark it as not applicable before completing.")
            for criterion_id in sorted(criteria)
            if criterion_id not in stored
            or (stored[criterion_id].value is None and not stored[criterion_id].not_applicable)
        }
        if missing:
            raise ScoresInvalid(missing)
    Score.objects.bulk_update(changed, ["value", "not_applicable", "comment"])
    Score.objects.bulk_create(new)

    total = review_total(
        scores={cid: (None if s.not_applicable else s.value) for cid, s in stored.items()},
        weights={cid: criterion.weight for cid, criterion in criteria.items()},
    )
    now = timezone.now()
    submitted_at = (review.submitted_at or now) if complete else None
    updated = Review.objects.filter(pk=review.pk, version=review.version).update(
        version=F("version") + 1, total=total, comment=comment, submitted_at=submitted_at, updated_at=now
    )
    if updated != 1:  # compare-and-set: another save got in between (cannot happen under the row lock)
        raise _stale(Review.objects.filter(pk=review.pk).first())
    review.refresh_from_db()
    audit_record(
        subject=review,
        action="review_complete" if complete else "review_save",
        actor=actor,
        from_state=str(version),
        to_state=str(review.version),
    )
    return review


def review_totals_recompute(*, process: ReviewProcess) -> int:
    """Recompute every review's total after a weight changed (three queries and one update per review)."""
    weights = dict(Criterion.objects.filter(process=process).values_list("id", "weight"))
    values: dict[int, dict[int, Decimal | None]] = {}
    for review_id, criterion_id, value, not_applicable in Score.objects.filter(
        review__item__process=process
    ).values_list("review_id", "criterion_id", "value", "not_applicable"):
        values.setdefault(review_id, {})[criterion_id] = None if not_applicable else value
    reviews = list(Review.objects.filter(item__process=process).only("id", "total"))
    for review in reviews:
        review.total = review_total(scores=values.get(review.pk, {}), weights=weights)
    Review.objects.bulk_update(reviews, ["total"])
    return len(reviews)


@transaction.atomic
def note_add(*, item: ReviewItem, actor, body: str, parent: Note | None = None) -> Note:
    """A message of the deliberation about ``item``; a reply's ``parent`` must be a note of the same item."""
    if actor is None or not actor.is_authenticated:
        raise PermissionRefused(_("You are not allowed to do this."))
    require(actor, "reviews.add_note", item)
    body = clean_multiline(
        body, max_length=NOTE_MAX, required_message=_("Write your message before sending it.")
    )
    if parent is not None and (parent.pk is None or parent.item_id != item.pk):
        raise DomainError(_("You can only reply to a message about the same item."))
    process = ReviewProcess.objects.select_for_update().get(pk=item.process_id)
    if process.phase not in {ReviewPhase.DELIBERATION, ReviewPhase.DECISION}:
        raise DomainError(_("Messages are written during the deliberation and the decision."))
    note = Note.objects.create(item=item, author=actor, parent=parent, body=body)
    audit_record(subject=item, action="note_add", actor=actor, comment=str(note.pk))
    return note
