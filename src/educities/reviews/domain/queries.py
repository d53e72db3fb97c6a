"""What the jury and the Secretariat read: totals, aggregates, the ranking, a juror's dashboard.

A review counts in an item's figures when it has a total, its item is active and its juror is not
conflicted with the item (a review written before a conflict was found stays stored, but never counts).
Every function here reads a constant number of queries whatever the number of items, jurors and reviews.
"""

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from educities.members.rules import is_secretariat
from educities.reviews.enums import OPEN_PHASES, TieBreak
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
from educities.reviews.rules import jury_seat

THOUSANDTH = Decimal("0.001")


def _q(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(THOUSANDTH, rounding=ROUND_HALF_UP)


def review_total(*, scores: Mapping[int, Decimal | None], weights: Mapping[int, Decimal]) -> Decimal | None:
    """The weighted mean of the scored criteria (3 decimals); ``None`` when no criterion has a value.

    ``scores`` maps a criterion id to its value, ``None`` for "not applicable" or not scored yet: those are
    left out of the mean (never counted as zero). Criteria missing from ``weights`` are ignored.
    """
    weighted = Decimal(0)
    weight_sum = Decimal(0)
    for criterion_id, value in scores.items():
        weight = weights.get(criterion_id)
        if value is None or weight is None:
            continue
        weighted += Decimal(value) * Decimal(weight)
        weight_sum += Decimal(weight)
    if weight_sum == 0:
        return None
    return _q(weighted / weight_sum)


def _counted_reviews(process: ReviewProcess):
    """Reviews with a total, of active items, by jurors not conflicted with the item."""
    conflicted = Conflict.objects.filter(reviewer_id=OuterRef("reviewer_id"), item_id=OuterRef("item_id"))
    return Review.objects.filter(item__process=process, item__is_active=True, total__isnull=False).exclude(
        Exists(conflicted)
    )


@dataclass
class ItemAggregate:
    """The figures of one item over its counted reviews (see the module docstring).

    ``stdev`` is the population standard deviation (``statistics.pstdev``): an item's jurors are all the
    jurors who reviewed it, not a sample of them (0 with a single review). ``spread`` is max - min.
    ``outlier_review_ids`` are the reviews whose total differs from the median of the item's totals by more
    than ``outlier_percent`` % of the scale range; ``is_divergent`` when the spread exceeds that threshold.
    ``totals`` maps each counted review's id to its total.
    """

    reviews: int
    mean: Decimal | None
    median: Decimal | None
    stdev: Decimal | None
    spread: Decimal | None
    outlier_review_ids: set[int]
    criterion_means: dict[int, Decimal | None]
    is_divergent: bool
    totals: dict[int, Decimal] = field(default_factory=dict)


def _aggregate(
    *, totals: dict[int, Decimal], criterion_values: dict[int, list[Decimal]], criteria: list[int], threshold
) -> ItemAggregate:
    values = list(totals.values())
    criterion_means = {
        cid: (_q(statistics.mean(criterion_values[cid])) if criterion_values.get(cid) else None)
        for cid in criteria
    }
    if not values:
        return ItemAggregate(
            reviews=0,
            mean=None,
            median=None,
            stdev=None,
            spread=None,
            outlier_review_ids=set(),
            criterion_means=criterion_means,
            is_divergent=False,
            totals={},
        )
    median = statistics.median(values)
    spread = max(values) - min(values)
    return ItemAggregate(
        reviews=len(values),
        mean=_q(statistics.mean(values)),
        median=_q(median),
        stdev=_q(statistics.pstdev(values)),
        spread=_q(spread),
        outlier_review_ids={pk for pk, total in totals.items() if abs(total - median) > threshold},
        criterion_means=criterion_means,
        is_divergent=spread > threshold,
        totals=dict(totals),
    )


def process_aggregates(*, process: ReviewProcess) -> dict[int, ItemAggregate]:
    """Figures of every active item of the process, by item id (items without reviews included). 3 queries."""
    criteria = list(
        Criterion.objects.filter(process=process).order_by("position").values_list("id", flat=True)
    )
    item_ids = list(ReviewItem.objects.filter(process=process, is_active=True).values_list("id", flat=True))
    counted = _counted_reviews(process)
    totals: dict[int, dict[int, Decimal]] = {item_id: {} for item_id in item_ids}
    criterion_values: dict[int, dict[int, list[Decimal]]] = {item_id: {} for item_id in item_ids}
    rows = Score.objects.filter(review__in=counted).values_list(
        "review_id", "review__item_id", "review__total", "criterion_id", "value", "not_applicable"
    )
    for review_id, item_id, total, criterion_id, value, not_applicable in rows:
        totals[item_id][review_id] = total
        if value is not None and not not_applicable:
            criterion_values[item_id].setdefault(criterion_id, []).append(value)
    threshold = Decimal(process.scale_max - process.scale_min) * Decimal(process.outlier_percent) / 100
    return {
        item_id: _aggregate(
            totals=totals[item_id],
            criterion_values=criterion_values[item_id],
            criteria=criteria,
            threshold=threshold,
        )
        for item_id in item_ids
    }


@dataclass
class RankedItem:
    """One row of the ranking; ``tie_break`` (a ``TieBreak``) says what separated it from the row above."""

    rank: int
    item: ReviewItem
    aggregate: ItemAggregate
    tie_break: str


_LOWEST = Decimal("-Infinity")


def _or_lowest(value: Decimal | None) -> Decimal:
    return _LOWEST if value is None else value


def _separation(above: tuple, below: tuple) -> str:
    (mean_a, median_a, criteria_a, staff_a), (mean_b, median_b, criteria_b, staff_b) = above, below
    if mean_a != mean_b:
        return TieBreak.NONE
    if median_a != median_b:
        return TieBreak.MEDIAN
    if criteria_a != criteria_b:
        return TieBreak.CRITERIA
    if staff_a != staff_b:
        return TieBreak.STAFF
    return TieBreak.UNBROKEN


def process_ranking(*, process: ReviewProcess) -> list[RankedItem]:
    """Active items by mean, highest first (items nobody scored last).

    Equal means are ordered by the higher median, then by the higher mean on each criterion in the criteria's
    order, then by the Secretariat's ``tie_break_rank`` (1 first; items without one after those with one).
    Items still equal share a rank (the next rank skips: 1, 2, 2, 4); ``tie_break`` records which rule
    separated a row from the row above (``TieBreak.NONE`` when the means differ, or on the first row).
    """
    aggregates = process_aggregates(process=process)
    criteria = list(
        Criterion.objects.filter(process=process).order_by("position").values_list("id", flat=True)
    )
    items = list(ReviewItem.objects.filter(process=process, is_active=True).select_related("city"))

    def key(item: ReviewItem) -> tuple:
        aggregate = aggregates[item.pk]
        return (
            _or_lowest(aggregate.mean),
            _or_lowest(aggregate.median),
            tuple(_or_lowest(aggregate.criterion_means.get(cid)) for cid in criteria),
            # Negated so that "higher is better" holds for every part; no staff order sorts last.
            _LOWEST if item.tie_break_rank is None else -Decimal(item.tie_break_rank),
        )

    ordered = sorted(items, key=lambda item: (key(item), -item.pk), reverse=True)
    ranking: list[RankedItem] = []
    for position, item in enumerate(ordered, start=1):
        if not ranking:
            rank, tie_break = position, TieBreak.NONE
        else:
            tie_break = _separation(key(ranking[-1].item), key(item))
            rank = ranking[-1].rank if tie_break == TieBreak.UNBROKEN else position
        ranking.append(RankedItem(rank=rank, item=item, aggregate=aggregates[item.pk], tie_break=tie_break))
    return ranking


@dataclass
class JuryRow:
    """One item on a juror's dashboard. ``state``: "not_started", "draft" or "complete"."""

    item: ReviewItem
    is_assigned: bool
    review: Review | None
    state: str


def jury_items_for(*, process: ReviewProcess, user) -> list[JuryRow]:
    """The items a juror may see (assigned ones; every one from the deliberation on), active ones only, never
    one they are conflicted with, with their own review. Empty for anyone who is not a juror. 3 queries."""
    seat = jury_seat(user, process.pk)
    if seat.reviewer_id is None:
        return []
    items = ReviewItem.objects.filter(process=process, is_active=True).exclude(pk__in=seat.conflicted)
    if process.phase not in OPEN_PHASES:
        items = items.filter(pk__in=seat.assigned)
    items = list(items.select_related("city").order_by("title", "pk"))
    own = {
        review.item_id: review
        for review in Review.objects.filter(reviewer_id=seat.reviewer_id, item__in=[i.pk for i in items])
    }
    rows = []
    for item in items:
        review = own.get(item.pk)
        if review is None:
            state = "not_started"
        else:
            state = "complete" if review.submitted_at is not None else "draft"
        rows.append(JuryRow(item=item, is_assigned=item.pk in seat.assigned, review=review, state=state))
    return rows


def _reviews_with_scores():
    return Review.objects.select_related("reviewer__user").prefetch_related(
        Prefetch("scores", queryset=Score.objects.select_related("criterion").order_by("criterion__position"))
    )


def items_reviews_visible(*, items: list[ReviewItem], user) -> dict[int, list[Review]]:
    """The reviews of each of ``items`` that ``user`` may read, by item id, in one query whatever the number
    of items: the Secretariat every one; a juror not conflicted with an item their own until the
    deliberation, then every review by a juror not conflicted with it. Items of one process or several."""
    visible: dict[int, list[Review]] = {item.pk: [] for item in items}
    if not items:
        return visible
    reviews = _reviews_with_scores().filter(item__in=[item.pk for item in items])
    if not is_secretariat(user):
        allowed = Q(pk__in=[])
        for process_id, phase in {(item.process_id, item.process.phase) for item in items}:
            seat = jury_seat(user, process_id)
            if seat.reviewer_id is None:
                continue
            mine = [
                item.pk for item in items if item.process_id == process_id and item.pk not in seat.conflicted
            ]
            if phase in OPEN_PHASES:
                allowed |= Q(item_id__in=mine)
            else:
                allowed |= Q(item_id__in=mine, reviewer_id=seat.reviewer_id)
        conflicted = Conflict.objects.filter(reviewer_id=OuterRef("reviewer_id"), item_id=OuterRef("item_id"))
        reviews = reviews.filter(allowed).exclude(Exists(conflicted))
    for review in reviews.order_by("reviewer__user__email", "pk"):
        visible[review.item_id].append(review)
    return visible


def item_reviews_visible(*, item: ReviewItem, user) -> list[Review]:
    """The reviews of ``item`` that ``user`` may read (see ``items_reviews_visible``)."""
    return items_reviews_visible(items=[item], user=user)[item.pk]


def review_of(*, item: ReviewItem, user) -> Review | None:
    """The user's own review of ``item`` (with its scores), or ``None``."""
    seat = jury_seat(user, item.process_id)
    if seat.reviewer_id is None:
        return None
    return _reviews_with_scores().filter(item=item, reviewer_id=seat.reviewer_id).first()


def item_notes(*, item: ReviewItem) -> list[Note]:
    """The deliberation about ``item`` in threaded order: each message followed by its replies (oldest first);
    each note gets a ``depth`` (0 for a message, 1 for a reply...). One query."""
    notes = list(Note.objects.filter(item=item).select_related("author").order_by("created_at", "id"))
    children: dict[int | None, list[Note]] = {}
    known = {note.pk for note in notes}
    for note in notes:
        parent = note.parent_id if note.parent_id in known else None
        children.setdefault(parent, []).append(note)
    ordered: list[Note] = []
    stack = [(note, 0) for note in reversed(children.get(None, []))]
    while stack:
        note, depth = stack.pop()
        note.depth = depth
        ordered.append(note)
        stack.extend((child, depth + 1) for child in reversed(children.get(note.pk, [])))
    return ordered


@dataclass
class JurorLoad:
    reviewer: Reviewer
    assigned: int
    reviewed: int
    completed: int
    conflicts: int


@dataclass
class ItemLoad:
    item: ReviewItem
    assigned: int
    reviews: int
    conflicts: int


@dataclass
class ProcessOverview:
    """The Secretariat's view of a process: jurors with their load, items with their jurors, all conflicts."""

    jurors: list[JurorLoad]
    items: list[ItemLoad]
    conflicts: list[Conflict]


def _count(queryset, *, by: str, distinct: str = "pk"):
    """A correlated count of ``queryset`` (rows filtered on ``OuterRef``), grouped by its ``by`` field; 0 when
    there is none. ``distinct`` counts the distinct values of that field instead of rows."""
    counted = (
        queryset.order_by().values(by).annotate(n=Count(distinct, distinct=distinct != "pk")).values("n")
    )
    return Coalesce(Subquery(counted[:1]), 0)


def process_overview(*, process: ReviewProcess) -> ProcessOverview:
    """Jurors (assignments to active items, reviews written, completed, conflicts), every item (assignments,
    reviews, conflicts) and the conflicts with their juror and item. 3 queries."""
    # One subquery per count: joining assignments, reviews and conflicts in one query multiplies the rows
    # (200 items × 7 jurors took half a minute); each subquery reads only its own table.
    reviewers = (
        Reviewer.objects.filter(process=process)
        .select_related("user", "city", "country")
        .annotate(
            n_assigned=_count(
                Assignment.objects.filter(reviewer=OuterRef("pk"), item__is_active=True), by="reviewer"
            ),
            n_reviewed=_count(Review.objects.filter(reviewer=OuterRef("pk")), by="reviewer"),
            n_completed=_count(
                Review.objects.filter(reviewer=OuterRef("pk"), submitted_at__isnull=False), by="reviewer"
            ),
            n_conflicts=_count(
                Conflict.objects.filter(reviewer=OuterRef("pk")), by="reviewer", distinct="item"
            ),
        )
        .order_by("user__email")
    )
    items = (
        ReviewItem.objects.filter(process=process)
        .select_related("city")
        .annotate(
            n_assigned=_count(Assignment.objects.filter(item=OuterRef("pk")), by="item"),
            n_reviews=_count(Review.objects.filter(item=OuterRef("pk")), by="item"),
            n_conflicts=_count(Conflict.objects.filter(item=OuterRef("pk")), by="item", distinct="reviewer"),
        )
        .order_by("-is_active", "title", "pk")
    )
    conflicts = (
        Conflict.objects.filter(item__process=process)
        .select_related("reviewer__user", "item", "created_by")
        .order_by("item__title", "item_id", "reviewer__user__email", "kind")
    )
    return ProcessOverview(
        jurors=[
            JurorLoad(
                reviewer=r,
                assigned=r.n_assigned,
                reviewed=r.n_reviewed,
                completed=r.n_completed,
                conflicts=r.n_conflicts,
            )
            for r in reviewers
        ],
        items=[
            ItemLoad(item=i, assigned=i.n_assigned, reviews=i.n_reviews, conflicts=i.n_conflicts)
            for i in items
        ],
        conflicts=list(conflicts),
    )


def processes_of_user(*, user) -> list[ReviewProcess]:
    """The processes ``user`` is a juror of (the Secretariat: every process), newest first."""
    if is_secretariat(user):
        return list(ReviewProcess.objects.order_by("-created_at", "-pk"))
    if not (user and user.is_authenticated):
        return []
    return list(ReviewProcess.objects.filter(reviewers__user=user).order_by("-created_at", "-pk"))


def assignments_of(*, process: ReviewProcess) -> list[Assignment]:
    """Every assignment of the process with its juror and item (for the staff pages). One query."""
    return list(
        Assignment.objects.filter(item__process=process)
        .select_related("reviewer__user", "item")
        .order_by("item__title", "item_id", "reviewer__user__email")
    )
