"""The International Day in the REST API: published campaigns and the activities on their agenda.

Public fields only: never a hidden activity, a moderation reason or who registered it; the contact
e-mail of an activity stays on its page. Moments are ISO 8601 in the activity's own time zone (with its
offset), with ``time_zone`` beside them. Campaign texts come in the language asked for, or in their
original language, and say which (``DayTranslatedText``); the views pass them in the context.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from educities.core.enums import Provenance
from educities.days.domain.common import day_of
from educities.days.domain.queries import choice_labels, zone_of
from educities.days.enums import ActivityFormat, ActivityKind, ActivityStatus


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class DayTranslatedTextSerializer(serializers.Serializer):
    """One text of a campaign in the language asked for, or else in its original language."""

    text = serializers.CharField(help_text=_("Plain text."))
    language = serializers.CharField(help_text=_("Language of this text (empty when unknown)."))
    provenance = serializers.ChoiceField(
        choices=Provenance.choices, help_text=_("Where this text comes from.")
    )
    is_original = serializers.BooleanField()
    is_fallback = serializers.BooleanField(
        help_text=_("The language asked for has no text yet: this is the original.")
    )
    is_stale = serializers.BooleanField(help_text=_("A translation of an older version of the original."))


class DayFiguresSerializer(serializers.Serializer):
    activities = serializers.IntegerField(help_text=_("Activities on the agenda that were not cancelled."))
    cities = serializers.IntegerField(help_text=_("Cities with such activities."))
    countries = serializers.IntegerField(help_text=_("Countries of those cities."))
    participants = serializers.IntegerField(help_text=_("Participants the cities reported after the Day."))


class DayCitySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField(source="country.code", help_text=_("ISO 3166-1 alpha-2 code."))
    country_name = serializers.CharField(
        source="country.name", help_text=_("Name in the language of the request.")
    )
    url = serializers.SerializerMethodField(help_text=_("The city's International Day page."))

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, city) -> str:
        return _absolute(self.context.get("request"), reverse("days:city", kwargs={"slug": city.slug}))


class ActivitySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField(source="campaign.year", help_text=_("The campaign's year."))
    title = serializers.CharField()
    language = serializers.CharField(help_text=_("The language the city wrote the activity in."))
    kind = serializers.ChoiceField(choices=ActivityKind.choices)
    kind_label = serializers.SerializerMethodField(help_text=_("In the language of the request."))
    format = serializers.ChoiceField(choices=ActivityFormat.choices)
    status = serializers.ChoiceField(
        choices=[
            (status.value, status.label) for status in (ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED)
        ],
        help_text=_("A cancelled activity stays on the agenda, marked as cancelled."),
    )
    starts_at = serializers.SerializerMethodField(help_text=_("ISO 8601, in the activity's time zone."))
    ends_at = serializers.SerializerMethodField(
        help_text=_("ISO 8601, in the activity's time zone, or null.")
    )
    time_zone = serializers.CharField(help_text=_("IANA name of the activity's time zone."))
    city = DayCitySerializer()
    place_name = serializers.CharField()
    address = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    online_url = serializers.URLField(help_text=_("The link of an online or hybrid activity."))
    organiser = serializers.CharField()
    audiences = serializers.ListField(child=serializers.CharField(), help_text=_("Audience codes."))
    languages = serializers.ListField(child=serializers.CharField(), help_text=_("Language codes spoken."))
    participants = serializers.IntegerField(allow_null=True, help_text=_("Reported after the Day."))
    url = serializers.SerializerMethodField(help_text=_("The activity's public page."))
    api_url = serializers.SerializerMethodField(help_text=_("The activity in this API."))

    def get_kind_label(self, activity) -> str:
        return choice_labels(ActivityKind).get(activity.kind, activity.kind)

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_starts_at(self, activity) -> str:
        return activity.starts_at.astimezone(zone_of(activity.time_zone)).isoformat()

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_ends_at(self, activity) -> str | None:
        if activity.ends_at is None:
            return None
        return activity.ends_at.astimezone(zone_of(activity.time_zone)).isoformat()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, activity) -> str:
        return _absolute(self.context.get("request"), reverse("days:activity", kwargs={"pk": activity.pk}))

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, activity) -> str:
        return _absolute(self.context.get("request"), f"/api/v1/day/activities/{activity.pk}/")


class ActivityPhotoSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    alt_text = serializers.CharField(help_text=_("What the photo shows."))
    credit = serializers.CharField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, photo) -> str:
        return _absolute(self.context.get("request"), photo.image.url)


class ActivityDetailSerializer(ActivitySerializer):
    description = serializers.CharField()
    report = serializers.CharField(help_text=_("The city's short report after the Day."))
    video_url = serializers.URLField()
    calendar_url = serializers.SerializerMethodField(help_text=_("The activity as an iCalendar file."))
    photos = ActivityPhotoSerializer(many=True, source="photos.all")

    @extend_schema_field(OpenApiTypes.URI)
    def get_calendar_url(self, activity) -> str:
        return _absolute(
            self.context.get("request"), reverse("days:activity_ics", kwargs={"pk": activity.pk})
        )


class CampaignMaterialSerializer(serializers.Serializer):
    title = serializers.CharField()
    language = serializers.CharField(help_text=_("Language code, empty when the file has no language."))
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, material) -> str:
        return _absolute(self.context.get("request"), material.file.url)


class CampaignSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    day = serializers.SerializerMethodField(help_text=_("The International Day: 30 November."))
    motto = serializers.SerializerMethodField()
    window_starts_on = serializers.DateField(help_text=_("Activities count from this day."))
    window_ends_on = serializers.DateField(help_text=_("Activities count until this day."))
    poster = serializers.SerializerMethodField(help_text=_("The poster's address, or null."))
    poster_alt = serializers.CharField(help_text=_("Alternative text of the poster."))
    figures = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text=_("The campaign's page with its agenda."))
    api_url = serializers.SerializerMethodField(help_text=_("The campaign in this API."))
    activities_url = serializers.SerializerMethodField(help_text=_("The campaign's activities in this API."))

    def _texts(self, campaign) -> dict:
        return self.context["texts"][campaign.pk]

    @extend_schema_field(OpenApiTypes.DATE)
    def get_day(self, campaign) -> str:
        return day_of(campaign.year).isoformat()

    @extend_schema_field(DayTranslatedTextSerializer)
    def get_motto(self, campaign) -> dict:
        return DayTranslatedTextSerializer(self._texts(campaign)["motto"]).data

    @extend_schema_field(OpenApiTypes.URI)
    def get_poster(self, campaign) -> str | None:
        return _absolute(self.context.get("request"), campaign.poster.url) if campaign.poster else None

    @extend_schema_field(DayFiguresSerializer)
    def get_figures(self, campaign) -> dict:
        figures = campaign.figures
        return {
            "activities": figures.activities,
            "cities": figures.cities,
            "countries": figures.countries,
            "participants": figures.participants,
        }

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, campaign) -> str:
        return _absolute(
            self.context.get("request"), reverse("days:campaign", kwargs={"year": campaign.year})
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, campaign) -> str:
        return _absolute(self.context.get("request"), f"/api/v1/day/campaigns/{campaign.year}/")

    @extend_schema_field(OpenApiTypes.URI)
    def get_activities_url(self, campaign) -> str:
        return _absolute(self.context.get("request"), f"/api/v1/day/activities/?year={campaign.year}")


class CampaignDetailSerializer(CampaignSerializer):
    manifesto = serializers.SerializerMethodField()
    guide = serializers.SerializerMethodField(help_text=_("The activity guide."))
    materials = CampaignMaterialSerializer(many=True, source="materials.all")

    @extend_schema_field(DayTranslatedTextSerializer)
    def get_manifesto(self, campaign) -> dict:
        return DayTranslatedTextSerializer(self._texts(campaign)["manifesto"]).data

    @extend_schema_field(DayTranslatedTextSerializer)
    def get_guide(self, campaign) -> dict:
        return DayTranslatedTextSerializer(self._texts(campaign)["guide"]).data
