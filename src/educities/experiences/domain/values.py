"""The editable values of an experience as one plain dict: what a draft, a revision and the API carry.

``experience_values`` reads them from an experience; ``experience_values_clean`` checks and normalises
values from any source (form, API, JSON of a revision) with a translated message per field;
``experience_values_apply`` writes them to an experience and its related rows. A revision stores the
same dict, so a diff compares like with like.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from educities.charter.models import CharterPrinciple
from educities.core.richtext import richtext_sanitize
from educities.core.validators import has_control_characters
from educities.experiences.enums import (
    RICH_FIELDS,
    SUMMARY_MAX_LENGTH,
    TAG_CHOICES,
    TEXT_FIELDS,
    TITLE_MAX_LENGTH,
    BudgetRange,
    PartnerKind,
    TagKind,
)
from educities.experiences.models import Experience, ExperienceLink, ExperiencePartner, ExperienceTag
from educities.members.models import Contact

# Plural keys of the tag kinds in the values dict.
TAG_KEYS: dict[str, str] = {
    "themes": TagKind.THEME,
    "target_groups": TagKind.TARGET_GROUP,
    "sdgs": TagKind.SDG,
    "departments": TagKind.DEPARTMENT,
}
LIST_MAX = 40
RICH_MAX_LENGTH = 60_000
VALUE_KEYS = (
    *TEXT_FIELDS,
    "original_language",
    "start_date",
    "end_date",
    "is_ongoing",
    "budget_range",
    "contact",
    "principles",
    *TAG_KEYS,
    "partners",
    "links",
)


class ValuesInvalid(Exception):
    """Some values are refused: ``errors`` maps each key to its translated messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{key}: {' '.join(messages)}" for key, messages in errors.items()))
        self.errors = errors


def experience_values(experience: Experience) -> dict[str, Any]:
    """Every editable value of ``experience`` (tags, partners and links included), JSON-ready."""
    tags: dict[str, list[str]] = {key: [] for key in TAG_KEYS}
    kind_to_key = {kind: key for key, kind in TAG_KEYS.items()}
    for tag in experience.tags.all():
        tags[kind_to_key[tag.kind]].append(tag.code)
    values: dict[str, Any] = {field: getattr(experience, field) or "" for field in TEXT_FIELDS}
    values.update(
        original_language=experience.original_language,
        start_date=experience.start_date.isoformat() if experience.start_date else None,
        end_date=experience.end_date.isoformat() if experience.end_date else None,
        is_ongoing=bool(experience.is_ongoing),
        budget_range=experience.budget_range or "",
        contact=experience.contact_id,
        principles=sorted(principle.number for principle in experience.principles.all()),
        **{key: _sorted_codes(TAG_KEYS[key], codes) for key, codes in tags.items()},
        partners=[{"name": p.name, "kind": p.kind} for p in experience.partners.all()],
        links=[{"url": link.url, "label": link.label} for link in experience.links.all()],
    )
    return values


def _is_number(value) -> bool:
    # ASCII digits only: "²".isdigit() is true but int("²") fails.
    text = str(value)
    return text.isascii() and text.isdecimal() and len(text) < 12


def _sorted_codes(kind: str, codes) -> list[str]:
    order = {code: index for index, code in enumerate(TAG_CHOICES[kind].values)}
    return sorted(set(codes), key=lambda code: order.get(code, len(order)))


def _date(value, key: str, errors: dict[str, list[str]]) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        errors.setdefault(key, []).append(_("Enter a valid date (YYYY-MM-DD)."))
        return None


def _text(value, key: str, errors: dict[str, list[str]]) -> str:
    text = "" if value is None else str(value)
    if key in RICH_FIELDS:
        if len(text) > RICH_MAX_LENGTH:
            errors.setdefault(key, []).append(
                _("This text is too long (at most %(max)s characters).") % {"max": RICH_MAX_LENGTH}
            )
            return ""
        return richtext_sanitize(text)
    text = text.strip()
    limit = TITLE_MAX_LENGTH if key == "title" else SUMMARY_MAX_LENGTH
    # Line breaks (and tabs) are fine in a summary; other control characters are not, anywhere. A title
    # is one line: line breaks get their own message below, a tab is refused here.
    allowed = ("\n", "\r") if key == "title" else ("\n", "\r", "\t")
    if has_control_characters("".join(ch for ch in text if ch not in allowed)):
        errors.setdefault(key, []).append(_("Remove the control characters from this text."))
    if key == "title" and ("\n" in text or "\r" in text):
        errors.setdefault(key, []).append(_("A title is one line."))
    if len(text) > limit:
        errors.setdefault(key, []).append(
            _("This text is too long (at most %(max)s characters).") % {"max": limit}
        )
    return text


