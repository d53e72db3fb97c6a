"""Load the demo experiences: about 300 practices of member cities, through the domain functions.

Run after the member registry's demo data (``manage.py demo_load`` runs both). One run on an empty
bank creates, from the 72 practices written in ``demo/data/`` (es, pt, fr, en and a few ca):

- 301 experiences of member cities in 36 countries, each in the city's language (Spain and Latin
  America in Spanish, with two Catalan practices in cities of Catalonia; Portugal, Brazil and Cabo
  Verde in Portuguese; France, Montreux and the French-speaking African members in French; the others
  in English), with figures, years, partners and departments that vary from city to city;
- every moderation state, each reached step by step by the workflow functions (never by setting the
  status): ``STATE_COUNTS`` below, the rest published (231), of which 10 are focus experiences (the
  award-winning ones come from the award's own demo, through its results); changes requested and
  rejections carry a comment in the city's language;
- 6 published experiences whose summary changed later through a published revision, so that their
  translations are stale, and 5 with a proposed change (a revision) waiting for review;
- translations of the title and summary into the other official languages (en, fr, es, pt) for about
  60 % of the published experiences, and of all seven texts into French and English for the 24 best
  ones. The human ones are saved by the demo translator (translator@demo.educities.org). **All these
  translations were written by us**: the ones recorded as machine translations (engine "deepl") are
  labelled so for demonstration only; no engine was called;
- the experience the end-to-end journey and the docs use: "Conselho Municipal das Crianças do Porto",
  written in Portuguese, published and featured, with a French machine translation of every text.

Dates are moved back afterwards (start dates 2008–2025, publications from 2019 on, the moderation
queue in the last months), the audit log with them, and the search index is rebuilt once at the end.

Running it again finds every experience in place (by city and title) and changes nothing.
"""

import datetime
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from educities.accounts.models import User
from educities.core.domain.translations import translation_save_human, translation_save_machine
from educities.core.enums import Provenance
from educities.core.models import AuditEntry, TextTranslation
from educities.core.signals import translation_saved
from educities.experiences.demo.data import ca, en, es, fr, pt
from educities.experiences.demo.data.moderation import (
    CHANGES_REQUESTED,
    REJECTED,
    RESULTS_UPDATE,
    SUMMARY_UPDATE,
)
from educities.experiences.demo.data.places import (
    CITY_WEBSITES,
    RED_CROSS,
    RED_CROSS_DEFAULT,
    UNIVERSITIES,
    WEBSITE_LABELS,
)
from educities.experiences.demo.practice import Practice, city_forms, plain_text, rich_text
from educities.experiences.domain.drafts import experience_create, experience_draft_save
from educities.experiences.domain.search import experiences_reindex_all
from educities.experiences.domain.workflow import (
    experience_archive,
    experience_feature,
    experience_publish,
    experience_reject,
    experience_request_changes,
    experience_review_start,
    experience_submit,
    revision_publish,
    revision_submit,
)
from educities.experiences.enums import RICH_FIELDS, TEXT_FIELDS, BudgetRange, ExperienceStatus
from educities.experiences.models import Experience, ExperienceRevision
from educities.members.demo.loader import DEMO_PASSWORD
from educities.members.domain.roles import role_grant_translator
from educities.members.enums import MembershipStatus
from educities.members.models import City, Contact

Log = Callable[[str], None]
S = ExperienceStatus

SEED = "educities-demo-2026:experiences"
PRACTICES: list[Practice] = [*pt.PRACTICES, *es.PRACTICES, *fr.PRACTICES, *en.PRACTICES, *ca.PRACTICES]
# How many experiences end in each state other than published (all the others are published).
STATE_COUNTS: dict[str, int] = {
    S.DRAFT: 20,
    S.SUBMITTED: 12,
    S.IN_REVIEW: 10,
    S.CHANGES_REQUESTED: 10,
    S.REJECTED: 8,
    S.ARCHIVED: 10,
}
FEATURED = 10
TRANSLATED_SHARE = 0.6
STALE = 6
OPEN_REVISIONS = 5
OFFICIAL_LANGUAGES = ("en", "fr", "es", "pt")
FULL_LANGUAGES = ("fr", "en")
# The experience of the end-to-end journey and the docs: (country, city, practice).
KNOWN = ("PT", "Porto", "conselho-criancas")
TRANSLATOR = ("translator@demo.educities.org", "Tomás", "Translator")

