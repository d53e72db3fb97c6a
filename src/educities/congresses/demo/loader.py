"""Load the congresses' demo data through the domain functions: Katowice 2020, Gijón 2027 and the bids.

Run after the members', the experiences' and the award's demo data (``manage.py demo_load`` runs them in
this order; the call's jurors are the award's). One run on an empty database creates (``demo/data.py``
holds the texts; the tests check the numbers):

- the XVI International Congress of Educating Cities, Katowice, 18–20 November 2020 (Europe/Warsaw),
  planned in person and moved to a hybrid format with 90 places: its title and description in English with
  human translations (fr, es, pt, ca); four registration types (delegate of a member city, EUR 250;
  accompanying person, EUR 90; speaker, registered by the Secretariat; press, confirmed by the
  Secretariat) and two questions; 123 registrations of people of member cities (their contacts, at
  example.org), the README's city editor among them: the places ran out, 10 people waited, 6 got a place
  when delegates cancelled, one gave up, 3 are still waiting; fees paid, waived or unpaid; most
  participants checked in; some personal agendas;
- its call for communications: 25 proposals of member cities in English, French, Spanish and Portuguese
  (one by the README's city editor for Barcelona), two left as drafts, one withdrawn, 22 sent to review
  by six jurors of the award's demo (automatic conflicts and assignments, complete scores), 14 accepted and
  made into sessions, 8 not accepted with a note to the city; the review closed after the congress;
- its programme: 42 sessions over the three days in 4 rooms (plenaries streamed, workshops, online
  sessions with meeting links, study visits, breaks, the cultural programme) with their speakers;
- the 2027 meeting of the Spanish network in Gijón (22–23 April 2027), published with its programme and
  registration open now: 60 places, 56 taken (one pending guest), so the demo users can still register;
- bids to host a congress: Montevideo chosen and Gwangju not chosen for 2028 by the Executive Committee
  (with their notes), Porto's bid for 2030 submitted and waiting; each with generated PDF documents.

Each step happens at its own moment: the loader moves the clock (``time_machine``) to the day each thing
was done (the call open when a proposal is submitted, registration open when a person registers, the
congress under way at check-in), so the domain checks the rules of that moment and every timestamp and
audit entry is where it would be. ``bulk_create`` is not used.

Running it again finds both events (by slug) and every bid (by city and year) in place and changes nothing.
"""

import datetime
import hashlib
import io
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from educities.accounts.models import User
from educities.congresses.demo import data
from educities.congresses.demo.data import Person, SessionData, TypeData
from educities.congresses.domain.bids import bid_document_add, bid_save, bid_transition
from educities.congresses.domain.calls import (
    call_open,
    proposal_save,
    proposal_session_create,
    proposal_speaker_specs,
    proposal_transition,
    proposals_send_to_review,
)
from educities.congresses.domain.events import (
    SpeakerSpec,
    event_create,
    event_programme_publish,
    event_publish,
    event_update,
    registration_question_save,
    registration_type_save,
    room_save,
    session_save,
)
from educities.congresses.domain.registrations import (
    agenda_add,
    registration_check_in,
    registration_create,
    registration_fee_set,
    registration_transition,
)
from educities.congresses.enums import (
    BidStatus,
    EventFormat,
    EventKind,
    FeeStatus,
    ProposalStatus,
    RegistrationStatus,
    SessionKind,
)
from educities.congresses.models import (
    AgendaEntry,
    Bid,
    BidDocument,
    Call,
    Event,
    Proposal,
    Registration,
    RegistrationQuestion,
    RegistrationType,
    Room,
    Session,
    Speaker,
)
from educities.core.domain.translations import translation_save_human
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from educities.members.enums import MembershipStatus
from educities.members.models import City, Contact, Network
from educities.reviews.domain.jury import assignments_auto, reviewer_add
from educities.reviews.domain.processes import process_phase_change
from educities.reviews.domain.scoring import ScoreInput, review_save
from educities.reviews.models import Assignment, Review, Reviewer
from educities.reviews.rules import jury_seat_forget

Log = Callable[[str], None]

SEED = "educities-demo-2026:congresses"
WARSAW = ZoneInfo(data.KATOWICE_ZONE)
MADRID = ZoneInfo(data.GIJON_ZONE)

# Delegates to Katowice per country (with the README's city editor for Barcelona: ``KATOWICE_DELEGATES``).
KATOWICE_COUNTRIES = {
    "ES": 19,
    "PT": 10,
    "FR": 8,
    "BR": 8,
    "KR": 8,
    "IT": 6,
    "AR": 6,
    "PL": 5,
    "MX": 4,
    "CO": 4,
    "FI": 3,
    "UY": 2,
    "CL": 2,
    "SE": 2,
    "BE": 1,
    "SN": 2,
    "TN": 1,
    "MA": 1,
    "CV": 1,
}
# Countries whose delegates' fees the association waived (income groups I and II).
WAIVED_COUNTRIES = ("SN", "TN", "MA", "CV")
ORGANISATIONS = {
    "ES": "Ayuntamiento de {city}",
    "PT": "Câmara Municipal de {city}",
    "CV": "Câmara Municipal de {city}",
    "BR": "Prefeitura de {city}",
    "AR": "Municipalidad de {city}",
    "CL": "Municipalidad de {city}",
    "UY": "Intendencia de {city}",
    "CO": "Alcaldía de {city}",
    "MX": "Gobierno Municipal de {city}",
    "FR": "Ville de {city}",
    "SN": "Ville de {city}",
    "TN": "Municipalité de {city}",
    "MA": "Commune de {city}",
}


