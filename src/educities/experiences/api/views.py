"""The REST API of the bank of experiences under /api/v1/: public reading, city editors' writing.

Reading is public (published experiences; a city's own drafts to its editors and staff). Writing needs
an API token of a city editor or staff (``Authorization: Bearer …``, see ``accounts``) or, for the
browsable documentation, a signed-in session with its CSRF token. Views parse the request and call the
domain (``experience_create``, ``experience_draft_save``, ``experience_submit``, ``revision_submit``); a
value the domain refuses is a 400 with messages per field, a step the caller may not take a 403, an
experience the caller may not see a 404. No payload makes a 500.
"""

import re
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import (
    APIException,
    NotFound,
    ParseError,
    PermissionDenied,
    ValidationError,
)
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.domain.translations_queries import translations_prefetch
from educities.core.search import SearchQuery, search_run
from educities.experiences.api.serializers import (
    ExperienceCreateSerializer,
    ExperienceDetailSerializer,
    ExperienceListSerializer,
    ExperienceValuesSerializer,
    ExperienceWorkingSerializer,
    MyExperienceSerializer,
)
from educities.experiences.domain.drafts import (
    experience_create,
    experience_draft_save,
    experience_open_revision,
    experience_working_values,
)
from educities.experiences.domain.queries import experience_languages
from educities.experiences.domain.queries_api import (
    experience_api_detail,
    experience_api_for_writing,
    experience_translation_rows,
    experiences_api_by_ids,
    experiences_api_mine,
)
from educities.experiences.domain.search import FACETS, SEARCH_INDEX
from educities.experiences.domain.values import ValuesInvalid
from educities.experiences.domain.workflow import experience_submit, revision_submit
from educities.experiences.enums import (
    EXPERIENCE_PUBLIC_STATES,
    TEXT_FIELDS,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
)
from educities.experiences.interfaces.facets import facet_labels
from educities.experiences.models import Experience
from educities.members.api.pagination import ApiPagination
from educities.members.models import City

SLUG_PATTERN = "[-a-zA-Z0-9_]{1,120}"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LIST_FIELDS = ("title", "summary")
TEXT_MAX_CHARS = 1000
PAGE_SIZE = 20
PAGE_SIZE_MAX = 100
VALUES_MAX = 30  # per filter


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is too large.")
    default_code = "payload_too_large"


class SafeJSONParser(JSONParser):
    """JSON only, of a reasonable size; a document nested too deep for the parser is a 400 like any
    malformed one."""

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0) if request is not None else 0
        except ValueError:
            length = 0
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            raise PayloadTooLarge()
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - the document is nested too deeply.")) from None


# --- parameters of the list -------------------------------------------------------------------------


def _codes(child) -> serializers.ListField:
    return serializers.ListField(child=child, required=False, max_length=VALUES_MAX)


