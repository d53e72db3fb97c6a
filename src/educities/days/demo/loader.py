"""Load the International Day's demo data through the domain functions: eleven campaigns and their activities.

Run after the members', the experiences' and the award's demo data (``manage.py demo_load`` runs them in
this order). One run on an empty database creates (``demo/data.py`` holds the texts; the tests check the
numbers):

- the campaigns of 2016 to 2026, each with its motto in its original language and human translations
  into the other languages (en, fr, es, pt, ca); 2019 "Improving the city by listening", 2025 "Children's
  participation" and 2026 "Every neighbourhood educates" also with their manifesto and activity guide in
  every language, a generated poster and the guide as a PDF;
- the activities member cities registered, written in the city's language (Catalan in Catalonia), at
  places jittered around the city's coordinates, in the city's own time zone, on or around 30 November:
  151 in 20 countries for 2019 and 150 in 20 countries for 2025 (plus duplicates the Secretariat hid: one
  in 2019, two in 2025), fewer (12 to 44) for the other past years; about 10 % online or hybrid (most of
  them in 2020, the year of the pandemic); after the Day, participants and short reports and, in 2019 and
  2025, some video links; a few cancelled by their city; the reminders of 2019 and 2025 sent on their day
  to the cities that had not registered yet;
- the 2026 campaign, published, whose Day is 30 November 2026: 40 activities registered in the last
  weeks (the oldest reviewed by the Secretariat, the newest not yet), one cancelled, no reminder sent.

The README's city editor (editor@educities.localhost, Barcelona) registered two activities in each of the
2019, 2025 and 2026 campaigns and wrote the reports of the past ones.

Each step happens at its own moment: the loader moves the clock (``time_machine``) to the day a campaign
was created, each activity registered, each report written, so that the domain checks the rules of that
moment and every timestamp and audit entry is where it would be. ``bulk_create`` is not used.

Running it again finds every campaign in place (by year) and changes nothing.
"""

import datetime
import hashlib
import io
import math
import random
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from educities.accounts.models import User
from educities.core.enums import Provenance
from educities.core.models import TextTranslation
from educities.days.demo import data
from educities.days.demo.data import ActivityText, CampaignData
from educities.days.domain.activities import (
    activity_mark_reviewed,
    activity_register,
    activity_report_save,
    activity_transition,
)
from educities.days.domain.campaigns import (
    campaign_create,
    campaign_poster_set,
    campaign_publish,
    campaign_translate,
    material_add,
)
from educities.days.domain.common import day_of, local_to_aware
from educities.days.domain.reminders import reminder_first_day, reminders_send
from educities.days.enums import ActivityFormat, ActivityStatus
from educities.days.models import Activity, Campaign, CampaignMaterial
from educities.members.enums import MembershipStatus
from educities.members.models import City, Contact

Log = Callable[[str], None]

SEED = "educities-demo-2026:days"
UTC = datetime.UTC


class DaysDemoError(RuntimeError):
    """The other demo data are not what the Day's demo expects (a city or a demo account is missing)."""


def days_demo_load(*, log: Log = print, send_emails: bool = False) -> dict[str, int]:
    """Load (or complete) the International Day's demo data; returns ``days_demo_counts()``."""
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
    # The callbacks after commit (e-mails) run before the settings are restored.
    with override_settings(**quiet), transaction.atomic():
        created = _DaysLoader(log=log).run()
    counts = days_demo_counts()
    log(f"International Day done in {time.monotonic() - started:.1f} s ({created} campaigns created).")
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        log(f"  {name:<{width}}  {count:>6}")
    return counts


