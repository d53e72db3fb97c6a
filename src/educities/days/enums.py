"""The International Day: kinds of activity, formats, audiences and the moderation workflow."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The Day is 30 November; a campaign's window of dates is around it.
DAY_MONTH, DAY_OF_MONTH = 11, 30


class ActivityKind(models.TextChoices):
    EXHIBITION = "exhibition", _("Exhibition")
    DEBATE = "debate", _("Debate or round table")
    WORKSHOP = "workshop", pgettext_lazy("activity kind", "Workshop")
    WALK = "walk", _("Walk or route")
    CHILDREN_COUNCIL = "children_council", _("Children's council")
    FESTIVAL = "festival", _("Festival or celebration")
    CONFERENCE = "conference", _("Conference or talk")
    SCREENING = "screening", _("Film screening")
    SPORT = "sport", _("Sport or play")
    INSTITUTIONAL = "institutional", _("Institutional act")
    OTHER = "other", pgettext_lazy("activity kind", "Other")


class ActivityFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class ActivityAudience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    CHILDREN = "children", _("Children")
    YOUNG_PEOPLE = "young_people", _("Young people")
    FAMILIES = "families", _("Families")
    EDUCATORS = "educators", _("Teachers and educators")
    OLDER_PEOPLE = "older_people", _("Older people")
    PROFESSIONALS = "professionals", _("Professionals")


class ActivityStatus(models.TextChoices):
    # City editors' activities are published at once; staff may hide one (with a reason) and show it again.
    PUBLISHED = "published", pgettext_lazy("activity", "Published")
    HIDDEN = "hidden", pgettext_lazy("activity", "Hidden by the Secretariat")
    CANCELLED = "cancelled", pgettext_lazy("activity", "Cancelled")


# Each step: the states it may start from and the state it leads to (``activity_transition``).
ACTIVITY_STEPS: dict[str, tuple[frozenset[str], str]] = {
    "hide": (frozenset({ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED}), ActivityStatus.HIDDEN),
    "show": (frozenset({ActivityStatus.HIDDEN}), ActivityStatus.PUBLISHED),
    "cancel": (frozenset({ActivityStatus.PUBLISHED}), ActivityStatus.CANCELLED),
    "restore": (frozenset({ActivityStatus.CANCELLED}), ActivityStatus.PUBLISHED),
}

# Formats that happen at a place (coordinates required) and that have a link (URL required).
PLACE_FORMATS = frozenset({ActivityFormat.IN_PERSON, ActivityFormat.HYBRID})
LINK_FORMATS = frozenset({ActivityFormat.ONLINE, ActivityFormat.HYBRID})
