"""Filters of the API lists that the directory does not have (cities use the directory's CityFilter)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from educities.members.enums import NetworkKind
from educities.members.models import Network


class NetworkFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=NetworkKind.choices)

    class Meta:
        model = Network
        fields = ["kind"]
