"""Selectors of the Secretariat's moderation: what waits for a decision, and what was asked before.

The queue mixes two kinds of items: experiences on their way to a first publication (submitted, in
review, changes requested) and proposed changes to published experiences (revisions submitted or in
review). Both are read as one ``UNION ALL`` of (kind, id, status, waiting since), so the database sorts
and pages them together, oldest first; ``moderation_items`` then fetches one page's objects in two
queries, whatever the page size.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import CharField, Count, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from educities.core.domain.audit import audit_entries_for
from educities.core.models import AuditEntry
from educities.experiences.enums import (
    EXPERIENCE_STEPS,
    REVISION_OPEN_STATES,
    REVISION_STEPS,
    ExperienceStatus,
    RevisionStatus,
)
from educities.experiences.models import Experience, ExperienceRevision
from educities.members.models import Country

KIND_EXPERIENCE = "experience"
KIND_REVISION = "revision"
# What waits for the Secretariat (or, for "changes requested", for the city to answer the Secretariat).
MODERATION_EXPERIENCE_STATES = (
    ExperienceStatus.SUBMITTED,
    ExperienceStatus.IN_REVIEW,
    ExperienceStatus.CHANGES_REQUESTED,
)
MODERATION_REVISION_STATES = (RevisionStatus.SUBMITTED, RevisionStatus.IN_REVIEW)
MODERATION_STATES = tuple(dict.fromkeys((*MODERATION_EXPERIENCE_STATES, *MODERATION_REVISION_STATES)))
# The steps the Secretariat takes on the moderation page, in the order the page shows them. Submit,
# withdraw, revise and discard belong to the city.
MODERATION_EXPERIENCE_STEPS = ("review_start", "request_changes", "publish", "reject", "archive", "restore")
MODERATION_REVISION_STEPS = ("review_start", "request_changes", "publish", "reject")


@dataclass(frozen=True, slots=True)
class ModerationItem:
    kind: str  # KIND_EXPERIENCE or KIND_REVISION
    experience: Experience
    revision: ExperienceRevision | None
    status: str
    waiting_since: datetime.datetime

    @property
    def title(self) -> str:
        if self.revision is not None:
            return str(self.revision.data.get("title") or self.experience.title)
        return self.experience.title

    @property
    def status_label(self) -> str:
        choices = RevisionStatus if self.revision is not None else ExperienceStatus
        return str(choices(self.status).label)


def _filtered(queryset: QuerySet, prefix: str, *, country: str, language: str) -> QuerySet:
    if country:
        queryset = queryset.filter(**{f"{prefix}city__country__code": country})
    if language:
        queryset = queryset.filter(**{f"{prefix}original_language": language})
    return queryset


def _experiences(*, states: Iterable[str], country: str, language: str) -> QuerySet:
    return _filtered(
        Experience.objects.filter(status__in=list(states)), "", country=country, language=language
    )


def _revisions(*, states: Iterable[str], country: str, language: str) -> QuerySet:
    return _filtered(
        ExperienceRevision.objects.filter(status__in=list(states)),
        "experience__",
        country=country,
        language=language,
    )


def moderation_queue(*, state: str = "", kind: str = "", country: str = "", language: str = "") -> QuerySet:
    """Rows ``(kind, id, status, waiting_since)`` of what waits for moderation, oldest first.

    Empty filters select everything. The result pages with a ``Paginator``; ``moderation_items`` turns
    a page of rows into ``ModerationItem``.
    """
    experience_states = [s for s in MODERATION_EXPERIENCE_STATES if not state or s == state]
    revision_states = [s for s in MODERATION_REVISION_STATES if not state or s == state]
    parts = []
    if kind in ("", KIND_EXPERIENCE):
        parts.append(
            _experiences(states=experience_states, country=country, language=language)
            .annotate(
                item_kind=Value(KIND_EXPERIENCE, output_field=CharField()),
                item_id=F("pk"),
                item_status=F("status"),
                waiting_since=Coalesce("submitted_at", "updated_at"),
            )
            .values_list("item_kind", "item_id", "item_status", "waiting_since")
            .order_by()
        )
    if kind in ("", KIND_REVISION):
        parts.append(
            _revisions(states=revision_states, country=country, language=language)
            .annotate(
                item_kind=Value(KIND_REVISION, output_field=CharField()),
                item_id=F("pk"),
                item_status=F("status"),
                waiting_since=Coalesce("submitted_at", "updated_at"),
            )
            .values_list("item_kind", "item_id", "item_status", "waiting_since")
            .order_by()
        )
    if not parts:
        return Experience.objects.none().values_list("pk", "pk", "status", "updated_at")
    queryset = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return queryset.order_by("waiting_since", "item_kind", "item_id")


def moderation_items(rows: Sequence[tuple]) -> list[ModerationItem]:
    """The experiences and revisions of ``rows`` (from ``moderation_queue``), in the rows' order."""
    experience_ids = [pk for kind, pk, _status, _when in rows if kind == KIND_EXPERIENCE]
    revision_ids = [pk for kind, pk, _status, _when in rows if kind == KIND_REVISION]
    experiences = Experience.objects.select_related("city__country").in_bulk(experience_ids)
    revisions = ExperienceRevision.objects.select_related("experience__city__country").in_bulk(revision_ids)
    items = []
    for kind, pk, status, when in rows:
        if kind == KIND_EXPERIENCE and pk in experiences:
            items.append(ModerationItem(kind, experiences[pk], None, status, when))
        elif kind == KIND_REVISION and pk in revisions:
            revision = revisions[pk]
            items.append(ModerationItem(kind, revision.experience, revision, status, when))
    return items