_LATIN_AMERICA = {"AR", "BO", "CL", "CO", "CR", "DO", "EC", "GT", "MX", "PE", "PY", "UY", "VE"}
_LANGUAGE_BY_COUNTRY = {
    **dict.fromkeys({"ES", *_LATIN_AMERICA}, "es"),
    **dict.fromkeys({"PT", "BR", "CV"}, "pt"),
    **dict.fromkeys({"FR", "SN", "TN", "MA", "BF", "TG"}, "fr"),
}
# Where a city speaks otherwise than its country's default (Belgian members are Flemish: English).
_LANGUAGE_BY_CITY = {("CH", "Montreux"): "fr"}


def city_language(*, country: str, name: str) -> str:
    return _LANGUAGE_BY_CITY.get((country, name), _LANGUAGE_BY_COUNTRY.get(country, "en"))


def _number(value: int, language: str, country: str) -> str:
    """A figure written as the language writes it (1,200 / 1 200 / 1.200)."""
    if language == "en":
        return f"{value:,}"
    if value < 10_000:
        return str(value)
    grouped = f"{value:,}"
    if language == "fr" or (language == "pt" and country != "BR"):
        return grouped.replace(",", "\u202f")
    return grouped.replace(",", ".")


def _round(value: int) -> int:
    for limit, step in ((100_000, 1000), (10_000, 100), (1_000, 10)):
        if value >= limit:
            return round(value / step) * step
    return value


@dataclass
class Planned:
    """One experience of the demo: which practice, which city, and where the workflow takes it."""

    practice: Practice
    city: City
    numbers: dict[str, int]
    start: datetime.date
    end: datetime.date | None
    seed: str
    state: str = S.PUBLISHED
    featured: bool = False
    # "", "human", "machine" or "mixed": how the title and summary are translated.
    translation: str = ""
    full: bool = False
    stale: bool = False
    open_revision: bool = False
    known: bool = False
    times: dict[str, datetime.datetime] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.practice.language

    @property
    def country(self) -> str:
        return _country(self.city)

    def fill(self, template: str, language: str) -> str:
        values = {name: _number(value, language, self.country) for name, value in self.numbers.items()}
        values.update(city_forms(self.city.name, language))
        values.update(year=str(self.start.year), year_next=str(self.start.year + 1))
        return template.format_map(values)

    def text(self, field_name: str, language: str) -> str:
        """One text in ``language`` (the original, or a translation the practice has)."""
        if language == self.language:
            template = getattr(self.practice, field_name)
        elif field_name in {"title", "summary"}:
            template = self.practice.translations[language][0 if field_name == "title" else 1]
        else:
            template = self.practice.full[language][field_name]
        text = self.fill(template, language)
        return rich_text(text) if field_name in RICH_FIELDS else plain_text(text)

    @property
    def title(self) -> str:
        return self.text("title", self.language)

    def comment(self) -> str:
        """What the Secretariat wrote when it asked for changes or refused the experience."""
        options = CHANGES_REQUESTED if self.state == S.CHANGES_REQUESTED else REJECTED
        return self.rng("comment").choice(options[self.language])

    def rng(self, purpose: str) -> random.Random:
        return random.Random(f"{self.seed}:{purpose}")  # noqa: S311 - demo data, not security


# --- the plan: the same on every run ---------------------------------------------------------


def _capacity(city: City) -> int:
    """How many experiences a city may get: big cities run (and share) more programmes."""
    return 1 + (city.population >= 250_000) + (city.population >= 1_000_000)


def _country(city: City) -> str:
    """The city's country code, read once (django-countries builds an object on every access)."""
    code = getattr(city, "_demo_country", None)
    if code is None:
        code = city._demo_country = str(city.country.code)
    return code


def _in_catalonia(city: City) -> bool:
    """Spanish members north of 40.5° N and east of 0.35° E are the Catalan ones (the same set as
    geonames' region code, without loading geonames again)."""
    return _country(city) == "ES" and city.latitude >= 40.5 and city.longitude >= 0.35


