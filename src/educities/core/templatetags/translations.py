"""``{% load translations %}``: show a translatable field in the reader's language, and say so.

``{% translated obj "summary" as value %}{{ value }}{% translation_notice value %}`` shows the reader's
language, else the original with a notice; ``rich=True`` sanitises the text as rich text. The tag uses
the ``translations`` dict of the context (from ``translations_prefetch``) when it holds the value, else
one query. ``?original=1`` on the URL shows the original.
"""

import dataclasses

from django import template
from django.utils import translation

from educities.core.domain.translations_queries import TranslatedValue, translated_text
from educities.core.templatetags.richtext import richtext
from educities.core.translation.providers import DeepLProvider, LibreTranslateProvider

register = template.Library()

ENGINE_LABELS = {provider.name: provider.label for provider in (DeepLProvider, LibreTranslateProvider)}


def _original_requested(context) -> bool:
    request = context.get("request")
    return request is not None and request.GET.get("original") == "1"


@register.simple_tag(takes_context=True)
def translated(context, obj, field, rich=False) -> TranslatedValue:
    prefetched = context.get("translations")
    value = None
    if isinstance(prefetched, dict):
        value = prefetched.get((getattr(obj, "pk", None), field))
    if value is None:
        value = translated_text(
            obj=obj,
            field=str(field),
            language=translation.get_language() or "en",
            original=_original_requested(context),
        )
    if rich:
        value = dataclasses.replace(value, text=richtext(value.text))
    return value


@register.inclusion_tag("core/translation_notice.html", takes_context=True)
def translation_notice(context, value):
    language = translation.get_language() or "en"
    shown_original_on_request = (
        isinstance(value, TranslatedValue)
        and value.is_original
        and not value.is_fallback
        and value.original_language not in ("", language)
        and _original_requested(context)
    )
    return {
        # ``{% querystring %}`` reads ``context.request``: only a RequestContext can link.
        "request": getattr(context, "request", None),
        "value": value if isinstance(value, TranslatedValue) else None,
        "engine_label": ENGINE_LABELS.get(getattr(value, "engine", ""), getattr(value, "engine", "")),
        "shown_original_on_request": shown_original_on_request,
    }
