from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DaysConfig(AppConfig):
    name = "educities.days"
    verbose_name = _("International Day of the Educating City")

    def ready(self) -> None:
        from educities.days import rules  # noqa: F401 - registers the permissions