def _pools(cities: list[City]) -> dict[str, list[City]]:
    pools: dict[str, list[City]] = {}
    for city in cities:
        pools.setdefault(city_language(country=_country(city), name=city.name), []).append(city)
        if _in_catalonia(city):
            pools.setdefault("ca", []).append(city)
    return pools


def _assign_cities(cities: list[City]) -> list[tuple[Practice, City]]:
    """Spread the practices over the cities of their language: every country first, then the cities
    with the fewest experiences for their size (big cities run several programmes), bigger ones first
    (with some chance)."""
    rng = random.Random(SEED)  # noqa: S311 - demo data, not security
    pools = _pools(cities)
    weight = {city.pk: city.population * rng.uniform(0.3, 1.0) for city in cities}
    load: Counter[int] = Counter()
    countries_used: Counter[str] = Counter()

    def candidates(practice: Practice) -> list[City]:
        pool = pools.get(practice.language, [])
        if practice.countries and practice.language != "ca":
            pool = [city for city in pool if _country(city) in practice.countries]
        return pool

    pairs: list[tuple[Practice, City]] = []
    # Practices with few possible cities choose first.
    for practice in sorted(PRACTICES, key=lambda p: (len(candidates(p)), p.key)):
        pool = candidates(practice)
        chosen: list[City] = []
        if practice.key == KNOWN[2]:
            chosen += [c for c in pool if (_country(c), c.name) == KNOWN[:2]]
        for _use in range(practice.uses - len(chosen)):
            options = [city for city in pool if city not in chosen]
            if not options:
                break
            city = min(
                options,
                key=lambda c: (
                    countries_used[_country(c)] > 0,
                    load[c.pk] - _capacity(c),
                    -weight[c.pk],
                    c.pk,
                ),
            )
            chosen.append(city)
        for city in chosen:
            load[city.pk] += 1
            countries_used[_country(city)] += 1
            pairs.append((practice, city))
    order = {practice.key: index for index, practice in enumerate(PRACTICES)}
    return sorted(pairs, key=lambda pair: (order[pair[0].key], pair[1].pk))


def _planned(practice: Practice, city: City, today: datetime.date) -> Planned:
    seed = f"{SEED}:{practice.key}:{city.pk}:{city.name}"
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    numbers = {name: _round(rng.randint(low, high)) for name, (low, high) in practice.figures.items()}
    first, last = practice.start_years
    start = datetime.date(rng.randint(first, min(last, 2025)), rng.choice((1, 2, 3, 4, 9, 9, 10, 10)), 1)
    end = None
    if rng.random() < 0.3:
        month, day = rng.choice(((6, 30), (7, 31), (12, 31)))
        end = datetime.date(start.year + rng.randint(2, 5), month, day)
        if end > today:
            end = None
    return Planned(practice=practice, city=city, numbers=numbers, start=start, end=end, seed=seed)


def demo_experience_plan(*, cities: list[City], today: datetime.date) -> list[Planned]:
    """Every demo experience with its city, texts, state and translations; the same on every run."""
    plan = [_planned(practice, city, today) for practice, city in _assign_cities(cities)]
    titles = Counter(item.title for item in plan)
    duplicates = [title for title, count in titles.items() if count > 1]
    if duplicates:
        raise ValueError(f"Demo titles must differ: {duplicates[:3]}")
    rng = random.Random(f"{SEED}:states")  # noqa: S311 - demo data, not security
    order = list(range(len(plan)))
    rng.shuffle(order)
    for item in plan:
        item.known = (item.country, item.city.name, item.practice.key) == KNOWN
        item.full = bool(item.practice.full)
    # The known experience and the fully translated ones are published; the others are spread.
    # Every country keeps at least one public experience.
    public_left = Counter(item.country for item in plan)
    free = []
    for index in order:
        item = plan[index]
        if not item.full and not item.known and public_left[item.country] > 1:
            free.append(index)
            public_left[item.country] -= 1
    cursor = 0
    for state, count in STATE_COUNTS.items():
        for index in free[cursor : cursor + count]:
            plan[index].state = state
        cursor += count
    for item in plan:
        if item.state == S.ARCHIVED and item.end is None:
            # An archived programme is one that has ended.
            end = datetime.date(max(item.start.year + 1, min(item.start.year + 3, today.year - 1)), 6, 30)
            item.end = min(end, today)
    published = [plan[index] for index in order if plan[index].state == S.PUBLISHED]
    _plan_translations(published, rng)
    others = [item for item in published if not item.known]
    featured = [item for item in others if item.translation][: FEATURED - 1]
    for item in [*[p for p in published if p.known], *featured]:
        item.featured = True
    simple = [item for item in others if item.translation and not item.full and not item.featured]
    for item in simple[:STALE]:
        item.stale = True
    for item in [item for item in others if not item.stale and not item.featured][-OPEN_REVISIONS:]:
        item.open_revision = True
    for item in plan:
        _plan_times(item, today)
    return plan


