"""The directory's filters, shared by the public pages, the exports and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from educities.members.enums import PopulationBand, WorldRegion
from educities.members.models import City, Country, Network


class CityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name"), method="filter_q", max_length=100, help_text=_("Part of the city's name or region")
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="code",
        field_name="country",
        empty_label=_("All countries"),
    )
    network = django_filters.ModelChoiceFilter(
        label=_("Network"),
        queryset=Network.objects.order_by("name"),
        to_field_name="slug",
        field_name="networks",
        empty_label=_("All networks"),
    )
    region = django_filters.ChoiceFilter(
        label=_("World region"),
        choices=WorldRegion.choices,
        field_name="country__region",
        empty_label=_("All regions"),
    )
    population = django_filters.ChoiceFilter(
        label=_("Population"),
        choices=PopulationBand.choices,
        field_name="population_band",
        empty_label=_("Any size"),
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("population", "population"), ("member_since", "member_since")),
        field_labels={
            "name": _("Name"),
            "population": _("Population"),
            "member_since": _("Member since"),
        },
    )

    class Meta:
        model = City
        fields = ["q", "country", "network", "region", "population"]

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(region__icontains=value))