def days_demo_counts() -> dict[str, int]:
    statuses = Counter(Activity.objects.values_list("status", flat=True))
    formats = Counter(Activity.objects.values_list("format", flat=True))
    activities = Activity.objects.all()
    return {
        "day campaigns": Campaign.objects.count(),
        "day campaigns published": Campaign.objects.filter(is_published=True).count(),
        "day activities": sum(statuses.values()),
        **{f"day activities {status}": statuses.get(status, 0) for status in ActivityStatus.values},
        **{f"day activities {fmt}": formats.get(fmt, 0) for fmt in ActivityFormat.values},
        "day activities with a report": activities.exclude(report="").count(),
        "day activities with a video": activities.exclude(video_url="").count(),
        "day cities taking part": activities.values("city").distinct().count(),
        "day campaign translations": TextTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(Campaign), provenance=Provenance.HUMAN
        ).count(),
        "day campaign materials": CampaignMaterial.objects.count(),
    }


# --- small helpers ---------------------------------------------------------------------------------


def _rng(*parts) -> random.Random:
    return random.Random(":".join([SEED, *map(str, parts)]))  # noqa: S311 - demo data, not security


def _order(text: str) -> str:
    """A stable pseudo-random sort key (the same on every run and every machine)."""
    return hashlib.sha256(f"{SEED}:{text}".encode()).hexdigest()


@contextmanager
def _clock() -> Iterator[Callable[[datetime.datetime], None]]:
    """Travel in time: yields ``move(moment)``, which sets the clock to ``moment`` (aware)."""
    try:
        import time_machine
    except ImportError as error:  # pragma: no cover - a dependency of the demo (requirements-dev.txt)
        raise DaysDemoError(
            "The demo data need time-machine (pip install -r requirements-dev.txt)."
        ) from error
    with time_machine.travel(datetime.datetime(2016, 1, 1, tzinfo=UTC), tick=False) as traveller:
        yield traveller.move_to


def _ascii(text: str) -> str:
    """What the PDF core fonts can print."""
    for old, new in (("’", "'"), ("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(old, new)
    return text.encode("latin-1", "ignore").decode("latin-1")


def guide_pdf(*, year: int, motto: str, guide: str) -> bytes:
    """The activity guide as a one-page PDF (generated for the demo)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=16)
    pdf.multi_cell(w=0, text=_ascii(f"International Day of the Educating City {year}\n{motto}"))
    pdf.ln(4)
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(w=0, text=_ascii(guide + "\n\nDemo document generated by educities."))
    buffer = io.BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()


def poster_png(*, year: int, motto: str, colour: tuple[int, int, int]) -> bytes:
    """A plain poster: the year and the motto in white on a coloured background (generated for the demo)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (600, 840), colour)
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.load_default(size=64), ImageFont.load_default(size=34)
    draw.text((48, 60), "30 XI", fill="white", font=big)
    draw.text((48, 140), str(year), fill="white", font=big)
    words, lines, line = motto.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=small) > 500 and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    for index, text in enumerate(lines):
        draw.text((48, 420 + index * 48), text, fill="white", font=small)
    draw.text(
        (48, 770),
        "International Day of the Educating City",
        fill="white",
        font=ImageFont.load_default(size=22),
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _moment(day: datetime.date, hour: int, minute: int = 0, zone: str = "Europe/Madrid") -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))


