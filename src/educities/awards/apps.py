from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "educities.awards"
    verbose_name = _("Educating City Award")

    def ready(self) -> None:
        # The jury's pages stay generic: they show an application through this template and context.
        from educities.awards.models import Application
        from educities.awards.views.city import application_subject_context, application_subject_url
        from educities.reviews.subjects import subject_register

        subject_register(
            Application,
            template="awards/jury/application_subject.html",
            context=application_subject_context,
            url=application_subject_url,
        )
