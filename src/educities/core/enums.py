from django.db import models
from django.utils.translation import gettext_lazy as _


class Provenance(models.TextChoices):
    """Where one language's value of a translatable field comes from."""

    ORIGINAL = "original", _("original")
    HUMAN = "human", _("human translation")
    MACHINE = "machine", _("machine translation")
