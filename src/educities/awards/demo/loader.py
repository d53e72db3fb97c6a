"""Load the award's demo data through the domain functions: five past editions and the open 6th edition.

Run after the member registry's and the bank of experiences' demo data (``manage.py demo_load`` runs all
three). One run on an empty award creates (``demo/data.py`` holds the texts; the tests check the numbers):

- 7 juror accounts (password ``educities-demo``): ``juror@educities.localhost``, the one the README
  names, and ``juror1`` to ``juror6@demo.educities.org``: Executive Committee cities and independent
  experts;
- the editions of 2016, 2018, 2020, 2022 and 2024, each with its theme, axes and rules in its original
  language and human translations into the other languages (en, fr, es, pt, ca), its timeline, its
  recorded figures, the jury's statement and its results: 44 applications (winners, special mentions,
  finalists) linked to experiences of the bank, each taken by the workflow from the draft to the
  decision; publishing the results makes the winners' experiences award-winning. The 2020 winners are
  Medellín, Santos and Torres Vedras with 7 finalists; Torres Vedras's experience is written here and
  published in the bank through the experiences' workflow, since the bank has no culture programme there;
- the 2026 edition, "education as a source of inclusion and social cohesion", whose timeline is relative
  to the day of loading so that it is always in its jury phase (call opened 150 days ago, deadline 20
  days ago, decision in 30 days, ceremony in 60), with the default criteria, 3 questions, the jury of 7,
  and 25 applications (``OPEN_STATE_COUNTS``): drafts, submitted, one eligible with a recorded override,
  ineligible ones with their reasons, withdrawn ones (one after jurors scored it) and 14 in jury review
  with automatic conflicts (same country, same network), one conflict declared by a juror and one
  added and pinned by the Secretariat, automatic assignments and partial scores (complete reviews,
  drafts, a review marking a criterion "not applicable", one outlier), in the blind scoring phase. The
  mayors' letters are small generated PDFs.

Calls and deadlines are checked against the server's clock, so each edition's applications are made
while its call is open and the edition's real dates are set afterwards (``edition_update``); then, as the
bank of experiences' loader does, the timestamps of what was created (applications, audit log,
translations, reviews) are moved back to the dates of the edition's timeline.

Running it again finds every edition in place (by number) and changes nothing.
"""

import datetime
import hashlib
import io
import random
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from fpdf import FPDF

from educities.accounts.models import User
from educities.awards.demo import data
from educities.awards.demo.data import EditionData, Result
from educities.awards.domain.applications import (
    application_confirm_eligible,
    application_create,
    application_decide,
    application_declare_ineligible,
    application_letter_attach,
    application_save,
    application_submit,
    application_withdraw,
    applications_send_to_jury,
)
from educities.awards.domain.editions import (
    edition_announce,
    edition_create,
    edition_question_add,
    edition_question_translate,
    edition_results_publish,
    edition_text_translate,
    edition_update,
)
from educities.awards.domain.eligibility import eligibility_check, eligibility_failed
from educities.awards.enums import OFFICIAL_LANGUAGES, ApplicationStatus
from educities.awards.models import Application, Edition, EditionQuestion
from educities.core.domain.translations import translation_save_human
from educities.core.models import AuditEntry, TextTranslation
from educities.experiences.domain.drafts import experience_create
from educities.experiences.domain.workflow import experience_publish, experience_submit
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience, ExperienceTag
from educities.members.demo.loader import DEMO_PASSWORD
from educities.members.domain.queries import cities_with_fees_paid_up
from educities.members.enums import MembershipStatus
from educities.members.models import City, Country
from educities.reviews.domain.jury import assignments_auto, conflict_add, conflict_declare, reviewer_add
from educities.reviews.domain.processes import process_phase_change
from educities.reviews.domain.scoring import ScoreInput, review_save
from educities.reviews.enums import ConflictKind, ReviewPhase
from educities.reviews.models import Assignment, Conflict, Review, Reviewer, ReviewItem, ReviewProcess, Score
from educities.reviews.rules import jury_seat_forget

Log = Callable[[str], None]
S = ApplicationStatus

SEED = "educities-demo-2026:awards"
TRANSLATOR_EMAIL = "translator@demo.educities.org"
# The criterion a juror may mark "not applicable" in the demo (the fifth default criterion).
NOT_APPLICABLE_POSITION = 5


class AwardsDemoError(RuntimeError):
    """The other demo data are not what the award's demo expects (a city or an experience is missing)."""


def awards_demo_load(*, log: Log = print, send_emails: bool = False) -> dict[str, int]:
    """Load (or complete) the award's demo data; returns the counts ``awards_demo_counts`` gives."""
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
    with override_settings(**quiet), transaction.atomic():
        created = _AwardsLoader(log=log).run()
    counts = awards_demo_counts()
    log(f"Award done in {time.monotonic() - started:.1f} s ({created} editions created).")
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        log(f"  {name:<{width}}  {count:>6}")
    return counts


