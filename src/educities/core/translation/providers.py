"""Machine-translation providers behind one interface, and their HTTP clients.

Each provider turns a batch of texts into one ``TranslationResult`` per text, in order, and maps every
failure to one of the typed errors in ``errors.py`` so the caller knows whether to retry. The HTTP
clients use the standard library (``urllib.request``): no extra dependency for two small JSON APIs.
"""

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from educities.core.translation.errors import (
    TranslationQuotaExceeded,
    TranslationRejected,
    TranslationRetryable,
    TranslationUnavailable,
)

USER_AGENT = "educities/0.1 (machine translation)"
# How much of an error body we quote back in messages: enough to explain, not a whole HTML page.
REASON_MAX_LENGTH = 200


@dataclass(frozen=True, slots=True)
class TranslationResult:
    """One translated text, with where it came from and what it cost."""

    text: str
    detected_source: str | None  # the provider's guess at the source language, as a project code ("fr")
    engine: str  # the provider's ``name``: "libretranslate", "deepl"
    characters: int  # characters the provider counts (and may bill) for this text

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@runtime_checkable
class TranslationProvider(Protocol):
    """What every provider offers. ``enabled`` is False only for the "none" provider."""

    name: str
    enabled: bool

    def supported(self, source: str, target: str) -> bool: ...

    def translate(
        self, *, texts: list[str], source: str, target: str, html: bool = False
    ) -> list[TranslationResult]: ...


class NoneProvider:
    """The default: machine translation is off and every request says so."""

    name = "none"
    enabled = False

    def supported(self, source: str, target: str) -> bool:
        return False

    def translate(
        self, *, texts: list[str], source: str, target: str, html: bool = False
    ) -> list[TranslationResult]:
        raise TranslationUnavailable(
            _(
                "Machine translation is turned off. Set EDUCITIES_TRANSLATION_PROVIDER to "
                "“libretranslate” or “deepl” to turn it on."
            )
        )


def _codes(codes: str) -> frozenset[str]:
    return frozenset(codes.split())


class _HTTPStatusError(Exception):
    """A non-2xx answer, before the provider says what it means."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"HTTP {status}: {reason}")
        self.status = status
        self.reason = reason


def _reason_from_body(body: bytes, *keys: str) -> str:
    """The provider's own explanation: a JSON field if there is one, else the start of the body."""
    text = body.decode("utf-8", errors="replace").strip()
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for key in keys:
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()[:REASON_MAX_LENGTH]
    return text[:REASON_MAX_LENGTH]


