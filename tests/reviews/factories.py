"""Review processes, jurors, items and reviews for tests, made through the domain functions.

A minimal world::

    process = make_process(phase=ReviewPhase.BLIND)          # 3 criteria of weight 1, scale 0-10
    item = make_item(process, city=CityFactory())
    juror = make_juror(process)                               # a Reviewer; ``juror.user`` signs in
    assign(juror, item)
    make_review(item, juror, values=[7, 8, None])             # None: not applicable

``make_item``'s subject defaults to a fresh user account: the engine does not care what it reviews.
"""

from decimal import Decimal

from educities.reviews.domain.items import item_add
from educities.reviews.domain.jury import assignments_bulk, reviewer_add
from educities.reviews.domain.processes import CriterionSpec, process_create, process_phase_change
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import Assignment, Review, Reviewer, ReviewItem, ReviewProcess
from tests.factories import UserFactory

_counter = iter(range(1, 1_000_000))

# The steps that lead from setup to each phase, in order.
PHASE_PATH = {
    ReviewPhase.SETUP: [],
    ReviewPhase.BLIND: ["open_scoring"],
    ReviewPhase.DELIBERATION: ["open_scoring", "deliberate"],
    ReviewPhase.DECISION: ["open_scoring", "deliberate", "decide"],
    ReviewPhase.CLOSED: ["open_scoring", "deliberate", "decide", "close"],
}


def criteria_specs(count: int = 3, *, weights: list | None = None) -> list[CriterionSpec]:
    weights = weights or [1] * count
    return [
        CriterionSpec(
            name=f"Criterion {n}", description=f"What criterion {n} looks at.", weight=Decimal(str(w))
        )
        for n, w in enumerate(weights, start=1)
    ]


def make_process(
    *,
    phase: str = ReviewPhase.SETUP,
    criteria: int = 3,
    weights: list | None = None,
    scale_min: int = 0,
    scale_max: int = 10,
    reviewers_per_item: int = 3,
    name: str | None = None,
) -> ReviewProcess:
    """A process with ``criteria`` criteria (or one per weight in ``weights``), moved to ``phase``."""
    process = process_create(
        name=name or f"Jury {next(_counter)}",
        scale_min=scale_min,
        scale_max=scale_max,
        reviewers_per_item=reviewers_per_item,
        criteria=criteria_specs(len(weights) if weights else criteria, weights=weights),
    )
    return process_walk(process, phase)


def process_walk(process: ReviewProcess, phase: str) -> ReviewProcess:
    """Move a process from setup to ``phase`` through the phase steps (as the system)."""
    for step in PHASE_PATH[phase][len(PHASE_PATH[process.phase]) :]:
        process = process_phase_change(process=process, step=step, actor=None)
    return process


def set_phase(process: ReviewProcess, phase: str) -> ReviewProcess:
    """Put a process in ``phase`` directly (for tests that need a phase the steps would not reach)."""
    ReviewProcess.objects.filter(pk=process.pk).update(phase=phase)
    process.phase = phase
    return process


def make_item(process: ReviewProcess, *, city=None, title: str | None = None, subject=None) -> ReviewItem:
    subject = subject or UserFactory()
    return item_add(process=process, subject=subject, title=title or f"Item {next(_counter)}", city=city)


def make_juror(
    process: ReviewProcess, *, user=None, city=None, country=None, organisation: str = ""
) -> Reviewer:
    user = user or UserFactory()
    reviewer = reviewer_add(
        process=process, user=user, city=city, country=country, organisation=organisation, actor=None
    )
    reviewer.user = user
    return reviewer


def assign(reviewer: Reviewer, *items: ReviewItem) -> list[Assignment]:
    """Assign ``reviewer`` to ``items`` (conflicted ones are skipped, as the domain does)."""
    assignments_bulk(process=reviewer.process, reviewers=[reviewer], items=list(items), actor=None)
    return list(Assignment.objects.filter(reviewer=reviewer, item__in=items))


def make_review(
    item: ReviewItem, reviewer: Reviewer, *, values, complete: bool = True, comment: str = ""
) -> Review:
    """``reviewer``'s review of ``item`` through ``review_save``: ``values`` is one value per criterion in
    their order (``None``: not applicable) or a dict {criterion id: value}. Assigns the juror if needed; the
    process must be in a scoring phase."""
    from educities.reviews.domain.scoring import ScoreInput, review_save

    if not Assignment.objects.filter(reviewer=reviewer, item=item).exists():
        assign(reviewer, item)
    criteria = list(item.process.criteria.order_by("position").values_list("id", flat=True))
    if not isinstance(values, dict):
        values = dict(zip(criteria, values, strict=True))
    scores = {
        cid: ScoreInput(value=None, not_applicable=True)
        if value is None
        else ScoreInput(value=Decimal(str(value)))
        for cid, value in values.items()
    }
    current = (
        Review.objects.filter(reviewer=reviewer, item=item).values_list("version", flat=True).first() or 0
    )
    user = reviewer.user
    user.__dict__.pop("_educities_jury", None)  # the seat changed since this user object was last asked
    return review_save(
        item=item, actor=user, scores=scores, comment=comment, version=current, complete=complete
    )