def _plan_translations(published: list[Planned], rng: random.Random) -> None:
    target = round(TRANSLATED_SHARE * len(published))
    chosen = [item for item in published if item.full or item.known]
    chosen += [item for item in published if item not in chosen][: max(target - len(chosen), 0)]
    for item in chosen:
        item.translation = rng.choices(("human", "machine", "mixed"), weights=(4, 4, 2))[0]


def _plan_times(item: Planned, today: datetime.date) -> None:
    """When each step happened: publications since 2019, the moderation queue in the last months."""
    rng = item.rng("times")
    now = timezone.now()
    day = datetime.timedelta(days=1)

    def at(date: datetime.date, hour: int | None = None) -> datetime.datetime:
        hour = rng.randint(8, 18) if hour is None else hour
        return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour, rng.randint(0, 59))))

    times: dict[str, datetime.datetime] = {}
    if item.state in {S.PUBLISHED, S.ARCHIVED}:
        earliest = max(item.start + 200 * day, datetime.date(2019, 3, 1))
        latest = today - (260 if item.stale or item.open_revision else 45) * day
        earliest = min(earliest, latest - 30 * day)
        published = earliest + rng.randrange((latest - earliest).days + 1) * day
        times["decided"] = at(published)
        times["review"] = times["decided"] - rng.randint(1, 6) * day
        times["submitted"] = times["review"] - rng.randint(1, 12) * day
        times["created"] = times["submitted"] - rng.randint(2, 40) * day
        times["translated"] = times["decided"] + rng.randint(3, 30) * day
        times["featured"] = at(today - rng.randint(5, 60) * day)
        if item.state == S.ARCHIVED:
            times["archived"] = at(max(item.end or today, published) + rng.randint(20, 90) * day)
        if item.stale or item.open_revision:
            times["revision"] = times["translated"] + rng.randint(60, 200) * day
            times["revision_decided"] = times["revision"] + rng.randint(2, 9) * day
    else:
        created = today - rng.randint(20, 150) * day
        times["created"] = at(created)
        times["submitted"] = at(created + rng.randint(3, 15) * day)
        times["review"] = times["submitted"] + rng.randint(1, 4) * day
        times["decided"] = times["review"] + rng.randint(1, 6) * day
    item.times = {key: min(value, now) for key, value in times.items()}


# --- what goes into the experience -----------------------------------------------------------


def _partner_name(name: str, item: Planned, rng: random.Random) -> str:
    country = item.country
    universities = UNIVERSITIES.get(country) or ("University of the region",)
    if "{university}" in name:
        return rng.choice(universities)
    if "{redcross}" in name:
        return RED_CROSS.get(country, RED_CROSS_DEFAULT)
    return item.fill(name, item.language)