class HTTPTranslationProvider:
    """The HTTP plumbing shared by the real providers: one JSON POST with a timeout."""

    name = ""
    label = ""  # the service's name as people write it
    enabled = True
    error_keys: tuple[str, ...] = ("error", "message")
    languages: frozenset[str] = frozenset()  # the project's language codes this service translates

    def __init__(self, *, url: str, timeout: float) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise TranslationUnavailable(
                _("The %(engine)s address “%(url)s” is not an http(s) URL.")
                % {"engine": self.label, "url": url}
            )
        self.url = url.rstrip("/")
        self.timeout = timeout

    def supported(self, source: str, target: str) -> bool:
        known_source = source == "auto" or source in self.languages
        return source != target and known_source and target in self.languages

    def _post_json(self, *, path: str, payload: dict[str, Any], headers: dict[str, str]) -> Any:
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked in __init__ (http or https only)
            f"{self.url}{path}",
            data=json.dumps(payload).encode("utf-8"),
            headers={
                "Content-Type": "application/json",
                "Accept": "application/json",
                "User-Agent": USER_AGENT,
                **headers,
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - as above
                body = response.read()
        except urllib.error.HTTPError as error:
            with error:
                body = error.read()
            raise _HTTPStatusError(error.code, _reason_from_body(body, *self.error_keys)) from error
        except TimeoutError as error:
            raise self._timeout_error() from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise self._timeout_error() from error
            raise TranslationRetryable(
                _("%(engine)s could not be reached: %(reason)s")
                % {"engine": self.label, "reason": error.reason}
            ) from error
        except (http.client.HTTPException, OSError) as error:
            raise TranslationRetryable(
                _("%(engine)s could not be reached: %(reason)s") % {"engine": self.label, "reason": error}
            ) from error
        try:
            return json.loads(body)
        except ValueError as error:
            raise self._unreadable_error() from error

    def _timeout_error(self) -> TranslationRetryable:
        return TranslationRetryable(
            _("%(engine)s did not answer within %(seconds)s seconds.")
            % {"engine": self.label, "seconds": f"{self.timeout:g}"}
        )

    def _unreadable_error(self) -> TranslationRetryable:
        return TranslationRetryable(
            _("%(engine)s sent an answer that could not be read.") % {"engine": self.label}
        )

    def _status_error(self, error: _HTTPStatusError) -> Exception:
        """The typed error for an HTTP status: the common cases; providers add their own."""
        values = {"engine": self.label, "status": error.status, "reason": error.reason}
        if error.status == 429:
            return TranslationRetryable(
                _("%(engine)s is receiving too many requests; the translation will be tried again later.")
                % values
            )
        if error.status >= 500:
            return TranslationRetryable(_("%(engine)s failed (HTTP %(status)s): %(reason)s") % values)
        return TranslationRejected(_("%(engine)s refused the request (HTTP %(status)s): %(reason)s") % values)


class LibreTranslateProvider(HTTPTranslationProvider):
    """LibreTranslate, usually self-hosted: ``POST {url}/translate`` with a JSON body.

    A list in ``q`` gets a list back in ``translatedText`` (and in ``detectedLanguage`` when the
    source is "auto"). Errors come as ``{"error": "..."}`` with 400 (bad request or language),
    403 (banned or bad API key), 429 (slow down) or 500 (translation failed).
    """

    name = "libretranslate"
    label = "LibreTranslate"
    error_keys = ("error",)
    # The languages LibreTranslate's models cover (a server started with --load-only may offer fewer:
    # it then answers 400, which is reported as a refused request).
    languages = _codes(
        "ar az bg bn ca cs da de el en eo es et eu fa fi fr ga gl he hi hu id it ja ko lt lv ms nb "
        "nl pl pt ro ru sk sl sq sv th tl tr uk ur zh"
    )

    def __init__(self, *, url: str, api_key: str = "", timeout: float) -> None:
        super().__init__(url=url, timeout=timeout)
        self.api_key = api_key

    def translate(
        self, *, texts: list[str], source: str, target: str, html: bool = False
    ) -> list[TranslationResult]:
        if not texts:
            return []
        payload: dict[str, Any] = {
            "q": texts,
            "source": source,
            "target": target,
            "format": "html" if html else "text",
        }
        if self.api_key:
            payload["api_key"] = self.api_key
        try:
            data = self._post_json(path="/translate", payload=payload, headers={})
        except _HTTPStatusError as error:
            raise self._status_error(error) from error
        translated = data.get("translatedText") if isinstance(data, dict) else None
        if isinstance(translated, str) and len(texts) == 1:
            translated = [translated]
        if not (
            isinstance(translated, list)
            and len(translated) == len(texts)
            and all(isinstance(item, str) for item in translated)
        ):
            raise self._unreadable_error()
        detected = data.get("detectedLanguage")
        if not isinstance(detected, list):
            detected = [detected] * len(texts)
        return [
            TranslationResult(
                text=text,
                detected_source=_libretranslate_detected(guess),
                engine=self.name,
                characters=len(original),
            )
            for original, text, guess in zip(texts, translated, detected, strict=False)
        ]


def _libretranslate_detected(guess: Any) -> str | None:
    if isinstance(guess, dict) and isinstance(guess.get("language"), str):
        return guess["language"].lower()
    return None


class DeepLProvider(HTTPTranslationProvider):
    """DeepL: ``POST {url}/v2/translate`` with ``Authorization: DeepL-Auth-Key <key>`` and a JSON body.

    Up to 50 texts per request (larger batches are split). English and Portuguese targets need a
    variant: the project writes British English and European Portuguese. Errors: 400, 403 (bad key),
    404, 413/414 (too large), 429 (too many requests), 456 (quota exceeded), 5xx and 529.
    """

    name = "deepl"
    label = "DeepL"
    error_keys = ("message", "detail")
    batch_size = 50
    languages = _codes(
        "ar bg ca cs da de el en es et fi fr he hu id it ja ko lt lv nb nl pl pt ro ru sk sl sv tr uk zh"
    )
    target_variants = {"en": "EN-GB", "pt": "PT-PT"}

    def __init__(self, *, url: str, api_key: str, timeout: float) -> None:
        super().__init__(url=url, timeout=timeout)
        self.api_key = api_key

    def translate(
        self, *, texts: list[str], source: str, target: str, html: bool = False
    ) -> list[TranslationResult]:
        results: list[TranslationResult] = []
        for batch in _batches(texts, self.batch_size):
            results.extend(self._translate_batch(texts=batch, source=source, target=target, html=html))
        return results

    def _translate_batch(
        self, *, texts: list[str], source: str, target: str, html: bool
    ) -> list[TranslationResult]:
        payload: dict[str, Any] = {
            "text": texts,
            "target_lang": self.target_variants.get(target, target.upper()),
            "show_billed_characters": True,
        }
        if source != "auto":
            payload["source_lang"] = source.upper()
        if html:
            payload["tag_handling"] = "html"
        try:
            data = self._post_json(
                path="/v2/translate",
                payload=payload,
                headers={"Authorization": f"DeepL-Auth-Key {self.api_key}"},
            )
        except _HTTPStatusError as error:
            raise self._status_error(error) from error
        translations = data.get("translations") if isinstance(data, dict) else None
        if not (
            isinstance(translations, list)
            and len(translations) == len(texts)
            and all(isinstance(item, dict) and isinstance(item.get("text"), str) for item in translations)
        ):
            raise self._unreadable_error()
        return [
            TranslationResult(
                text=item["text"],
                detected_source=(
                    item["detected_source_language"].lower()
                    if isinstance(item.get("detected_source_language"), str)
                    else None
                ),
                engine=self.name,
                characters=_deepl_billed(item, original),
            )
            for original, item in zip(texts, translations, strict=True)
        ]

    def _status_error(self, error: _HTTPStatusError) -> Exception:
        values = {"engine": self.label, "status": error.status, "reason": error.reason}
        if error.status == 403:
            return TranslationRejected(
                _("DeepL refused the authentication key (check EDUCITIES_DEEPL_API_KEY): %(reason)s") % values
            )
        if error.status in {413, 414}:
            return TranslationRejected(_("The text is too long for one DeepL request: %(reason)s") % values)
        if error.status == 456:
            return TranslationQuotaExceeded(
                _("The DeepL character quota for this billing period is used up: %(reason)s") % values
            )
        if error.status == 529:  # DeepL's own "too many requests"
            error = _HTTPStatusError(429, error.reason)
        return super()._status_error(error)


def _deepl_billed(item: dict[str, Any], original: str) -> int:
    """DeepL's own count when it sends one (``show_billed_characters``), else the text's length."""
    billed = item.get("billed_characters")
    return billed if isinstance(billed, int) and not isinstance(billed, bool) else len(original)


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
