"""The facets of the search page with their values labelled in the reader's language.

The search service counts values (codes, slugs, numbers); this turns them into what a reader reads:
vocabulary labels from the enums, country names from django-countries, network names, Charter
principle labels, language names. Two queries at most (networks, principles), whatever the counts.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from educities.core.search import FacetCount
from educities.experiences.domain.queries import network_names, principles_by_number
from educities.experiences.domain.search import FACETS
from educities.experiences.enums import SustainableDevelopmentGoal, TargetGroup, Theme
from educities.experiences.interfaces.search_params import SearchParams, facet_title
from educities.members.models import Country

# A facet with more values than this shows the rest behind "More…".
FACET_VISIBLE = 8
_NUMERIC = {"principle", "sdg"}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    facet: str = ""

    @cached_property
    def dom_id(self) -> str:
        return f"facet-{self.facet}-{slugify(self.value)}"

    def html(self) -> SafeString:
        """The checkbox and its label, built here rather than by a template include: a search page
        shows about 140 facet values, and an include each was a third of the page's time."""
        return format_html(
            '<li><input type="checkbox" name="{}" value="{}" id="{}"{}>\n'
            '  <label for="{}">{} <span class="facet-count">({})</span></label></li>',
            self.facet,
            self.value,
            self.dom_id,
            mark_safe(" checked") if self.selected else "",
            self.dom_id,
            self.label,
            self.count,
        )


@dataclass(frozen=True)
class FacetGroup:
    name: str
    title: str
    values: list[FacetValue]

    @property
    def visible(self) -> list[FacetValue]:
        return self.values[:FACET_VISIBLE] if not self._selected_hidden else self.values

    @property
    def more(self) -> list[FacetValue]:
        return [] if self._selected_hidden else self.values[FACET_VISIBLE:]

    @property
    def _selected_hidden(self) -> bool:
        # A checked value is never hidden behind "More…".
        return any(value.selected for value in self.values[FACET_VISIBLE:])

    @property
    def selected_count(self) -> int:
        return sum(1 for value in self.values if value.selected)


def country_name(code: str) -> str:
    return Country(code=code).name


def facet_labels(facet: str, values: Sequence[str], *, networks=None, principles=None) -> dict[str, str]:
    """``{value: label}`` for the values of one facet."""
    if facet == "country":
        return {value: country_name(value) or value for value in values}
    if facet == "network":
        names = network_names(slugs=values) if networks is None else networks
        return {value: names.get(value, value) for value in values}
    if facet == "principle":
        found = principles_by_number(numbers=values) if principles is None else principles
        labels = {}
        for value in values:
            principle = found.get(int(value)) if value.isdecimal() else None
            labels[value] = f"{value}. {principle.label}" if principle else value
        return labels
    enum = {"theme": Theme, "target_group": TargetGroup, "sdg": SustainableDevelopmentGoal}.get(facet)
    if enum is not None:
        names = {choice.value: str(choice.label) for choice in enum}
        return {value: names.get(value, value) for value in values}
    if facet == "language":
        languages = dict(settings.LANGUAGES)
        return {value: str(languages.get(value, value)) for value in values}
    if facet == "award":
        return {value: _("Award-winning experiences") if value == "yes" else value for value in values}
    return {value: value for value in values}


def _sort_key(facet: str, value: FacetValue):
    if facet in _NUMERIC:
        return (int(value.value) if value.value.isdecimal() else 0,)
    if facet == "year":
        return (-int(value.value) if value.value.isdecimal() else 0,)
    # Most frequent first, then by label.
    return (-value.count, value.label.casefold())


def facet_groups(*, counts: Mapping[str, Sequence[FacetCount]], params: SearchParams) -> list[FacetGroup]:
    """The facets in page order; a selected value is listed (count 0) even when the service left it out."""
    values_by_facet: dict[str, dict[str, tuple[int, bool]]] = {}
    for facet in FACETS:
        entries = {item.value: (item.count, item.selected) for item in counts.get(facet, [])}
        for value in params.selected(facet):
            count, _selected = entries.get(value, (0, True))
            entries[value] = (count, True)
        values_by_facet[facet] = entries
    networks = network_names(slugs=values_by_facet["network"]) if values_by_facet["network"] else {}
    principles = (
        principles_by_number(numbers=values_by_facet["principle"]) if values_by_facet["principle"] else {}
    )
    groups = []
    for facet, entries in values_by_facet.items():
        if not entries:
            continue
        labels = facet_labels(facet, list(entries), networks=networks, principles=principles)
        values = [
            FacetValue(value=value, label=labels[value], count=count, selected=selected, facet=facet)
            for value, (count, selected) in entries.items()
        ]
        values.sort(key=lambda item, facet=facet: _sort_key(facet, item))
        groups.append(FacetGroup(name=facet, title=facet_title(facet), values=values))
    return groups