def _values(item: Planned, contact_id: int | None) -> dict:
    practice = item.practice
    rng = item.rng("values")
    values = {field_name: item.text(field_name, item.language) for field_name in TEXT_FIELDS}
    departments = list(practice.departments)
    if len(departments) > 2 and rng.random() < 0.35:
        departments.pop(rng.randrange(2, len(departments)))
    principles = set(practice.principles)
    if rng.random() < 0.3:
        principles.add(rng.choice((2, 9)))
    partners = [
        {"name": _partner_name(name, item, rng), "kind": kind}
        for name, kind in practice.partners
        if len(practice.partners) < 3 or rng.random() < 0.85
    ]
    budget = practice.budget
    roll = rng.random()
    if roll < 0.08:
        budget = BudgetRange.UNDISCLOSED
    elif roll < 0.2:
        ranges = [BudgetRange.UNDER_10K, BudgetRange.FROM_10K, BudgetRange.FROM_50K]
        ranges += [BudgetRange.FROM_200K, BudgetRange.OVER_1M]
        index = ranges.index(budget) if budget in ranges else 1
        budget = ranges[min(max(index + rng.choice((-1, 1)), 0), len(ranges) - 1)]
    website = item.city.website or CITY_WEBSITES.get((item.country, item.city.name))
    values.update(
        original_language=item.language,
        start_date=item.start.isoformat(),
        end_date=item.end.isoformat() if item.end else None,
        is_ongoing=item.end is None,
        budget_range=str(budget),
        contact=contact_id,
        principles=sorted(principles),
        themes=list(practice.themes),
        target_groups=list(practice.targets),
        sdgs=list(practice.sdgs),
        departments=departments,
        partners=partners,
        links=[{"url": website, "label": WEBSITE_LABELS[item.language]}] if website else [],
    )
    if item.state == S.CHANGES_REQUESTED and any(
        word in item.comment() for word in ("Lecciones", "Lições", "Lessons")
    ):
        # The Secretariat asks for the lessons because they are missing.
        values.pop("lessons")
    if item.state == S.DRAFT and rng.random() < 0.5:
        # Half the drafts are still being written.
        for key in ("results", "lessons", "partners"):
            values.pop(key)
    return values


# --- loading ---------------------------------------------------------------------------------


def experiences_demo_load(*, log: Log = print, send_emails: bool = False) -> dict[str, int]:
    """Load (or complete) the demo experiences; returns the counts ``experiences_demo_counts`` gives."""
    started = time.monotonic()
    quiet = {}
    if not send_emails:
        quiet = {
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "TASKS": {
                alias: {**config, "BACKEND": "django_tasks.backends.dummy.DummyBackend"}
                for alias, config in settings.TASKS.items()
            },
        }
    with override_settings(**quiet), _index_at_the_end(), transaction.atomic():
        created = _ExperiencesLoader(log=log).run()
    counts = experiences_demo_counts()
    log(f"Experiences done in {time.monotonic() - started:.1f} s ({created} created).")
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        log(f"  {name:<{width}}  {count:>6}")
    return counts


@contextmanager
def _index_at_the_end() -> Iterator[None]:
    """Every saved translation re-indexes its experience after commit; the loader saves hundreds and
    rebuilds the whole index once at the end instead, so it turns that receiver off meanwhile."""
    from educities.experiences.signals import experience_reindex_on_translation

    uid = "experiences_reindex_on_translation"
    disconnected = translation_saved.disconnect(dispatch_uid=uid)
    try:
        yield
    finally:
        if disconnected:
            translation_saved.connect(experience_reindex_on_translation, dispatch_uid=uid)


def experiences_demo_counts() -> dict[str, int]:
    statuses = Counter(Experience.objects.values_list("status", flat=True))
    languages = Counter(Experience.objects.values_list("original_language", flat=True))
    content_type = ContentType.objects.get_for_model(Experience)
    rows = list(
        TextTranslation.objects.filter(content_type=content_type).values_list(
            "object_id", "field", "language", "provenance", "source_digest"
        )
    )
    originals = {(obj, fld): digest for obj, fld, _lang, prov, digest in rows if prov == Provenance.ORIGINAL}
    provenances = Counter(prov for _obj, _fld, _lang, prov, _digest in rows)
    stale = sum(
        1
        for obj, fld, _lang, prov, digest in rows
        if prov != Provenance.ORIGINAL and originals.get((obj, fld)) not in (None, digest)
    )
    translated = {obj for obj, _fld, _lang, prov, _digest in rows if prov != Provenance.ORIGINAL}
    public = Experience.objects.filter(status__in=[S.PUBLISHED, S.ARCHIVED])
    return {
        "experiences": sum(statuses.values()),
        **{f"experiences {status}": statuses.get(status, 0) for status in S.values},
        **{f"written in {code}": languages.get(code, 0) for code, _name in settings.LANGUAGES},
        "focus experiences": Experience.objects.filter(is_featured=True).count(),
        "award-winning": Experience.objects.filter(is_award_winning=True).count(),
        "cities with experiences": public.values("city").distinct().count(),
        "countries with experiences": public.values("city__country").distinct().count(),
        "experiences translated": len(translated),
        "human translations": provenances.get(Provenance.HUMAN, 0),
        "machine translations": provenances.get(Provenance.MACHINE, 0),
        "stale translations": stale,
        "revisions published": ExperienceRevision.objects.filter(status="published").count(),
        "revisions waiting for review": ExperienceRevision.objects.filter(status="submitted").count(),
    }


