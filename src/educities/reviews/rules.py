"""Who may see and do what in a review process, declared once.

``obj`` is a ``ReviewProcess`` or a ``ReviewItem``. A juror's own facts for a process (which items are
assigned to them, which they are conflicted with) are read once per request and cached on the user.
A conflicted juror never sees the item, its scores or its discussion, whatever the phase.
"""

from dataclasses import dataclass, field

import rules

from educities.members.rules import is_secretariat
from educities.reviews.enums import OPEN_PHASES, SCORING_PHASES, ReviewPhase


@dataclass(frozen=True)
class JurySeat:
    reviewer_id: int | None
    assigned: frozenset[int] = field(default_factory=frozenset)
    conflicted: frozenset[int] = field(default_factory=frozenset)


NO_SEAT = JurySeat(reviewer_id=None)


def jury_seat(user, process_id: int) -> JurySeat:
    """The user's seat in a process (or ``NO_SEAT``), cached on the user for the request."""
    if not (user and user.is_authenticated):
        return NO_SEAT
    cache = user.__dict__.setdefault("_educities_jury", {})
    if process_id not in cache:
        from educities.reviews.models import Assignment, Conflict, Reviewer

        reviewer_id = (
            Reviewer.objects.filter(user=user, process_id=process_id).values_list("id", flat=True).first()
        )
        if reviewer_id is None:
            cache[process_id] = NO_SEAT
        else:
            cache[process_id] = JurySeat(
                reviewer_id=reviewer_id,
                assigned=frozenset(
                    Assignment.objects.filter(reviewer_id=reviewer_id).values_list("item_id", flat=True)
                ),
                conflicted=frozenset(
                    Conflict.objects.filter(reviewer_id=reviewer_id).values_list("item_id", flat=True)
                ),
            )
    return cache[process_id]


def jury_seat_forget(user) -> None:
    """Drop the cached seats (after assignments or conflicts change within the same request)."""
    if user is not None:
        user.__dict__.pop("_educities_jury", None)


def _process_of(obj):
    return getattr(obj, "process", obj)


@rules.predicate
def is_juror(user, obj) -> bool:
    return obj is not None and jury_seat(user, _process_of(obj).pk).reviewer_id is not None


def _is_item(obj) -> bool:
    # Item-level predicates given a whole process (or nothing) hold for no item in particular.
    return obj is not None and hasattr(obj, "process_id")


@rules.predicate
def is_conflicted(user, item) -> bool:
    return _is_item(item) and item.pk in jury_seat(user, item.process_id).conflicted


@rules.predicate
def is_assigned(user, item) -> bool:
    return _is_item(item) and item.pk in jury_seat(user, item.process_id).assigned


@rules.predicate
def is_open_phase(user, obj) -> bool:
    return obj is not None and _process_of(obj).phase in OPEN_PHASES


@rules.predicate
def is_scoring_phase(user, obj) -> bool:
    return obj is not None and _process_of(obj).phase in SCORING_PHASES


@rules.predicate
def is_discussion_phase(user, obj) -> bool:
    return obj is not None and _process_of(obj).phase in {ReviewPhase.DELIBERATION, ReviewPhase.DECISION}


@rules.predicate
def is_active_item(user, item) -> bool:
    return _is_item(item) and item.is_active


juror_in_the_clear = is_juror & ~is_conflicted

rules.add_perm("reviews.manage_process", is_secretariat)
rules.add_perm("reviews.view_process", is_secretariat | is_juror)
rules.add_perm("reviews.view_item", is_secretariat | (juror_in_the_clear & (is_assigned | is_open_phase)))
rules.add_perm("reviews.view_scores", is_secretariat | (juror_in_the_clear & is_open_phase))
rules.add_perm("reviews.score_item", juror_in_the_clear & is_assigned & is_scoring_phase & is_active_item)
rules.add_perm("reviews.add_note", (is_secretariat | juror_in_the_clear) & is_discussion_phase)
rules.add_perm("reviews.declare_conflict", is_juror & ~is_open_phase)
