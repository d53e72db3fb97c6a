"""The public pages of the International Day of the Educating City.

- ``/day/``: the current (latest published) campaign with its agenda, and the past campaigns; a landing
  page while no campaign is published.
- ``/day/<year>/``: a campaign: motto, manifesto, activity guide (in the reader's language, else the
  original with a notice), poster, materials, figures, and the world agenda: the filters (GET), the map
  (points from ``map.json`` with the same query string) and the list (paginated, grouped by local day),
  with links to the same activities as iCal and CSV.
- ``/day/activities/<pk>/`` (and its ``.ics``), ``/day/cities/<slug>/``, ``/day/countries/<code>/``,
  ``/day/figures/``.

The public sees visible activities (published or cancelled) of published campaigns; the Secretariat may
preview an unpublished campaign, and a city's editors see their own hidden activity. Hostile input never
gives a 500: a year out of range is a 404, an unknown filter value is reported beside its field (the
exports answer 400), a page number out of range shows the nearest page with a notice. Each page reads a
constant number of queries whatever the number of activities (tests guard it).
"""

import re
from itertools import groupby
from pathlib import PurePosixPath

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from educities.core.domain.translations_queries import translations_prefetch
from educities.days.domain.queries import (
    activity_public_detail,
    agenda_activities,
    agenda_map_points,
    agenda_page,
    agenda_summary,
    campaign_current,
    campaigns_public,
    choice_labels,
    city_activities,
    country_activities,
    day_figures_by_year,
    zone_of,
)
from educities.days.enums import ActivityAudience, ActivityFormat, ActivityKind, ActivityStatus
from educities.days.interfaces import exporters, ical
from educities.days.interfaces.filters import FILTER_PARAMETERS, ActivityFilter
from educities.days.models import CAMPAIGN_TEXT_FIELDS, Activity, Campaign
from educities.members.interfaces.charts import vertical_bar_chart
from educities.members.models import City, Country

PAGE_SIZE = 50
YEAR_MAX = 9999  # a longer number is no year (and would overflow the database's integer)
COUNTRY_CODE = re.compile("[A-Za-z]{2}")
PAGE_NUMBER_SHOWN = 20  # characters of a bad page number repeated in the notice
MAP_CACHE_SECONDS = 300


# --- helpers -----------------------------------------------------------------------------------


def _visible_campaign(request, year: int) -> Campaign:
    """The campaign of ``year`` if the reader may see it (published; the Secretariat previews others)."""
    campaign = Campaign.objects.filter(year=year).first() if 0 < year <= YEAR_MAX else None
    if campaign is None or not request.user.has_perm("days.view_campaign", campaign):
        raise Http404(_("There is no International Day campaign in this year."))
    return campaign


def _visible_activity(request, pk: int) -> Activity:
    activity = activity_public_detail(pk=pk) if 0 < pk < 2**31 else None
    if activity is None or not request.user.has_perm("days.view_activity", activity):
        raise Http404(_("There is no such activity."))
    return activity


def moment_of(activity: Activity, *, with_date: bool = True) -> dict:
    """When ``activity`` happens, in its own time zone, ready for a page (preformatted: the template
    would turn aware datetimes into the site's zone). ``with_date=False`` leaves out the date's words
    (the agenda shows them once per day)."""
    zone = zone_of(activity.time_zone)
    start = activity.starts_at.astimezone(zone)
    end = activity.ends_at.astimezone(zone) if activity.ends_at else None
    end_text = ""
    if end is not None:
        same_day = end.date() == start.date()
        end_text = (
            formats.time_format(end, "TIME_FORMAT")
            if same_day
            else formats.date_format(end, "DATETIME_FORMAT")
        )
    when = {
        "start": start,
        "end": end,
        "date": start.date(),
        "iso": start.isoformat(),
        "end_iso": end.isoformat() if end else "",
        "time_text": formats.time_format(start, "TIME_FORMAT"),
        "end_text": end_text,
        "abbreviation": start.strftime("%Z"),
        "zone": activity.time_zone,
    }
    if with_date:
        when["date_text"] = formats.date_format(start, "DATE_FORMAT")
        when["weekday"] = formats.date_format(start, "l")
    return when


def _url_prefix(name: str, **placeholder) -> str:
    """The path of ``name`` up to its last argument (``/en/day/activities/``): a list of 50 links
    then costs one ``reverse`` instead of 50."""
    value = str(next(iter(placeholder.values())))
    return reverse(f"days:{name}", kwargs=placeholder).removesuffix(f"{value}/")


