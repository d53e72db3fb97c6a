"""Translating an experience: people write or review translations; machines fill what is missing."""

from django.db import transaction
from django.utils.translation import gettext as _

from educities.core.domain.errors import DomainError
from educities.core.domain.translations import (
    translation_mark_reviewed,
    translation_save_human,
    translations_request_machine,
)
from educities.core.models import TextTranslation
from educities.core.richtext import richtext_sanitize
from educities.experiences.domain.common import require
from educities.experiences.enums import EXPERIENCE_PUBLIC_STATES, RICH_FIELDS, TEXT_FIELDS
from educities.experiences.models import Experience


def _check_field(field: str) -> None:
    if field not in TEXT_FIELDS:
        raise DomainError(_("Only the texts of an experience are translated."))


def _check_translatable(experience: Experience) -> None:
    if experience.status not in EXPERIENCE_PUBLIC_STATES:
        raise DomainError(_("An experience is translated once it is published."))


@transaction.atomic
def experience_translation_save(
    *, experience: Experience, field: str, language: str, text: str, actor
) -> TextTranslation:
    """A person's translation of one text of a published experience into ``language``."""
    require(actor, "experiences.translate_experience", experience)
    _check_field(field)
    _check_translatable(experience)
    text = "" if text is None else str(text)
    if field in RICH_FIELDS:
        text = richtext_sanitize(text)
    elif "\x00" in text or len(text) > 5000:
        raise DomainError(_("This text is too long or has control characters."))
    return translation_save_human(obj=experience, field=field, language=language, text=text, actor=actor)


@transaction.atomic
def experience_translation_review(
    *, experience: Experience, field: str, language: str, actor
) -> TextTranslation:
    """A translator confirms a machine translation is right."""
    require(actor, "experiences.review_translation", experience)
    _check_field(field)
    return translation_mark_reviewed(obj=experience, field=field, language=language, actor=actor)


def experience_translations_request(*, experience: Experience, actor, languages=None) -> bool:
    """Ask the machine-translation provider for the missing or stale languages (False when it is off)."""
    require(actor, "experiences.translate_experience", experience)
    _check_translatable(experience)
    return translations_request_machine(
        obj=experience, fields=TEXT_FIELDS, targets=languages, rich_fields=RICH_FIELDS
    )
