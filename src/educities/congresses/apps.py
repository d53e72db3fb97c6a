from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CongressesConfig(AppConfig):
    name = "educities.congresses"
    verbose_name = _("Congresses and meetings")

    def ready(self) -> None:
        from educities.congresses import rules  # noqa: F401 - registers the permissions