def _rows(activities, *, with_date: bool) -> list[dict]:
    """The activities as the lists show them: the activity, when, its links, type and format in words."""
    kinds, formats_ = choice_labels(ActivityKind), choice_labels(ActivityFormat)
    activity_prefix = _url_prefix("activity", pk=0)
    city_prefix = _url_prefix("city", slug="city")
    return [
        {
            "activity": activity,
            "url": f"{activity_prefix}{activity.pk}/",
            "city_url": f"{city_prefix}{activity.city.slug}/",
            "when": moment_of(activity, with_date=with_date),
            "kind_label": kinds.get(activity.kind, activity.kind),
            "format_label": formats_.get(activity.format, activity.format),
        }
        for activity in activities
    ]


def _grouped_by_day(activities) -> list[dict]:
    """The page's activities grouped by their local day (an activity in Auckland on 1 December may start
    before one in Los Angeles on 30 November: sorting by local day keeps each day in one group)."""
    rows = sorted(
        _rows(activities, with_date=False),
        key=lambda row: (row["when"]["date"], row["activity"].starts_at, row["activity"].pk),
    )
    groups = []
    for day, day_rows in groupby(rows, key=lambda row: row["when"]["date"]):
        groups.append({"date": day, "iso": day.isoformat(), "rows": list(day_rows)})
    return groups


def _page(paginator: Paginator, raw_number: str | None) -> tuple:
    """The requested page, or the nearest one with a notice when the number is not usable."""
    if raw_number in (None, ""):
        return paginator.page(1), None
    shown = raw_number[:PAGE_NUMBER_SHOWN]
    try:
        return paginator.page(raw_number), None
    except PageNotAnInteger:
        return paginator.page(1), _("“%(page)s” is not a page number: showing the first page.") % {
            "page": shown
        }
    except EmptyPage:
        if int(raw_number) < 1:
            return paginator.page(1), _("There is no page %(page)s: showing the first page.") % {
                "page": shown
            }
        return paginator.page(paginator.num_pages), _(
            "There is no page %(page)s: showing the last page (%(last)d)."
        ) % {"page": shown, "last": paginator.num_pages}


def _activity_filter(request, campaign: Campaign, *, countries=None) -> ActivityFilter:
    """The agenda's filters; with ``countries`` (for the page) the country list offers only those."""
    filterset = ActivityFilter(request.GET or None, queryset=agenda_activities(campaign=campaign))
    if countries is not None:
        country_field = filterset.form.fields["country"]
        # By their name in the reader's language; the field still validates against every country
        # (an unknown one gets a message, a known one without activities no result).
        names = sorted(
            ((country.name, str(country.code)) for country in countries), key=lambda n: n[0].casefold()
        )
        country_field.widget.choices = [("", country_field.empty_label)] + [
            (code, name) for name, code in names
        ]
    return filterset


def _filters_query(request) -> str:
    """The query string of the agenda's filters only (no page, no ``original``), with its ``?``."""
    query = request.GET.copy()
    for key in list(query):
        if key not in FILTER_PARAMETERS:
            del query[key]
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def _campaign_texts(request, campaign: Campaign) -> dict:
    values = translations_prefetch(
        objects=[campaign],
        fields=CAMPAIGN_TEXT_FIELDS,
        language=get_language(),
        original=request.GET.get("original") == "1",
    )
    return {field: values[(campaign.pk, field)] for field in CAMPAIGN_TEXT_FIELDS}


def _mottos(campaigns) -> dict:
    """``{campaign.pk: motto}`` in the reader's language (else the original), one query."""
    campaigns = list(campaigns)
    values = translations_prefetch(objects=campaigns, fields=["motto"], language=get_language())
    return {campaign.pk: values[(campaign.pk, "motto")] for campaign in campaigns}


def _language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _private(response: HttpResponse, campaign: Campaign) -> HttpResponse:
    """A preview of an unpublished campaign must not be kept by shared caches."""
    if not campaign.is_published:
        patch_cache_control(response, private=True, no_store=True)
    return response


# --- the campaign and its agenda ----------------------------------------------------------------


