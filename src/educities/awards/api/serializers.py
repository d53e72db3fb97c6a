"""The Educating City Award in the REST API: announced editions, their figures and published results.

Public fields only: never a draft edition, an unpublished result, a score, a juror, an answer or a
letter. Free texts (theme, axes, rules) come in the language asked for, or in their original language,
and say which (``TranslatedText``). The views pass the texts, the phases and the figures in the context
(computed once for the whole list).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from educities.awards.enums import EditionPhase
from educities.core.enums import Provenance


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class AwardTranslatedTextSerializer(serializers.Serializer):
    """One text of an edition in the language asked for, or else in its original language."""

    text = serializers.CharField(help_text=_("Plain text."))
    language = serializers.CharField(help_text=_("Language of this text."))
    provenance = serializers.ChoiceField(
        choices=Provenance.choices, help_text=_("Where this text comes from.")
    )
    is_original = serializers.BooleanField()
    is_fallback = serializers.BooleanField(
        help_text=_("The language asked for has no text yet: this is the original.")
    )
    is_stale = serializers.BooleanField(help_text=_("A translation of an older version of the original."))


class AwardPhaseSerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        # An edition not announced never appears in the API.
        choices=[choice for choice in EditionPhase.choices if choice[0] != EditionPhase.DRAFT],
        help_text=_("Where the edition stands."),
    )
    label = serializers.CharField(help_text=_("The phase in the language of the request."))


class AwardFiguresSerializer(serializers.Serializer):
    candidacies = serializers.IntegerField(
        help_text=_("Applications that reached the Secretariat and were not withdrawn.")
    )
    cities = serializers.IntegerField(help_text=_("Cities that applied."))
    countries = serializers.IntegerField(help_text=_("Countries of the cities that applied."))


class AwardResultCitySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField(source="country.code", help_text=_("ISO 3166-1 alpha-2 code."))
    country_name = serializers.CharField(
        source="country.name", help_text=_("Name in the language of the request.")
    )
    url = serializers.SerializerMethodField(help_text=_("The city's public page."))

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, city) -> str:
        return _absolute(self.context.get("request"), city.get_absolute_url())


class AwardResultExperienceSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.SerializerMethodField(
        help_text=_("In the language asked for, else in its original language.")
    )
    url = serializers.SerializerMethodField(help_text=_("The experience's page in the bank of experiences."))
    api_url = serializers.SerializerMethodField(help_text=_("The experience in this API."))

    def get_title(self, experience) -> str:
        value = self.context.get("experience_titles", {}).get((experience.pk, "title"))
        return value.text if value is not None else ""

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, experience) -> str:
        return _absolute(self.context.get("request"), experience.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, experience) -> str:
        return _absolute(self.context.get("request"), f"/api/v1/experiences/{experience.slug}/")


class AwardResultSerializer(serializers.Serializer):
    """A winner, special mention or finalist."""

    city = AwardResultCitySerializer()
    experience = serializers.SerializerMethodField(
        help_text=_("The experience in the bank of experiences; null when it is not public.")
    )
    statement = serializers.CharField(help_text=_("What the jury said of this candidacy."))

    @extend_schema_field(AwardResultExperienceSerializer(allow_null=True))
    def get_experience(self, application) -> dict | None:
        titles = self.context.get("experience_titles", {})
        if (application.experience_id, "title") not in titles:
            return None
        return AwardResultExperienceSerializer(application.experience, context=self.context).data


class AwardResultsSerializer(serializers.Serializer):
    winners = AwardResultSerializer(many=True)
    special_mentions = AwardResultSerializer(many=True)
    finalists = AwardResultSerializer(many=True)


class AwardEditionSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text=_("Number of the edition (1 for 2016)."))
    year = serializers.IntegerField()
    theme = serializers.SerializerMethodField()
    phase = serializers.SerializerMethodField()
    time_zone = serializers.CharField(help_text=_("The time zone of the edition's dates and times."))
    call_opens_at = serializers.DateTimeField(allow_null=True)
    deadline = serializers.DateTimeField(allow_null=True, help_text=_("Deadline for applications."))
    figures = serializers.SerializerMethodField(
        help_text=_("Candidacies, cities and countries; null until the call has closed.")
    )
    results_published_at = serializers.DateTimeField(
        allow_null=True, help_text=_("When the results were published (null before).")
    )
    is_void = serializers.BooleanField(help_text=_("The jury declared the award void: there is no winner."))
    url = serializers.SerializerMethodField(help_text=_("The edition's public page."))
    api_url = serializers.SerializerMethodField(help_text=_("The edition in this API."))

    def _row(self, edition) -> dict:
        return self.context["rows"][edition.pk]

    @extend_schema_field(AwardTranslatedTextSerializer)
    def get_theme(self, edition) -> dict:
        return AwardTranslatedTextSerializer(self._row(edition)["texts"]["theme"]).data

    @extend_schema_field(AwardPhaseSerializer)
    def get_phase(self, edition) -> dict:
        phase = self._row(edition)["phase"]
        return {"code": str(phase.value), "label": str(phase.label)}

    @extend_schema_field(AwardFiguresSerializer(allow_null=True))
    def get_figures(self, edition) -> dict | None:
        figures = self._row(edition)["figures"]
        if figures is None:
            return None
        return {"candidacies": figures.candidacies, "cities": figures.cities, "countries": figures.countries}

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, edition) -> str:
        return _absolute(self.context.get("request"), self._row(edition)["url"])

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, edition) -> str:
        return _absolute(self.context.get("request"), f"/api/v1/award/editions/{edition.year}/")


class AwardEditionDetailSerializer(AwardEditionSerializer):
    axes = serializers.SerializerMethodField(help_text=_("The axes of the theme, one per line."))
    rules = serializers.SerializerMethodField()
    jury_starts_on = serializers.DateField(allow_null=True)
    decision_on = serializers.DateField(allow_null=True)
    ceremony_on = serializers.DateField(allow_null=True)
    ceremony_place = serializers.CharField()
    initiative_cutoff = serializers.DateField(
        allow_null=True, help_text=_("Initiatives must have started before this date.")
    )
    jury_statement = serializers.SerializerMethodField(
        help_text=_("The statement of the jury; empty until the results are published.")
    )
    results = serializers.SerializerMethodField(
        help_text=_("Winners, special mentions and finalists; null until the results are published.")
    )

    @extend_schema_field(AwardTranslatedTextSerializer)
    def get_axes(self, edition) -> dict:
        return AwardTranslatedTextSerializer(self._row(edition)["texts"]["axes"]).data

    @extend_schema_field(AwardTranslatedTextSerializer)
    def get_rules(self, edition) -> dict:
        return AwardTranslatedTextSerializer(self._row(edition)["texts"]["rules"]).data

    def get_jury_statement(self, edition) -> str:
        return edition.jury_statement if edition.results_published_at is not None else ""

    @extend_schema_field(AwardResultsSerializer(allow_null=True))
    def get_results(self, edition) -> dict | None:
        results = self._row(edition).get("results")
        if edition.results_published_at is None or results is None:
            return None
        return AwardResultsSerializer(results, context=self.context).data
