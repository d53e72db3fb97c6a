from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from educities.core.enums import Provenance


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class AuditEntry(models.Model):
    """One row per state change of any workflow: who, when, from, to, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=64)
    from_state = models.CharField(_("from"), max_length=64, blank=True)
    to_state = models.CharField(_("to"), max_length=64, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_state} → {self.to_state}"


class MachineTranslationUsage(models.Model):
    """Characters sent to one machine-translation provider in one calendar month (the bill's unit)."""

    provider = models.CharField(_("provider"), max_length=32)
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    characters = models.PositiveBigIntegerField(_("characters"), default=0)
    requests = models.PositiveIntegerField(_("requests"), default=0)

    class Meta:
        verbose_name = _("machine translation usage")
        verbose_name_plural = _("machine translation usage")
        ordering = ["-month", "provider"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "month"], name="core_mt_usage_unique_provider_month"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.month:%Y-%m}: {self.characters}"


class TextTranslation(models.Model):
    """One language's value of one translatable field of any object, and where it comes from.

    Each (object, field) has exactly one ``original`` row (the language it was written in); the other
    rows are human or machine translations. ``source_digest`` is the sha256 of the original text a row
    was made from (for the original row: of its own text), so a translation is stale when its digest
    differs from the original's. See ``core.domain.translations``.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=64)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("text"), blank=True)
    provenance = models.CharField(_("provenance"), max_length=8, choices=Provenance.choices)
    engine = models.CharField(_("engine"), max_length=32, blank=True)
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_digest = models.CharField(_("source digest"), max_length=64, blank=True)
    translated_at = models.DateTimeField(_("translated at"))
    reviewed = models.BooleanField(
        _("reviewed"), default=False, help_text=_("A person checked this machine translation.")
    )

    class Meta:
        verbose_name = _("text translation")
        verbose_name_plural = _("text translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="core_text_translation_unique_language",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="core_texttr_object_idx")]

    def __str__(self) -> str:
        return f"{self.field} [{self.language}, {self.provenance}]"


# --- Search (educities.core.search) ------------------------------------------------------------
# Written only through the search service: on SQLite the FTS5 table and on PostgreSQL the tsvector
# column follow these rows (see core/search/backends.py and migration 0004_search).


class SearchIndexState(models.Model):
    """A random stamp per index, changed by every write: web processes reload their caches on a change."""

    index = models.CharField(max_length=64, unique=True)
    version = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("search index state")
        verbose_name_plural = _("search index states")

    def __str__(self) -> str:
        return f"{self.index}@{self.version}"


class SearchEntry(models.Model):
    """One object in a search index (facet values as {facet: [values]})."""

    index = models.CharField(max_length=64)
    object_id = models.BigIntegerField()
    sort_date = models.DateField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    facets = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=("index", "object_id"), name="core_search_entry_unique_object"),
        ]

    def __str__(self) -> str:
        return f"{self.index}:{self.object_id}"


class SearchText(models.Model):
    """One language version of an indexed object, as plain text."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=8)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")
        constraints = [
            models.UniqueConstraint(fields=("entry", "language"), name="core_search_text_unique_language"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}:{self.language}"