def _agenda_context(request, campaign: Campaign) -> dict:
    summary = agenda_summary(campaign=campaign)
    filterset = _activity_filter(request, campaign, countries=summary.countries)
    filter_errors = filterset.is_bound and not filterset.form.is_valid()
    # Pages of ids (sorted from the index alone), then the page's activities with their cities.
    paginator = Paginator(filterset.qs.values_list("pk", flat=True), PAGE_SIZE)
    page_obj, page_notice = _page(paginator, request.GET.get("page"))
    activities = agenda_page(ids=list(page_obj.object_list))
    filters_query = _filters_query(request)
    chosen_city = filterset.form.cleaned_data.get("city") if filterset.is_bound else None
    return {
        "campaign": campaign,
        "is_preview": not campaign.is_published,
        "texts": _campaign_texts(request, campaign),
        "materials": [
            {
                "material": material,
                "language_name": _language_name(material.language) if material.language else "",
                "kind": PurePosixPath(material.file.name).suffix.lstrip(".").upper(),
            }
            for material in campaign.materials.all()
        ],
        "figures": summary.figures,
        "filter": filterset,
        "filter_errors": filter_errors,
        "filters_active": bool(filters_query),
        "chosen_city": chosen_city,
        "page_obj": page_obj,
        "page_notice": page_notice,
        "groups": _grouped_by_day(activities),
        "activities_count": paginator.count,
        "filters_query": filters_query,
        "map_points_url": reverse("days:map_data", kwargs={"year": campaign.year}) + filters_query,
        "ics_url": reverse("days:agenda_ics", kwargs={"year": campaign.year}) + filters_query,
        "csv_url": reverse("days:agenda_csv", kwargs={"year": campaign.year}) + filters_query,
        "form_action": request.path,
    }


@require_safe
def index_view(request):
    campaign = campaign_current()
    campaigns = campaigns_public()
    mottos = _mottos(campaigns)
    past = [
        {"campaign": item, "motto": mottos[item.pk]}
        for item in campaigns
        if campaign is None or item.pk != campaign.pk
    ]
    if campaign is None:
        return render(request, "days/public/landing.html", {"past": past})
    context = _agenda_context(request, campaign)
    context.update({"is_index": True, "past": past})
    return render(request, "days/public/campaign.html", context)


@require_safe
def campaign_view(request, year: int):
    campaign = _visible_campaign(request, year)
    context = _agenda_context(request, campaign)
    context["is_index"] = False
    return _private(render(request, "days/public/campaign.html", context), campaign)


@require_safe
@gzip_page  # public data with no secret in it, so compression leaks nothing (unlike pages with a CSRF token)
def map_data(request, year: int):
    """The map points of the activities matching the agenda's filters (invalid filters are ignored).

    ``{"url": "/en/day/activities/{id}/", "cities": [...], "zones": [...], "points": [[id, lat, lng,
    title, city index, start in Unix seconds, zone index], ...]}`` (see ``agenda_map_points``).
    """
    campaign = _visible_campaign(request, year)
    filterset = _activity_filter(request, campaign)
    payload = agenda_map_points(activities=filterset.qs)
    payload = {"url": reverse("days:activity", kwargs={"pk": 0}).replace("/0/", "/{id}/"), **payload}
    response = JsonResponse(payload, json_dumps_params={"separators": (",", ":"), "ensure_ascii": False})
    if campaign.is_published:
        patch_cache_control(response, public=True, max_age=MAP_CACHE_SECONDS)
    return _private(response, campaign)


def _export_refused(request, campaign: Campaign, filterset: ActivityFilter) -> HttpResponse:
    return render(
        request,
        "days/public/export_error.html",
        {
            "campaign": campaign,
            "message": _("The filters of this download are not valid. Correct them and download again."),
            "filter": filterset,
        },
        status=400,
    )


def _calendar_name(campaign: Campaign) -> str:
    return _("International Day of the Educating City %(year)s") % {"year": campaign.year}


