from rest_framework import viewsets

from educities.members.models import City, Country, Network


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Country.objects.none()


class CityViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = City.objects.none()


class NetworkViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Network.objects.none()
