from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CongressesConfig(AppConfig):
    name = "educities.congresses"
    verbose_name = _("Congresses and meetings")

    def ready(self) -> None:
        from educities.congresses import rules  # noqa: F401 - registers the permissions
        from educities.congresses.models import Proposal
        from educities.congresses.views.calls import proposal_subject_context, proposal_subject_url
        from educities.reviews.subjects import subject_register

        # The jury's pages stay generic: they show a proposal through this template and context.
        subject_register(
            Proposal,
            template="congresses/calls/proposal_subject.html",
            context=proposal_subject_context,
            url=proposal_subject_url,
        )
