"""``{% load richtext %}{{ value|richtext }}``: show stored rich text, sanitised again on the way out."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from educities.core.richtext import _clean

register = template.Library()


@register.filter(name="richtext")
def richtext(value) -> SafeString:
    """Sanitise ``value`` with the rich-text allow-list and mark it safe.

    Values were already sanitised when saved; doing it again here means a row written some other way
    (import, admin, raw SQL, an older allow-list) is still shown inert. Never raises: an over-long value
    is shown whole rather than breaking the page.
    """
    if value is None:
        return mark_safe("")
    return mark_safe(_clean(str(value)))  # noqa: S308 - the output of the allow-list sanitiser