def moderation_state_counts(*, country: str = "", language: str = "") -> dict[tuple[str, str], int]:
    """``{(kind, state): count}`` of the queue (the state and kind filters aside), zeros included."""
    counts = {(KIND_EXPERIENCE, state): 0 for state in MODERATION_EXPERIENCE_STATES}
    counts.update({(KIND_REVISION, state): 0 for state in MODERATION_REVISION_STATES})
    experiences = (
        _experiences(states=MODERATION_EXPERIENCE_STATES, country=country, language=language)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    for status, number in experiences:
        counts[(KIND_EXPERIENCE, status)] = number
    revisions = (
        _revisions(states=MODERATION_REVISION_STATES, country=country, language=language)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    for status, number in revisions:
        counts[(KIND_REVISION, status)] = number
    return counts


def moderation_countries() -> list[Country]:
    """The countries of cities that have an experience in the queue, for the country filter."""
    waiting = Q(cities__experiences__status__in=MODERATION_EXPERIENCE_STATES) | Q(
        cities__experiences__revisions__status__in=MODERATION_REVISION_STATES
    )
    countries = list(Country.objects.filter(waiting).distinct())
    return sorted(countries, key=lambda country: country.name)


def experience_moderation_revision(*, experience: Experience) -> ExperienceRevision | None:
    """The open proposed change of a published experience (None when there is none)."""
    return experience.revisions.filter(status__in=REVISION_OPEN_STATES).select_related("created_by").first()


def experience_moderation_steps(*, experience: Experience) -> list[str]:
    """The Secretariat's steps possible on ``experience`` in its current state."""
    return [step for step in MODERATION_EXPERIENCE_STEPS if experience.status in EXPERIENCE_STEPS[step][0]]


def revision_moderation_steps(*, revision: ExperienceRevision) -> list[str]:
    """The Secretariat's steps possible on ``revision`` in its current state."""
    return [step for step in MODERATION_REVISION_STEPS if revision.status in REVISION_STEPS[step][0]]


def moderation_history(*, experience: Experience) -> list[AuditEntry]:
    """Every recorded step of ``experience`` and its revisions, oldest first."""
    return list(audit_entries_for(subject=experience))


def moderation_requests(
    *, history: Iterable[AuditEntry], revision: ExperienceRevision | None = None
) -> list[AuditEntry]:
    """What the Secretariat asked the city to change, for the item under review.

    For an experience, every "request changes" step; for a revision, those recorded since the revision
    was started (earlier ones belonged to earlier proposals).
    """
    if revision is None:
        return [entry for entry in history if entry.action == "request_changes"]
    return [
        entry
        for entry in history
        if entry.action == "revision_request_changes" and entry.created_at >= revision.created_at
    ]
