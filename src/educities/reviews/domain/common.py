"""What the review services share: the permission check, the row lock of a process, automatic conflicts."""

import re
from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext as _

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase
from educities.reviews.models import (
    Assignment,
    Conflict,
    ConflictWaiver,
    Reviewer,
    ReviewItem,
    ReviewProcess,
    Score,
)

MANAGE = "reviews.manage_process"


def require(actor, permission: str, obj) -> None:
    # ``actor=None`` is the system itself (demo loader, management commands, other apps' domain).
    if actor is not None and not actor.has_perm(permission, obj):
        raise PermissionRefused(_("You are not allowed to do this."))


def process_lock(process: ReviewProcess) -> ReviewProcess:
    """Lock the process row for the rest of the transaction; refresh ``process.phase`` from it."""
    process.phase = (
        ReviewProcess.objects.select_for_update().values_list("phase", flat=True).get(pk=process.pk)
    )
    return process


def refuse_when_closed(process: ReviewProcess) -> None:
    if process.phase == ReviewPhase.CLOSED:
        raise DomainError(_("This review is closed: nothing can change any more."))


def clean_text(value, *, required_message: str | None = None) -> str:
    text = "" if value is None else str(value).strip()
    if required_message is not None and not text:
        raise DomainError(required_message)
    return text


def automatic_conflict_kinds(
    *, reviewers: Iterable[Reviewer], items: Iterable[ReviewItem]
) -> set[tuple[int, int, str]]:
    """Every (reviewer id, item id, kind) of automatic conflict among ``reviewers`` × ``items``.

    Each kind that holds is returned (a juror of the item's own city is conflicted as "same city", also as
    "same country", and as "same network" when the city is in a network). Cities and countries are read in
    two queries whatever the number of jurors and items (networks in one more).
    """
    from educities.members.models import City, NetworkMembership

    reviewers = list(reviewers)
    items = [item for item in items if item.city_id is not None]
    if not reviewers or not items:
        return set()
    city_ids = {item.city_id for item in items} | {r.city_id for r in reviewers if r.city_id is not None}
    country_of = dict(City.objects.filter(pk__in=city_ids).values_list("id", "country_id"))
    networks_of: dict[int, set[int]] = {}
    for city_id, network_id in NetworkMembership.objects.filter(city_id__in=city_ids).values_list(
        "city_id", "network_id"
    ):
        networks_of.setdefault(city_id, set()).add(network_id)
    found: set[tuple[int, int, str]] = set()
    for reviewer in reviewers:
        reviewer_country = reviewer.country_id or country_of.get(reviewer.city_id)
        reviewer_networks = networks_of.get(reviewer.city_id, set()) if reviewer.city_id else set()
        for item in items:
            if reviewer.city_id is not None and reviewer.city_id == item.city_id:
                found.add((reviewer.pk, item.pk, ConflictKind.SAME_CITY))
            if reviewer_country is not None and reviewer_country == country_of.get(item.city_id):
                found.add((reviewer.pk, item.pk, ConflictKind.SAME_COUNTRY))
            if reviewer_networks & networks_of.get(item.city_id, set()):
                found.add((reviewer.pk, item.pk, ConflictKind.SAME_NETWORK))
    waived = set(
        ConflictWaiver.objects.filter(
            reviewer__in=[r.pk for r in reviewers], item__in=[i.pk for i in items]
        ).values_list("reviewer_id", "item_id", "kind")
    )
    return found - waived


def automatic_conflicts_create(*, reviewers: Iterable[Reviewer], items: Iterable[ReviewItem]) -> int:
    """Create the automatic conflicts that hold and do not exist yet; returns how many were created."""
    reviewers, items = list(reviewers), list(items)
    wanted = automatic_conflict_kinds(reviewers=reviewers, items=items)
    if not wanted:
        return 0
    existing = set(
        Conflict.objects.filter(
            reviewer__in=[r.pk for r in reviewers], item__in=[i.pk for i in items]
        ).values_list("reviewer_id", "item_id", "kind")
    )
    new = sorted(wanted - existing)
    Conflict.objects.bulk_create(
        [Conflict(reviewer_id=r, item_id=i, kind=kind, source=ConflictSource.AUTOMATIC) for r, i, kind in new]
    )
    return len(new)


def scored_pairs(*, reviewer_ids: Iterable[int], item_ids: Iterable[int]) -> set[tuple[int, int]]:
    """The (reviewer id, item id) pairs among these on which the juror gave a score (or marked n/a)."""
    return set(
        Score.objects.filter(Q(value__isnull=False) | Q(not_applicable=True))
        .filter(review__reviewer_id__in=set(reviewer_ids), review__item_id__in=set(item_ids))
        .values_list("review__reviewer_id", "review__item_id")
        .distinct()
    )


def assignments_without_scores_remove(*, pairs: Iterable[tuple[int, int]]) -> int:
    """Remove the assignments of (reviewer id, item id) pairs on which the juror has not scored."""
    pairs = set(pairs)
    if not pairs:
        return 0
    removable = pairs - scored_pairs(reviewer_ids={r for r, _i in pairs}, item_ids={i for _r, i in pairs})
    if not removable:
        return 0
    removable_filter = Q()
    for reviewer_id, item_id in sorted(removable):
        removable_filter |= Q(reviewer_id=reviewer_id, item_id=item_id)
    deleted, _by_model = Assignment.objects.filter(removable_filter).delete()
    return deleted


# Control characters other than tab and line breaks (a pasted NUL or escape code is refused, not stored).
_TEXT_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_multiline(value, *, max_length: int, required_message: str | None = None) -> str:
    """A free text of several lines: stripped, at most ``max_length`` characters, no control characters."""
    text = clean_text(value, required_message=required_message)
    if _TEXT_FORBIDDEN.search(text):
        raise DomainError(_("The text contains control characters: remove them and try again."))
    if len(text) > max_length:
        raise DomainError(_("The text is too long: at most %(max)d characters.") % {"max": max_length})
    return text
