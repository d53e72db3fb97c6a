"""The International Day in the REST API under /api/v1/day/: published campaigns and their activities.

Public, anonymous and read-only. The activities list takes the agenda's filters (``ActivityApiFilter``:
the same query string selects the same activities as the agenda page, its map and its exports) plus
``year``; an invalid filter or page size gets a 400 naming the parameter, a page out of range a 404, a
malformed or unknown id or year a JSON 404: never a 500. Each list reads a constant number of queries.
"""

import re

from django.conf import settings
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings

from educities.core.domain.translations_queries import translations_prefetch
from educities.days.api.serializers import (
    ActivityDetailSerializer,
    ActivitySerializer,
    CampaignDetailSerializer,
    CampaignSerializer,
)
from educities.days.domain.queries import activities_visible, campaign_public, campaigns_public
from educities.days.interfaces.filters import ActivityApiFilter
from educities.days.models import CAMPAIGN_TEXT_FIELDS, Activity, Campaign
from educities.members.api.pagination import ApiPagination

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
YEAR_PATTERN = "[0-9]{4}"
ID_PATTERN = "[0-9]{1,9}"

ACCEPT_LANGUAGE = OpenApiParameter(
    name="Accept-Language",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description=gettext_lazy("Language of labels and country names and, without lang, of campaign texts."),
)
LANG = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=LANGUAGE_CODES,
    description=gettext_lazy(
        "Language of the campaign's texts (default: Accept-Language); a text not yet in that language "
        "comes in its original language, and says so."
    ),
)
PAGE = OpenApiParameter("page", OpenApiTypes.INT, description=gettext_lazy("Page number (from 1)."))
PAGE_SIZE = OpenApiParameter(
    "page_size",
    OpenApiTypes.INT,
    description=gettext_lazy("Number of results per page, from 1 to 200 (default 50)."),
)
BAD_PARAMETERS = OpenApiResponse(
    description=gettext_lazy(
        "A filter or pagination parameter is not valid; the body names it with the reason."
    )
)
PAGE_NOT_FOUND = OpenApiResponse(description=gettext_lazy("The page number is not a page of the results."))
FILTERS = [
    OpenApiParameter(
        "year", OpenApiTypes.INT, description=gettext_lazy("The campaign's year, such as 2025.")
    ),
    OpenApiParameter(
        "q", OpenApiTypes.STR, description=gettext_lazy("Words of the title (each must appear).")
    ),
    OpenApiParameter(
        "country", OpenApiTypes.STR, description=gettext_lazy("ISO code of the city's country.")
    ),
    OpenApiParameter(
        "network", OpenApiTypes.STR, description=gettext_lazy("Slug of a network (see /api/v1/networks/).")
    ),
    OpenApiParameter("kind", OpenApiTypes.STR, description=gettext_lazy("Type of activity (a code).")),
    OpenApiParameter(
        "date",
        OpenApiTypes.DATE,
        description=gettext_lazy("A day (YYYY-MM-DD): activities starting that day in their own time zone."),
    ),
    OpenApiParameter(
        "format",
        OpenApiTypes.STR,
        enum=["in_person", "online"],
        description=gettext_lazy("in_person: in person or hybrid; online: online or hybrid."),
    ),
    OpenApiParameter("city", OpenApiTypes.STR, description=gettext_lazy("Slug of the city.")),
]


def _language(request) -> str:
    raw = request.query_params.get("lang")
    if raw:
        try:
            return serializers.ChoiceField(choices=settings.LANGUAGES).run_validation(raw)
        except ValidationError as error:
            raise ValidationError({"lang": error.detail}) from None
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return current if current in LANGUAGE_CODES else settings.LANGUAGE_CODE


class _NoFormatOverrideSettings:
    """DRF's settings, except that ``?format=`` does not choose the response's format."""

    URL_FORMAT_OVERRIDE = None

    def __getattr__(self, name):
        return getattr(api_settings, name)


class AgendaContentNegotiation(DefaultContentNegotiation):
    """``format`` is one of the agenda's filters (in person / online), as on the agenda page; DRF would
    read it as the name of a renderer and answer 404. Responses are JSON whatever it says."""

    settings = _NoFormatOverrideSettings()


