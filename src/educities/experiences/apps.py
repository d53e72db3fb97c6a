from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperiencesConfig(AppConfig):
    name = "educities.experiences"
    verbose_name = _("Bank of experiences")

    def ready(self) -> None:
        from educities.experiences import signals  # noqa: F401 - connects the receivers
