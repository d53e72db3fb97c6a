"""The values of an experience as a reader reads them: labels for codes, names for numbers and ids.

An experience's values dict (``domain.values.experience_values``, a revision's ``data``) holds codes
(themes, SDGs, budget range...), principle numbers, a contact id and attachment ids. ``ValueLabels``
turns them into readable, translated text for the moderation page, both for the whole experience
(``rows``) and for what a proposed change would change (``changes``). It reads the principles, the
contacts and the attachments it needs in one query each, however many values it shows.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from educities.charter.models import CharterPrinciple
from educities.experiences.domain.diff import FieldChange
from educities.experiences.domain.values import TAG_KEYS, VALUE_KEYS
from educities.experiences.enums import (
    RICH_FIELDS,
    TAG_CHOICES,
    BudgetRange,
    ExperienceStatus,
    PartnerKind,
    RevisionStatus,
)
from educities.experiences.models import Experience, ExperienceAttachment
from educities.members.models import Contact

FIELD_LABELS = {
    "title": gettext_lazy("Title"),
    "summary": gettext_lazy("Summary"),
    "context": gettext_lazy("Context"),
    "objectives": gettext_lazy("Objectives"),
    "actions": gettext_lazy("Actions and methodology"),
    "results": gettext_lazy("Results and evaluation"),
    "lessons": gettext_lazy("Lessons and transferability"),
    "original_language": gettext_lazy("Original language"),
    "start_date": gettext_lazy("Start date"),
    "end_date": gettext_lazy("End date"),
    "is_ongoing": gettext_lazy("Ongoing"),
    "budget_range": gettext_lazy("Budget"),
    "contact": gettext_lazy("Contact person"),
    "principles": gettext_lazy("Charter principles"),
    "themes": gettext_lazy("Themes"),
    "target_groups": gettext_lazy("Target groups"),
    "sdgs": gettext_lazy("Sustainable Development Goals"),
    "departments": gettext_lazy("Municipal departments involved"),
    "partners": gettext_lazy("Partners"),
    "links": gettext_lazy("Links"),
    "attachments_removed": gettext_lazy("Files removed"),
}
LIST_KEYS = frozenset({"principles", *TAG_KEYS, "partners", "links", "attachments_removed"})


@dataclass(frozen=True, slots=True)
class DisplayRow:
    """One value of the experience as shown: ``kind`` is "text", "rich", "list" or "links"."""

    key: str
    label: str
    kind: str
    text: str = ""
    items: list = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DisplayChange:
    """One change of a proposal: a word diff (texts), added and removed items (lists), or before/after."""

    key: str
    label: str
    html: SafeString | str = ""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    before: str = ""
    after: str = ""

    @property
    def is_text(self) -> bool:
        return bool(self.html)

    @property
    def is_list(self) -> bool:
        return self.key in LIST_KEYS


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


class ValueLabels:
    """Readable labels for the values dicts given (and the attachments of ``experience``)."""

    def __init__(self, values: Iterable[Mapping[str, Any]], *, experience: Experience | None = None) -> None:
        values = list(values)
        numbers = {n for v in values for n in v.get("principles") or [] if str(n).isdigit()}
        contact_ids = {v["contact"] for v in values if str(v.get("contact") or "").isdigit()}
        attachment_ids = {
            pk for v in values for pk in v.get("attachments_removed") or [] if str(pk).isdigit()
        }
        self.principles = (
            {p.number: p for p in CharterPrinciple.objects.filter(number__in=numbers)} if numbers else {}
        )
        self.contacts = Contact.objects.in_bulk([int(pk) for pk in contact_ids]) if contact_ids else {}
        self.attachments = (
            ExperienceAttachment.objects.filter(experience=experience).in_bulk(
                [int(pk) for pk in attachment_ids]
            )
            if experience is not None and attachment_ids
            else {}
        )

    @staticmethod
    def label(key: str) -> str:
        return str(FIELD_LABELS.get(key, key))

    def item(self, key: str, item) -> str:
        """One element of a list value, as text."""
        if key in TAG_KEYS:
            choices = TAG_CHOICES[TAG_KEYS[key]]
            return str(choices(item).label) if item in choices.values else str(item)
        if key == "principles":
            principle = self.principles.get(int(item)) if str(item).isdigit() else None
            return str(principle) if principle is not None else str(item)
        if key == "partners" and isinstance(item, Mapping):
            kind = item.get("kind") or ""
            kind_label = PartnerKind(kind).label if kind in PartnerKind.values else kind
            return f"{item.get('name', '')} ({kind_label})" if kind_label else str(item.get("name", ""))
        if key == "links" and isinstance(item, Mapping):
            label = item.get("label") or ""
            return f"{label} <{item.get('url', '')}>" if label else str(item.get("url", ""))
        if key == "attachments_removed":
            attachment = self.attachments.get(int(item)) if str(item).isdigit() else None
            return attachment.title if attachment is not None else _("file %(number)s") % {"number": item}
        return str(item)

    def scalar(self, key: str, value) -> str:
        """A single value as text ("" when empty)."""
        if value in (None, ""):
            return ""
        if key in {"start_date", "end_date"}:
            try:
                return date_format(datetime.date.fromisoformat(str(value)[:10]), "DATE_FORMAT")
            except ValueError:
                return str(value)
        if key == "is_ongoing":
            return _("yes") if value else _("no")
        if key == "budget_range":
            return str(BudgetRange(value).label) if value in BudgetRange.values else str(value)
        if key == "original_language":
            return language_name(value)
        if key == "contact":
            contact = self.contacts.get(int(value)) if str(value).isdigit() else None
            if contact is None:
                return _("contact %(number)s (no longer available)") % {"number": value}
            return f"{contact.full_name}, {contact.position}" if contact.position else contact.full_name
        return str(value)

    def rows(self, values: Mapping[str, Any]) -> list[DisplayRow]:
        """Every value of ``values`` in form order, empty ones included (the moderator sees gaps)."""
        rows = []
        for key in VALUE_KEYS:
            value = values.get(key)
            if key == "links":
                links = [
                    {"url": str(link.get("url", "")), "label": str(link.get("label") or link.get("url", ""))}
                    for link in value or []
                    if isinstance(link, Mapping)
                ]
                rows.append(DisplayRow(key=key, label=self.label(key), kind="links", items=links))
            elif key in LIST_KEYS:
                items = [self.item(key, item) for item in value or []]
                rows.append(DisplayRow(key=key, label=self.label(key), kind="list", items=items))
            elif key in RICH_FIELDS:
                rows.append(DisplayRow(key=key, label=self.label(key), kind="rich", text=str(value or "")))
            else:
                text = self.scalar(key, value)
                rows.append(DisplayRow(key=key, label=self.label(key), kind="text", text=text))
        return rows

    def changes(self, changes: Sequence[FieldChange]) -> list[DisplayChange]:
        """``experience_diff``'s changes with labels instead of codes."""
        shown = []
        for change in changes:
            if change.html:
                shown.append(DisplayChange(key=change.key, label=self.label(change.key), html=change.html))
            elif change.key in LIST_KEYS:
                shown.append(
                    DisplayChange(
                        key=change.key,
                        label=self.label(change.key),
                        added=[self.item(change.key, item) for item in change.added],
                        removed=[self.item(change.key, item) for item in change.removed],
                    )
                )
            else:
                shown.append(
                    DisplayChange(
                        key=change.key,
                        label=self.label(change.key),
                        before=self.scalar(change.key, change.before),
                        after=self.scalar(change.key, change.after),
                    )
                )
        return shown


