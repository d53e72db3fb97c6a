"""The agenda's filters, shared by the agenda page, its map points, its iCal and CSV exports and the API,
so that the same query string selects the same activities everywhere.

The FilterSet only reads and checks the query string; ``agenda_filters`` turns what is valid into an
``AgendaFilters`` and ``days.domain.queries.agenda_filter`` does the filtering. A value that is not valid
(an unknown country, network, city or type, a date that is no date) is reported beside its field on the
page, makes the exports and the API answer 400, and is ignored by the map (like the directory's).

| parameter | value |
|---|---|
| ``q`` | words of the title (each must appear) |
| ``country`` | ISO 3166 code of the city's country (``ES``; any case) |
| ``network`` | slug of a network the city belongs to |
| ``kind`` | type of activity (``ActivityKind`` code) |
| ``date`` | a day (``YYYY-MM-DD``), in each activity's own time zone |
| ``format`` | ``in_person`` (in person or hybrid) or ``online`` (online or hybrid) |
| ``city`` | slug of the city |
| ``year`` | (API only) the campaign's year |
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from educities.days.domain.queries import AgendaFilters, agenda_filter
from educities.days.enums import ActivityKind
from educities.days.models import Activity
from educities.members.models import City, Country, Network

FORMAT_CHOICES = (
    ("in_person", _("In person (or hybrid)")),
    ("online", _("Online (or hybrid)")),
)
# The parameters of the agenda (``page`` and the like are not filters).
FILTER_PARAMETERS = ("q", "country", "network", "kind", "date", "format", "city")


@extend_schema_field(OpenApiTypes.STR)
class _KeyChoiceFilter(django_filters.ModelChoiceFilter):
    """An object chosen by its code or slug: a string in the API schema."""


class ActivityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words in the title"), max_length=100, method="filter_nothing", strip=True
    )
    country = _KeyChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="code",
        empty_label=_("All countries"),
        method="filter_nothing",
    )
    network = _KeyChoiceFilter(
        label=_("Network"),
        queryset=Network.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All networks"),
        method="filter_nothing",
    )
    kind = django_filters.ChoiceFilter(
        label=pgettext_lazy("activity", "Type"),
        choices=ActivityKind.choices,
        empty_label=_("All types"),
        method="filter_nothing",
    )
    date = django_filters.DateFilter(
        label=_("Day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("In each activity's local time."),
        method="filter_nothing",
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=FORMAT_CHOICES, empty_label=_("Any format"), method="filter_nothing"
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"),
        queryset=City.objects.all(),
        to_field_name="slug",
        widget=forms.HiddenInput,
        method="filter_nothing",
    )

    class Meta:
        model = Activity
        fields: list[str] = []  # every filter is declared above

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country"):
            data = data.copy()
            data["country"] = data["country"].strip().upper()
        super().__init__(data, *args, **kwargs)

    def filter_nothing(self, queryset, name, value):
        # Each filter only parses its value; ``filter_queryset`` applies them together in the domain.
        return queryset

    @property
    def agenda_filters(self) -> AgendaFilters:
        """The valid filters of the query string (invalid ones are left out; nothing when unbound)."""
        if not self.is_bound:
            return AgendaFilters()
        self.form.is_valid()
        cleaned = getattr(self.form, "cleaned_data", {})
        country = cleaned.get("country")
        network = cleaned.get("network")
        city = cleaned.get("city")
        return AgendaFilters(
            country=str(country.code) if country else "",
            network=network.pk if network else None,
            kind=cleaned.get("kind") or "",
            date=cleaned.get("date"),
            format=cleaned.get("format") or "",
            city=city.pk if city else None,
            q=cleaned.get("q") or "",
        )

    def filter_queryset(self, queryset):
        return agenda_filter(activities=queryset, filters=self.agenda_filters)


class ActivityApiFilter(ActivityFilter):
    """The agenda's filters plus the campaign's year (the API lists the activities of every campaign)."""

    year = django_filters.NumberFilter(
        label=_("Year"),
        min_value=2016,
        max_value=2100,
        decimal_places=0,
        help_text=_("The year of the campaign."),
        method="filter_nothing",
    )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        year = self.form.cleaned_data.get("year")
        return queryset.filter(campaign__year=int(year)) if year is not None else queryset
