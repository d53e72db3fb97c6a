from django.conf import settings
from django.utils.functional import SimpleLazyObject


def _sits_on_a_jury(user) -> bool:
    from educities.reviews.models import Reviewer

    return Reviewer.objects.filter(user=user).exists()


def site(request):
    user = getattr(request, "user", None)
    return {
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        "MAP_TILE_ATTRIBUTION": settings.MAP_TILE_ATTRIBUTION,
        # Lazy: the query runs only when a signed-in page's work menu asks.
        "is_juror": SimpleLazyObject(lambda: bool(user and user.is_authenticated and _sits_on_a_jury(user))),
    }