@require_safe
def agenda_ics(request, year: int):
    campaign = _visible_campaign(request, year)
    filterset = _activity_filter(request, campaign)
    if filterset.is_bound and not filterset.form.is_valid():
        return _export_refused(request, campaign, filterset)
    content = ical.activities_calendar(
        activities=filterset.qs, name=_calendar_name(campaign), absolute_url=request.build_absolute_uri
    )
    response = HttpResponse(content, content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="international-day-{campaign.year}.ics"'
    return _private(response, campaign)


@require_safe
def agenda_csv(request, year: int):
    campaign = _visible_campaign(request, year)
    filterset = _activity_filter(request, campaign)
    if filterset.is_bound and not filterset.form.is_valid():
        return _export_refused(request, campaign, filterset)
    content = exporters.agenda_csv(activities=filterset.qs, absolute_url=request.build_absolute_uri)
    response = HttpResponse(content, content_type=exporters.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="international-day-{campaign.year}.csv"'
    return _private(response, campaign)


# --- one activity --------------------------------------------------------------------------------


@require_safe
def activity_view(request, pk: int):
    activity = _visible_activity(request, pk)
    campaign = activity.campaign
    audiences = dict(ActivityAudience.choices)
    map_points = []
    if activity.has_place:
        map_points = [
            {
                "name": activity.place_name or activity.title,
                "url": reverse("days:activity", kwargs={"pk": activity.pk}),
                "lat": activity.latitude,
                "lng": activity.longitude,
            }
        ]
    motto = _mottos([campaign])[campaign.pk]
    response = render(
        request,
        "days/public/activity.html",
        {
            "activity": activity,
            "campaign": campaign,
            "motto": motto,
            "when": moment_of(activity),
            "kind_label": choice_labels(ActivityKind).get(activity.kind, activity.kind),
            "format_label": choice_labels(ActivityFormat).get(activity.format, activity.format),
            "is_hidden": activity.status == ActivityStatus.HIDDEN,
            "is_cancelled": activity.status == ActivityStatus.CANCELLED,
            "audiences": [str(audiences.get(code, code)) for code in activity.audiences or ()],
            "spoken_languages": [_language_name(code) for code in activity.languages or ()],
            "photos": list(activity.photos.all()),
            "has_report": bool(activity.report or activity.participants is not None or activity.video_url),
            "map_points": map_points,
            "can_change": request.user.has_perm("days.change_activity", activity),
        },
    )
    if activity.status == ActivityStatus.HIDDEN or not campaign.is_published:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def activity_ics(request, pk: int):
    activity = _visible_activity(request, pk)
    content = ical.activities_calendar(
        activities=Activity.objects.filter(pk=activity.pk),
        name=activity.title,
        absolute_url=request.build_absolute_uri,
    )
    response = HttpResponse(content, content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="activity-{activity.pk}.ics"'
    if activity.status == ActivityStatus.HIDDEN or not activity.campaign.is_published:
        patch_cache_control(response, private=True, no_store=True)
    return response


# --- a city, a country, the figures ---------------------------------------------------------------


@require_safe
def city_view(request, slug: str):
    city = City.objects.select_related("country").filter(slug=slug).first()
    if city is None:
        raise Http404(_("There is no such city."))
    activities = list(city_activities(city=city))
    if not activities and not city.is_member:
        # Applicants and former members have no public page unless they took part in the Day.
        raise Http404(_("There is no such city."))
    campaigns = {activity.campaign_id: activity.campaign for activity in activities}
    mottos = _mottos(campaigns.values())
    years = []
    for campaign_id, rows in groupby(activities, key=lambda activity: activity.campaign_id):
        campaign = campaigns[campaign_id]
        years.append(
            {
                "campaign": campaign,
                "motto": mottos[campaign.pk],
                "rows": _rows(rows, with_date=True),
            }
        )
    return render(
        request,
        "days/public/city.html",
        {"city": city, "years": years, "activities_count": len(activities)},
    )


@require_safe
def country_view(request, code: str):
    country = Country.objects.filter(code=code.upper()).first() if COUNTRY_CODE.fullmatch(code) else None
    if country is None:
        raise Http404(_("There is no such country."))
    years = country_activities(country_code=str(country.code))
    mottos = _mottos(year.campaign for year in years)
    return render(
        request,
        "days/public/country.html",
        {
            "country": country,
            "years": [{"year": year, "motto": mottos[year.campaign.pk]} for year in years],
            "activities_count": sum(year.activities for year in years),
        },
    )


def _figure_charts(rows) -> list[dict]:
    charts = []
    for key, title, desc in (
        ("activities", _("Activities per year"), _("Activities registered, per year:")),
        ("cities", _("Cities per year"), _("Cities that registered activities, per year:")),
        ("countries", _("Countries per year"), _("Countries of those cities, per year:")),
        ("participants", _("Participants per year"), _("Participants reported by the cities, per year:")),
    ):
        charts.append(
            {
                "id": f"chart-{key}",
                "title": title,
                "desc": desc,
                "chart": vertical_bar_chart(
                    [(str(row.year), getattr(row.figures, key)) for row in rows],
                    width=400,
                    height=220,
                    font_size=13,
                    value_text=intcomma,
                ),
            }
        )
    return charts


@require_safe
def figures_view(request):
    rows = day_figures_by_year()
    mottos = _mottos(row.campaign for row in rows)
    return render(
        request,
        "days/public/figures.html",
        {
            "rows": [{"row": row, "motto": mottos[row.campaign.pk]} for row in rows],
            "charts": _figure_charts(rows) if rows else [],
        },
    )