class ExperienceListParamsSerializer(serializers.Serializer):
    """The query string of the list. Repeat a filter for several values (they combine with OR);
    different filters combine with AND."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=TEXT_MAX_CHARS,
        help_text=gettext_lazy(
            'Full-text search in every language: words, "a phrase", prefix*, OR, -exclusion.'
        ),
    )
    lang = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text=gettext_lazy(
            "Language of the texts to return (default: Accept-Language); a text not yet in that "
            "language comes in its original language, and says so."
        ),
    )
    ordering = serializers.ChoiceField(
        choices=[("relevance", "relevance"), ("date", "date")],
        required=False,
        help_text=gettext_lazy("relevance (default with q) or date (newest first, the default without q)."),
    )
    country = _codes(serializers.RegexField(r"^[A-Za-z]{2}$", help_text=gettext_lazy("ISO code.")))
    network = _codes(serializers.RegexField(rf"^{SLUG_PATTERN}$", help_text=gettext_lazy("Network slug.")))
    theme = _codes(serializers.ChoiceField(choices=Theme.choices))
    principle = _codes(serializers.IntegerField(min_value=1, max_value=1000))
    sdg = _codes(serializers.ChoiceField(choices=SustainableDevelopmentGoal.choices))
    target_group = _codes(serializers.ChoiceField(choices=TargetGroup.choices))
    year = _codes(serializers.IntegerField(min_value=1000, max_value=9999))
    language = _codes(serializers.ChoiceField(choices=settings.LANGUAGES))
    award = _codes(serializers.ChoiceField(choices=[("yes", "yes")]))


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text=gettext_lazy("The value to filter with."))
    label = serializers.CharField()
    count = serializers.IntegerField(help_text=gettext_lazy("Experiences found with this value."))
    selected = serializers.BooleanField()


class ExperiencePageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    message = serializers.CharField(help_text=gettext_lazy("What the search made of q, if anything."))
    facets = serializers.DictField(
        child=FacetValueSerializer(many=True),
        help_text=gettext_lazy("For each filter, its values among the results, with their counts."),
    )
    results = ExperienceListSerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


BAD_PARAMETERS = OpenApiResponse(
    description=gettext_lazy("A parameter is not valid; the body names it with the reason.")
)
BAD_VALUES = OpenApiResponse(
    description=gettext_lazy(
        "Some values are refused: the body maps each field (or non_field_errors) to its messages."
    )
)
NOT_SIGNED_IN = OpenApiResponse(
    ErrorSerializer, description=gettext_lazy("No token, or a token that is malformed, revoked or expired.")
)
REFUSED = OpenApiResponse(ErrorSerializer, description=gettext_lazy("You may not do this."))
NOT_FOUND = OpenApiResponse(
    ErrorSerializer, description=gettext_lazy("No experience you may see has this slug.")
)
ACCEPT_LANGUAGE = OpenApiParameter(
    name="Accept-Language",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description=gettext_lazy("Language of labels and, without lang, of texts: en, fr, es, pt or ca."),
)
LANG = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=LANGUAGE_CODES,
    description=gettext_lazy(
        "Language of the texts (default: Accept-Language); a text not yet in that language comes in "
        "its original language, and says so."
    ),
)
SLUG = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    pattern=f"^{SLUG_PATTERN}$",
    description=gettext_lazy("The experience's slug."),
)


def _language(request) -> str:
    raw = request.query_params.get("lang")
    if raw:
        try:
            return serializers.ChoiceField(choices=settings.LANGUAGES).run_validation(raw)
        except ValidationError as error:
            raise ValidationError({"lang": error.detail}) from None
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return current if current in LANGUAGE_CODES else settings.LANGUAGE_CODE


def _list_params(request) -> tuple[dict, int, int]:
    data: dict = {}
    for name in ("q", "lang", "ordering"):
        if name in request.query_params:
            data[name] = request.query_params.getlist(name)[-1]
    for facet in FACETS:
        values = [value for value in request.query_params.getlist(facet) if value != ""]
        if values:
            data[facet] = values
    params = ExperienceListParamsSerializer(data=data)
    params.is_valid(raise_exception=True)
    cleaned = params.validated_data
    page_size = ExperiencePagination().get_page_size(request)
    raw_page = request.query_params.get("page", "1") or "1"
    if not (raw_page.isascii() and raw_page.isdigit() and len(raw_page) <= 6 and int(raw_page) >= 1):
        raise NotFound(_("Invalid page."))
    return cleaned, int(raw_page), page_size


class ExperiencePagination(ApiPagination):
    page_size = PAGE_SIZE
    max_page_size = PAGE_SIZE_MAX
    page_size_query_description = gettext_lazy("Number of results per page, from 1 to 100 (default 20).")


@contextmanager
def domain_errors():
    """The domain's refusals as API answers: 403 for a permission, 400 with messages per field else."""
    try:
        yield
    except PermissionRefused as refused:
        raise PermissionDenied(refused.message) from None
    except ValuesInvalid as invalid:
        errors = {
            ("non_field_errors" if key == "__all__" else key): list(messages)
            for key, messages in invalid.errors.items()
        }
        raise ValidationError(errors) from None
    except DomainError as error:
        raise ValidationError({"non_field_errors": [error.message]}) from None