@contextmanager
def _clock() -> Iterator[Callable[[datetime.datetime], None]]:
    """Travel in time: yields ``move(moment)``, which sets the clock to ``moment`` (aware)."""
    try:
        import time_machine
    except ImportError as error:  # pragma: no cover - a dependency of the demo (requirements-dev.txt)
        raise CongressesDemoError(
            "The demo data need time-machine (pip install -r requirements-dev.txt)."
        ) from error
    with time_machine.travel(datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC), tick=False) as traveller:
        yield traveller.move_to


class CongressesDemoError(RuntimeError):
    """The other demo data are not what the congresses' demo expects (a city, an account is missing)."""


def congresses_demo_load(*, log: Log = print, send_emails: bool = False) -> dict[str, int]:
    """Load (or complete) the congresses' demo data; returns ``congresses_demo_counts()``."""
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
        created = _CongressesLoader(log=log).run()
    counts = congresses_demo_counts()
    log(f"Congresses done in {time.monotonic() - started:.1f} s ({created} events and bids created).")
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        log(f"  {name:<{width}}  {count:>6}")
    return counts


def congresses_demo_counts() -> dict[str, int]:
    registrations = Counter(Registration.objects.values_list("status", flat=True))
    proposals = Counter(Proposal.objects.values_list("status", flat=True))
    bids = Counter(Bid.objects.values_list("status", flat=True))
    call_reviews = Review.objects.filter(item__process__congress_call__isnull=False)
    return {
        "events": Event.objects.count(),
        "events published": Event.objects.filter(is_published=True).count(),
        "registration types": RegistrationType.objects.count(),
        "registration questions": RegistrationQuestion.objects.count(),
        "registrations": sum(registrations.values()),
        **{f"registrations {status}": registrations.get(status, 0) for status in RegistrationStatus.values},
        "registrations checked in": Registration.objects.filter(checked_in_at__isnull=False).count(),
        "rooms": Room.objects.count(),
        "sessions": Session.objects.count(),
        "speakers": Speaker.objects.count(),
        "agenda entries": AgendaEntry.objects.count(),
        "calls": Call.objects.count(),
        "proposals": sum(proposals.values()),
        **{f"proposals {status}": proposals.get(status, 0) for status in ProposalStatus.values},
        "proposals made sessions": Proposal.objects.filter(session__isnull=False).count(),
        "call jurors": Reviewer.objects.filter(process__congress_call__isnull=False).count(),
        "call reviews complete": call_reviews.filter(submitted_at__isnull=False).count(),
        "bids": sum(bids.values()),
        **{f"bids {status}": bids.get(status, 0) for status in BidStatus.values},
        "bid documents": BidDocument.objects.count(),
    }


# --- small helpers ---------------------------------------------------------------------------------


def _rng(*parts) -> random.Random:
    return random.Random(":".join([SEED, *map(str, parts)]))  # noqa: S311 - demo data, not security


def _order(text: str) -> str:
    """A stable pseudo-random sort key (the same on every run and every machine)."""
    return hashlib.sha256(f"{SEED}:{text}".encode()).hexdigest()


