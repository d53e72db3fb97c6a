"""The provider the settings choose."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from educities.core.translation.errors import TranslationUnavailable
from educities.core.translation.providers import (
    DeepLProvider,
    LibreTranslateProvider,
    NoneProvider,
    TranslationProvider,
)

PROVIDER_NAMES = ("none", "libretranslate", "deepl")
DEEPL_FREE_URL = "https://api-free.deepl.com"
DEEPL_PRO_URL = "https://api.deepl.com"


def deepl_url(*, api_key: str, url: str = "") -> str:
    """The DeepL address: the one configured, else the free API for ":fx" keys and the Pro API otherwise."""
    if url:
        return url
    return DEEPL_FREE_URL if api_key.endswith(":fx") else DEEPL_PRO_URL


def translation_provider() -> TranslationProvider:
    """A provider built from the current settings (cheap: built on each call, so settings changes apply).

    An unknown provider name is a deployment mistake (ImproperlyConfigured); a known provider with its
    address or key missing raises TranslationUnavailable, which the caller reports like "off".
    """
    name = (getattr(settings, "TRANSLATION_PROVIDER", "") or "none").strip().lower()
    timeout = float(getattr(settings, "TRANSLATION_TIMEOUT", 20))
    if name == "none":
        return NoneProvider()
    if name == "libretranslate":
        url = getattr(settings, "LIBRETRANSLATE_URL", "")
        if not url:
            raise TranslationUnavailable(
                _("LibreTranslate is chosen but EDUCITIES_LIBRETRANSLATE_URL is not set.")
            )
        return LibreTranslateProvider(
            url=url, api_key=getattr(settings, "LIBRETRANSLATE_API_KEY", ""), timeout=timeout
        )
    if name == "deepl":
        api_key = getattr(settings, "DEEPL_API_KEY", "")
        if not api_key:
            raise TranslationUnavailable(_("DeepL is chosen but EDUCITIES_DEEPL_API_KEY is not set."))
        return DeepLProvider(
            url=deepl_url(api_key=api_key, url=getattr(settings, "DEEPL_URL", "")),
            api_key=api_key,
            timeout=timeout,
        )
    msg = (
        f"EDUCITIES_TRANSLATION_PROVIDER={name!r} is not a translation provider; "
        f"choose one of: {', '.join(PROVIDER_NAMES)}."
    )
    raise ImproperlyConfigured(msg)
