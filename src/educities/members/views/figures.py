"""The public page "The network in figures": charts with their data tables."""

from django.contrib.humanize.templatetags.humanize import intcomma, intword
from django.shortcuts import render
from django.views.decorators.http import require_safe

from educities.members.domain.queries_figures import (
    members_by_region,
    members_over_time,
    members_top_countries,
)
from educities.members.interfaces.charts import horizontal_bar_chart, vertical_bar_chart

TOP_COUNTRIES = 15


def _number(value: int) -> str:
    return intcomma(value)  # grouped as the reader's language groups digits


def _inhabitants(value: int) -> str:
    return intword(value) if value >= 1_000_000 else intcomma(value)


@require_safe
def figures(request):
    over_time = members_over_time()
    regions = members_by_region()
    ranking = members_top_countries(limit=TOP_COUNTRIES)
    context = {
        "over_time": over_time,
        "regions": regions,
        "ranking": ranking,
        "member_total": sum(region.cities for region in regions),
        "inhabitant_total": sum(region.inhabitants for region in regions),
    }
    if over_time.years:
        context["years_chart"] = vertical_bar_chart(
            [(str(row.year), row.total) for row in over_time.years], value_text=_number
        )
    if regions:
        context["regions_chart"] = horizontal_bar_chart(
            [(region.label, region.cities) for region in regions], value_text=_number
        )
        context["inhabitants_chart"] = horizontal_bar_chart(
            [(region.label, region.inhabitants) for region in regions], value_text=_inhabitants
        )
        context["countries_chart"] = horizontal_bar_chart(
            [(country.name, country.cities) for country in ranking.countries], value_text=_number
        )
    return render(request, "members/figures.html", context)
