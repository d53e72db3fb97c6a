"""A values dict (experiences.domain.values) made ready to show: vocabulary labels, principles, contact.

Used by the review step of the editor's form (the full preview of what the city is writing). Texts stay
as they are: templates escape the plain ones and show the rich ones through ``|richtext``.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from educities.charter.models import CharterPrinciple
from educities.experiences.domain.values import TAG_KEYS
from educities.experiences.enums import RICH_FIELDS, TAG_CHOICES, BudgetRange, PartnerKind
from educities.experiences.models import Experience
from educities.members.models import Contact


@dataclass(frozen=True, slots=True)
class ExperiencePreview:
    values: dict[str, Any]
    rich: list[tuple[str, str, str]]  # (key, label, html)
    tags: list[tuple[str, list[str]]]  # (label, [value labels])
    principles: list[CharterPrinciple]
    partners: list[tuple[str, str]]  # (name, kind label)
    links: list[dict[str, str]]
    contact: Contact | None
    budget: str
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    attachments: list = field(default_factory=list)


def _choice_label(choices, code) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return str(code)


def experience_preview(*, values: dict[str, Any], city, attachments=()) -> ExperiencePreview:
    labels = {key: Experience._meta.get_field(key).verbose_name for key in RICH_FIELDS}
    tag_titles = {
        "themes": _("Themes"),
        "target_groups": _("Target groups"),
        "sdgs": _("UN Sustainable Development Goals"),
        "departments": _("Municipal departments involved"),
    }
    tags = [
        (
            tag_titles[key],
            [_choice_label(TAG_CHOICES[TAG_KEYS[key]], code) for code in values.get(key) or []],
        )
        for key in TAG_KEYS
    ]
    numbers = values.get("principles") or []
    principles = (
        list(CharterPrinciple.objects.filter(number__in=numbers).order_by("number")) if numbers else []
    )
    contact_id = values.get("contact")
    contact = Contact.objects.filter(pk=contact_id, city=city, is_public=True).first() if contact_id else None
    return ExperiencePreview(
        values=values,
        rich=[(key, str(labels[key]), values.get(key) or "") for key in RICH_FIELDS],
        tags=tags,
        principles=principles,
        partners=[
            (partner.get("name", ""), _choice_label(PartnerKind, partner.get("kind")))
            for partner in values.get("partners") or []
        ],
        links=[
            link
            for link in values.get("links") or []
            if str(link.get("url", "")).lower().startswith(("http://", "https://"))
        ],
        contact=contact,
        budget=_choice_label(BudgetRange, values["budget_range"]) if values.get("budget_range") else "",
        start_date=_date(values.get("start_date")),
        end_date=_date(values.get("end_date")),
        attachments=list(attachments),
    )


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
