import functools
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from educities.core.models import TimestampedModel
from educities.core.time_zones import validate_time_zone
from educities.core.validators import validate_city_population, validate_no_control_characters
from educities.members.enums import (
    POPULATION_BAND_LIMITS,
    FeeStatus,
    IncomeGroup,
    MembershipStatus,
    NetworkKind,
    NetworkRole,
    PopulationBand,
    RoleKind,
    SeatRole,
    WorldRegion,
)
from educities.members.storage import private_storage

_population_band_expression = Case(
    *[
        When(population__lte=upper, then=Value(band.value))
        for band, upper in POPULATION_BAND_LIMITS
        if upper is not None
    ],
    default=Value(PopulationBand.B8.value),
)


@functools.lru_cache(maxsize=4096)
def _country_name(code: str, language: str | None) -> str:
    # django-countries translates names on every access; a page lists dozens of them.
    with translation.override(language):
        return str(countries.name(code))


class Country(models.Model):
    code = CountryField(_("country"), unique=True)
    income_group = models.CharField(_("income group"), max_length=3, choices=IncomeGroup.choices)
    region = models.CharField(_("world region"), max_length=20, choices=WorldRegion.choices)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _country_name(str(self.code), translation.get_language())

    @property
    def flag(self) -> str:
        return self.code.unicode_flag


