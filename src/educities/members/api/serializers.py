"""Read-only representations of the member registry: public fields only, never fees or private contacts."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from educities.members.enums import IncomeGroup, NetworkKind, NetworkRole, PopulationBand, WorldRegion
from educities.members.models import City, Contact, Country, Network, NetworkMembership


class ReadOnlySerializer(serializers.ModelSerializer):
    # Every field, declared or generated, is output only.

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


class CountrySerializer(ReadOnlySerializer):
    code = serializers.CharField(help_text=_("ISO 3166-1 alpha-2 code."))
    name = serializers.CharField(help_text=_("Name in the language of the request (Accept-Language)."))
    income_group = serializers.ChoiceField(choices=IncomeGroup.choices)
    region = serializers.ChoiceField(choices=WorldRegion.choices, help_text=_("World region."))
    member_count = serializers.IntegerField(help_text=_("Number of member cities."))

    class Meta:
        model = Country
        fields = ["code", "name", "income_group", "region", "member_count"]


class CityNetworkSerializer(ReadOnlySerializer):
    """A network a city belongs to, with the city's role in it."""

    slug = serializers.CharField(source="network.slug")
    name = serializers.CharField(source="network.name")
    role = serializers.ChoiceField(choices=NetworkRole.choices)

    class Meta:
        model = NetworkMembership
        fields = ["slug", "name", "role"]


class PublicContactSerializer(ReadOnlySerializer):
    class Meta:
        model = Contact
        fields = ["full_name", "position", "department", "email", "phone"]


class CitySerializer(ReadOnlySerializer):
    country = serializers.CharField(source="country.code", help_text=_("ISO 3166-1 alpha-2 code."))
    country_name = serializers.CharField(
        source="country.name", help_text=_("Name in the language of the request (Accept-Language).")
    )
    region = serializers.CharField(help_text=_("Region or province within the country."))
    world_region = serializers.ChoiceField(source="country.region", choices=WorldRegion.choices)
    population_band = serializers.ChoiceField(choices=PopulationBand.choices)
    networks = CityNetworkSerializer(source="network_memberships", many=True)
    url = serializers.SerializerMethodField(help_text=_("The city's public page."))

    class Meta:
        model = City
        fields = [
            "slug",
            "name",
            "country",
            "country_name",
            "region",
            "world_region",
            "latitude",
            "longitude",
            "population",
            "population_band",
            "website",
            "member_since",
            "networks",
            "url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, city: City) -> str:
        path = city.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class CityDetailSerializer(CitySerializer):
    contacts = PublicContactSerializer(
        source="public_contacts", many=True, help_text=_("Contacts who agreed to be shown publicly.")
    )

    class Meta(CitySerializer.Meta):
        fields = [*CitySerializer.Meta.fields, "description", "contacts"]


class NetworkCitySerializer(ReadOnlySerializer):
    """A member city of a network, with its role in the network."""

    slug = serializers.CharField(source="city.slug")
    name = serializers.CharField(source="city.name")
    country = serializers.CharField(source="city.country.code", help_text=_("ISO 3166-1 alpha-2 code."))
    role = serializers.ChoiceField(choices=NetworkRole.choices)

    class Meta:
        model = NetworkMembership
        fields = ["slug", "name", "country", "role"]


class NetworkSerializer(ReadOnlySerializer):
    kind = serializers.ChoiceField(choices=NetworkKind.choices)
    member_count = serializers.IntegerField(help_text=_("Number of member cities."))
    coordinators = NetworkCitySerializer(
        source="coordinator_rows", many=True, help_text=_("Coordinating and co-coordinating member cities.")
    )

    class Meta:
        model = Network
        fields = ["slug", "name", "acronym", "kind", "description", "website", "member_count", "coordinators"]


class NetworkDetailSerializer(NetworkSerializer):
    members = NetworkCitySerializer(source="member_rows", many=True, help_text=_("All member cities."))

    class Meta(NetworkSerializer.Meta):
        fields = [*NetworkSerializer.Meta.fields, "members"]
