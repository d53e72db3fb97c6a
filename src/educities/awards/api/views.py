"""The Educating City Award in the REST API under /api/v1/award/: announced editions and their results.

Public and read-only. The views call the award's selectors (``editions_public``, ``edition_public``)
and read every list in a constant number of queries. An edition not announced does not exist here; its
results appear once published. A malformed year, an unknown one or a bad ``lang`` get a JSON 404 or
400, never a 500.
"""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from educities.awards.api.serializers import AwardEditionDetailSerializer, AwardEditionSerializer
from educities.awards.domain.editions import edition_phase
from educities.awards.domain.queries import EditionFigures, edition_public, edition_texts, editions_public
from educities.awards.enums import RESULT_STATES, ApplicationStatus, EditionPhase
from educities.awards.models import EDITION_TEXT_FIELDS, Edition
from educities.core.domain.translations_queries import translations_prefetch
from educities.experiences.enums import EXPERIENCE_PUBLIC_STATES
from educities.members.api.pagination import ApiPagination

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
YEAR_PATTERN = "[0-9]{4}"
# Where the call has closed: the figures are final.
FIGURES_PHASES = frozenset({EditionPhase.JURY, EditionPhase.RESULTS, EditionPhase.VOID})
RESULT_KEYS = {
    ApplicationStatus.WINNER: "winners",
    ApplicationStatus.SPECIAL_MENTION: "special_mentions",
    ApplicationStatus.FINALIST: "finalists",
}

ACCEPT_LANGUAGE = OpenApiParameter(
    name="Accept-Language",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description=gettext_lazy("Language of labels and country names and, without lang, of texts."),
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
YEAR = OpenApiParameter(
    "year",
    OpenApiTypes.INT,
    OpenApiParameter.PATH,
    pattern=f"^{YEAR_PATTERN}$",
    description=gettext_lazy("The year of the edition, such as 2018."),
)
NOT_FOUND = OpenApiResponse(description=gettext_lazy("No announced edition of the award in this year."))
BAD_PARAMETERS = OpenApiResponse(
    description=gettext_lazy("A parameter is not valid; the body names it with the reason.")
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


def _row(edition: Edition, *, texts: dict, now) -> dict:
    phase = edition_phase(edition=edition, now=now)
    figures: EditionFigures = edition.figures
    return {
        "texts": texts,
        "phase": phase,
        "figures": figures if phase in FIGURES_PHASES or figures.recorded else None,
        "url": reverse("awards:edition", kwargs={"year": edition.year}),
    }


def _results(edition: Edition) -> dict[str, list]:
    results: dict[str, list] = {key: [] for key in RESULT_KEYS.values()}
    if edition.results_published_at is None:
        return results
    for application in edition.result_list:
        if application.status in RESULT_STATES:
            results[RESULT_KEYS[application.status]].append(application)
    return results


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("List the editions of the Educating City Award"),
        description=gettext_lazy(
            "Announced editions, newest first, with their theme, phase, call dates and figures "
            "(candidacies, cities, countries: once the call has closed)."
        ),
        tags=["award"],
        parameters=[
            ACCEPT_LANGUAGE,
            LANG,
            OpenApiParameter("page", OpenApiTypes.INT, description=gettext_lazy("Page number (from 1).")),
            OpenApiParameter(
                "page_size",
                OpenApiTypes.INT,
                description=gettext_lazy("Number of results per page, from 1 to 200 (default 50)."),
            ),
        ],
        responses={
            200: AwardEditionSerializer(many=True),
            400: BAD_PARAMETERS,
            404: OpenApiResponse(description=gettext_lazy("The page number is not a page of the results.")),
        },
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("One edition of the Educating City Award by its year"),
        description=gettext_lazy(
            "Theme, axes and rules, timeline, figures and, once published, the results: winners, "
            "special mentions and finalists with their city, country and experience, and the "
            "statement of the jury."
        ),
        tags=["award"],
        parameters=[ACCEPT_LANGUAGE, LANG, YEAR],
        responses={200: AwardEditionDetailSerializer, 400: BAD_PARAMETERS, 404: NOT_FOUND},
    ),
)
class EditionViewSet(viewsets.GenericViewSet):
    # Public, anonymous and read-only: no authentication, so no session or CSRF is involved.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    pagination_class = ApiPagination
    serializer_class = AwardEditionSerializer
    lookup_field = "year"
    lookup_value_regex = "[^/]+"  # a malformed year gets the same JSON 404 as an unknown one
    http_method_names = ["get", "head", "options"]
    queryset = Edition.objects.none()  # for the schema; reads go through the selectors

    def list(self, request):
        language = _language(request)
        editions = editions_public()
        page = self.paginate_queryset(editions)
        texts = translations_prefetch(objects=page, fields=["theme"], language=language)
        now = timezone.now()
        context = {
            **self.get_serializer_context(),
            "rows": {
                edition.pk: _row(edition, texts={"theme": texts[(edition.pk, "theme")]}, now=now)
                for edition in page
            },
        }
        return self.get_paginated_response(AwardEditionSerializer(page, many=True, context=context).data)

    def retrieve(self, request, year=None):
        language = _language(request)
        if not re.fullmatch(YEAR_PATTERN, str(year)):
            raise NotFound(_("No announced edition of the award in this year."))
        edition = edition_public(year=int(year))
        if edition is None:
            raise NotFound(_("No announced edition of the award in this year."))
        texts = edition_texts(edition=edition, language=language)
        row = _row(edition, texts={field: texts[field] for field in EDITION_TEXT_FIELDS}, now=timezone.now())
        results = _results(edition)
        public = [
            application.experience
            for applications in results.values()
            for application in applications
            if application.experience.status in EXPERIENCE_PUBLIC_STATES
        ]
        row["results"] = results
        context = {
            **self.get_serializer_context(),
            "rows": {edition.pk: row},
            "experience_titles": translations_prefetch(objects=public, fields=["title"], language=language),
        }
        return Response(AwardEditionDetailSerializer(edition, context=context).data)