class City(TimestampedModel):
    name = models.CharField(_("name"), max_length=120, validators=[validate_no_control_characters])
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="cities"
    )
    region = models.CharField(_("region"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("IANA name, for example Europe/Madrid: the city's activities are entered in it."),
    )
    population = models.PositiveIntegerField(_("population"), validators=[validate_city_population])
    population_band = models.GeneratedField(
        expression=_population_band_expression,
        output_field=models.CharField(max_length=1, choices=PopulationBand.choices),
        db_persist=True,
        verbose_name=_("population band"),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("profile"), blank=True)
    geonames_id = models.PositiveIntegerField(_("GeoNames id"), null=True, blank=True, unique=True)
    membership_status = models.CharField(
        _("membership status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.APPLIED,
        db_index=True,
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    ratified_at = models.ForeignKey(
        "GeneralAssembly",
        verbose_name=_("ratified by the General Assembly of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ratified_cities",
    )
    certificate_number = models.CharField(_("certificate number"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="city_unique_name_per_country"),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90) & Q(longitude__gte=-180, longitude__lte=180),
                name="city_coordinates_valid",
            ),
        ]
        indexes = [models.Index(fields=["membership_status", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:city_detail", kwargs={"slug": self.slug})

    @property
    def is_member(self) -> bool:
        return self.membership_status == MembershipStatus.MEMBER

    def get_population_band_display(self) -> str:
        # A generated field keeps its choices on its output field, so Django adds no such method.
        return str(PopulationBand(self.population_band).label)


def _application_upload_to(instance, filename: str) -> str:
    # Never the client's name or extension: the files are checked to be PDFs, and are stored as such.
    return f"applications/{instance.city_id}/{uuid.uuid4().hex}.pdf"


class MembershipApplication(TimestampedModel):
    """The documents a city sends to join: the form signed by the mayor and the plenary approval."""

    city = models.ForeignKey(
        City, verbose_name=_("city"), on_delete=models.CASCADE, related_name="applications"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="membership_applications",
    )
    # Private files (members/storage.py): outside MEDIA_ROOT, served only by the back office.
    mayor_form = models.FileField(
        _("membership form signed by the mayor"),
        upload_to=_application_upload_to,
        storage=private_storage,
    )
    plenary_approval = models.FileField(
        _("approval by the municipal plenary"),
        upload_to=_application_upload_to,
        storage=private_storage,
    )
    motivation = models.TextField(_("motivation"), blank=True)

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.city} ({self.created_at:%Y-%m-%d})"


class Contact(TimestampedModel):
    city = models.ForeignKey(City, verbose_name=_("city"), on_delete=models.CASCADE, related_name="contacts")
    full_name = models.CharField(_("full name"), max_length=150, validators=[validate_no_control_characters])
    position = models.CharField(_("position"), max_length=150, blank=True)
    department = models.CharField(_("department"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    is_primary = models.BooleanField(_("main contact"), default=False)
    is_public = models.BooleanField(
        _("agreed to be shown publicly"),
        default=False,
        help_text=_("Only contacts who consented are shown on the public city page."),
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-is_primary", "full_name"]
        constraints = [
            models.UniqueConstraint(fields=["city", "email"], name="contact_unique_email_per_city"),
        ]

    def __str__(self) -> str:
        return self.full_name


class FeeRate(models.Model):
    """One cell of the editable fee table: population band × income group → yearly fee."""

    population_band = models.CharField(_("population band"), max_length=1, choices=PopulationBand.choices)
    income_group = models.CharField(_("income group"), max_length=3, choices=IncomeGroup.choices)
    amount = models.DecimalField(_("yearly fee (EUR)"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("fee rate")
        verbose_name_plural = _("fee table")
        ordering = ["income_group", "population_band"]
        constraints = [
            models.UniqueConstraint(fields=["population_band", "income_group"], name="fee_rate_unique_cell"),
        ]

    def __str__(self) -> str:
        return f"{self.get_income_group_display()} / {self.get_population_band_display()}: {self.amount}"


class FeeRecord(TimestampedModel):
    city = models.ForeignKey(City, verbose_name=_("city"), on_delete=models.CASCADE, related_name="fees")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount (EUR)"), max_digits=8, decimal_places=2)
    status = models.CharField(_("status"), max_length=8, choices=FeeStatus.choices, default=FeeStatus.UNPAID)
    invoice_reference = models.CharField(_("invoice reference"), max_length=40, blank=True)
    invoiced_on = models.DateField(_("invoiced on"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        verbose_name = _("fee record")
        verbose_name_plural = _("fee records")
        ordering = ["-year", "city__name"]
        constraints = [models.UniqueConstraint(fields=["city", "year"], name="fee_record_unique_year")]

    def __str__(self) -> str:
        return f"{self.city} {self.year}: {self.get_status_display()}"


class Network(TimestampedModel):
    name = models.CharField(
        _("name"), max_length=160, unique=True, validators=[validate_no_control_characters]
    )
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=NetworkKind.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    cities = models.ManyToManyField(City, through="NetworkMembership", related_name="networks")

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:network_detail", kwargs={"slug": self.slug})


class NetworkMembership(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="network_memberships")
    role = models.CharField(_("role"), max_length=16, choices=NetworkRole.choices, default=NetworkRole.MEMBER)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [models.UniqueConstraint(fields=["network", "city"], name="network_membership_unique")]

    def __str__(self) -> str:
        return f"{self.city} in {self.network} ({self.role})"


class GeneralAssembly(models.Model):
    date = models.DateField(_("date"), unique=True)
    place = models.CharField(_("place"), max_length=120)
    is_online = models.BooleanField(_("held online"), default=False)

    class Meta:
        verbose_name = _("General Assembly")
        verbose_name_plural = _("General Assemblies")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.place} {self.date:%Y-%m-%d}"


class ExecutiveCommitteeSeat(models.Model):
    city = models.ForeignKey(City, verbose_name=_("city"), on_delete=models.CASCADE, related_name="seats")
    role = models.CharField(_("role"), max_length=16, choices=SeatRole.choices)
    representative = models.CharField(_("representative"), max_length=150, blank=True)
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))

    class Meta:
        verbose_name = _("Executive Committee seat")
        verbose_name_plural = _("Executive Committee seats")
        ordering = ["role", "city__name"]
        constraints = [
            models.CheckConstraint(condition=Q(term_end__gt=models.F("term_start")), name="seat_term_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.city} ({self.get_role_display()})"


class RoleGrant(models.Model):
    """A role a user holds: on a city (city editor), a network (coordinator), the committee, or translator."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_grants")
    kind = models.CharField(_("role"), max_length=16, choices=RoleKind.choices)
    city = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.CASCADE, related_name="role_grants"
    )
    network = models.ForeignKey(
        Network, null=True, blank=True, on_delete=models.CASCADE, related_name="role_grants"
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "city", "network"], name="role_grant_unique"),
            models.CheckConstraint(
                condition=(
                    Q(kind=RoleKind.CITY_EDITOR, city__isnull=False, network__isnull=True)
                    | Q(kind=RoleKind.COORDINATOR, network__isnull=False, city__isnull=True)
                    | Q(kind=RoleKind.EXECUTIVE, city__isnull=True, network__isnull=True)
                    | Q(kind=RoleKind.TRANSLATOR, city__isnull=True, network__isnull=True)
                ),
                name="role_grant_target_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        target = self.city or self.network or ""
        return f"{self.user} — {self.get_kind_display()} {target}".strip()
