"""What a process reviews: items pointing to their subject (an application, a proposal, an article)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError
from educities.reviews.domain.common import (
    MANAGE,
    automatic_conflicts_create,
    clean_text,
    process_lock,
    refuse_when_closed,
    require,
)
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import ReviewItem, ReviewProcess

TITLE_MAX = 255
TIE_BREAK_RANK_MAX = 100_000


def _title(value) -> str:
    title = " ".join(clean_text(value, required_message=_("Give the item a title.")).split())
    return title[:TITLE_MAX]


@transaction.atomic
def item_add(*, process: ReviewProcess, subject, title: str, city=None, actor=None) -> ReviewItem:
    """Put ``subject`` in review (once: adding it again returns the existing item, unchanged).

    ``city`` is the city that proposed it; the automatic conflicts of every juror with the new item are
    created (same city, same country, same network).
    """
    require(actor, MANAGE, process)
    if subject is None or getattr(subject, "pk", None) is None:
        raise DomainError(_("Save what is reviewed before putting it in review."))
    title = _title(title)
    process_lock(process)
    content_type = ContentType.objects.get_for_model(subject)
    existing = ReviewItem.objects.filter(
        process=process, content_type=content_type, object_id=subject.pk
    ).first()
    if existing is not None:
        return existing
    if process.phase in {ReviewPhase.DECISION, ReviewPhase.CLOSED}:
        raise DomainError(_("The jury is deciding: no item can be added any more."))
    item = ReviewItem.objects.create(
        process=process, content_type=content_type, object_id=subject.pk, title=title, city=city
    )
    automatic_conflicts_create(reviewers=process.reviewers.all(), items=[item])
    audit_record(subject=item, action="item_add", actor=actor)
    return item


def _item_lock(item: ReviewItem) -> ReviewItem:
    process_lock(item.process)
    locked = ReviewItem.objects.select_for_update().get(pk=item.pk)
    item.is_active = locked.is_active
    item.tie_break_rank, item.tie_break_reason = locked.tie_break_rank, locked.tie_break_reason
    return item


@transaction.atomic
def item_deactivate(*, item: ReviewItem, actor, reason: str = "") -> ReviewItem:
    """Take an item out of the review (its subject was withdrawn): kept with its scores, out of rankings."""
    require(actor, MANAGE, item.process)
    _item_lock(item)
    refuse_when_closed(item.process)
    if not item.is_active:
        return item
    item.is_active = False
    item.save(update_fields=["is_active", "updated_at"])
    audit_record(subject=item, action="item_deactivate", actor=actor, comment=clean_text(reason))
    return item


@transaction.atomic
def item_reactivate(*, item: ReviewItem, actor, reason: str = "") -> ReviewItem:
    require(actor, MANAGE, item.process)
    _item_lock(item)
    refuse_when_closed(item.process)
    if item.is_active:
        return item
    item.is_active = True
    item.save(update_fields=["is_active", "updated_at"])
    audit_record(subject=item, action="item_reactivate", actor=actor, comment=clean_text(reason))
    return item


@transaction.atomic
def item_tie_break_set(*, item: ReviewItem, rank: int | None, reason: str, actor) -> ReviewItem:
    """Record the Secretariat's order among tied items (1 first; ``None`` clears it), with the reason."""
    require(actor, MANAGE, item.process)
    reason = clean_text(reason, required_message=_("Say why the jury orders these items this way."))
    if rank is not None and (
        isinstance(rank, bool) or not isinstance(rank, int) or not 1 <= rank <= TIE_BREAK_RANK_MAX
    ):
        raise DomainError(_("The order is a whole number from 1 to %(max)d.") % {"max": TIE_BREAK_RANK_MAX})
    _item_lock(item)
    refuse_when_closed(item.process)
    before = "" if item.tie_break_rank is None else str(item.tie_break_rank)
    item.tie_break_rank, item.tie_break_reason = rank, reason
    item.save(update_fields=["tie_break_rank", "tie_break_reason", "updated_at"])
    audit_record(
        subject=item,
        action="item_tie_break",
        actor=actor,
        from_state=before,
        to_state="" if rank is None else str(rank),
        comment=reason,
    )
    return item
