"""What a proposed change would change: field by field, words for texts, added/removed for lists."""

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from educities.core.richtext import richtext_to_plain
from educities.experiences.domain.values import VALUE_KEYS
from educities.experiences.enums import RICH_FIELDS, TEXT_FIELDS

_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True, slots=True)
class FieldChange:
    key: str
    before: Any
    after: Any
    html: SafeString | str = ""
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)


def text_diff_html(before: str, after: str) -> SafeString:
    """A word-level diff as escaped HTML with ``<del>`` and ``<ins>`` around what changed."""
    old, new = _WORDS.findall(before or ""), _WORDS.findall(after or "")
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if op in {"delete", "replace"}:
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if op in {"insert", "replace"}:
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def _plain(key: str, value) -> str:
    text = "" if value is None else str(value)
    return richtext_to_plain(text) if key in RICH_FIELDS else text


def experience_diff(*, before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """The changes from ``before`` to ``after`` (two values dicts), in the order of the form."""
    changes = []
    for key in VALUE_KEYS:
        old, new = before.get(key), after.get(key)
        if old == new or (not old and not new):
            continue
        if key in TEXT_FIELDS:
            changes.append(
                FieldChange(
                    key=key,
                    before=old,
                    after=new,
                    html=text_diff_html(_plain(key, old), _plain(key, new)),
                )
            )
        elif isinstance(old, list) or isinstance(new, list):
            old_items, new_items = list(old or []), list(new or [])
            changes.append(
                FieldChange(
                    key=key,
                    before=old_items,
                    after=new_items,
                    added=[item for item in new_items if item not in old_items],
                    removed=[item for item in old_items if item not in new_items],
                )
            )
        else:
            changes.append(FieldChange(key=key, before=old, after=new))
    removed_files = after.get("attachments_removed") or []
    if removed_files:
        changes.append(
            FieldChange(key="attachments_removed", before=[], after=removed_files, removed=removed_files)
        )
    return changes