def _ascii(text: str) -> str:
    """What the PDF core fonts can print."""
    for old, new in (("’", "'"), ("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(old, new)
    return text.encode("latin-1", "ignore").decode("latin-1")


def bid_pdf(*, city: City, title: str, year: int, text: str) -> bytes:
    """A one-page document of a bid (generated for the demo, not a real signature)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=15)
    pdf.multi_cell(w=0, text=_ascii(f"{city.name}: bid to host the congress of {year}\n{title}"))
    pdf.ln(4)
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(w=0, text=_ascii(text + "\n\nDemo document generated by educities: not a real signature."))
    buffer = io.BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()


def _at(day: datetime.date, clock: str, zone: ZoneInfo) -> datetime.datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def _between(rng: random.Random, first: datetime.datetime, last: datetime.datetime) -> datetime.datetime:
    """A moment between ``first`` and ``last``, in office hours of ``first``'s zone when it can."""
    span = max((last - first).days, 0)
    day = (first + datetime.timedelta(days=rng.randint(0, span))).date()
    moment = datetime.datetime.combine(
        day, datetime.time(rng.randint(9, 18), rng.randint(0, 59), rng.randint(0, 59)), tzinfo=first.tzinfo
    )
    return min(max(moment, first), last)


class _CongressesLoader:
    def __init__(self, *, log: Log):
        self.log = log
        self.now = timezone.now()
        self.users = {
            email: User.objects.filter(email=email).first()
            for email in (data.EDITOR_EMAIL, data.EXECUTIVE_EMAIL, data.TRANSLATOR_EMAIL, *data.CALL_JURORS)
        }
        missing = [email for email, user in self.users.items() if user is None]
        if missing:
            raise CongressesDemoError(
                f"The congresses' demo needs the accounts {', '.join(missing)}: load the members' and the "
                "award's demo data first."
            )
        self.editor = self.users[data.EDITOR_EMAIL]

    def run(self) -> int:
        created = 0
        with _clock() as move:
            self.move = move
            self.log("[1/3] XVI International Congress, Katowice 2020")
            if Event.objects.filter(slug=data.KATOWICE_SLUG).exists():
                self.log("      already there")
            else:
                self.katowice()
                created += 1
            self.log("[2/3] 2027 meeting of the Spanish network, Gijón")
            if Event.objects.filter(slug=data.GIJON_SLUG).exists():
                self.log("      already there")
            else:
                self.gijon()
                created += 1
            self.log("[3/3] Bids to host a congress")
            created += self.bids()
        return created

    # --- shared --------------------------------------------------------------------------------------

    def member(self, name: str, country: str) -> City:
        city = (
            City.objects.filter(name=name, country__code=country, membership_status=MembershipStatus.MEMBER)
            .select_related("country")
            .first()
        )
        if city is None:
            raise CongressesDemoError(
                f"The congresses' demo needs the member city {name} ({country}): load the members first."
            )
        return city

    def translate(self, event: Event, titles: dict[str, str], descriptions: dict[str, str]) -> None:
        translator = self.users[data.TRANSLATOR_EMAIL]
        for language in data.TRANSLATION_LANGUAGES:
            if language == event.original_language:
                continue
            translation_save_human(
                obj=event, field="title", language=language, text=titles[language], actor=translator
            )
            translation_save_human(
                obj=event,
                field="description",
                language=language,
                text=descriptions[language],
                actor=translator,
            )

    def setup_types(self, event: Event, types: dict[str, TypeData], questions) -> tuple[dict, list]:
        made = {}
        for position, (key, spec) in enumerate(types.items()):
            made[key] = registration_type_save(
                event=event,
                actor=None,
                name=spec.name,
                description=spec.description,
                fee=spec.fee,
                requires_member_city=spec.requires_member_city,
                needs_approval=spec.needs_approval,
                counts_toward_capacity=spec.counts_toward_capacity,
                is_public=spec.is_public,
                position=position,
            )
        asked = [
            registration_question_save(
                event=event,
                actor=None,
                text=text,
                kind=kind,
                choices=list(choices),
                is_required=required,
                position=position,
            )
            for position, (text, kind, choices, required) in enumerate(questions)
        ]
        return made, asked

    def speaker_city(self, person: Person) -> City | None:
        return self.member(*person.city) if person.city else None

    def programme(
        self,
        event: Event,
        sessions: tuple[SessionData, ...],
        rooms: dict[str, Room],
        people: dict[str, Person],
        zone: ZoneInfo,
        *,
        meeting_base: str,
    ) -> list[Session]:
        made = []
        for number, spec in enumerate(sessions, start=1):
            day = event.starts_on + datetime.timedelta(days=spec.day)
            made.append(
                session_save(
                    event=event,
                    actor=None,
                    title=spec.title,
                    kind=spec.kind,
                    starts_at=_at(day, spec.start, zone),
                    ends_at=_at(day, spec.end, zone),
                    room=rooms[spec.room] if spec.room else None,
                    description=spec.description,
                    language=spec.language,
                    capacity=spec.capacity,
                    meeting_url=f"{meeting_base}/session-{number}" if spec.online else "",
                    is_online=spec.online,
                    speakers=[
                        SpeakerSpec(
                            name=people[key].name,
                            role=people[key].role,
                            organisation=people[key].organisation,
                            city=self.speaker_city(people[key]),
                        )
                        for key in spec.speakers
                    ],
                )
            )
        return made

    def contacts(self, countries: dict[str, int], *, seed: str, exclude: set[str]) -> list[Contact]:
        """Contacts of member cities, so many per country, at most two per city (a stable choice)."""
        chosen = []
        for country, count in countries.items():
            contacts = sorted(
                Contact.objects.filter(
                    city__country__code=country, city__membership_status=MembershipStatus.MEMBER
                ).select_related("city__country"),
                key=lambda contact: _order(f"{seed}:{contact.email}"),
            )
            per_city: Counter[int] = Counter()
            taken = 0
            for contact in contacts:
                if taken == count:
                    break
                if per_city[contact.city_id] >= 2 or contact.email.lower() in exclude:
                    continue
                per_city[contact.city_id] += 1
                chosen.append(contact)
                taken += 1
            if taken < count:
                raise CongressesDemoError(
                    f"The congresses' demo needs {count} contacts of member cities in {country}: load the "
                    "members first."
                )
        return chosen

    def organisation(self, city: City) -> str:
        pattern = ORGANISATIONS.get(str(city.country.code), "City of {city}")
        return pattern.format(city=city.name)

    # --- Katowice 2020 ------------------------------------------------------------------------------------

    def katowice(self) -> Event:
        timeline = data.KATOWICE_TIMELINE
        first, last = data.KATOWICE_DAYS
        self.move(timeline["created"])
        latitude, longitude = data.KATOWICE_COORDINATES
        event = event_create(
            kind=EventKind.INTERNATIONAL_CONGRESS,
            number=16,
            slug=data.KATOWICE_SLUG,
            title=data.KATOWICE_TITLE["en"],
            host_city=self.member(*data.KATOWICE_HOST),
            starts_on=first,
            ends_on=last,
            time_zone=data.KATOWICE_ZONE,
            venue=data.KATOWICE_VENUE,
            address=data.KATOWICE_ADDRESS,
            latitude=latitude,
            longitude=longitude,
            languages=["en", "fr", "es", "pt"],
            # Planned in person for the congress centre's main hall.
            format=EventFormat.IN_PERSON,
            capacity=600,
            registration_opens_at=timeline["registration_opens"],
            registration_closes_at=timeline["registration_closes"],
            description=data.KATOWICE_DESCRIPTION["en"],
            language="en",
            contact_email=data.KATOWICE_CONTACT,
            actor=None,
        )
        self.translate(event, data.KATOWICE_TITLE, data.KATOWICE_DESCRIPTION)
        self.move(timeline["created"] + datetime.timedelta(days=3))
        types, questions = self.setup_types(event, data.KATOWICE_TYPES, data.KATOWICE_QUESTIONS)
        rooms = {
            key: room_save(event=event, actor=None, name=name, capacity=capacity, position=position)
            for position, (key, name, capacity) in enumerate(data.ROOMS)
        }
        self.move(timeline["published"])
        event = event_publish(event=event, actor=None)
        call = self.katowice_call(event)
        # The pandemic: the congress becomes hybrid, with the places the hall's health rules allow.
        self.move(timeline["format_changed"])
        event = event_update(
            event=event, actor=None, format=EventFormat.HYBRID, capacity=data.KATOWICE_CAPACITY
        )
        self.move(timeline["programme"])
        sessions = self.programme(
            event,
            data.KATOWICE_SESSIONS,
            rooms,
            data.KEYNOTES,
            WARSAW,
            meeting_base="https://meet.example.org/katowice-2020",
        )
        sessions += self.katowice_communications(event, call, rooms)
        self.move(timeline["programme_published"])
        event_programme_publish(event=event, published=True, actor=None)
        registrations = self.katowice_registrations(event, types, questions)
        self.katowice_agendas(event, registrations)
        self.katowice_check_in(event)
        self.move(timeline["review_closed"])
        process_phase_change(process=call.review_process, step="close", actor=None)
        counts = Counter(Registration.objects.filter(event=event).values_list("status", flat=True))
        self.log(
            f"      {len(sessions)} sessions; {sum(counts.values())} registrations "
            f"({counts[RegistrationStatus.CONFIRMED]} confirmed, {counts[RegistrationStatus.WAITLISTED]} "
            f"waiting, {counts[RegistrationStatus.CANCELLED]} cancelled)"
        )
        return event

    def katowice_call(self, event: Event) -> Call:
        timeline = data.KATOWICE_TIMELINE
        opens, closes = timeline["call_opens"], timeline["call_closes"]
        self.move(opens - datetime.timedelta(days=2))
        call = call_open(
            event=event,
            opens_at=opens,
            closes_at=closes,
            guidelines=data.CALL_GUIDELINES,
            max_proposals_per_city=3,
            actor=None,
        )
        steps = []
        for index, spec in enumerate(data.PROPOSALS):
            rng = _rng("proposal", index)
            created = _between(rng, opens + datetime.timedelta(days=5), closes - datetime.timedelta(days=20))
            steps.append((created, index, "create", spec))
            if spec.outcome != ProposalStatus.DRAFT:
                steps.append((created + datetime.timedelta(days=rng.randint(2, 15)), index, "submit", spec))
            if spec.outcome == ProposalStatus.WITHDRAWN:
                steps.append((closes - datetime.timedelta(days=3), index, "withdraw", spec))
        proposals: dict[int, Proposal] = {}
        for moment, index, step, spec in sorted(steps, key=lambda step: step[:2]):
            self.move(moment)
            actor = self.editor if spec.by_editor else None
            if step == "create":
                city = self.member(*spec.city)
                experience = None
                if spec.kind == data.EXP:
                    # One of the city's experiences already in the bank at the time.
                    experience = (
                        Experience.objects.filter(
                            city=city, status=ExperienceStatus.PUBLISHED, published_at__lte=timezone.now()
                        )
                        .order_by("pk")
                        .first()
                    )
                proposals[index] = proposal_save(
                    call=call,
                    city=city,
                    actor=actor,
                    kind=spec.kind,
                    language=spec.language,
                    title=spec.title,
                    summary=spec.summary,
                    speakers=spec.speakers,
                    experience=experience,
                )
            elif step == "submit":
                proposal_transition(proposal=proposals[index], step="submit", actor=actor)
            else:
                proposal_transition(
                    proposal=proposals[index], step="withdraw", actor=None, note=data.WITHDRAW_NOTE
                )
        self.call_review(call, proposals)
        return call

    def call_review(self, call: Call, proposals: dict[int, Proposal]) -> None:
        timeline = data.KATOWICE_TIMELINE
        process = call.review_process
        self.move(timeline["jury"])
        reviewers = {}
        for email in data.CALL_JURORS:
            user = self.users[email]
            # The jurors' city and organisation as in the award's jury.
            award = (
                Reviewer.objects.filter(user=user).select_related("city", "country").order_by("pk").first()
            )
            reviewers[email] = reviewer_add(
                process=process,
                user=user,
                city=award.city if award else None,
                country=award.country if award else None,
                organisation=award.organisation if award else "",
                actor=None,
            )
        sent = proposals_send_to_review(call=call, actor=None)
        report = assignments_auto(process=process, actor=None)
        self.move(timeline["scoring_opens"])
        process_phase_change(process=process, step="open_scoring", actor=None)
        # How good the jury finds each proposal sent to review (by its review item).
        items = dict(
            Proposal.objects.filter(
                pk__in=[p.pk for p in proposals.values()], review_item__isnull=False
            ).values_list("pk", "review_item_id")
        )
        quality = {
            items[proposal.pk]: data.PROPOSALS[index].quality
            for index, proposal in proposals.items()
            if proposal.pk in items
        }
        criteria = list(process.criteria.order_by("position"))
        assignments = list(
            Assignment.objects.filter(item__process=process)
            .select_related("reviewer__user", "item")
            .order_by("item_id", "reviewer_id")
        )
        span = (timeline["deliberation"] - timeline["scoring_opens"]).days - 1
        for assignment in sorted(assignments, key=lambda a: _order(f"review:{a.item_id}:{a.reviewer_id}")):
            rng = _rng("review", assignment.item_id, assignment.reviewer.user.email)
            self.move(
                _between(
                    rng, timeline["scoring_opens"], timeline["scoring_opens"] + datetime.timedelta(days=span)
                )
            )
            base = quality[assignment.item_id] + rng.uniform(-0.8, 0.8)
            scores = {}
            for criterion in criteria:
                raw = base + rng.uniform(-1.0, 1.0)
                value = Decimal(str(round(min(max(raw, 0.0), 10.0) * 2) / 2)).quantize(Decimal("0.01"))
                comment = ""
                if rng.random() < 0.3:
                    kind = "good" if value >= Decimal("7.5") else "fair" if value >= 6 else "weak"
                    comment = rng.choice(data.REVIEW_COMMENTS[kind])
                scores[criterion.pk] = ScoreInput(value=value, comment=comment)
            overall = data.REVIEW_COMMENTS["overall"][0 if base >= 7.2 else 1 if base >= 6.5 else 2]
            user = assignment.reviewer.user
            jury_seat_forget(user)
            review_save(
                item=assignment.item, actor=user, scores=scores, comment=overall, version=0, complete=True
            )
        self.move(timeline["deliberation"])
        process_phase_change(process=process, step="deliberate", actor=None)
        self.move(timeline["decision"])
        process_phase_change(process=process, step="decide", actor=None)
        self.move(timeline["decision"] + datetime.timedelta(days=1))
        for index, proposal in sorted(proposals.items()):
            spec = data.PROPOSALS[index]
            if spec.outcome == ProposalStatus.ACCEPTED:
                proposal_transition(
                    proposal=proposal, step="accept", actor=None, note=data.ACCEPT_NOTES[spec.language]
                )
            elif spec.outcome == ProposalStatus.REJECTED:
                proposal_transition(
                    proposal=proposal, step="reject", actor=None, note=data.REJECT_NOTES[spec.language]
                )
        self.log(
            f"      call: {len(proposals)} proposals, {sent} sent to {len(reviewers)} jurors "
            f"({Assignment.objects.filter(item__process=process).count()} assignments, "
            f"{len(report.short)} items short of jurors)"
        )

    def katowice_communications(self, event: Event, call: Call, rooms: dict[str, Room]) -> list[Session]:
        accepted = list(
            call.proposals.filter(status=ProposalStatus.ACCEPTED).select_related("city").order_by("pk")
        )
        accepted.sort(key=lambda proposal: _order(f"slot:{proposal.title}"))
        if len(accepted) > len(data.COMMUNICATION_SLOTS):
            raise CongressesDemoError("More accepted proposals than communication slots in the programme.")
        made = []
        for proposal, (day_index, start, end, room_key) in zip(
            accepted, data.COMMUNICATION_SLOTS, strict=False
        ):
            day = event.starts_on + datetime.timedelta(days=day_index)
            session = proposal_session_create(
                proposal=proposal,
                actor=None,
                starts_at=_at(day, start, WARSAW),
                ends_at=_at(day, end, WARSAW),
                room=rooms[room_key],
                kind=SessionKind.COMMUNICATIONS,
            )
            if room_key == "online":
                # Presented from home: the session gets its meeting link.
                session = session_save(
                    event=event,
                    actor=None,
                    session=session,
                    title=session.title,
                    kind=session.kind,
                    starts_at=session.starts_at,
                    ends_at=session.ends_at,
                    room=session.room,
                    description=session.description,
                    language=session.language,
                    meeting_url=f"https://meet.example.org/katowice-2020/communication-{proposal.pk}",
                    is_online=True,
                    speakers=proposal_speaker_specs(proposal=proposal),
                )
            made.append(session)
        return made

    def katowice_registrations(self, event: Event, types: dict, questions: list) -> list[Registration]:
        timeline = data.KATOWICE_TIMELINE
        opens = timeline["registration_opens"]
        attendance, needs = questions
        barcelona = self.member("Barcelona", "ES")
        people = []  # (moment, key, values)
        for key, person in sorted(data.KEYNOTES.items()):
            rng = _rng("speaker", key)
            people.append(
                (
                    _between(rng, opens, opens + datetime.timedelta(days=20)),
                    f"speaker:{key}",
                    {
                        "type": types["speaker"],
                        "name": person.name,
                        "email": data.speaker_email(person),
                        "organisation": person.organisation,
                        "position_title": person.role,
                        "city": self.speaker_city(person),
                        "language": "en",
                    },
                )
            )
        contacts = self.contacts(KATOWICE_COUNTRIES, seed="katowice", exclude=set())
        expected = data.KATOWICE_DELEGATES - 1
        if len(contacts) != expected:
            raise CongressesDemoError(f"Katowice's delegates: {len(contacts)} contacts, {expected} expected.")
        last_registration = datetime.datetime(2020, 10, 30, 18, 0, tzinfo=WARSAW)
        for contact in contacts:
            rng = _rng("delegate", contact.email)
            people.append(
                (
                    _between(rng, opens, last_registration),
                    f"delegate:{contact.email}",
                    {
                        "type": types["delegate"],
                        "name": contact.full_name,
                        "email": contact.email,
                        "organisation": self.organisation(contact.city),
                        "position_title": contact.position,
                        "city": contact.city,
                        "language": contact.language,
                    },
                )
            )
        # The README's city editor registered as a delegate of Barcelona, with the account.
        people.append(
            (
                datetime.datetime(2020, 7, 2, 10, 15, tzinfo=WARSAW),
                "delegate:editor",
                {
                    "type": types["delegate"],
                    "name": self.editor.get_full_name() or self.editor.email,
                    "email": self.editor.email,
                    "organisation": "Ajuntament de Barcelona",
                    "position_title": "Educating City coordination",
                    "city": barcelona,
                    "language": "ca",
                    "user": self.editor,
                },
            )
        )
        for name, email, language in data.ACCOMPANYING_PEOPLE:
            rng = _rng("accompanying", email)
            people.append(
                (
                    _between(rng, opens, last_registration),
                    f"accompanying:{email}",
                    {"type": types["accompanying"], "name": name, "email": email, "language": language},
                )
            )
        for name, email, outlet, language in data.PRESS_PEOPLE:
            rng = _rng("press", email)
            people.append(
                (
                    _between(rng, opens + datetime.timedelta(days=60), last_registration),
                    f"press:{email}",
                    {
                        "type": types["press"],
                        "name": name,
                        "email": email,
                        "organisation": outlet,
                        "position_title": "Journalist",
                        "language": language,
                    },
                )
            )
        made: dict[str, Registration] = {}
        for moment, key, values in sorted(people, key=lambda person: (person[0], person[1])):
            rng = _rng("answers", key)
            answers = {str(attendance.pk): data.ATTENDANCE_CHOICES[0 if rng.random() < 0.35 else 1]}
            if rng.random() < 0.3:
                answers[str(needs.pk)] = rng.choice(data.ACCESS_NEEDS)
            self.move(moment)
            editor = key == "delegate:editor"
            made[key] = registration_create(
                event=event, actor=self.editor if editor else None, answers=answers, **values
            )
            if key.startswith("press:"):
                # The Secretariat checks the press card two days later.
                self.move(moment + datetime.timedelta(days=2))
                index = [person[1] for person in data.PRESS_PEOPLE].index(key.removeprefix("press:"))
                if index == data.PRESS_CANCELLED:
                    registration_transition(
                        registration=made[key], step="cancel", actor=None, comment=data.PRESS_CANCEL_COMMENT
                    )
                else:
                    registration_transition(registration=made[key], step="confirm", actor=None)
        self.katowice_changes(event, made)
        return list(made.values())

    def katowice_changes(self, event: Event, made: dict[str, Registration]) -> None:
        """Fees paid or waived; delegates who cancel give their place to the first waiting."""
        timeline = data.KATOWICE_TIMELINE
        paying = sorted(
            (
                registration
                for key, registration in made.items()
                if key.startswith(("delegate:", "accompanying:"))
            ),
            key=lambda registration: (registration.created_at, registration.pk),
        )
        waiting = [
            r for r in paying if Registration.objects.get(pk=r.pk).status == RegistrationStatus.WAITLISTED
        ]
        confirmed = [r for r in paying if r.pk not in {w.pk for w in waiting}]
        leaving = [
            registration
            for registration in sorted(confirmed, key=lambda r: _order(f"cancel:{r.email}"))
            if registration.user_id is None and registration.type.requires_member_city
        ][: data.KATOWICE_CANCELLED_CONFIRMED]
        cancel_start = datetime.datetime(2020, 11, 2, 9, 0, tzinfo=WARSAW)
        for number, registration in enumerate(leaving):
            self.move(cancel_start + datetime.timedelta(days=number, hours=number % 3))
            registration_transition(
                registration=registration,
                step="cancel",
                actor=None,
                comment=data.DELEGATE_CANCEL_COMMENT,
            )
        # The last on the waiting list gives up.
        still_waiting = list(
            Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).order_by(
                "-waitlist_position"
            )
        )
        for registration in still_waiting[: data.KATOWICE_CANCELLED_WAITING]:
            self.move(cancel_start + datetime.timedelta(days=8))
            registration_transition(
                registration=registration,
                step="cancel",
                actor=None,
                comment="I will follow the sessions online.",
            )
        # Fees: the Secretariat records the payments; some cities waived, a few still unpaid.
        holding = list(
            Registration.objects.filter(
                event=event, status=RegistrationStatus.CONFIRMED, fee_status=FeeStatus.UNPAID
            )
            .select_related("city__country")
            .order_by("confirmed_at", "pk")
        )
        waived = [r for r in holding if r.city and str(r.city.country.code) in WAIVED_COUNTRIES][
            : data.KATOWICE_WAIVED
        ]
        unpaid = {r.pk for r in holding[-data.KATOWICE_UNPAID :]} - {r.pk for r in waived}
        for registration in holding:
            if registration.pk in unpaid:
                continue
            rng = _rng("fee", registration.email)
            moment = registration.confirmed_at + datetime.timedelta(days=rng.randint(3, 25))
            self.move(min(moment, timeline["registration_closes"]))
            registration_fee_set(
                registration=registration,
                fee_status=FeeStatus.WAIVED if registration in waived else FeeStatus.PAID,
                actor=None,
            )

    def katowice_agendas(self, event: Event, registrations: list[Registration]) -> None:
        """Some participants keep a personal agenda of the workshops and visits with limited places."""
        limited = list(
            Session.objects.filter(event=event, capacity__isnull=False).order_by("starts_at", "pk")
        )
        holders = sorted(
            Registration.objects.filter(
                event=event, status=RegistrationStatus.CONFIRMED, type__counts_toward_capacity=True
            ),
            key=lambda registration: _order(f"agenda:{registration.email}"),
        )[:45]
        # The README's city editor chose the two Spanish workshops.
        editor = Registration.objects.get(event=event, user=self.editor)
        self.move(datetime.datetime(2020, 11, 9, 17, 40, tzinfo=WARSAW))
        for session in limited:
            if session.language == "es" and session.kind == SessionKind.WORKSHOP:
                agenda_add(registration=editor, session=session, actor=self.editor)
        self.move(datetime.datetime(2020, 11, 10, 12, 0, tzinfo=WARSAW))
        for registration in holders:
            if registration.pk == editor.pk:
                continue
            rng = _rng("agenda", registration.email)
            for session in rng.sample(limited, 2):
                if AgendaEntry.objects.filter(session=session).count() >= session.capacity:
                    continue
                agenda_add(registration=registration, session=session, actor=None)

    def katowice_check_in(self, event: Event) -> None:
        """At the desk in the hall, or at the online desk when connecting: most confirmed participants."""
        confirmed = list(
            Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).order_by("pk")
        )
        first_day = data.KATOWICE_DAYS[0]
        arrivals = []
        for registration in confirmed:
            rng = _rng("check-in", registration.email)
            if registration.user_id is None and rng.random() > data.KATOWICE_CHECK_IN_SHARE:
                continue
            day = first_day + datetime.timedelta(days=0 if rng.random() < 0.8 else 1)
            moment = _at(day, "08:15", WARSAW) + datetime.timedelta(
                minutes=rng.randint(0, 70), seconds=rng.randint(0, 59)
            )
            arrivals.append((moment, registration.pk, registration))
        for moment, _pk, registration in sorted(arrivals, key=lambda arrival: arrival[:2]):
            self.move(moment)
            registration_check_in(registration=registration, actor=None)

    # --- Gijón 2027 --------------------------------------------------------------------------------------

    def gijon(self) -> Event:
        timeline = data.GIJON_TIMELINE
        first, last = data.GIJON_DAYS
        network = Network.objects.filter(name=data.GIJON_NETWORK).first()
        if network is None:
            raise CongressesDemoError(f"The congresses' demo needs the network {data.GIJON_NETWORK}.")
        self.move(timeline["created"])
        latitude, longitude = data.GIJON_COORDINATES
        event = event_create(
            kind=EventKind.NATIONAL_CONGRESS,
            slug=data.GIJON_SLUG,
            title=data.GIJON_TITLE["es"],
            host_city=self.member(*data.GIJON_HOST),
            network=network,
            starts_on=first,
            ends_on=last,
            time_zone=data.GIJON_ZONE,
            venue=data.GIJON_VENUE,
            address=data.GIJON_ADDRESS,
            latitude=latitude,
            longitude=longitude,
            languages=["es"],
            format=EventFormat.IN_PERSON,
            capacity=data.GIJON_CAPACITY,
            registration_opens_at=timeline["registration_opens"],
            registration_closes_at=timeline["registration_closes"],
            description=data.GIJON_DESCRIPTION["es"],
            language="es",
            contact_email=data.GIJON_CONTACT,
            actor=None,
        )
        self.translate(event, data.GIJON_TITLE, data.GIJON_DESCRIPTION)
        types, (visit,) = self.setup_types(event, data.GIJON_TYPES, data.GIJON_QUESTIONS)
        rooms = {
            key: room_save(event=event, actor=None, name=name, capacity=capacity, position=position)
            for position, (key, name, capacity) in enumerate(data.GIJON_ROOMS)
        }
        sessions = self.programme(
            event,
            data.GIJON_SESSIONS,
            rooms,
            data.GIJON_SPEAKERS,
            MADRID,
            meeting_base="https://meet.example.org/rece-2027",
        )
        self.move(timeline["published"])
        event_publish(event=event, actor=None)
        event_programme_publish(event=event, published=True, actor=None)
        # Registrations since it opened, up to the last days (never after the day of loading).
        opens = timeline["registration_opens"]
        latest = min(timeline["last_registration"], self.now.astimezone(MADRID) - datetime.timedelta(hours=2))
        delegates = data.GIJON_REGISTERED - len(data.GIJON_GUESTS) + 1  # one of them cancels
        contacts = self.contacts({"ES": delegates}, seed="gijon", exclude=set())
        people = []
        for contact in contacts:
            rng = _rng("gijon", contact.email)
            people.append(
                (
                    _between(rng, opens, latest),
                    contact.email,
                    {
                        "type": types["city"],
                        "name": contact.full_name,
                        "email": contact.email,
                        "organisation": self.organisation(contact.city),
                        "position_title": contact.position,
                        "city": contact.city,
                        "language": contact.language,
                    },
                )
            )
        for name, email, organisation in data.GIJON_GUESTS:
            rng = _rng("gijon", email)
            people.append(
                (
                    _between(rng, opens, latest),
                    email,
                    {
                        "type": types["guest"],
                        "name": name,
                        "email": email,
                        "organisation": organisation,
                        "language": "es",
                    },
                )
            )
        made = []
        for moment, email, values in sorted(people, key=lambda person: (person[0], person[1])):
            self.move(moment)
            made.append(
                registration_create(
                    event=event,
                    actor=None,
                    answers={str(visit.pk): _rng("visit", email).random() < 0.7},
                    **values,
                )
            )
        guests = [registration for registration in made if registration.type_id == types["guest"].pk]
        first_guest = min(guests, key=lambda registration: registration.created_at)
        self.move(min(first_guest.created_at + datetime.timedelta(days=3), latest))
        registration_transition(registration=first_guest, step="confirm", actor=None)
        paying = [registration for registration in made if registration.type_id == types["city"].pk]
        leaving = min(paying, key=lambda registration: _order(f"gijon-cancel:{registration.email}"))
        self.move(min(leaving.created_at + datetime.timedelta(days=12), latest))
        registration_transition(
            registration=leaving, step="cancel", actor=None, comment="Coincide con un pleno municipal."
        )
        for registration in paying:
            if registration.pk == leaving.pk:
                continue
            rng = _rng("gijon-fee", registration.email)
            if rng.random() < 0.55:
                self.move(min(registration.created_at + datetime.timedelta(days=rng.randint(2, 20)), latest))
                registration_fee_set(registration=registration, fee_status=FeeStatus.PAID, actor=None)
        self.log(f"      {len(sessions)} sessions; {len(made)} registrations, {data.GIJON_CAPACITY} places")
        return event

    # --- Bids ---------------------------------------------------------------------------------------------

    def bids(self) -> int:
        created = 0
        executive = self.users[data.EXECUTIVE_EMAIL]
        for spec in data.BIDS:
            city = self.member(*spec.city)
            if (
                Bid.objects.filter(city=city, congress_year=spec.congress_year)
                .exclude(status=BidStatus.WITHDRAWN)
                .exists()
            ):
                self.log(f"      {city.name} {spec.congress_year}: already there")
                continue
            self.move(spec.submitted - datetime.timedelta(days=12))
            bid = bid_save(
                city=city,
                actor=None,
                congress_year=spec.congress_year,
                language=spec.language,
                statement=spec.statement,
                proposed_theme=spec.proposed_theme,
                venue=spec.venue,
                proposed_dates=spec.proposed_dates,
            )
            for number, title in enumerate(spec.documents, start=1):
                self.move(spec.submitted - datetime.timedelta(days=10 - number))
                bid_document_add(
                    bid=bid,
                    title=title,
                    upload=SimpleUploadedFile(
                        f"bid-{spec.congress_year}-{number}.pdf",
                        bid_pdf(city=city, title=title, year=spec.congress_year, text=spec.statement),
                        "application/pdf",
                    ),
                    actor=None,
                )
            self.move(spec.submitted)
            bid = bid_transition(bid=bid, step="submit", actor=None)
            if spec.decision:
                self.move(data.BID_DECIDED)
                bid = bid_transition(
                    bid=bid, step=spec.decision, actor=executive, note=spec.note, meeting=data.BID_MEETING
                )
            self.log(f"      {city.name} {spec.congress_year}: {bid.get_status_display()}")
            created += 1
        return created


__all__ = ["congresses_demo_counts", "congresses_demo_load"]
