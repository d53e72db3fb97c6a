"""The read-only REST API under /api/v1/: countries, member cities and networks.

Views parse the request and call the selectors of ``members.domain.queries_api``; every list has a fixed
number of queries whatever its length. Bad filter or pagination parameters get a 400 (or 404 for a page
out of range) with a JSON body naming the parameter, and an unknown or malformed code or slug a JSON 404:
never a 500.
"""

import re

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound

from educities.members.api.filters import NetworkFilter
from educities.members.api.pagination import ApiPagination
from educities.members.api.serializers import (
    CityDetailSerializer,
    CitySerializer,
    CountrySerializer,
    NetworkDetailSerializer,
    NetworkSerializer,
)
from educities.members.domain.queries_api import (
    cities_api_list,
    city_api_detail,
    countries_api_list,
    country_api_detail,
    network_api_detail,
    networks_api_list,
)
from educities.members.interfaces.filters import CityFilter

COUNTRY_CODE_PATTERN = "[A-Za-z]{2}"
SLUG_PATTERN = "[-a-zA-Z0-9_]{1,160}"

BAD_PARAMETERS = OpenApiResponse(
    description=_("A filter or pagination parameter is not valid; the body names it with the reason.")
)
PAGE_NOT_FOUND = OpenApiResponse(description=_("The page number is not a page of the results."))
NOT_FOUND = OpenApiResponse(description=_("No such object."))

ACCEPT_LANGUAGE = OpenApiParameter(
    name="Accept-Language",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description=_("Language of country names and public page links: en, fr, es, pt or ca (default en)."),
)


def _path_parameter(name: str, pattern: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name, OpenApiTypes.STR, OpenApiParameter.PATH, pattern=f"^{pattern}$", description=description
    )


class ReadOnlyApiViewSet(viewsets.ReadOnlyModelViewSet):
    # Public, anonymous and read-only: no authentication, so no session or CSRF is involved.
    authentication_classes = ()
    pagination_class = ApiPagination
    filter_backends = (DjangoFilterBackend,)
    detail_serializer_class = None
    # The URL takes any segment so that a malformed one gets the same JSON 404 as an unknown one;
    # ``lookup_pattern`` is checked before the database sees the value (a NUL byte breaks PostgreSQL).
    lookup_value_regex = "[^/]+"
    lookup_pattern = SLUG_PATTERN
    not_found_message = _("Not found.")

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return self.serializer_class

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # A stable order across pages even when the chosen sort key has ties.
        ordering = list(queryset.query.order_by)
        if ordering and not {"pk", "-pk"} & set(ordering):
            queryset = queryset.order_by(*ordering, "pk")
        return queryset

    def get_object(self):
        value = self.kwargs[self.lookup_field]
        if not re.fullmatch(self.lookup_pattern, value):
            raise NotFound(self.not_found_message)
        try:
            return self.get_detail(value)
        except ObjectDoesNotExist:
            raise NotFound(self.not_found_message) from None

    def get_detail(self, value: str):
        raise NotImplementedError


@extend_schema_view(
    list=extend_schema(
        summary=_("List the countries that have member cities"),
        description=_("Ordered by ISO code."),
        tags=["countries"],
        parameters=[ACCEPT_LANGUAGE],
        responses={200: CountrySerializer, 400: BAD_PARAMETERS, 404: PAGE_NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=_("One country by its ISO code"),
        description=_("Only countries that have member cities are found."),
        tags=["countries"],
        parameters=[
            ACCEPT_LANGUAGE,
            _path_parameter("code", COUNTRY_CODE_PATTERN, _("ISO 3166-1 alpha-2 code, such as ES.")),
        ],
        responses={200: CountrySerializer, 404: NOT_FOUND},
    ),
)
class CountryViewSet(ReadOnlyApiViewSet):
    serializer_class = CountrySerializer
    lookup_field = "code"
    lookup_pattern = COUNTRY_CODE_PATTERN
    not_found_message = _("No country with member cities has this code.")

    def get_queryset(self):
        return countries_api_list()

    def get_detail(self, value: str):
        return country_api_detail(code=value)


@extend_schema_view(
    list=extend_schema(
        summary=_("List the member cities"),
        description=_(
            "The same filters as the public directory; filters combine with AND. "
            "Only member cities are listed."
        ),
        tags=["cities"],
        parameters=[
            ACCEPT_LANGUAGE,
            OpenApiParameter(
                "country",
                OpenApiTypes.STR,
                description=_("ISO code of a country that has member cities (see /api/v1/countries/)."),
            ),
            OpenApiParameter(
                "network", OpenApiTypes.STR, description=_("Slug of a network (see /api/v1/networks/).")
            ),
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                description=_("Part of the city's name or region, at most 100 characters."),
            ),
        ],
        responses={200: CitySerializer, 400: BAD_PARAMETERS, 404: PAGE_NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=_("One member city by its slug"),
        description=_("With its public profile and the contacts who agreed to be shown publicly."),
        tags=["cities"],
        parameters=[ACCEPT_LANGUAGE, _path_parameter("slug", SLUG_PATTERN, _("The city's slug."))],
        responses={200: CityDetailSerializer, 404: NOT_FOUND},
    ),
)
class CityViewSet(ReadOnlyApiViewSet):
    serializer_class = CitySerializer
    detail_serializer_class = CityDetailSerializer
    filterset_class = CityFilter
    lookup_field = "slug"
    not_found_message = _("No member city has this slug.")

    def get_queryset(self):
        return cities_api_list()

    def get_detail(self, value: str):
        return city_api_detail(slug=value)


@extend_schema_view(
    list=extend_schema(
        summary=_("List the networks and delegations"),
        description=_("Ordered by kind, then name. Each network lists its coordinating member cities."),
        tags=["networks"],
        responses={200: NetworkSerializer, 400: BAD_PARAMETERS, 404: PAGE_NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=_("One network by its slug"),
        description=_("With all its member cities."),
        tags=["networks"],
        parameters=[_path_parameter("slug", SLUG_PATTERN, _("The network's slug."))],
        responses={200: NetworkDetailSerializer, 404: NOT_FOUND},
    ),
)
class NetworkViewSet(ReadOnlyApiViewSet):
    serializer_class = NetworkSerializer
    detail_serializer_class = NetworkDetailSerializer
    filterset_class = NetworkFilter
    lookup_field = "slug"
    not_found_message = _("No network has this slug.")

    def get_queryset(self):
        return networks_api_list()

    def get_detail(self, value: str):
        return network_api_detail(slug=value)
