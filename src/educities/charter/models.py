from django.conf import settings
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class PrincipleGroup(models.TextChoices):
    RIGHT = "right", _("The right to the educating city")
    COMMITMENT = "commitment", _("The commitment of the city")
    SERVICE = "service", pgettext_lazy("charter group", "At the full service of its inhabitants")


class CharterPrinciple(models.Model):
    """One of the Charter's principles; its label is data, written once per UI language."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    group = models.CharField(_("group"), max_length=16, choices=PrincipleGroup.choices)
    # {"en": "...", "fr": "...", ...}: a small taxonomy, so one JSON value per row is enough.
    labels = models.JSONField(_("labels"), default=dict)

    class Meta:
        verbose_name = _("Charter principle")
        verbose_name_plural = _("Charter principles")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.label}"

    @property
    def label(self) -> str:
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return self.labels.get(language) or self.labels.get(settings.LANGUAGE_CODE, "")