class _PublicReadOnly:
    # Public, anonymous and read-only: no authentication, so no session or CSRF is involved.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    pagination_class = ApiPagination
    http_method_names = ["get", "head", "options"]
    content_negotiation_class = AgendaContentNegotiation
    lookup_value_regex = "[^/]+"  # a malformed id gets the same JSON 404 as an unknown one


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("List the activities of the International Day"),
        description=gettext_lazy(
            "Activities on the agenda of published campaigns (cancelled ones are marked), by start. The "
            "same filters as the agenda page; filters combine with AND."
        ),
        tags=["international day"],
        parameters=[ACCEPT_LANGUAGE, *FILTERS, PAGE, PAGE_SIZE],
        responses={200: ActivitySerializer(many=True), 400: BAD_PARAMETERS, 404: PAGE_NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("One activity of the International Day"),
        description=gettext_lazy("With its description, the report after the Day and the photos."),
        tags=["international day"],
        parameters=[
            ACCEPT_LANGUAGE,
            OpenApiParameter(
                "id", OpenApiTypes.INT, OpenApiParameter.PATH, description=gettext_lazy("The activity's id.")
            ),
        ],
        responses={
            200: ActivityDetailSerializer,
            404: OpenApiResponse(description=gettext_lazy("No such activity on the agenda.")),
        },
    ),
)
class ActivityViewSet(_PublicReadOnly, viewsets.ReadOnlyModelViewSet):
    serializer_class = ActivitySerializer
    filter_backends = (DjangoFilterBackend,)
    filterset_class = ActivityApiFilter
    lookup_field = "id"
    queryset = Activity.objects.none()  # for the schema; reads go through the selectors

    def get_queryset(self):
        return activities_visible()

    def get_serializer_class(self):
        return ActivityDetailSerializer if self.action == "retrieve" else ActivitySerializer

    def get_object(self):
        value = str(self.kwargs["id"])
        activity = None
        if re.fullmatch(ID_PATTERN, value):
            activity = activities_visible().filter(pk=int(value)).prefetch_related("photos").first()
        if activity is None:
            raise NotFound(_("No such activity on the agenda."))
        return activity


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("List the campaigns of the International Day"),
        description=gettext_lazy("Published campaigns, newest first, with their motto and figures."),
        tags=["international day"],
        parameters=[ACCEPT_LANGUAGE, LANG, PAGE, PAGE_SIZE],
        responses={200: CampaignSerializer(many=True), 400: BAD_PARAMETERS, 404: PAGE_NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("One campaign of the International Day by its year"),
        description=gettext_lazy("Motto, manifesto and activity guide, poster, materials and figures."),
        tags=["international day"],
        parameters=[
            ACCEPT_LANGUAGE,
            LANG,
            OpenApiParameter(
                "year",
                OpenApiTypes.INT,
                OpenApiParameter.PATH,
                pattern=f"^{YEAR_PATTERN}$",
                description=gettext_lazy("The year of the campaign, such as 2025."),
            ),
        ],
        responses={
            200: CampaignDetailSerializer,
            400: BAD_PARAMETERS,
            404: OpenApiResponse(description=gettext_lazy("No published campaign in this year.")),
        },
    ),
)
class CampaignViewSet(_PublicReadOnly, viewsets.GenericViewSet):
    serializer_class = CampaignSerializer
    lookup_field = "year"
    queryset = Campaign.objects.none()  # for the schema; reads go through the selectors

    def list(self, request):
        language = _language(request)
        page = self.paginate_queryset(campaigns_public())
        values = translations_prefetch(objects=page, fields=["motto"], language=language)
        texts = {campaign.pk: {"motto": values[(campaign.pk, "motto")]} for campaign in page}
        context = {**self.get_serializer_context(), "texts": texts}
        return self.get_paginated_response(CampaignSerializer(page, many=True, context=context).data)

    def retrieve(self, request, year=None):
        language = _language(request)
        campaign = campaign_public(year=int(year)) if re.fullmatch(YEAR_PATTERN, str(year)) else None
        if campaign is None:
            raise NotFound(_("No published campaign of the International Day in this year."))
        values = translations_prefetch(objects=[campaign], fields=CAMPAIGN_TEXT_FIELDS, language=language)
        texts = {campaign.pk: {field: values[(campaign.pk, field)] for field in CAMPAIGN_TEXT_FIELDS}}
        context = {**self.get_serializer_context(), "texts": texts}
        return Response(CampaignDetailSerializer(campaign, context=context).data)
