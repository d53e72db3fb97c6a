"""Receivers: a new or changed translation of a published experience goes into the search index."""

from django.db import transaction
from django.dispatch import receiver

from educities.core.signals import translation_saved


@receiver(translation_saved, dispatch_uid="experiences_reindex_on_translation")
def experience_reindex_on_translation(sender, obj, **kwargs) -> None:
    from educities.experiences.domain.search import experience_index
    from educities.experiences.models import Experience

    if sender is not Experience:
        return
    pk = obj.pk

    def reindex() -> None:
        experience = Experience.objects.filter(pk=pk).first()
        if experience is not None:
            experience_index(experience=experience)

    # Several fields are usually saved in one go: index once, after they are all committed.
    transaction.on_commit(reindex)
