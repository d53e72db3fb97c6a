"""The jury: jurors, their conflicts of interest and which items each one reviews.

A conflict is never forgotten by accident: recomputing the automatic ones (``conflicts_refresh``) removes
only automatic conflicts that no longer hold and are not pinned; declared and staff conflicts stay until
the Secretariat removes them (``conflict_remove``, once unpinned). A new conflict takes the juror off the
item; a review they already wrote stays, but no aggregate counts it.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.domain.notifications import email_notify_on_commit
from educities.reviews.domain.common import (
    MANAGE,
    assignments_without_scores_remove,
    automatic_conflict_kinds,
    clean_text,
    process_lock,
    refuse_when_closed,
    require,
    scored_pairs,
)
from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase
from educities.reviews.models import (
    Assignment,
    Conflict,
    ConflictWaiver,
    Review,
    Reviewer,
    ReviewItem,
    ReviewProcess,
)
from educities.reviews.rules import jury_seat_forget

DECLARABLE_KINDS = frozenset({ConflictKind.PERSONAL, ConflictKind.PROFESSIONAL})
ORGANISATION_MAX = 200


@dataclass
class AssignmentReport:
    """What an assignment run did. ``short`` lists ``(item, jurors it has)`` for the active items that could
    not get as many jurors as asked (too many conflicts, too few jurors)."""

    created: int = 0
    skipped_conflicted: list[tuple[Reviewer, ReviewItem]] = field(default_factory=list)
    already: int = 0
    short: list[tuple[ReviewItem, int]] = field(default_factory=list)


def _forget(reviewer: Reviewer) -> None:
    # Only a user object already loaded can hold a cached seat (``jury_seat``); never query for it.
    jury_seat_forget(reviewer._state.fields_cache.get("user"))


def _refuse_when_deciding(process: ReviewProcess) -> None:
    refuse_when_closed(process)
    if process.phase == ReviewPhase.DECISION:
        raise DomainError(_("The jury is deciding: the jury and its assignments are frozen."))


def _organisation(value) -> str:
    organisation = " ".join(clean_text(value).split())
    if len(organisation) > ORGANISATION_MAX:
        raise DomainError(_("An organisation has at most %(max)d characters.") % {"max": ORGANISATION_MAX})
    return organisation


def _conflicts_recompute(*, process: ReviewProcess, reviewers=None) -> int:
    """Bring the automatic conflicts of ``reviewers`` (default: all) up to date; see conflicts_refresh."""
    reviewers = list(process.reviewers.all() if reviewers is None else reviewers)
    if not reviewers:
        return 0
    items = list(process.items.all())
    wanted = automatic_conflict_kinds(reviewers=reviewers, items=items)
    rows = list(
        Conflict.objects.filter(reviewer__in=[r.pk for r in reviewers]).values_list(
            "id", "reviewer_id", "item_id", "kind", "source", "is_pinned"
        )
    )
    stale = [
        pk
        for pk, reviewer_id, item_id, kind, source, pinned in rows
        if source == ConflictSource.AUTOMATIC and not pinned and (reviewer_id, item_id, kind) not in wanted
    ]
    present = {(reviewer_id, item_id, kind) for _pk, reviewer_id, item_id, kind, _s, _p in rows}
    new = sorted(wanted - present)
    if stale:
        Conflict.objects.filter(pk__in=stale).delete()
    Conflict.objects.bulk_create(
        [Conflict(reviewer_id=r, item_id=i, kind=kind, source=ConflictSource.AUTOMATIC) for r, i, kind in new]
    )
    conflicted = set(
        Conflict.objects.filter(reviewer__in=[r.pk for r in reviewers]).values_list("reviewer_id", "item_id")
    )
    assigned = set(
        Assignment.objects.filter(reviewer__in=[r.pk for r in reviewers]).values_list(
            "reviewer_id", "item_id"
        )
    )
    assignments_without_scores_remove(pairs=assigned & conflicted)
    for reviewer in reviewers:
        _forget(reviewer)
    return len(stale) + len(new)


@transaction.atomic
def reviewer_add(
    *, process: ReviewProcess, user, city=None, country=None, organisation: str = "", actor
) -> Reviewer:
    """Make ``user`` a juror of the process (``country`` defaults to the city's), with automatic conflicts."""
    require(actor, MANAGE, process)
    process_lock(process)
    _refuse_when_deciding(process)
    if user is None or not user.is_active:
        raise DomainError(_("Choose an active user account for the juror."))
    if Reviewer.objects.filter(process=process, user=user).exists():
        raise DomainError(_("%(user)s is already a juror of this review.") % {"user": user})
    if country is None and city is not None:
        country = city.country
    reviewer = Reviewer.objects.create(
        process=process, user=user, city=city, country=country, organisation=_organisation(organisation)
    )
    _conflicts_recompute(process=process, reviewers=[reviewer])
    audit_record(subject=process, action="reviewer_add", actor=actor, comment=user.email)
    jury_seat_forget(user)
    return reviewer


@transaction.atomic
def reviewer_update(*, reviewer: Reviewer, city, country, organisation: str, actor) -> Reviewer:
    """Change the city, country (defaults to the city's) and organisation; automatic conflicts follow."""
    process = reviewer.process
    require(actor, MANAGE, process)
    process_lock(process)
    _refuse_when_deciding(process)
    if country is None and city is not None:
        country = city.country
    reviewer.city, reviewer.country = city, country
    reviewer.organisation = _organisation(organisation)
    reviewer.save(update_fields=["city", "country", "organisation", "updated_at"])
    _conflicts_recompute(process=process, reviewers=[reviewer])
    audit_record(subject=process, action="reviewer_update", actor=actor, comment=reviewer.user.email)
    jury_seat_forget(reviewer.user)
    return reviewer


@transaction.atomic
def reviewer_remove(*, reviewer: Reviewer, actor) -> None:
    """Remove a juror who has not reviewed anything yet (with their conflicts and assignments)."""
    process = reviewer.process
    require(actor, MANAGE, process)
    process_lock(process)
    refuse_when_closed(process)
    if Review.objects.filter(reviewer=reviewer).exists():
        raise DomainError(_("This juror has already reviewed items: they cannot leave the jury any more."))
    email = reviewer.user.email
    reviewer.delete()
    audit_record(subject=process, action="reviewer_remove", actor=actor, comment=email)
    jury_seat_forget(reviewer.user)


@transaction.atomic
def conflicts_refresh(*, process: ReviewProcess, actor=None) -> int:
    """Recompute the automatic conflicts (same city, same country, same network of the juror's city and the
    item's city) of every juror with every item. Creates those missing, removes automatic ones that no longer
    hold unless pinned (declared and staff conflicts are never touched), and takes conflicted jurors off the
    items they have not scored. Returns how many conflicts were created or removed."""
    require(actor, MANAGE, process)
    process_lock(process)
    refuse_when_closed(process)
    changed = _conflicts_recompute(process=process)
    audit_record(subject=process, action="conflicts_refresh", actor=actor, comment=str(changed))
    return changed


def _conflict_takes_off(*, reviewer: Reviewer, item: ReviewItem) -> None:
    Assignment.objects.filter(reviewer=reviewer, item=item).delete()
    jury_seat_forget(reviewer.user)


def _notify_secretariat_of_declaration(*, conflict: Conflict) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "conflict": conflict,
            "kind": str(ConflictKind(conflict.kind).label),
            "juror": str(conflict.reviewer.user),
            "item": conflict.item,
            "process": conflict.item.process,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        subject = _("Conflict of interest declared: %(item)s") % {"item": conflict.item.title[:80]}
        body = render_to_string("reviews/email/conflict_declared.txt", context)
    email_notify_on_commit(
        recipients=[settings.SECRETARIAT_EMAIL], subject=subject, body=body, language=settings.LANGUAGE_CODE
    )


@transaction.atomic
def conflict_declare(*, item: ReviewItem, actor, kind: str, note: str = "") -> Conflict:
    """A juror declares their own (personal or professional) interest in an item, before deliberation."""
    if actor is None or not actor.is_authenticated:
        raise PermissionRefused(_("You are not allowed to do this."))
    require(actor, "reviews.declare_conflict", item)
    if kind not in DECLARABLE_KINDS:
        raise DomainError(_("Choose whether the interest is personal or professional."))
    process = process_lock(item.process)
    if process.phase not in {ReviewPhase.SETUP, ReviewPhase.BLIND}:
        raise DomainError(_("Conflicts are declared before the deliberation starts."))
    reviewer = Reviewer.objects.filter(process=process, user=actor).first()
    if reviewer is None:
        raise PermissionRefused(_("You are not allowed to do this."))
    conflict, created = Conflict.objects.get_or_create(
        reviewer=reviewer,
        item=item,
        kind=kind,
        defaults={"source": ConflictSource.DECLARED, "note": clean_text(note), "created_by": actor},
    )
    _conflict_takes_off(reviewer=reviewer, item=item)
    jury_seat_forget(actor)
    if created:
        audit_record(
            subject=item, action="conflict_declare", actor=actor, to_state=kind, comment=conflict.note
        )
        _notify_secretariat_of_declaration(conflict=conflict)
    return conflict


@transaction.atomic
def conflict_add(*, reviewer: Reviewer, item: ReviewItem, kind: str, note: str = "", actor) -> Conflict:
    """The Secretariat records a conflict (pinned: no recomputation removes it)."""
    require(actor, MANAGE, item.process)
    if reviewer.process_id != item.process_id:
        raise DomainError(_("This juror is not on the jury of this item."))
    if kind not in ConflictKind.values:
        raise DomainError(_("Choose a kind of conflict."))
    process_lock(item.process)
    refuse_when_closed(item.process)
    note = clean_text(note)
    ConflictWaiver.objects.filter(reviewer=reviewer, item=item, kind=kind).delete()
    conflict = Conflict.objects.select_for_update().filter(reviewer=reviewer, item=item, kind=kind).first()
    if conflict is None:
        conflict = Conflict.objects.create(
            reviewer=reviewer,
            item=item,
            kind=kind,
            source=ConflictSource.STAFF,
            is_pinned=True,
            note=note,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
    else:
        conflict.is_pinned = True
        conflict.note = note or conflict.note
        conflict.save(update_fields=["is_pinned", "note", "updated_at"])
    _conflict_takes_off(reviewer=reviewer, item=item)
    audit_record(subject=item, action="conflict_add", actor=actor, to_state=kind, comment=note)
    return conflict


@transaction.atomic
def conflict_pin(*, conflict: Conflict, pinned: bool, actor) -> Conflict:
    require(actor, MANAGE, conflict.item.process)
    refuse_when_closed(process_lock(conflict.item.process))
    if conflict.is_pinned != bool(pinned):
        conflict.is_pinned = bool(pinned)
        conflict.save(update_fields=["is_pinned", "updated_at"])
        audit_record(
            subject=conflict.item,
            action="conflict_pin" if pinned else "conflict_unpin",
            actor=actor,
            to_state=conflict.kind,
        )
    return conflict


@transaction.atomic
def conflict_remove(*, conflict: Conflict, reason: str, actor) -> None:
    """Remove a conflict (with the reason, audited). A pinned conflict must be unpinned first.

    Removing an automatic conflict records a ``ConflictWaiver`` with the reason, so that the automatic
    recomputation does not bring it back; adding the same conflict again later lifts the waiver."""
    require(actor, MANAGE, conflict.item.process)
    reason = clean_text(reason, required_message=_("Say why this conflict of interest is removed."))
    refuse_when_closed(process_lock(conflict.item.process))
    locked = Conflict.objects.select_for_update().filter(pk=conflict.pk).first()
    if locked is None:
        return
    if locked.is_pinned:
        raise DomainError(_("This conflict is pinned: unpin it before removing it."))
    locked.delete()
    if locked.source == ConflictSource.AUTOMATIC:
        ConflictWaiver.objects.update_or_create(
            reviewer_id=locked.reviewer_id,
            item_id=locked.item_id,
            kind=locked.kind,
            defaults={
                "reason": reason,
                "created_by": actor if actor is not None and actor.is_authenticated else None,
            },
        )
    audit_record(
        subject=conflict.item,
        action="conflict_remove",
        actor=actor,
        from_state=conflict.kind,
        comment=f"{conflict.reviewer.user.email}: {reason}",
    )
    jury_seat_forget(conflict.reviewer.user)


def _check_members(process: ReviewProcess, reviewers, items) -> None:
    if any(r.process_id != process.pk for r in reviewers) or any(i.process_id != process.pk for i in items):
        raise DomainError(_("Choose jurors and items of this review only."))
    inactive = [item.title for item in items if not item.is_active]
    if inactive:
        raise DomainError(
            _("These items are out of the review: %(items)s.") % {"items": ", ".join(sorted(inactive))}
        )


@transaction.atomic
def assignments_bulk(
    *, process: ReviewProcess, reviewers: list[Reviewer], items: list[ReviewItem], actor
) -> AssignmentReport:
    """Assign every juror given to every item given, except where they are conflicted."""
    require(actor, MANAGE, process)
    process_lock(process)
    _refuse_when_deciding(process)
    reviewers = sorted({r.pk: r for r in reviewers}.values(), key=lambda r: r.pk)
    items = sorted({i.pk: i for i in items}.values(), key=lambda i: i.pk)
    _check_members(process, reviewers, items)
    conflicted = set(
        Conflict.objects.filter(
            reviewer__in=[r.pk for r in reviewers], item__in=[i.pk for i in items]
        ).values_list("reviewer_id", "item_id")
    )
    existing = set(
        Assignment.objects.filter(
            reviewer__in=[r.pk for r in reviewers], item__in=[i.pk for i in items]
        ).values_list("reviewer_id", "item_id")
    )
    report = AssignmentReport()
    new: list[Assignment] = []
    assigned_by = actor if actor is not None and actor.is_authenticated else None
    for item in items:
        for reviewer in reviewers:
            pair = (reviewer.pk, item.pk)
            if pair in conflicted:
                report.skipped_conflicted.append((reviewer, item))
            elif pair in existing:
                report.already += 1
            else:
                new.append(Assignment(reviewer=reviewer, item=item, assigned_by=assigned_by))
    Assignment.objects.bulk_create(new)
    report.created = len(new)
    if new:
        audit_record(subject=process, action="assignments_bulk", actor=actor, comment=str(report.created))
    for reviewer in reviewers:
        _forget(reviewer)
    return report


def _balance(
    *,
    load: dict[int, int],
    new_pairs: list[tuple[int, int]],
    assigned: set[tuple[int, int]],
    eligible: dict[int, list[int]],
) -> list[tuple[int, int]]:
    """Move new assignments from the most to the least loaded jurors while that narrows the gap."""
    pairs = list(new_pairs)
    for _round in range(len(pairs) * len(load) + 1):
        moved = False
        for heavy in sorted(load, key=lambda r: (-load[r], r)):
            light_candidates = sorted(load, key=lambda r: (load[r], r))
            for index, (reviewer_id, item_id) in enumerate(pairs):
                if reviewer_id != heavy:
                    continue
                for light in light_candidates:
                    if load[heavy] - load[light] < 2:
                        break
                    if light in eligible[item_id] and (light, item_id) not in assigned:
                        assigned.discard((heavy, item_id))
                        assigned.add((light, item_id))
                        pairs[index] = (light, item_id)
                        load[heavy] -= 1
                        load[light] += 1
                        moved = True
                        break
                if moved:
                    break
            if moved:
                break
        if not moved:
            break
    return pairs


@transaction.atomic
def assignments_auto(*, process: ReviewProcess, actor, per_item: int | None = None) -> AssignmentReport:
    """Give every active item at least ``per_item`` (default ``process.reviewers_per_item``) jurors who
    are not conflicted with it, keeping the assignments already made.

    Deterministic and balanced: the items with the fewest possible jurors are served first, each seat goes
    to the least loaded possible juror (lowest id on a tie), then new assignments move from the most to the
    least loaded jurors while some differ by two or more. A juror's load counts their assignments to active
    items. Items that could not get enough jurors are in ``short``."""
    require(actor, MANAGE, process)
    process_lock(process)
    _refuse_when_deciding(process)
    wanted = process.reviewers_per_item if per_item is None else per_item
    if isinstance(wanted, bool) or not isinstance(wanted, int) or not 1 <= wanted <= 50:
        raise DomainError(_("Each item needs between 1 and 50 jurors."))
    items = list(process.items.filter(is_active=True).order_by("pk"))
    reviewers = list(process.reviewers.select_related("user").order_by("pk"))
    report = AssignmentReport()
    if not items:
        return report
    conflicted = set(Conflict.objects.filter(item__process=process).values_list("reviewer_id", "item_id"))
    assigned = set(
        Assignment.objects.filter(item__process=process, item__is_active=True).values_list(
            "reviewer_id", "item_id"
        )
    )
    load = {r.pk: 0 for r in reviewers}
    for reviewer_id, _item_id in assigned:
        load[reviewer_id] += 1
    eligible = {item.pk: [r.pk for r in reviewers if (r.pk, item.pk) not in conflicted] for item in items}
    has = {
        item.pk: sum(1 for reviewer_id in eligible[item.pk] if (reviewer_id, item.pk) in assigned)
        for item in items
    }
    report.already = sum(has.values())
    new_pairs: list[tuple[int, int]] = []
    # Most constrained items first, then one seat per item per round so no item takes every light juror.
    order = sorted(items, key=lambda item: (len(eligible[item.pk]), item.pk))
    for _seat in range(wanted):
        for item in order:
            if has[item.pk] >= wanted:
                continue
            free = [r for r in eligible[item.pk] if (r, item.pk) not in assigned]
            if not free:
                continue
            chosen = min(free, key=lambda r: (load[r], r))
            assigned.add((chosen, item.pk))
            load[chosen] += 1
            has[item.pk] += 1
            new_pairs.append((chosen, item.pk))
    new_pairs = _balance(load=load, new_pairs=new_pairs, assigned=assigned, eligible=eligible)
    by_id = {r.pk: r for r in reviewers}
    items_by_id = {i.pk: i for i in items}
    assigned_by = actor if actor is not None and actor.is_authenticated else None
    Assignment.objects.bulk_create(
        [
            Assignment(reviewer=by_id[r], item=items_by_id[i], assigned_by=assigned_by)
            for r, i in sorted(new_pairs, key=lambda pair: (pair[1], pair[0]))
        ]
    )
    report.created = len(new_pairs)
    report.short = [(item, has[item.pk]) for item in items if has[item.pk] < wanted]
    audit_record(
        subject=process,
        action="assignments_auto",
        actor=actor,
        comment=_("%(created)d created, %(short)d items short")
        % {"created": report.created, "short": len(report.short)},
    )
    for reviewer in reviewers:
        _forget(reviewer)
    return report


@transaction.atomic
def assignment_remove(*, assignment: Assignment, actor) -> None:
    """Take a juror off an item they have not scored."""
    item = assignment.item
    require(actor, MANAGE, item.process)
    process_lock(item.process)
    _refuse_when_deciding(item.process)
    if scored_pairs(reviewer_ids=[assignment.reviewer_id], item_ids=[item.pk]):
        raise DomainError(_("This juror has already scored this item: the assignment stays."))
    Assignment.objects.filter(pk=assignment.pk).delete()
    audit_record(
        subject=item, action="assignment_remove", actor=actor, comment=assignment.reviewer.user.email
    )
    jury_seat_forget(assignment.reviewer.user)
