"""The one entry point the project uses to machine-translate texts."""

from django.conf import settings
from django.utils.translation import gettext as _

from educities.core.translation.errors import TranslationRejected
from educities.core.translation.providers import TranslationResult
from educities.core.translation.registry import translation_provider
from educities.core.translation.usage import translation_limit_check, translation_usage_record


def machine_translate(
    *, texts: list[str], source: str, target: str, html: bool = False
) -> list[TranslationResult]:
    """Translate ``texts`` from ``source`` to ``target`` (codes of settings.LANGUAGES), in order.

    Blank texts are returned as they are and not sent (nor counted). The month's character limit is
    checked before the provider is called and the characters it counts are recorded after. Raises
    TranslationUnavailable (off or misconfigured), TranslationRejected (bad languages, refused request),
    TranslationQuotaExceeded (limit reached) or TranslationRetryable (try again later).
    """
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        raise TranslationRejected(_("Only a list of texts can be translated."))
    provider = translation_provider()
    if not provider.enabled:
        # The "none" provider raises TranslationUnavailable, saying how to turn translation on.
        return provider.translate(texts=texts, source=source, target=target, html=html)
    codes = {code for code, _name in settings.LANGUAGES}
    for language in (source, target):
        if language not in codes:
            raise TranslationRejected(
                _("“%(language)s” is not one of the site’s languages (%(languages)s).")
                % {"language": language, "languages": ", ".join(sorted(codes))}
            )
    if source == target:
        raise TranslationRejected(_("The source and target languages are the same."))
    if not provider.supported(source, target):
        raise TranslationRejected(
            _("%(engine)s cannot translate from “%(source)s” to “%(target)s”.")
            % {"engine": provider.name, "source": source, "target": target}
        )

    to_send = [index for index, text in enumerate(texts) if text.strip()]
    results = [
        TranslationResult(text=text, detected_source=None, engine=provider.name, characters=0)
        for text in texts
    ]
    if not to_send:
        return results
    outgoing = [texts[index] for index in to_send]
    translation_limit_check(provider=provider.name, characters=sum(len(text) for text in outgoing))
    translated = provider.translate(texts=outgoing, source=source, target=target, html=html)
    for index, result in zip(to_send, translated, strict=True):
        results[index] = result
    billed = sum(result.characters for result in translated)
    translation_usage_record(provider=provider.name, characters=billed)
    return results