class _ExperiencesLoader:
    def __init__(self, *, log: Log):
        self.log = log
        self.today = timezone.localdate()

    def run(self) -> int:
        started = time.monotonic()
        self.log("[1/4] Demo translator")
        self.translator = self.load_translator()
        self.log("[2/4] Experiences through the moderation workflow")
        cities = list(
            City.objects.filter(membership_status=MembershipStatus.MEMBER)
            .select_related("country")
            .order_by("pk")
        )
        plan = demo_experience_plan(cities=cities, today=self.today)
        existing = set(Experience.objects.values_list("city_id", "title"))
        todo = [item for item in plan if (item.city.pk, item.title) not in existing]
        self.log(f"      {len(plan) - len(todo)} already there, {len(todo)} to create")
        # A city's public contact, its primary one when it is public (the last value of a key wins).
        contacts: dict[int, int] = dict(
            Contact.objects.filter(is_public=True).order_by("is_primary", "-pk").values_list("city_id", "pk")
        )
        made: list[tuple[Experience, Planned]] = []
        for number, item in enumerate(todo, start=1):
            contact = contacts.get(item.city.pk) if item.rng("contact").random() < 0.6 else None
            made.append((self.walk(item, contact), item))
            if number % 50 == 0:
                self.log(f"      … {number} experiences ({time.monotonic() - started:.1f} s)")
        self.log("[3/4] Dates: publications since 2019, the moderation queue in the last months")
        self.backdate(made)
        if made:
            self.log(f"[4/4] Search index of experiences ({time.monotonic() - started:.1f} s)")
            experiences_reindex_all()
        return len(made)

    def load_translator(self) -> User:
        email, first_name, last_name = TRANSLATOR
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, first_name=first_name, last_name=last_name)
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        role_grant_translator(user=user)
        return user

    def walk(self, item: Planned, contact_id: int | None) -> Experience:
        """Create the experience and take it to its state as a city and the Secretariat would."""
        rng = item.rng("walk")
        experience = experience_create(actor=None, city=item.city, values=_values(item, contact_id))
        if item.state == S.DRAFT:
            return experience
        experience_submit(experience=experience, actor=None)
        if item.state == S.SUBMITTED:
            return experience
        if item.state not in {S.PUBLISHED, S.ARCHIVED} or rng.random() < 0.3:
            # Most publications are decided straight from the queue; some are reviewed first.
            experience_review_start(experience=experience, actor=None)
        if item.state == S.IN_REVIEW:
            return experience
        if item.state == S.CHANGES_REQUESTED:
            experience_request_changes(experience=experience, actor=None, comment=item.comment())
            return experience
        if item.state == S.REJECTED:
            experience_reject(experience=experience, actor=None, comment=item.comment())
            return experience
        experience_publish(experience=experience, actor=None)
        self.translate(experience, item)
        if item.featured:
            experience_feature(experience=experience, actor=None, featured=True)
        if item.stale:
            update = SUMMARY_UPDATE[item.language].format(update_year=item.times["revision"].year)
            revision = experience_draft_save(
                actor=None, experience=experience, values={"summary": f"{experience.summary} {update}"}
            )
            revision_submit(revision=revision, actor=None)
            revision_publish(revision=revision, actor=None)
        if item.open_revision:
            paragraph, (name, kind) = RESULTS_UPDATE[item.language]
            paragraph = paragraph.format(update_year=item.times["revision"].year)
            partners = [{"name": p.name, "kind": p.kind} for p in experience.partners.all()]
            revision = experience_draft_save(
                actor=None,
                experience=experience,
                values={
                    "results": f"{experience.results}<p>{paragraph}</p>",
                    "partners": [*partners, {"name": name, "kind": kind}],
                },
            )
            revision_submit(revision=revision, actor=None)
        if item.state == S.ARCHIVED:
            experience_archive(experience=experience, actor=None)
        return experience

    def translate(self, experience: Experience, item: Planned) -> None:
        if not item.translation:
            return
        rng = item.rng("translation")
        for language in OFFICIAL_LANGUAGES:
            if language == item.language:
                continue
            fields = ["title", "summary"]
            if item.full and language in FULL_LANGUAGES and language in item.practice.full:
                fields = list(TEXT_FIELDS)
            provenance = item.translation
            if provenance == "mixed":
                provenance = rng.choice(("human", "machine"))
            if item.known:
                provenance = "machine" if language == "fr" else "human"
            for field_name in fields:
                text = item.text(field_name, language)
                if provenance == "human":
                    translation_save_human(
                        obj=experience, field=field_name, language=language, text=text, actor=self.translator
                    )
                else:
                    translation_save_machine(
                        obj=experience, field=field_name, language=language, text=text, engine="deepl"
                    )

    def backdate(self, made: list[tuple[Experience, Planned]]) -> None:
        """Move each new experience's history back to the dates its plan gives."""
        if not made:
            return
        by_id = {experience.pk: item for experience, item in made}
        rows = []
        for experience, item in made:
            t = item.times
            published = item.state in {S.PUBLISHED, S.ARCHIVED}
            rows.append(
                (
                    experience.pk,
                    t["created"],
                    max(t.values()),
                    t["submitted"] if item.state != S.DRAFT else None,
                    t["decided"] if published else None,
                    (t["revision_decided"] if item.stale else t["decided"]) if published else None,
                    t["featured"] if item.featured else None,
                )
            )
        columns = ["created_at", "updated_at", "submitted_at", "published_at", "last_published_at"]
        _update_rows(Experience, [*columns, "featured_at"], rows)
        content_type = ContentType.objects.get_for_model(Experience)
        ids = [str(pk) for pk in by_id]
        entries = AuditEntry.objects.filter(content_type=content_type, object_id__in=ids)
        rows = []
        for pk, object_id, action in entries.values_list("pk", "object_id", "action"):
            moment = by_id[int(object_id)].times.get(_AUDIT_MOMENTS.get(action, ""))
            if moment is not None:
                rows.append((pk, moment))
        _update_rows(AuditEntry, ["created_at"], rows)
        translations = TextTranslation.objects.filter(content_type=content_type, object_id__in=ids)
        rows = []
        for pk, object_id, field_name, provenance in translations.values_list(
            "pk", "object_id", "field", "provenance"
        ):
            times = by_id[int(object_id)].times
            if provenance != Provenance.ORIGINAL:
                rows.append((pk, times["translated"]))
            elif "revision_decided" in times and field_name == "summary" and by_id[int(object_id)].stale:
                rows.append((pk, times["revision_decided"]))
            else:
                rows.append((pk, times["decided"]))
        _update_rows(TextTranslation, ["translated_at"], rows)
        rows = []
        for pk, experience_id in ExperienceRevision.objects.filter(experience_id__in=list(by_id)).values_list(
            "pk", "experience_id"
        ):
            item = by_id[experience_id]
            decided = item.times["revision_decided"] if item.stale else None
            submitted = item.times["revision"]
            rows.append((pk, submitted, submitted, decided or submitted, decided))
        _update_rows(ExperienceRevision, ["created_at", "submitted_at", "updated_at", "decided_at"], rows)


# Which moment of the plan each audited action happened at.
_AUDIT_MOMENTS = {
    "create": "created",
    "submit": "submitted",
    "review_start": "review",
    "publish": "decided",
    "request_changes": "decided",
    "reject": "decided",
    "archive": "archived",
    "feature": "featured",
    "translation_save": "translated",
    "revision_submit": "revision",
    "revision_publish": "revision_decided",
}


def _update_rows(model, fields: list[str], rows: list[tuple]) -> None:
    """Set ``fields`` of many rows, each ``(pk, *values)``, in one statement run for every row.

    ``bulk_update`` builds one CASE per field and batch, which is slow for thousands of rows; the
    timestamps set here are not validated fields either, so plain SQL is enough.
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(column.column)} = %s" for column in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608 - names from the model
    params = [
        [column.get_db_prep_value(value, connection) for column, value in zip(columns, values, strict=True)]
        + [pk]
        for pk, *values in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
