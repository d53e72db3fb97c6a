"""The public directory of member cities: filters, list, map, headline figures and exports."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from educities.members.domain.queries import cities_directory, countries_with_members, headline_figures
from educities.members.domain.queries_public import cities_with_networks, city_map_points, sort_key
from educities.members.interfaces.exporters import EXPORT_FORMATS
from educities.members.interfaces.exporters import directory_export as export_directory
from educities.members.interfaces.filters import CityFilter

PAGE_SIZE = 50


def _city_filter(request, *, for_display: bool) -> CityFilter:
    filterset = CityFilter(request.GET or None, queryset=cities_directory())
    if not for_display:
        return filterset
    country_field = filterset.form.fields["country"]
    # Only countries that have member cities, by their name in the reader's language.
    countries = sorted(countries_with_members(), key=lambda country: sort_key(country.name))
    # Only the widget's list changes; the field still validates against its queryset.
    country_field.widget.choices = [("", country_field.empty_label)] + [
        (str(country.code), country.name) for country in countries
    ]
    ordering_widget = filterset.form.fields["ordering"].widget
    ordering_widget.choices = [
        (value, _("Name (default)") if value == "" else label) for value, label in ordering_widget.choices
    ]
    return filterset


def _filtered_cities(filterset: CityFilter):
    cities = filterset.qs
    ordering = cities.query.order_by
    if "pk" not in ordering:
        # A total order, so that a city never shows on two pages or on none.
        cities = cities.order_by(*ordering, "pk")
    return cities


def _page(paginator: Paginator, raw_number: str | None) -> tuple:
    """The requested page, or the nearest one with a notice when the number is not usable."""
    if raw_number in (None, ""):
        return paginator.page(1), None
    try:
        return paginator.page(raw_number), None
    except PageNotAnInteger:
        return paginator.page(1), _("“%(page)s” is not a page number: showing the first page.") % {
            "page": raw_number[:20]
        }
    except EmptyPage:
        if int(raw_number) < 1:
            return paginator.page(1), _("There is no page %(page)s: showing the first page.") % {
                "page": raw_number[:20]
            }
        return paginator.page(paginator.num_pages), _(
            "There is no page %(page)s: showing the last page (%(last)d)."
        ) % {"page": raw_number[:20], "last": paginator.num_pages}


@require_safe
def directory_view(request):
    filterset = _city_filter(request, for_display=True)
    cities = _filtered_cities(filterset)
    paginator = Paginator(cities, PAGE_SIZE)
    page_obj, page_notice = _page(paginator, request.GET.get("page"))
    filter_errors = filterset.is_bound and not filterset.form.is_valid()
    return render(
        request,
        "members/directory.html",
        {
            "filter": filterset,
            "filter_errors": filter_errors,
            "page_obj": page_obj,
            "page_notice": page_notice,
            "cities_count": paginator.count,
            # The map loads its points from directory_map (same filters) so the page stays small.
            "map_points_url": _map_points_url(request),
            "figures": headline_figures(),
            "export_formats": list(EXPORT_FORMATS),
        },
    )


def _map_points_url(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("ordering", None)
    url = reverse("members:directory_map")
    return f"{url}?{query.urlencode()}" if query else url


@require_safe
@cache_control(public=True, max_age=300)
@gzip_page  # public data with no secret in it, so compression leaks nothing (unlike pages with a CSRF token)
def directory_map(request):
    """The map points of every city matching the directory's filters (invalid filters are ignored)."""
    filterset = _city_filter(request, for_display=False)
    return JsonResponse({"points": city_map_points(cities=filterset.qs)})


@require_safe
def directory_export(request):
    fmt = request.GET.get("format", "csv") or "csv"
    if fmt not in EXPORT_FORMATS:
        return render(
            request,
            "members/export_error.html",
            {
                "message": _("“%(format)s” is not an export format. Choose one of: %(formats)s.")
                % {"format": fmt[:20], "formats": ", ".join(EXPORT_FORMATS)},
            },
            status=400,
        )
    filterset = _city_filter(request, for_display=False)
    if filterset.is_bound and not filterset.form.is_valid():
        return render(
            request,
            "members/export_error.html",
            {
                "message": _("The filters of this export are not valid. Correct them and download again."),
                "filter": filterset,
            },
            status=400,
        )
    cities = cities_with_networks(cities=_filtered_cities(filterset))
    content = export_directory(cities=cities, fmt=fmt, absolute_url=request.build_absolute_uri)
    export_format = EXPORT_FORMATS[fmt]
    response = HttpResponse(content, content_type=export_format.content_type)
    response["Content-Disposition"] = f'attachment; filename="member-cities.{export_format.extension}"'
    return response