_CHOICE_VALUES: dict[type, list[str]] = {}


def _codes(value, key: str, choices, errors: dict[str, list[str]]) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str | int):
        value = [value]
    if not isinstance(value, list | tuple | set):
        errors.setdefault(key, []).append(_("Give a list of values."))
        return []
    known = _CHOICE_VALUES.get(choices)
    if known is None:
        known = _CHOICE_VALUES.setdefault(choices, list(choices.values))
    codes = {str(code) for code in value}
    unknown = [code for code in codes if code not in known]
    if unknown:
        errors.setdefault(key, []).append(
            _("Unknown values: %(values)s.") % {"values": ", ".join(sorted(unknown)[:10])}
        )
    return [code for code in known if code in codes]


def _rows(value, key: str, errors: dict[str, list[str]]) -> list[dict]:
    if value in (None, ""):
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(row, Mapping) for row in value):
        errors.setdefault(key, []).append(_("Give a list of entries."))
        return []
    if len(value) > LIST_MAX:
        errors.setdefault(key, []).append(_("At most %(max)s entries.") % {"max": LIST_MAX})
        return []
    return list(value)


def experience_values_clean(
    values: Mapping[str, Any],
    *,
    city_id: int | None,
    partial: bool = False,
    base: Mapping | None = None,
    principle_numbers: set[int] | None = None,
) -> dict[str, Any]:
    """Check and normalise ``values``; raise ``ValuesInvalid`` with a message per key.

    With ``partial`` only the keys given are checked and returned (a step of the form, a PATCH);
    otherwise missing keys take their empty value. ``base`` (the current values) completes partial
    values for the checks that involve two keys (dates).
    """
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(values) - set(VALUE_KEYS) - {"attachments_removed"})
    if unknown:
        errors["__all__"] = [_("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown[:10])}]
    keys = [key for key in VALUE_KEYS if key in values] if partial else list(VALUE_KEYS)
    cleaned: dict[str, Any] = {}
    for key in keys:
        value = values.get(key)
        if key in TEXT_FIELDS:
            cleaned[key] = _text(value, key, errors)
        elif key == "original_language":
            codes = [code for code, _name in settings.LANGUAGES]
            if value not in codes:
                errors.setdefault(key, []).append(
                    _("Choose one of the languages: %(languages)s.") % {"languages": ", ".join(codes)}
                )
            cleaned[key] = value
        elif key in {"start_date", "end_date"}:
            cleaned[key] = _date(value, key, errors)
        elif key == "is_ongoing":
            cleaned[key] = isinstance(value, bool | int | str) and value in {True, "true", "True", "1", "on"}
        elif key == "budget_range":
            cleaned[key] = "" if value in (None, "") else str(value)
            if cleaned[key] and cleaned[key] not in BudgetRange.values:
                errors.setdefault(key, []).append(_("Choose a budget range from the list."))
        elif key == "contact":
            cleaned[key] = _contact(value, city_id, errors)
        elif key == "principles":
            cleaned[key] = _principles(value, errors, principle_numbers)
        elif key in TAG_KEYS:
            cleaned[key] = _codes(value, key, TAG_CHOICES[TAG_KEYS[key]], errors)
        elif key == "partners":
            cleaned[key] = _partners(_rows(value, key, errors), errors)
        elif key == "links":
            cleaned[key] = _links(_rows(value, key, errors), errors)
    if "attachments_removed" in values:
        removed = values["attachments_removed"]
        if not isinstance(removed, list | tuple) or not all(_is_number(pk) for pk in removed):
            errors.setdefault("attachments_removed", []).append(_("Give a list of attachment numbers."))
        else:
            cleaned["attachments_removed"] = sorted({int(pk) for pk in removed})
    merged = {**(base or {}), **cleaned}
    if (not partial or "title" in cleaned) and not merged.get("title"):
        errors.setdefault("title", []).append(_("Give the experience a title."))
    start, end = merged.get("start_date"), merged.get("end_date")
    if start and end and end < start:
        errors.setdefault("end_date", []).append(_("The end date cannot be before the start date."))
    if merged.get("is_ongoing") and end and ("end_date" in cleaned or "is_ongoing" in cleaned):
        errors.setdefault("end_date", []).append(_("An ongoing experience has no end date."))
    if errors:
        raise ValuesInvalid(errors)
    return cleaned


def _contact(value, city_id: int | None, errors: dict[str, list[str]]) -> int | None:
    if value in (None, ""):
        return None
    pk = getattr(value, "pk", value)
    if not _is_number(pk) or not Contact.objects.filter(pk=int(pk), city_id=city_id, is_public=True).exists():
        errors.setdefault("contact", []).append(
            _("Choose one of the city’s contacts who agreed to be shown publicly.")
        )
        return None
    return int(pk)


def _principles(value, errors: dict[str, list[str]], known: set[int] | None = None) -> list[int]:
    if value in (None, ""):
        return []
    if isinstance(value, str | int):
        value = [value]
    if not isinstance(value, list | tuple | set) or not all(_is_number(number) for number in value):
        errors.setdefault("principles", []).append(_("Give the numbers of the Charter principles."))
        return []
    numbers = sorted({int(number) for number in value})
    if known is None:
        known = set(CharterPrinciple.objects.filter(number__in=numbers).values_list("number", flat=True))
    unknown = [number for number in numbers if number not in known]
    if unknown:
        errors.setdefault("principles", []).append(
            _("The Charter has no principle %(numbers)s.") % {"numbers": ", ".join(map(str, unknown))}
        )
    return [number for number in numbers if number in known]


def _partners(rows: list[Mapping], errors: dict[str, list[str]]) -> list[dict[str, str]]:
    partners = []
    for index, row in enumerate(rows, start=1):
        name = str(row.get("name") or "").strip()
        kind = str(row.get("kind") or "")
        if not name:
            continue
        if len(name) > 200 or has_control_characters(name):
            errors.setdefault("partners", []).append(
                _("Partner %(number)s: the name is too long or has control characters.") % {"number": index}
            )
        if kind not in PartnerKind.values:
            errors.setdefault("partners", []).append(
                _("Partner %(number)s: choose a kind of partner.") % {"number": index}
            )
        partners.append({"name": name, "kind": kind})
    return partners


def _links(rows: list[Mapping], errors: dict[str, list[str]]) -> list[dict[str, str]]:
    links = []
    validate = URLValidator(schemes=["http", "https"])
    for index, row in enumerate(rows, start=1):
        url = str(row.get("url") or "").strip()
        label = str(row.get("label") or "").strip()
        if not url:
            continue
        try:
            if len(url) > 500:
                raise ValidationError("too long")
            validate(url)
        except ValidationError:
            errors.setdefault("links", []).append(
                _("Link %(number)s: enter a web address starting with http:// or https://.")
                % {"number": index}
            )
        if len(label) > 200 or has_control_characters(label):
            errors.setdefault("links", []).append(
                _("Link %(number)s: the label is too long or has control characters.") % {"number": index}
            )
        links.append({"url": url, "label": label})
    return links


def experience_values_apply(*, experience: Experience, values: Mapping[str, Any]) -> list[str]:
    """Write cleaned ``values`` to ``experience`` and its related rows; return the keys that changed."""
    current = experience_values(experience) if experience.pk else {}
    changed = [key for key in VALUE_KEYS if key in values and values[key] != current.get(key)]
    simple = [key for key in changed if key in TEXT_FIELDS or key in _SIMPLE_KEYS]
    for key in simple:
        value = values[key]
        if key in {"start_date", "end_date"}:
            value = datetime.date.fromisoformat(value) if value else None
        setattr(experience, "contact_id" if key == "contact" else key, value)
    if experience.is_ongoing:
        experience.end_date = None
    experience.save()
    if "principles" in changed:
        experience.principles.set(CharterPrinciple.objects.filter(number__in=values["principles"]))
    tag_keys = [key for key in changed if key in TAG_KEYS]
    for key in tag_keys:
        experience.tags.filter(kind=TAG_KEYS[key]).delete()
        ExperienceTag.objects.bulk_create(
            ExperienceTag(experience=experience, kind=TAG_KEYS[key], code=code) for code in values[key]
        )
    if "partners" in changed:
        experience.partners.all().delete()
        ExperiencePartner.objects.bulk_create(
            ExperiencePartner(experience=experience, position=index, **row)
            for index, row in enumerate(values["partners"])
        )
    if "links" in changed:
        experience.links.all().delete()
        ExperienceLink.objects.bulk_create(
            ExperienceLink(experience=experience, position=index, **row)
            for index, row in enumerate(values["links"])
        )
    # Drop cached relations so a later read sees the new rows.
    prefetched = getattr(experience, "_prefetched_objects_cache", None)
    if prefetched:
        prefetched.clear()
    return changed


_SIMPLE_KEYS = frozenset(
    {"original_language", "start_date", "end_date", "is_ongoing", "budget_range", "contact"}
)