def awards_demo_counts() -> dict[str, int]:
    statuses = Counter(Application.objects.values_list("status", flat=True))
    reviews = Review.objects.all()
    return {
        "award editions": Edition.objects.count(),
        "editions with results": Edition.objects.filter(results_published_at__isnull=False).count(),
        "applications": sum(statuses.values()),
        **{f"applications {status}": statuses.get(status, 0) for status in S.values},
        "jurors": Reviewer.objects.count(),
        "conflicts of interest": Conflict.objects.count(),
        "assignments": Assignment.objects.count(),
        "reviews complete": reviews.filter(submitted_at__isnull=False).count(),
        "reviews in draft": reviews.filter(submitted_at__isnull=True).count(),
        "scores": Score.objects.count(),
        "award-winning experiences": Experience.objects.filter(is_award_winning=True).count(),
    }


# --- small helpers ---------------------------------------------------------------------------------


def _rng(*parts) -> random.Random:
    return random.Random(":".join([SEED, *map(str, parts)]))  # noqa: S311 - demo data, not security


def _order(text: str) -> str:
    """A stable pseudo-random sort key (the same on every run and every machine)."""
    return hashlib.sha256(f"{SEED}:{text}".encode()).hexdigest()


def _ascii(text: str) -> str:
    """What the PDF core fonts can print."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace("—", "-")
    return unicodedata.normalize("NFKD", text).encode("latin-1", "ignore").decode("latin-1")


def letter_pdf(*, city: City, title: str, year: int) -> bytes:
    """A one-page letter from the mayor, generated for the demo (not a real signature)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=15)
    pdf.cell(text=_ascii(f"Letter from the mayor of {city.name}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(
        w=0,
        text=_ascii(
            f"To the jury of the Educating City Award {year}.\n\n"
            f'The city of {city.name} presents the experience "{title}" and confirms that the city '
            "council leads it and will share it with the member cities of the association.\n\n"
            "The mayor\n\n"
            "Demo document generated by educities: not a real signature."
        ),
    )
    buffer = io.BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()


def _upload(city: City, title: str, year: int) -> SimpleUploadedFile:
    name = f"{slugify(city.name) or 'city'}-mayor-letter.pdf"
    return SimpleUploadedFile(name, letter_pdf(city=city, title=title, year=year), "application/pdf")


def _language_of(experience: Experience) -> str:
    """An application is written in an official language: Catalan experiences apply in Spanish."""
    language = experience.original_language
    return language if language in OFFICIAL_LANGUAGES else "es"


def _number(value: int, language: str) -> str:
    if value < 1000:
        return str(value)
    grouped = f"{value:,}"
    return grouped if language == "en" else grouped.replace(",", "\u202f" if language == "fr" else ".")


def _moment(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(data.TIME_ZONE))


class _AwardsLoader:
    def __init__(self, *, log: Log):
        self.log = log
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.translator = User.objects.filter(email=TRANSLATOR_EMAIL).first()
        self.used_experiences: set[int] = set(Application.objects.values_list("experience_id", flat=True))

    def run(self) -> int:
        created = 0
        self.log("[1/5] Juror accounts")
        self.jurors = self.load_jurors()
        self.log("[2/5] Past editions and their results")
        for edition_data in data.PAST_EDITIONS:
            if (
                Edition.objects.filter(number=edition_data.number).exists()
                or Edition.objects.filter(year=edition_data.year).exists()
            ):
                self.log(f"      {edition_data.year}: already there")
                continue
            self.load_past(edition_data)
            created += 1
        open_data = data.OPEN_EDITION
        if (
            Edition.objects.filter(number=open_data.number).exists()
            or Edition.objects.filter(year=open_data.year).exists()
        ):
            self.log(f"[3/5] The {open_data.year} edition: already there")
            return created
        self.log(f"[3/5] The {open_data.year} edition, its questions and its jury")
        edition = self.open_edition(open_data)
        self.log("[4/5] Applications to the open edition")
        applications = self.open_applications(edition)
        self.log("[5/5] The jury at work: conflicts, assignments, scores")
        self.jury_at_work(edition, applications)
        return created + 1

    # --- people --------------------------------------------------------------------------------

    def load_jurors(self) -> dict[str, User]:
        users = {}
        password = None
        for juror in data.JURORS:
            user = User.objects.filter(email=juror.email).first()
            if user is None:
                # Hashing is slow on purpose: once for all the accounts (each hash has its own salt
                # otherwise, which the demo's shared, published password does not need).
                password = password or make_password(DEMO_PASSWORD)
                user = User(
                    email=juror.email,
                    first_name=juror.first_name,
                    last_name=juror.last_name,
                    password=password,
                )
                user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=juror.email, defaults={"verified": True, "primary": True}
            )
            users[juror.email] = user
        return users

    # --- shared by every edition ---------------------------------------------------------------------

    def member(self, name: str, country: str) -> City:
        city = (
            City.objects.filter(name=name, country__code=country, membership_status=MembershipStatus.MEMBER)
            .select_related("country")
            .first()
        )
        if city is None:
            raise AwardsDemoError(
                f"The award's demo needs the member city {name} ({country}): load the members first."
            )
        return city

    def create_edition(self, edition_data: EditionData, *, call_opens_at, deadline, **dates) -> Edition:
        language = edition_data.language
        theme, axes, _place = edition_data.texts[language]
        edition = edition_create(
            number=edition_data.number,
            year=edition_data.year,
            theme=theme,
            original_language=language,
            actor=None,
            axes=axes,
            rules=edition_data.rules(language),
            time_zone=data.TIME_ZONE,
            call_opens_at=call_opens_at,
            deadline=deadline,
            ceremony_place=edition_data.ceremony_place,
            initiative_cutoff=edition_data.cutoff,
            max_applications_per_city=edition_data.max_applications,
            next_congress_host=self.member(*edition_data.host),
            **dates,
        )
        for other, (other_theme, other_axes, _other_place) in edition_data.texts.items():
            if other == language:
                continue
            for field, text in (
                ("theme", other_theme),
                ("axes", other_axes),
                ("rules", edition_data.rules(other)),
            ):
                edition_text_translate(edition=edition, field=field, language=other, text=text, actor=None)
        return edition_announce(edition=edition, actor=None)

    def apply(self, *, edition: Edition, city: City, experience=None, new_title: str = "", language: str):
        application = application_create(
            edition=edition,
            city=city,
            actor=None,
            language=language,
            experience=experience,
            new_experience_title=new_title,
        )
        self.used_experiences.add(application.experience_id)
        return application

    def attach_letter(self, application: Application) -> None:
        upload = _upload(application.city, application.experience.title, application.edition.year)
        application_letter_attach(application=application, upload=upload, actor=None)

    def confirm(self, application: Application, *, reason: str) -> Application:
        failed = eligibility_failed(
            eligibility_check(edition=application.edition, city=application.city, application=application)
        )
        return application_confirm_eligible(
            application=application, actor=None, override_reason=reason if failed else ""
        )

    # --- past editions -------------------------------------------------------------------------------

    def load_past(self, edition_data: EditionData) -> Edition:
        # Applications are made while the call is open (the domain checks the server's clock); the
        # edition's real dates are set once they are submitted.
        edition = self.create_edition(
            edition_data,
            call_opens_at=self.now - datetime.timedelta(days=1),
            deadline=self.now + datetime.timedelta(days=1),
            jury_starts_on=edition_data.jury_starts_on,
            decision_on=edition_data.decision_on,
            ceremony_on=edition_data.ceremony_on,
        )
        decided: list[tuple[Application, Result]] = []
        for result in edition_data.results:
            city = self.member(result.city, result.country)
            experience = self.result_experience(result, city=city, cutoff=edition_data.cutoff)
            application = self.apply(
                edition=edition, city=city, experience=experience, language=_language_of(experience)
            )
            self.attach_letter(application)
            application_submit(application=application, actor=None)
            decided.append((application, result))
        edition_update(
            edition=edition,
            actor=None,
            call_opens_at=_moment(edition_data.call_opens),
            deadline=_moment(edition_data.deadline, 23, 59),
        )
        for application, _result in decided:
            self.confirm(application, reason=data.PAST_OVERRIDE_REASON)
        applications_send_to_jury(edition=edition, actor=None)
        process = edition.review_process
        for step in ("open_scoring", "deliberate", "decide"):
            process_phase_change(process=process, step=step, actor=None)
        for application, result in decided:
            application.refresh_from_db()
            application_decide(
                application=application, result=result.status, statement=result.statement, actor=None
            )
        candidacies, cities, countries = edition_data.figures or (None, None, None)
        edition_update(
            edition=edition,
            actor=None,
            jury_statement=edition_data.jury_statement,
            recorded_candidacies=candidacies,
            recorded_cities=cities,
            recorded_countries=countries,
        )
        edition_results_publish(edition=edition, actor=None)
        self.backdate_past(edition, edition_data)
        statuses = Counter(result.status for result in edition_data.results)
        self.log(
            f"      {edition_data.year} · {edition_data.texts['en'][0]}: {len(decided)} applications "
            f"({statuses[S.WINNER]} winners, {statuses[S.SPECIAL_MENTION]} special mention(s), "
            f"{statuses[S.FINALIST]} finalists), results published"
        )
        return edition

    def result_experience(self, result: Result, *, city: City, cutoff: datetime.date) -> Experience:
        """The city's experience in the bank whose title has ``result.title``; else the one written in
        ``data`` (published now through the experiences' workflow); else its first published one."""
        published = list(
            Experience.objects.filter(city=city, status=ExperienceStatus.PUBLISHED)
            .exclude(pk__in=self.used_experiences)
            .order_by("pk")
        )
        for experience in published:
            if result.title.casefold() in experience.title.casefold():
                return experience
        for written in data.WRITTEN_EXPERIENCES:
            if (written.city, written.country) == (result.city, result.country):
                published = _moment(cutoff) - datetime.timedelta(days=60)
                return self.write_experience(written, city=city, published=published)
        for experience in published:
            if experience.start_date is None or experience.start_date < cutoff:
                return experience
        raise AwardsDemoError(
            f"The award's demo needs a published experience of {result.city} ({result.country}): "
            "load the bank of experiences first."
        )

    def write_experience(self, written: data.WrittenExperience, *, city: City, published) -> Experience:
        experience = experience_create(actor=None, city=city, values=written.values)
        experience_submit(experience=experience, actor=None)
        experience = experience_publish(experience=experience, actor=None)
        for language, (title, summary) in written.translations.items():
            for field, text in (("title", title), ("summary", summary)):
                translation_save_human(
                    obj=experience, field=field, language=language, text=text, actor=self.translator
                )
        # Published in the bank before the city applied with it.
        Experience.objects.filter(pk=experience.pk).update(
            created_at=published - datetime.timedelta(days=20),
            updated_at=published,
            submitted_at=published - datetime.timedelta(days=6),
            published_at=published,
            last_published_at=published,
        )
        content_type = ContentType.objects.get_for_model(Experience)
        AuditEntry.objects.filter(content_type=content_type, object_id=str(experience.pk)).update(
            created_at=published
        )
        TextTranslation.objects.filter(content_type=content_type, object_id=str(experience.pk)).update(
            translated_at=published
        )
        return experience

    # --- the open edition ------------------------------------------------------------------------------

    def open_edition(self, edition_data: EditionData) -> Edition:
        days = data.OPEN_TIMELINE_DAYS
        self.open_dates = {
            "call_opens": self.now + datetime.timedelta(days=days["call_opens"]),
            "deadline": self.now + datetime.timedelta(days=days["deadline"]),
        }
        # The deadline is moved back to its place once the cities have submitted.
        edition = self.create_edition(
            edition_data,
            call_opens_at=self.open_dates["call_opens"],
            deadline=self.now + datetime.timedelta(days=1),
            jury_starts_on=self.today + datetime.timedelta(days=days["jury_starts_on"]),
            decision_on=self.today + datetime.timedelta(days=days["decision_on"]),
            ceremony_on=self.today + datetime.timedelta(days=days["ceremony_on"]),
        )
        for index, (text, guidance, required, max_chars) in enumerate(data.QUESTIONS):
            question = edition_question_add(
                edition=edition,
                text=text,
                help_text=guidance,
                is_required=required,
                max_chars=max_chars,
                actor=None,
            )
            for language, questions in data.QUESTION_TRANSLATIONS.items():
                other_text, other_guidance = questions[index]
                edition_question_translate(
                    question=question,
                    language=language,
                    text=other_text,
                    help_text=other_guidance,
                    actor=None,
                )
        process = edition.review_process
        self.reviewers: dict[str, Reviewer] = {}
        for juror in data.JURORS:
            city = self.member(*juror.city) if juror.city else None
            self.reviewers[juror.email] = reviewer_add(
                process=process,
                user=self.jurors[juror.email],
                city=city,
                country=city.country if city else Country.objects.get(code=juror.country),
                organisation=juror.organisation,
                actor=None,
            )
        self.log(
            f"      {edition.year} · {edition_data.texts['en'][0]}: {len(data.QUESTIONS)} questions, "
            f"{len(self.reviewers)} jurors, criteria: {process.criteria.count()}"
        )
        return edition

    def open_pool(self, edition: Edition) -> tuple[list[Experience], Experience | None]:
        """Experiences member cities send: published, on the theme, from cities that meet the rules, at
        most two per country and one per city; and one that started after the cut-off (overridden)."""
        refused = {(item.city, item.country) for item in data.INELIGIBLE}
        jury_cities = {juror.city for juror in data.JURORS if juror.city}
        excluded = {self.member(*key).pk for key in refused | jury_cities | {data.OPEN_EDITION.host}}
        excluded |= set(
            Application.objects.filter(edition__number=edition.number - 1, status=S.WINNER).values_list(
                "city_id", flat=True
            )
        )
        paid_up = set(cities_with_fees_paid_up(year=edition.year).values_list("pk", flat=True))
        themes: dict[int, set[str]] = {}
        for experience_id, code in ExperienceTag.objects.filter(kind="theme").values_list(
            "experience_id", "code"
        ):
            themes.setdefault(experience_id, set()).add(code)
        experiences = [
            experience
            for experience in Experience.objects.filter(
                status=ExperienceStatus.PUBLISHED, city__membership_status=MembershipStatus.MEMBER
            )
            .exclude(pk__in=self.used_experiences)
            .select_related("city__country")
            .order_by("pk")
            if experience.city_id in paid_up and experience.city_id not in excluded
        ]

        def rank(experience: Experience) -> tuple:
            codes = themes.get(experience.pk, set())
            matched = [index for index, code in enumerate(data.OPEN_THEMES) if code in codes]
            return (matched[0] if matched else len(data.OPEN_THEMES), _order(experience.title))

        cutoff = edition.initiative_cutoff
        chosen: list[Experience] = []
        cities: set[int] = set()
        countries: Counter[str] = Counter()
        for experience in sorted(experiences, key=rank):
            country = str(experience.city.country.code)
            started = experience.start_date is not None and experience.start_date < cutoff
            if not started or experience.city_id in cities or countries[country] >= 2:
                continue
            chosen.append(experience)
            cities.add(experience.city_id)
            countries[country] += 1
        late = next(
            (
                experience
                for experience in sorted(experiences, key=lambda e: _order(e.title))
                if experience.start_date is not None
                and experience.start_date >= cutoff
                and experience.city_id not in cities
            ),
            None,
        )
        if late is None and len(chosen) > 1:
            # Which experiences start late depends on the bank's demo; without one, the last of the pool
            # (never sent otherwise) becomes the initiative that started after the cut-off.
            late = chosen.pop()
            late.start_date = cutoff + datetime.timedelta(days=120)
            late.save(update_fields=["start_date"])
        return chosen, late

    def answers(
        self, application: Application, questions: list[EditionQuestion], *, only_first=False
    ) -> dict:
        language = application.language
        rng = _rng("answers", application.experience.title)
        values = {
            "title": application.experience.title,
            "city": application.city.name,
            "people": _number(rng.randrange(120, 2400, 10), language),
            "percent": str(rng.randint(61, 89)),
        }
        first, second, third = data.ANSWERS[language]
        texts = [rng.choice(first), rng.choice(second), third[0]]
        answers = {
            question.pk: text.format(**values) for question, text in zip(questions, texts, strict=True)
        }
        if only_first:
            return {questions[0].pk: answers[questions[0].pk]}
        return answers

    def open_applications(self, edition: Edition) -> dict[str, list[Application]]:
        questions = list(edition.questions.order_by("position"))
        pool, late = self.open_pool(edition)
        counts = data.OPEN_STATE_COUNTS
        # Jury (14 in review + 1 withdrawn later), submitted, withdrawn before the jury, drafts (2 + 1 new).
        needed = counts[S.IN_REVIEW] + 1 + counts[S.SUBMITTED] + 1 + counts[S.DRAFT]
        if len(pool) < needed or late is None:
            raise AwardsDemoError(
                f"The award's demo needs {needed} published experiences of eligible member cities "
                f"(found {len(pool)}): load the bank of experiences first."
            )
        jury_count = counts[S.IN_REVIEW] + 1
        groups = {
            "jury": pool[:jury_count],
            "submitted": pool[jury_count : jury_count + counts[S.SUBMITTED]],
            "withdrawn": pool[jury_count + counts[S.SUBMITTED] : jury_count + counts[S.SUBMITTED] + 1],
        }
        rest = pool[jury_count + counts[S.SUBMITTED] + 1 : needed]
        groups["drafts"], new_draft_city = rest[:-1], rest[-1].city

        made: dict[str, list[Application]] = {key: [] for key in (*groups, "eligible", "ineligible", "new")}

        def complete(application: Application) -> Application:
            application_save(
                application=application, actor=None, answers=self.answers(application, questions)
            )
            self.attach_letter(application)
            return application_submit(application=application, actor=None)

        for key in ("jury", "submitted", "withdrawn"):
            for experience in groups[key]:
                application = self.apply(
                    edition=edition,
                    city=experience.city,
                    experience=experience,
                    language=_language_of(experience),
                )
                made[key].append(complete(application))
        application = self.apply(
            edition=edition, city=late.city, experience=late, language=_language_of(late)
        )
        made["eligible"].append(complete(application))
        for refused in data.INELIGIBLE:
            city = self.member(refused.city, refused.country)
            experience = None
            if not refused.new_title:
                experience = (
                    Experience.objects.filter(city=city, status=ExperienceStatus.PUBLISHED)
                    .exclude(pk__in=self.used_experiences)
                    .order_by("pk")
                    .first()
                )
                if experience is None:
                    raise AwardsDemoError(f"The award's demo needs a published experience of {refused.city}.")
            application = self.apply(
                edition=edition,
                city=city,
                experience=experience,
                new_title=refused.new_title,
                language=refused.language,
            )
            made["ineligible"].append(complete(application))
        for experience in groups["drafts"]:
            application = self.apply(
                edition=edition,
                city=experience.city,
                experience=experience,
                language=_language_of(experience),
            )
            application_save(
                application=application,
                actor=None,
                answers=self.answers(application, questions, only_first=True),
            )
            made["drafts"].append(application)
        language = _LANGUAGE_BY_COUNTRY.get(str(new_draft_city.country.code), "en")
        made["new"].append(
            self.apply(
                edition=edition,
                city=new_draft_city,
                new_title=data.NEW_DRAFT_TITLE[language],
                language=language,
            )
        )

        # The call closes; the Secretariat reviews eligibility and sends the list to the jury.
        edition_update(edition=edition, actor=None, deadline=self.open_dates["deadline"])
        for application, refused in zip(made["ineligible"], data.INELIGIBLE, strict=True):
            application_declare_ineligible(application=application, actor=None, reason=refused.reason)
        for application in made["jury"]:
            self.confirm(application, reason=data.PAST_OVERRIDE_REASON)
        application_withdraw(application=made["withdrawn"][0], actor=None, reason=data.WITHDRAW_REASONS[0])
        sent = applications_send_to_jury(edition=edition, actor=None)
        # Confirmed after the list went to the jury: it waits for the next batch.
        application_confirm_eligible(
            application=made["eligible"][0], actor=None, override_reason=data.OVERRIDE_REASON
        )
        self.log(
            f"      {sum(len(group) for group in made.values())} applications, {sent} sent to the jury, "
            f"{len(made['ineligible'])} ineligible"
        )
        return made

    def jury_at_work(self, edition: Edition, made: dict[str, list[Application]]) -> None:
        process = ReviewProcess.objects.get(pk=edition.review_process_id)
        # Sending to the jury linked each application to its review item.
        made["jury"] = list(Application.objects.filter(pk__in=[a.pk for a in made["jury"]]).order_by("pk"))
        items = list(ReviewItem.objects.filter(process=process).order_by("pk"))
        first_juror, *_others = data.JURORS
        judit = self.jurors[first_juror.email]
        # The Secretariat knows of a family tie: a pinned conflict, before the assignments.
        expert = self.reviewers[data.JURORS[5].email]
        staff_item = self.item_free_of(expert, items, skip=0)
        conflict_add(
            reviewer=expert,
            item=staff_item,
            kind=ConflictKind.PERSONAL,
            note=data.STAFF_CONFLICT_NOTE,
            actor=None,
        )
        assignments_auto(process=process, actor=None)
        process_phase_change(process=process, step="open_scoring", actor=None)
        # The README's juror sees an application she advised on and declares it; the jury is completed.
        jury_seat_forget(judit)
        mine = list(Assignment.objects.filter(reviewer=self.reviewers[first_juror.email]).order_by("item_id"))
        declared_item = mine[-1].item
        conflict_declare(
            item=declared_item, actor=judit, kind=ConflictKind.PROFESSIONAL, note=data.DECLARED_CONFLICT_NOTE
        )
        report = assignments_auto(process=process, actor=None)
        self.scores(process, first_juror.email)
        # A city withdraws after the jurors started scoring it: kept with its scores, out of the ranking.
        scored = set(Review.objects.filter(submitted_at__isnull=False).values_list("item_id", flat=True))
        leaving = next(
            application
            for application in reversed(made["jury"])
            if application.review_item_id in scored and application.review_item_id != self.outlier_item_id
        )
        application_withdraw(application=leaving, actor=None, reason=data.WITHDRAW_REASONS[1])
        self.backdate_open(edition, made)
        self.log(
            f"      {Conflict.objects.filter(item__process=process).count()} conflicts, "
            f"{Assignment.objects.filter(item__process=process).count()} assignments "
            f"({len(report.short)} items short of jurors), "
            f"{Review.objects.filter(item__process=process).count()} reviews; phase: "
            f"{ReviewPhase(ReviewProcess.objects.get(pk=process.pk).phase).label}"
        )

    def item_free_of(self, reviewer: Reviewer, items, *, skip: int) -> ReviewItem:
        conflicted = set(Conflict.objects.filter(reviewer=reviewer).values_list("item_id", flat=True))
        free = [item for item in sorted(items, key=lambda item: item.pk) if item.pk not in conflicted]
        return free[skip]

    def scores(self, process: ReviewProcess, readme_email: str) -> None:
        """Complete reviews, drafts and untouched assignments; one outlier; one "not applicable"."""
        criteria = list(process.criteria.order_by("position"))
        assignments = list(
            Assignment.objects.filter(item__process=process, item__is_active=True)
            .select_related("reviewer__user", "item")
            .order_by("item_id", "reviewer_id")
        )
        languages = {juror.email: juror.language for juror in data.JURORS}
        by_item: dict[int, list[Assignment]] = {}
        for assignment in assignments:
            by_item.setdefault(assignment.item_id, []).append(assignment)
        # The outlier: the first item with three jurors, none of them the README's juror; all three complete.
        self.outlier_item_id, outlier_reviewer_id = next(
            (item_id, group[-1].reviewer_id)
            for item_id, group in sorted(by_item.items())
            if len(group) >= 3 and all(a.reviewer.user.email != readme_email for a in group)
        )
        readme_seen = 0
        not_applicable_done = False
        for assignment in assignments:
            user = assignment.reviewer.user
            item = assignment.item
            rng = _rng("review", user.email, item.title)
            if user.email == readme_email:
                # The README's juror: one complete, one draft, the others still to score.
                state = ("complete", "draft")[readme_seen] if readme_seen < 2 else "none"
                readme_seen += 1
            elif item.pk == self.outlier_item_id:
                state = "complete"
            else:
                roll = rng.random()
                state = "complete" if roll < 0.55 else "draft" if roll < 0.75 else "none"
            if state == "none":
                continue
            language = languages.get(user.email, "en")
            outlier = assignment.reviewer_id == outlier_reviewer_id and item.pk == self.outlier_item_id
            quality = _rng("quality", item.title).uniform(5.5, 8.6)
            bias = rng.uniform(-0.8, 0.8)
            chosen = criteria if state == "complete" else criteria[:3]
            values: dict[int, ScoreInput] = {}
            for criterion in chosen:
                raw = (quality - 5.2 if outlier else quality + bias) + rng.uniform(-1.2, 1.2)
                value = Decimal(str(round(min(max(raw, 0.0), 10.0) * 2) / 2)).quantize(Decimal("0.01"))
                comment = ""
                if outlier or rng.random() < 0.4:
                    kind = "good" if value >= Decimal("7.5") else "fair" if value >= 5 else "weak"
                    comment = rng.choice(data.COMMENTS[language][kind])
                values[criterion.pk] = ScoreInput(value=value, comment=comment)
            if (
                state == "complete"
                and not outlier
                and not not_applicable_done
                and item.pk != self.outlier_item_id
                and user.email != readme_email
            ):
                criterion = criteria[NOT_APPLICABLE_POSITION - 1]
                values[criterion.pk] = ScoreInput(
                    value=None, not_applicable=True, comment=data.NOT_APPLICABLE_COMMENT[language]
                )
                not_applicable_done = True
            overall = ""
            if outlier:
                overall = data.OUTLIER_COMMENT[language]
            elif state == "complete":
                overall = rng.choice(data.COMMENTS[language]["overall"])
            jury_seat_forget(user)
            review_save(
                item=item, actor=user, scores=values, comment=overall, version=0, complete=state == "complete"
            )

    # --- dates -------------------------------------------------------------------------------------------

    def backdate_past(self, edition: Edition, edition_data: EditionData) -> None:
        created = _moment(edition_data.call_opens) - datetime.timedelta(days=30)
        opens = _moment(edition_data.call_opens)
        deadline = _moment(edition_data.deadline, 23, 59)
        jury = _moment(edition_data.jury_starts_on)
        decided = _moment(edition_data.decision_on)
        published = _moment(edition_data.decision_on + datetime.timedelta(days=7), 12)
        Edition.objects.filter(pk=edition.pk).update(
            created_at=created, updated_at=published, results_published_at=published
        )
        self.backdate_edition_parts(
            edition,
            created=created,
            moments={
                "edition_create": created,
                "translation_save": created,
                "edition_announce": opens - datetime.timedelta(days=14),
                "edition_update": published,
                "send_to_jury": jury,
                "results_publish": published,
                "process_create": created,
                "open_scoring": jury,
                "deliberate": decided - datetime.timedelta(days=21),
                "decide": decided,
                "close": published,
                "item_add": jury,
            },
        )
        for application in edition.applications.all():
            self.backdate_application(
                application,
                opens=opens,
                deadline=deadline,
                eligibility=jury - datetime.timedelta(days=4),
                jury=jury,
                decided=decided,
                last=published,
            )
        winners = edition.applications.filter(status=S.WINNER).values_list("experience_id", flat=True)
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Experience),
            object_id__in=[str(pk) for pk in winners],
            action="award_set",
        ).update(created_at=published)

    def backdate_open(self, edition: Edition, made: dict[str, list[Application]]) -> None:
        opens = self.open_dates["call_opens"]
        deadline = self.open_dates["deadline"]
        jury = _moment(edition.jury_starts_on)
        created = opens - datetime.timedelta(days=45)
        Edition.objects.filter(pk=edition.pk).update(created_at=created)
        self.backdate_edition_parts(
            edition,
            created=created,
            moments={
                "edition_create": created,
                "translation_save": created,
                "question_add": created + datetime.timedelta(days=2),
                "edition_announce": opens - datetime.timedelta(days=30),
                "edition_update": deadline,
                "reviewer_add": jury - datetime.timedelta(days=10),
                "send_to_jury": jury,
                "process_create": created,
                "open_scoring": jury,
                "item_add": jury,
                "conflict_add": jury - datetime.timedelta(days=1),
            },
        )
        for application in edition.applications.select_related("experience"):
            self.backdate_application(
                application,
                opens=opens,
                deadline=deadline,
                eligibility=deadline + datetime.timedelta(days=2),
                jury=jury,
                decided=None,
                last=None,
            )
        # Jurors have scored since the jury started, the last ones today.
        days = max((self.now - jury).days, 1)
        for review in Review.objects.filter(item__process_id=edition.review_process_id):
            rng = _rng("review-date", review.pk)
            moment = self.now - datetime.timedelta(days=rng.randrange(days), hours=rng.randrange(1, 9))
            Review.objects.filter(pk=review.pk).update(
                created_at=moment,
                updated_at=moment,
                submitted_at=moment if review.submitted_at else None,
            )
            AuditEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Review), object_id=str(review.pk)
            ).update(created_at=moment)

    def backdate_edition_parts(self, edition: Edition, *, created, moments: dict) -> None:
        """The audit log and translations of the edition, its questions, its jury and its items."""
        process_id = edition.review_process_id
        types = ContentType.objects.get_for_models(Edition, EditionQuestion, ReviewProcess, ReviewItem)
        subjects = {
            types[Edition]: [edition.pk],
            types[EditionQuestion]: list(edition.questions.values_list("pk", flat=True)),
            types[ReviewProcess]: [process_id],
            types[ReviewItem]: list(
                ReviewItem.objects.filter(process_id=process_id).values_list("pk", flat=True)
            ),
        }
        for content_type, ids in subjects.items():
            keys = [str(pk) for pk in ids]
            TextTranslation.objects.filter(content_type=content_type, object_id__in=keys).update(
                translated_at=created
            )
            entries = AuditEntry.objects.filter(content_type=content_type, object_id__in=keys)
            for action, moment in moments.items():
                entries.filter(action=action).update(created_at=moment)
        ReviewProcess.objects.filter(pk=process_id).update(created_at=created)
        ReviewItem.objects.filter(process_id=process_id).update(
            created_at=moments["item_add"], updated_at=moments["item_add"]
        )

    def backdate_application(
        self, application: Application, *, opens, deadline, eligibility, jury, decided, last
    ):
        """Created and submitted during the call, decided by the jury on the edition's dates."""
        rng = _rng("dates", application.edition.year, application.city.name, application.experience_id)
        span = max((deadline - opens).days - 10, 1)
        created = opens + datetime.timedelta(days=rng.randrange(span), hours=rng.randrange(8))
        submitted = min(
            created + datetime.timedelta(days=rng.randint(3, 30)), deadline - datetime.timedelta(hours=2)
        )
        moments = {
            "create": created,
            "letter_attach": created + datetime.timedelta(days=1),
            "submit": submitted,
            "confirm_eligible": eligibility,
            "declare_ineligible": eligibility,
            "send_to_jury": jury,
        }
        if application.status == S.WITHDRAWN and application.review_item_id is None:
            moments["withdraw"] = eligibility
        if decided is not None:
            moments.update(shortlist=decided, award=decided, mention=decided, not_select=decided)
        if application.status == S.DRAFT:
            last = created + datetime.timedelta(days=rng.randint(1, 20))
        fields = {"created_at": created, "updated_at": last or max(moments.values())}
        if application.submitted_at is not None:
            fields["submitted_at"] = submitted
        Application.objects.filter(pk=application.pk).update(**fields)
        entries = AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Application), object_id=str(application.pk)
        )
        for action, moment in moments.items():
            entries.filter(action=action).update(created_at=moment)
        experience = application.experience
        if experience.status == ExperienceStatus.DRAFT and experience.created_at > created:
            # A new experience written from the application: it was created with it.
            Experience.objects.filter(pk=experience.pk).update(created_at=created, updated_at=created)
            AuditEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Experience), object_id=str(experience.pk)
            ).update(created_at=created)


_LANGUAGE_BY_COUNTRY = {
    **dict.fromkeys(
        ("ES", "AR", "BO", "CL", "CO", "CR", "DO", "EC", "GT", "MX", "PE", "PY", "UY", "VE"), "es"
    ),
    **dict.fromkeys(("PT", "BR", "CV"), "pt"),
    **dict.fromkeys(("FR", "SN", "TN", "MA", "BF", "TG"), "fr"),
}
