"""Receivers: a new or changed translation of a published experience goes into the search index."""

from django.db import connection, transaction
from django.dispatch import receiver

from educities.core.signals import translation_saved


@receiver(translation_saved, dispatch_uid="experiences_reindex_on_translation")
def experience_reindex_on_translation(sender, obj, **kwargs) -> None:
    from educities.experiences.domain.search import experience_index
    from educities.experiences.models import Experience

    if sender is not Experience:
        return
    pk = obj.pk
    # Several fields and languages are usually saved in one transaction: index once, after commit.
    # The pending callbacks are the connection's own list, so a rollback (which empties it) can never
    # leave an experience marked as "already scheduled".
    scheduled = (getattr(entry[1], "experience_pk", None) for entry in connection.run_on_commit)
    if pk in scheduled:
        return

    def reindex() -> None:
        experience = Experience.objects.filter(pk=pk).first()
        if experience is not None:
            experience_index(experience=experience)

    reindex.experience_pk = pk
    transaction.on_commit(reindex)
