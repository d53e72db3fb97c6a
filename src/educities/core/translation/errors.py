"""What can go wrong when translating, by what the caller should do about it."""

from educities.core.domain.errors import DomainError


class TranslationError(DomainError):
    """Any machine-translation failure; ``message`` is translated and may be shown to staff."""


class TranslationUnavailable(TranslationError):
    """Translation is off or misconfigured: retrying changes nothing until the settings change."""


class TranslationRejected(TranslationError):
    """The provider refused this request (bad language, bad key, text too long): do not retry it."""


class TranslationQuotaExceeded(TranslationError):
    """The month's character allowance is used up (ours or the provider's): wait for next month."""


class TranslationRetryable(TranslationError):
    """A temporary failure (too many requests, server error, timeout, network): try again later."""