_STEP_LABELS = {
    "create": pgettext_lazy("history step", "created"),
    "import": pgettext_lazy("history step", "imported"),
    "submit": gettext_lazy("submitted"),
    "withdraw": gettext_lazy("withdrawn from review"),
    "review_start": gettext_lazy("review started"),
    "request_changes": gettext_lazy("changes requested"),
    "publish": gettext_lazy("published"),
    "reject": gettext_lazy("rejected"),
    "revise": gettext_lazy("back to draft"),
    "discard": gettext_lazy("discarded"),
    "archive": gettext_lazy("archived"),
    "restore": gettext_lazy("restored"),
    "feature": gettext_lazy("made a focus experience"),
    "unfeature": gettext_lazy("no longer a focus experience"),
    "attachment_add": gettext_lazy("file added"),
    "attachment_remove": gettext_lazy("file removed"),
    "translation_save": gettext_lazy("translation saved"),
    "translation_review": gettext_lazy("machine translation reviewed"),
}


def audit_action_label(action: str) -> str:
    """A step of the audit log as a reader reads it ("revision_publish": "proposed changes: published")."""
    if action.startswith("revision_"):
        step = action.removeprefix("revision_")
        return _("proposed changes: %(step)s") % {"step": _STEP_LABELS.get(step, step)}
    return str(_STEP_LABELS.get(action, action))


def audit_state_label(state: str) -> str:
    """A state (or, for translations, a language) recorded in the audit log, as a reader reads it."""
    for choices in (ExperienceStatus, RevisionStatus):
        if state in choices.values:
            return str(choices(state).label)
    return language_name(state) if state else ""