def _values(request, serializer_class, *, partial: bool) -> dict:
    """The request's JSON object, type-checked: unknown keys and wrong types are refused per field."""
    data = request.data
    if not isinstance(data, dict):
        raise ValidationError({"non_field_errors": [_("Send a JSON object.")]})
    serializer = serializer_class(data=data, partial=partial)
    valid = serializer.is_valid()
    errors = dict(serializer.errors) if not valid else {}
    unknown = sorted(str(key)[:50] for key in data if key not in serializer.fields)
    if unknown:
        errors.setdefault("non_field_errors", []).append(
            _("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown[:10])}
        )
    if errors:
        raise ValidationError(errors)
    return dict(serializer.validated_data)


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("Search the published experiences"),
        description=gettext_lazy(
            "Full-text search in every language with facet filters, and the facet counts of the results."
        ),
        tags=["experiences"],
        parameters=[
            ACCEPT_LANGUAGE,
            ExperienceListParamsSerializer,
            OpenApiParameter("page", OpenApiTypes.INT, description=gettext_lazy("Page number (from 1).")),
            OpenApiParameter(
                "page_size",
                OpenApiTypes.INT,
                description=gettext_lazy("Number of results per page, from 1 to 100 (default 20)."),
            ),
        ],
        responses={
            200: ExperiencePageSerializer,
            400: BAD_PARAMETERS,
            404: OpenApiResponse(description=gettext_lazy("The page number is not a page of the results.")),
        },
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("One experience by its slug"),
        description=gettext_lazy(
            "Every value, vocabularies as codes and labels, texts in the language asked for with "
            "their provenance, the translations there are, files and city. Published and archived "
            "experiences are public; a city's editors and staff also see its other ones."
        ),
        tags=["experiences"],
        parameters=[ACCEPT_LANGUAGE, LANG, SLUG],
        responses={200: ExperienceDetailSerializer, 400: BAD_PARAMETERS, 404: NOT_FOUND},
    ),
    create=extend_schema(
        summary=gettext_lazy("Start an experience of a city (a draft)"),
        description=gettext_lazy(
            "For the city's editors and staff. Give the city's id, the title and the language it is "
            "written in, and any other values."
        ),
        tags=["experiences"],
        request=ExperienceCreateSerializer,
        responses={
            201: ExperienceWorkingSerializer,
            400: BAD_VALUES,
            401: NOT_SIGNED_IN,
            403: REFUSED,
        },
    ),
    partial_update=extend_schema(
        summary=gettext_lazy("Save values of an experience"),
        description=gettext_lazy(
            "Before its first publication the experience itself changes; once published, the values "
            "go to a proposed change that staff review before it goes live. Give only the values "
            "that change."
        ),
        tags=["experiences"],
        parameters=[SLUG],
        request=ExperienceValuesSerializer,
        responses={
            200: ExperienceWorkingSerializer,
            400: BAD_VALUES,
            401: NOT_SIGNED_IN,
            403: REFUSED,
            404: NOT_FOUND,
        },
    ),
)
class ExperienceViewSet(viewsets.GenericViewSet):
    parser_classes = (SafeJSONParser,)
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "head", "post", "patch"]
    serializer_class = ExperienceDetailSerializer
    pagination_class = None
    queryset = Experience.objects.none()  # for the schema's path parameters; reads go through selectors

    def get_permissions(self):
        # Reading is public; writing needs a signed-in caller (a 401 with the Bearer challenge first).
        if self.action in {"list", "retrieve"}:
            return [AllowAny()]
        return [IsAuthenticated()]

    # --- reading ---

    def list(self, request):
        params, page, page_size = _list_params(request)
        language = _language(request)
        text = " ".join(params.get("q", "").split())
        filters = {
            facet: [str(value).upper() if facet == "country" else str(value) for value in params[facet]]
            for facet in FACETS
            if params.get(facet)
        }
        ordering = params.get("ordering") or ("relevance" if text else "date")
        results = search_run(
            index=SEARCH_INDEX,
            query=SearchQuery(
                text=text,
                filters=filters,
                sort=ordering,
                page=page,
                per_page=page_size,
                language=language,
                facets=FACETS,
            ),
        )
        if results.error:
            raise ValidationError({"q": [results.error]})
        if page > results.num_pages:
            raise NotFound(_("Invalid page."))
        experiences = experiences_api_by_ids(ids=[hit.object_id for hit in results.hits])
        context = {
            "request": request,
            "texts": translations_prefetch(objects=experiences, fields=LIST_FIELDS, language=language),
            "languages": experience_languages(experiences=experiences),
        }
        url = request.build_absolute_uri()
        return Response(
            {
                "count": results.total,
                "next": replace_query_param(url, "page", page + 1) if page < results.num_pages else None,
                "previous": (
                    None
                    if page <= 1
                    else remove_query_param(url, "page")
                    if page == 2
                    else replace_query_param(url, "page", page - 1)
                ),
                "message": results.message,
                "facets": _facets(results.facets),
                "results": ExperienceListSerializer(experiences, many=True, context=context).data,
            }
        )

    def retrieve(self, request, slug=None):
        language = _language(request)
        experience = self._visible(slug)
        rows = experience_translation_rows(experience=experience)
        originals = {row.field: row for row in rows if row.provenance == "original"}
        context = {
            "request": request,
            "texts": translations_prefetch(objects=[experience], fields=TEXT_FIELDS, language=language),
            "languages": experience_languages(experiences=[experience]),
            "translation_rows": [
                {
                    "field": row.field,
                    "language": row.language,
                    "provenance": row.provenance,
                    "engine": row.engine,
                    "reviewed": row.reviewed,
                    "is_stale": row.provenance != "original"
                    and row.field in originals
                    and row.source_digest != originals[row.field].source_digest,
                    "translated_at": row.translated_at,
                }
                for row in rows
            ],
        }
        return Response(ExperienceDetailSerializer(experience, context=context).data)

    def _visible(self, slug: str):
        if not re.fullmatch(SLUG_PATTERN, slug or ""):
            raise NotFound(_("No experience you may see has this slug."))
        try:
            experience = experience_api_detail(slug=slug)
        except ObjectDoesNotExist:
            raise NotFound(_("No experience you may see has this slug.")) from None
        if not self.request.user.has_perm("experiences.view_experience", experience):
            raise NotFound(_("No experience you may see has this slug."))
        return experience

    # --- writing ---

    def _for_writing(self, slug: str):
        if not re.fullmatch(SLUG_PATTERN, slug or ""):
            raise NotFound(_("No experience you may see has this slug."))
        try:
            experience = experience_api_for_writing(slug=slug)
        except ObjectDoesNotExist:
            raise NotFound(_("No experience you may see has this slug.")) from None
        if not self.request.user.has_perm("experiences.view_experience", experience):
            raise NotFound(_("No experience you may see has this slug."))
        return experience

    def _working(self, request, experience, *, status_code=status.HTTP_200_OK) -> Response:
        experience = experience_api_for_writing(slug=experience.slug)
        experience.working_values = experience_working_values(experience=experience)
        context = {"request": request, "open_revision": experience_open_revision(experience=experience)}
        return Response(ExperienceWorkingSerializer(experience, context=context).data, status=status_code)

    def create(self, request):
        values = _values(request, ExperienceCreateSerializer, partial=False)
        city = City.objects.filter(pk=values.pop("city")).first()
        if city is None:
            raise ValidationError({"city": [_("No city has this id.")]})
        with domain_errors():
            experience = experience_create(actor=request.user, city=city, values=values)
        response = self._working(request, experience, status_code=status.HTTP_201_CREATED)
        response["Location"] = request.build_absolute_uri(f"/api/v1/experiences/{experience.slug}/")
        return response

    def partial_update(self, request, slug=None):
        experience = self._for_writing(slug)
        values = _values(request, ExperienceValuesSerializer, partial=True)
        with domain_errors():
            experience_draft_save(actor=request.user, experience=experience, values=values)
        return self._working(request, experience)

    @extend_schema(
        summary=gettext_lazy("Submit an experience (or its proposed change) for review"),
        description=gettext_lazy(
            "A draft, or one whose changes were requested, goes to the Secretariat's review; for a "
            "published experience, its proposed change does. The body is ignored."
        ),
        tags=["experiences"],
        parameters=[SLUG],
        request=None,
        responses={
            200: ExperienceWorkingSerializer,
            400: OpenApiResponse(
                description=gettext_lazy("It cannot be submitted now (non_field_errors says why).")
            ),
            401: NOT_SIGNED_IN,
            403: REFUSED,
            404: NOT_FOUND,
        },
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, slug=None):
        experience = self._for_writing(slug)
        with domain_errors():
            if experience.status in EXPERIENCE_PUBLIC_STATES:
                revision = experience_open_revision(experience=experience)
                if revision is None:
                    if not request.user.has_perm("experiences.submit_experience", experience):
                        raise PermissionRefused(_("You are not allowed to do this."))
                    raise DomainError(_("There are no changes to submit: save some values first."))
                revision_submit(revision=revision, actor=request.user)
            else:
                experience_submit(experience=experience, actor=request.user)
        return self._working(request, experience)


def _facets(counts) -> dict[str, list[dict]]:
    facets = {}
    for facet in FACETS:
        items = list(counts.get(facet, []))
        labels = facet_labels(facet, [item.value for item in items]) if items else {}
        facets[facet] = [
            {
                "value": item.value,
                "label": labels.get(item.value, item.value),
                "count": item.count,
                "selected": item.selected,
            }
            for item in items
        ]
    return facets


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("The experiences of my cities"),
        description=gettext_lazy(
            "Every experience, in every state, of the cities the caller is an editor of, with its "
            "proposed change if one is open."
        ),
        tags=["experiences"],
        parameters=[ACCEPT_LANGUAGE],
        responses={200: MyExperienceSerializer, 400: BAD_PARAMETERS, 401: NOT_SIGNED_IN},
    )
)
class MyExperiencesViewSet(viewsets.GenericViewSet):
    serializer_class = MyExperienceSerializer
    pagination_class = ApiPagination
    http_method_names = ["get", "head"]
    filter_backends = ()
    permission_classes = (IsAuthenticated,)

    def get_queryset(self):
        return experiences_api_mine(user=self.request.user)

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