class _DaysLoader:
    def __init__(self, *, log: Log):
        self.log = log
        self.now = timezone.now()
        self.editor = User.objects.filter(email=data.EDITOR_EMAIL).first()
        if self.editor is None:
            raise DaysDemoError(
                f"The Day's demo needs the account {data.EDITOR_EMAIL}: load the members first."
            )
        members = list(
            City.objects.filter(membership_status=MembershipStatus.MEMBER)
            .select_related("country")
            .order_by("-population", "name", "pk")
        )
        self.members: dict[str, list[City]] = {}
        for city in members:
            self.members.setdefault(str(city.country.code), []).append(city)
        # The cities of Catalonia: the members' demo gives their contacts Catalan.
        self.catalan = set(
            Contact.objects.filter(language="ca", city__country__code="ES").values_list("city_id", flat=True)
        )
        editor_city = next(
            (city for city in members if (city.name, str(city.country.code)) == data.EDITOR_CITY), None
        )
        if editor_city is None:
            raise DaysDemoError("The Day's demo needs the member city of Barcelona: load the members first.")
        self.editor_city = editor_city
        # When each activity was registered and which template it was written from.
        self.created_at: dict[int, datetime.datetime] = {}
        self.templates: dict[int, ActivityText] = {}

    def run(self) -> int:
        created = 0
        total = len(data.CAMPAIGNS)
        with _clock() as move:
            self.move = move
            for index, campaign_data in enumerate(data.CAMPAIGNS, start=1):
                self.log(f"[{index}/{total}] International Day {campaign_data.year}")
                if Campaign.objects.filter(year=campaign_data.year).exists():
                    self.log("      already there")
                    continue
                self.load_campaign(campaign_data)
                created += 1
        return created

    # --- campaigns ---------------------------------------------------------------------------------

    def language_of(self, city: City) -> str:
        if city.pk in self.catalan:
            return "ca"
        return data.LANGUAGE_BY_COUNTRY.get(str(city.country.code), "en")

    def load_campaign(self, campaign_data: CampaignData) -> Campaign:
        year, language = campaign_data.year, campaign_data.language
        self.move(_moment(datetime.date(year, 6, 15), 10))
        campaign = campaign_create(
            year=year,
            motto=campaign_data.motto[language],
            manifesto=campaign_data.manifesto.get(language, ""),
            guide=campaign_data.guide.get(language, ""),
            language=language,
            reminder_days_before=21,
            actor=None,
        )
        self.move(_moment(datetime.date(year, 7, 1), 11))
        for other in data.LANGUAGES:
            if other == language:
                continue
            campaign_translate(
                campaign=campaign,
                language=other,
                motto=campaign_data.motto[other],
                manifesto=campaign_data.manifesto.get(other, ""),
                guide=campaign_data.guide.get(other, ""),
                actor=None,
            )
        if year in data.POSTER_COLOURS:
            self.move(_moment(datetime.date(year, 9, 1), 10))
            motto = campaign_data.motto[language]
            campaign_poster_set(
                campaign=campaign,
                upload=SimpleUploadedFile(
                    f"poster-{year}.png",
                    poster_png(year=year, motto=motto, colour=data.POSTER_COLOURS[year]),
                    "image/png",
                ),
                alt_text=data.POSTER_ALT["en"].format(year=year, motto=motto),
                actor=None,
            )
            for other in (language, *(code for code in data.LANGUAGES if code != language)):
                if other not in campaign_data.guide:
                    continue
                material_add(
                    campaign=campaign,
                    title=data.GUIDE_TITLE[other].format(year=year),
                    upload=SimpleUploadedFile(
                        f"guide-{year}-{other}.pdf",
                        guide_pdf(
                            year=year, motto=campaign_data.motto[other], guide=campaign_data.guide[other]
                        ),
                        "application/pdf",
                    ),
                    language=other,
                    actor=None,
                )
        self.move(_moment(datetime.date(year, 9, 15), 12))
        campaign = campaign_publish(campaign=campaign, actor=None)
        current = year == data.CURRENT_YEAR
        activities = self.load_activities(campaign, campaign_data, current=current)
        self.moderate(campaign, campaign_data, activities, current=current)
        if not current:
            self.reports(campaign, campaign_data, activities)
        counts = Counter(activity.status for activity in Activity.objects.filter(campaign=campaign))
        countries = Activity.objects.filter(campaign=campaign).values("city__country").distinct().count()
        self.log(
            f"      {campaign_data.motto['en']}: {sum(counts.values())} activities in {countries} countries "
            f"({counts[ActivityStatus.CANCELLED]} cancelled, {counts[ActivityStatus.HIDDEN]} hidden)"
        )
        return campaign

    # --- activities --------------------------------------------------------------------------------

    def cities_for(self, country: str, count: int, *, year: int) -> list[tuple[City, int]]:
        """Which cities of ``country`` register ``count`` activities, and how many each (1 to 4)."""
        members = self.members.get(country, [])
        if not members:
            raise DaysDemoError(f"The Day's demo needs member cities in {country}: load the members first.")
        rng = _rng("cities", year, country)
        wanted = min(len(members), max(1, math.ceil(count * 2 / 3)))
        # Bigger cities take part more often: draw from the most populous three times as many.
        pool = members[: max(wanted * 3, wanted)]
        chosen = rng.sample(pool, wanted)
        if (
            country == data.EDITOR_CITY[1]
            and year in data.EDITOR_CAMPAIGNS
            and self.editor_city not in chosen
        ):
            chosen[-1] = self.editor_city
        chosen.sort(key=lambda city: _order(f"{year}:{city.pk}"))
        shares = dict.fromkeys((city.pk for city in chosen), 1)
        if year in data.EDITOR_CAMPAIGNS and self.editor_city.pk in shares:
            shares[self.editor_city.pk] = 2
        while sum(shares.values()) < count:
            city = rng.choice(chosen)
            if shares[city.pk] < 4:
                shares[city.pk] += 1
        while sum(shares.values()) > count:
            city = rng.choice([c for c in chosen if shares[c.pk] > 1 and c.pk != self.editor_city.pk])
            shares[city.pk] -= 1
        return [(city, shares[city.pk]) for city in chosen]

    def pools(self, campaign_data: CampaignData) -> dict[str, deque[ActivityText]]:
        """The templates each language's cities draw from, in turn (so each is used about as often)."""
        pools = {}
        for language in data.LANGUAGES:
            rng = _rng("pool", campaign_data.year, language)
            themed = list(data.THEMED.get(campaign_data.theme, {}).get(language, []))
            generic = list(data.GENERIC[language])
            rng.shuffle(themed)
            rng.shuffle(generic)
            templates = themed + generic
            if campaign_data.online_share > 0.3:
                templates.sort(key=lambda template: not template.online_ok)
            pools[language] = deque(templates)
        return pools

    def load_activities(
        self, campaign: Campaign, campaign_data: CampaignData, *, current: bool
    ) -> list[Activity]:
        """Register the campaign's activities in the order the cities did; the reminder goes out on its day
        (past campaigns) to the cities that had not registered yet."""
        year = campaign.year
        pools = self.pools(campaign_data)
        plans = []
        for country, count in campaign_data.activities.items():
            for city, share in self.cities_for(country, count, year=year):
                language = self.language_of(city)
                pool = pools[language]
                templates: list[ActivityText] = []
                while len(templates) < share:
                    template = pool[0]
                    pool.rotate(-1)
                    if template not in templates:
                        templates.append(template)
                for number, template in enumerate(templates, start=1):
                    values = self.activity_values(campaign, campaign_data, city, language, number, template)
                    moment = self.registration_moment(
                        campaign, city, number, values["starts_at"], current=current
                    )
                    plans.append((moment, city.pk, number, city, template, values))
        plans.sort(key=lambda plan: plan[:3])
        reminder = _moment(reminder_first_day(campaign), 9) if campaign_data.reminder else None
        made = []
        for moment, _pk, _number, city, template, values in plans:
            if reminder is not None and moment >= reminder:
                self.send_reminder(campaign, reminder)
                reminder = None
            self.move(moment)
            actor = self.editor if city.pk == self.editor_city.pk and year in data.EDITOR_CAMPAIGNS else None
            activity = activity_register(campaign=campaign, city=city, actor=actor, **values)
            self.created_at[activity.pk] = moment
            self.templates[activity.pk] = template
            made.append(activity)
        if reminder is not None:
            self.send_reminder(campaign, reminder)
        return made

    def send_reminder(self, campaign: Campaign, moment: datetime.datetime) -> None:
        self.move(moment)
        reminders_send(campaign=campaign, actor=None, today=moment.date())

    def activity_values(
        self,
        campaign: Campaign,
        campaign_data: CampaignData,
        city: City,
        language: str,
        number: int,
        template: ActivityText,
    ) -> dict:
        year = campaign.year
        rng = _rng("activity", year, city.pk, number)
        zone = city.time_zone or "UTC"
        # Online when the activity suits it, else in person with a live stream (hybrid); never in a park.
        roll = rng.random()
        streamable = template.place != "park"
        if roll < campaign_data.online_share and template.online_ok:
            format_ = ActivityFormat.ONLINE
        elif roll < campaign_data.online_share + campaign_data.hybrid_share and streamable:
            format_ = ActivityFormat.HYBRID
        else:
            format_ = ActivityFormat.IN_PERSON
        day = day_of(year)
        if rng.random() > 0.65:
            day += datetime.timedelta(days=rng.choice((-7, -6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5)))
        hours, minutes = data.TIMES[template.kind]
        hour = rng.choice(hours)
        starts = local_to_aware(day=day, time=datetime.time(hour, rng.choice((0, 0, 30))), zone=zone)
        if template.kind == "exhibition":
            last = day + datetime.timedelta(days=rng.randint(6, 13))
            ends = local_to_aware(day=last, time=datetime.time(19, 0), zone=zone)
        else:
            ends = starts + datetime.timedelta(minutes=minutes)
        council = data.COUNCILS.get(str(city.country.code), data.COUNCIL_BY_LANGUAGE[language])
        departments = data.DEPARTMENTS[language]
        if template.place == "library":
            department = departments[3]
        elif template.kind == "children_council":
            department = departments[2]
        elif template.kind in ("debate", "walk"):
            department = departments[1]
        else:
            department = departments[0]
        spoken = (
            [language] if language != "en" else [data.SPOKEN_BY_COUNTRY.get(str(city.country.code), "en")]
        )
        if format_ != ActivityFormat.IN_PERSON and "en" not in spoken and rng.random() < 0.3:
            spoken.append("en")
        values = {
            "title": template.title.format(city=city.name),
            "description": template.description.format(city=city.name),
            "kind": template.kind,
            "format": format_,
            "starts_at": starts,
            "ends_at": ends,
            "time_zone": zone,
            "audiences": list(template.audiences),
            "organiser": f"{council.format(city=city.name)} · {department}",
            "languages": spoken,
            "language": language,
            "contact_email": f"{data.CONTACT_LOCAL[language]}@{city.slug}.example.org",
        }
        if format_ != ActivityFormat.ONLINE:
            street = rng.choice(data.STREETS[language])
            house = rng.randint(1, 120)
            values["place_name"] = rng.choice(data.PLACES[language][template.place])
            values["address"] = (
                f"{house} {street}" if language in ("en", "fr") else f"{street}, {house}"
            ) + f", {city.name}"
            values["latitude"] = round(city.latitude + rng.uniform(-0.018, 0.018), 5)
            values["longitude"] = round(city.longitude + rng.uniform(-0.025, 0.025), 5)
        if format_ != ActivityFormat.IN_PERSON:
            values["online_url"] = f"https://meet.example.org/{city.slug}/day-{year}-{number}"
        return values

    def registration_moment(
        self, campaign: Campaign, city: City, number: int, starts: datetime.datetime, *, current: bool
    ) -> datetime.datetime:
        """When the city registered it: in the last weeks before the Day (never after it starts)."""
        rng = _rng("registered", campaign.year, city.pk, number)
        if current:
            first, last = data.CURRENT_REGISTRATION_DAYS
            latest = self.anchor(campaign.year) - datetime.timedelta(hours=1)
            day = (latest - datetime.timedelta(days=rng.randint(last, first))).date()
        else:
            latest = starts
            day = datetime.date(campaign.year, 9, 20) + datetime.timedelta(days=rng.randint(0, 66))
        # In office hours, in the city's time zone.
        zone = ZoneInfo(city.time_zone or "UTC")
        moment = datetime.datetime.combine(
            day, datetime.time(rng.randint(9, 17), rng.randint(0, 59), rng.randint(0, 59)), tzinfo=zone
        )
        return min(moment, latest - datetime.timedelta(hours=rng.randint(20, 72)), latest)

    def anchor(self, year: int) -> datetime.datetime:
        """The current campaign's "now": the day of loading, at the latest four days before the Day."""
        return min(self.now, datetime.datetime(year, 11, 26, 8, 0, tzinfo=UTC)).replace(microsecond=0)

    # --- after registration ----------------------------------------------------------------------------

    def moderate(
        self, campaign: Campaign, campaign_data: CampaignData, activities: list[Activity], *, current: bool
    ) -> None:
        """Cities cancel some activities; the Secretariat hides the duplicates and reviews the agenda."""
        year = campaign.year
        ordered = sorted(activities, key=lambda activity: _order(f"{year}:moderate:{activity.pk}"))
        others = [activity for activity in ordered if activity.city_id != self.editor_city.pk]
        for activity in others[: campaign_data.cancelled]:
            moment = activity.starts_at - datetime.timedelta(days=2)
            if current:
                moment = min(moment, self.anchor(year))
            self.move(max(self.created_at[activity.pk] + datetime.timedelta(hours=1), moment))
            activity_transition(
                activity=activity, step="cancel", actor=None, reason=data.CANCEL_REASONS[activity.language]
            )
        skip = campaign_data.cancelled
        for original in others[skip : skip + campaign_data.hidden]:
            # The city registered it a second time by mistake; the Secretariat hides the copy.
            registered = self.created_at[original.pk] + datetime.timedelta(hours=3)
            self.move(registered)
            copy = activity_register(
                campaign=campaign,
                city=original.city,
                actor=None,
                **{
                    name: getattr(original, name)
                    for name in (
                        "title",
                        "description",
                        "kind",
                        "format",
                        "starts_at",
                        "ends_at",
                        "time_zone",
                        "place_name",
                        "address",
                        "latitude",
                        "longitude",
                        "online_url",
                        "audiences",
                        "organiser",
                        "languages",
                        "language",
                        "contact_email",
                    )
                },
            )
            self.created_at[copy.pk] = registered
            self.move(registered + datetime.timedelta(days=1))
            activity_transition(
                activity=copy, step="hide", actor=None, reason=data.HIDE_REASONS[copy.language]
            )
        # The Secretariat reviews the agenda before the Day (and, for the current one, up to a week ago).
        if current:
            reviewed_until = self.anchor(year) - datetime.timedelta(days=7)
        else:
            reviewed_until = datetime.datetime(year, 11, 28, 9, 0, tzinfo=UTC)
        self.move(reviewed_until)
        activity_mark_reviewed(
            activities=Activity.objects.filter(campaign=campaign, created_at__lte=reviewed_until), actor=None
        )
        if not current:
            self.move(datetime.datetime(year, 12, 2, 9, 0, tzinfo=UTC))
            activity_mark_reviewed(activities=Activity.objects.filter(campaign=campaign), actor=None)

    def reports(self, campaign: Campaign, campaign_data: CampaignData, activities: list[Activity]) -> None:
        """After the Day, cities write how many took part and what happened (most of them)."""
        year = campaign.year
        for activity in Activity.objects.filter(
            campaign=campaign, status=ActivityStatus.PUBLISHED
        ).select_related("city"):
            rng = _rng("report", year, activity.pk)
            editor = activity.city_id == self.editor_city.pk and year in data.EDITOR_CAMPAIGNS
            if not editor and rng.random() > 0.85:
                continue
            template = self.templates.get(activity.pk)
            if template is None or not template.report:
                continue
            low, high = data.PARTICIPANTS[activity.kind]
            video = ""
            if rng.random() < campaign_data.video_share:
                video = f"https://video.example.org/{activity.city.slug}/day-{year}-{activity.pk}"
            end = activity.ends_at or activity.starts_at
            self.move(end + datetime.timedelta(days=rng.randint(1, 20), hours=rng.randint(1, 8)))
            activity_report_save(
                activity=activity,
                actor=self.editor if editor else None,
                participants=rng.randint(low, high),
                report=template.report,
                video_url=video,
            )


__all__ = ["days_demo_counts", "days_demo_load"]
