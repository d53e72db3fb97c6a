"""factory_boy factories for every model the tests need; no fixture files."""

import io
from datetime import date

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF

from educities.accounts.models import User
from educities.charter.models import CharterPrinciple, PrincipleGroup
from educities.members.domain.roles import (
    role_grant_city_editor,
    role_grant_coordinator,
    role_grant_executive,
)
from educities.members.enums import (
    FeeStatus,
    IncomeGroup,
    MembershipStatus,
    NetworkKind,
    NetworkRole,
    WorldRegion,
)
from educities.members.models import (
    City,
    Contact,
    Country,
    FeeRecord,
    GeneralAssembly,
    MembershipApplication,
    Network,
    NetworkMembership,
)

COUNTRY_CODES = ["ES", "FR", "PT", "BR", "AR", "MX", "IT", "KR", "CO", "BE", "DE", "FI", "SN", "TN", "CL"]


def make_pdf_bytes(text: str = "Signed form") -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    buffer = io.BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()


def pdf_upload(name: str = "form.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf_bytes(), content_type="application/pdf")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's hook signature
        if create:
            obj.save()


class StaffFactory(UserFactory):
    is_staff = True


def make_city_editor(city: City, **kwargs) -> User:
    user = UserFactory(**kwargs)
    role_grant_city_editor(user=user, city=city)
    return user


def make_coordinator(network: Network, **kwargs) -> User:
    user = UserFactory(**kwargs)
    role_grant_coordinator(user=user, network=network)
    return user


def make_executive(**kwargs) -> User:
    user = UserFactory(**kwargs)
    role_grant_executive(user=user)
    return user


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Iterator(COUNTRY_CODES)
    income_group = IncomeGroup.IV
    region = WorldRegion.EUROPE


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = factory.SubFactory(CountryFactory)
    region = "Region"
    latitude = 41.38
    longitude = 2.17
    population = 150_000
    membership_status = MembershipStatus.MEMBER
    member_since = date(2010, 11, 30)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    city = factory.SubFactory(CityFactory, membership_status=MembershipStatus.APPLIED)
    mayor_form = factory.LazyFunction(lambda: pdf_upload("mayor.pdf"))
    plenary_approval = factory.LazyFunction(lambda: pdf_upload("plenary.pdf"))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    city = factory.SubFactory(CityFactory)
    full_name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"contact{n}@city.example.org")
    position = "Head of education"
    is_public = True


class FeeRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeeRecord

    city = factory.SubFactory(CityFactory)
    year = 2026
    amount = 660
    status = FeeStatus.UNPAID


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    kind = NetworkKind.TERRITORIAL


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    network = factory.SubFactory(NetworkFactory)
    city = factory.SubFactory(CityFactory)
    role = NetworkRole.MEMBER


class GeneralAssemblyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GeneralAssembly

    date = factory.Sequence(lambda n: date(2026, 11, 1 + n % 28))
    place = "Granollers"


class CharterPrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CharterPrinciple

    number = factory.Sequence(lambda n: n + 1)
    group = PrincipleGroup.RIGHT
    labels = factory.LazyAttribute(lambda o: {"en": f"Principle {o.number}", "fr": f"Principe {o.number}"})
