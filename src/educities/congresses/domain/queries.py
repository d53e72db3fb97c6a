"""Reading congresses and meetings: the public lists, an event's programme, a person's registrations and
an event's figures.

Every function reads a constant number of queries whatever the number of events, sessions, speakers or
registrations (tests guard it). The programme is arranged in the event's time zone: days → time rows →
rooms → sessions, with the places of a timetable grid (5-minute rows, one column per room).
"""

import datetime
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from educities.congresses.domain.registrations import registration_code_normalise
from educities.congresses.enums import HOLDING_STATES, RegistrationStatus, SessionKind
from educities.congresses.models import (
    CODE_ALPHABET,
    EVENT_TEXT_FIELDS,
    AgendaEntry,
    Event,
    Registration,
    RegistrationType,
    Room,
    Session,
    Speaker,
)
from educities.core.domain.translations_queries import translations_prefetch
from educities.core.models import TextTranslation

SLOT_MINUTES = 5  # the height of one row of the timetable grid
DAY_MINUTES = 24 * 60


# --- Lists of events --------------------------------------------------------------------------------


def _public_events(kind: str) -> QuerySet[Event]:
    queryset = Event.objects.filter(is_published=True).select_related("host_city__country", "network")
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def events_upcoming(*, kind: str = "", today: datetime.date | None = None) -> list[Event]:
    """Published events that have not ended (``today`` in the site's time zone), soonest first."""
    today = today or timezone.localdate()
    return list(_public_events(kind).filter(ends_on__gte=today).order_by("starts_on", "pk"))


def events_past(*, kind: str = "", today: datetime.date | None = None) -> list[Event]:
    """Published events that have ended, the most recent first."""
    today = today or timezone.localdate()
    return list(_public_events(kind).filter(ends_on__lt=today).order_by("-starts_on", "-pk"))


def event_public(*, slug: str) -> Event | None:
    """The event of ``slug`` (published or not: the caller checks ``congresses.view_event``) with its host
    city, country, organising network and call, in one query."""
    return (
        Event.objects.filter(slug=slug)
        .select_related("host_city__country", "network", "call")
        .annotate(public_type_count=Count("registration_types", filter=Q(registration_types__is_public=True)))
        .first()
    )


# --- The programme ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeSpeaker:
    name: str
    role: str
    organisation: str
    city: str


@dataclass(eq=False)
class ProgrammeSession:
    """A session of the programme, with what the timetable shows (never its meeting link)."""

    pk: int
    title: str
    kind: str
    room_id: int | None
    room_name: str
    starts_at: datetime.datetime  # aware, in the event's time zone
    ends_at: datetime.datetime
    language: str
    capacity: int | None
    is_online: bool
    speakers: tuple[ProgrammeSpeaker, ...]
    # The place in the day's grid (CSS grid lines, 1-based; row 1 holds the rooms' names).
    grid_row_start: int = 0
    grid_row_end: int = 0
    grid_column: int = 0

    @property
    def kind_label(self) -> str:
        return str(SessionKind(self.kind).label) if self.kind in SessionKind.values else self.kind

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


@dataclass(eq=False)
class ProgrammeColumn:
    """A room of one day (``room_id`` None: sessions with no room), and its grid columns (``tracks`` > 1
    when sessions of this column overlap)."""

    room_id: int | None
    name: str
    first_grid_column: int = 0
    tracks: int = 1

    @property
    def grid_column_end(self) -> int:
        return self.first_grid_column + self.tracks


@dataclass(eq=False)
class ProgrammeCell:
    column: ProgrammeColumn
    sessions: list[ProgrammeSession]


@dataclass(eq=False)
class ProgrammeRow:
    """The sessions that start at one time of a day, room by room."""

    starts_at: datetime.datetime  # aware, in the event's time zone
    grid_row: int
    cells: list[ProgrammeCell]
    grid_row_end: int = 0  # the time's label reaches down to the next time of the day

    @property
    def sessions(self) -> list[ProgrammeSession]:
        return [session for cell in self.cells for session in cell.sessions]


@dataclass(eq=False)
class ProgrammeDay:
    date: datetime.date
    columns: list[ProgrammeColumn]
    rows: list[ProgrammeRow]
    first_minute: int  # minutes after midnight of the first grid row
    grid_rows: int  # rows of the grid, the rooms' row included
    grid_columns: int  # columns of the grid, the times' column included

    @property
    def sessions(self) -> list[ProgrammeSession]:
        return [session for row in self.rows for session in row.sessions]

    @property
    def anchor(self) -> str:
        return f"day-{self.date.isoformat()}"


@dataclass(eq=False)
class Programme:
    event_id: int
    time_zone: str
    rooms: list[Room]
    days: list[ProgrammeDay]
    sessions: list[ProgrammeSession] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.sessions


def _minute_of_day(moment: datetime.datetime) -> int:
    return moment.hour * 60 + moment.minute


def _programme_session(session: Session, rooms: dict[int, Room], zone: ZoneInfo) -> ProgrammeSession:
    room = rooms.get(session.room_id) if session.room_id else None
    return ProgrammeSession(
        pk=session.pk,
        title=session.title,
        kind=session.kind,
        room_id=room.pk if room else None,
        room_name=room.name if room else "",
        starts_at=session.starts_at.astimezone(zone),
        ends_at=session.ends_at.astimezone(zone),
        language=session.language,
        capacity=session.capacity,
        is_online=session.is_online,
        speakers=tuple(
            ProgrammeSpeaker(
                name=speaker.name,
                role=speaker.role,
                organisation=speaker.organisation,
                city=speaker.city.name if speaker.city_id and speaker.city else "",
            )
            for speaker in session.speakers.all()
        ),
    )


def _assign_tracks(sessions: list[ProgrammeSession]) -> list[int]:
    """The track (0, 1, ...) of each session of one column so that sessions of one track never overlap."""
    track_ends: list[datetime.datetime] = []
    tracks = []
    for session in sessions:
        for index, ends in enumerate(track_ends):
            if ends <= session.starts_at:
                track_ends[index] = session.ends_at
                tracks.append(index)
                break
        else:
            track_ends.append(session.ends_at)
            tracks.append(len(track_ends) - 1)
    return tracks


def _programme_day(
    date: datetime.date, sessions: list[ProgrammeSession], rooms: list[Room], unplaced_label: str
) -> ProgrammeDay:
    first = min(_minute_of_day(session.starts_at) for session in sessions)
    first -= first % SLOT_MINUTES

    def grid_row(minute: int) -> int:
        return 2 + (minute - first) // SLOT_MINUTES

    last_line = 2
    for session in sessions:
        start = _minute_of_day(session.starts_at)
        end = DAY_MINUTES if session.ends_at.date() > date else _minute_of_day(session.ends_at)
        session.grid_row_start = grid_row(start)
        session.grid_row_end = max(session.grid_row_start + 1, 2 + -(-(end - first) // SLOT_MINUTES))
        last_line = max(last_line, session.grid_row_end)

    # Columns: the rooms used this day in their order, then the sessions without a room.
    used = {session.room_id for session in sessions}
    columns = [ProgrammeColumn(room_id=room.pk, name=room.name) for room in rooms if room.pk in used]
    if None in used:
        columns.append(ProgrammeColumn(room_id=None, name=unplaced_label))
    by_column: dict[int | None, list[ProgrammeSession]] = {column.room_id: [] for column in columns}
    for session in sessions:
        by_column[session.room_id].append(session)
    next_column = 2
    for column in columns:
        column_sessions = by_column[column.room_id]
        tracks = _assign_tracks(column_sessions)
        column.first_grid_column = next_column
        column.tracks = max(tracks) + 1
        next_column += column.tracks
        for session, track in zip(column_sessions, tracks, strict=True):
            session.grid_column = column.first_grid_column + track

    rows: list[ProgrammeRow] = []
    column_index = {column.room_id: index for index, column in enumerate(columns)}
    for session in sessions:  # ordered by start, then room
        if not rows or rows[-1].starts_at != session.starts_at:
            rows.append(ProgrammeRow(starts_at=session.starts_at, grid_row=session.grid_row_start, cells=[]))
        row = rows[-1]
        column = columns[column_index[session.room_id]]
        if row.cells and row.cells[-1].column is column:
            row.cells[-1].sessions.append(session)
        else:
            row.cells.append(ProgrammeCell(column=column, sessions=[session]))
    for index, row in enumerate(rows):
        row.cells.sort(key=lambda cell: cell.column.first_grid_column)
        if index + 1 < len(rows):
            row.grid_row_end = rows[index + 1].grid_row
        else:
            row.grid_row_end = max(session.grid_row_end for session in row.sessions)
    return ProgrammeDay(
        date=date,
        columns=columns,
        rows=rows,
        first_minute=first,
        grid_rows=last_line - 1,
        grid_columns=next_column - 1,
    )


def programme(*, event: Event, unplaced_label: str = "", rooms: list[Room] | None = None) -> Programme:
    """The sessions of ``event`` by day (in the event's time zone), time and room, with their speakers, in
    three queries (rooms, sessions, speakers with their cities) whatever the size of the programme.

    Sessions without a room go to a last column named ``unplaced_label``. Meeting links are not read.
    ``rooms``: the event's rooms when the caller already read them (``programme_rooms``).
    """
    zone = ZoneInfo(event.time_zone)
    rooms = programme_rooms(event=event) if rooms is None else rooms
    rooms_by_pk = {room.pk: room for room in rooms}
    room_position = {room.pk: index for index, room in enumerate(rooms)}
    sessions = (
        Session.objects.filter(event=event)
        .defer("meeting_url", "description")
        .prefetch_related(
            Prefetch(
                "speakers",
                queryset=Speaker.objects.select_related("city").order_by("position", "pk"),
            )
        )
        .order_by("starts_at", "pk")
    )
    items = [_programme_session(session, rooms_by_pk, zone) for session in sessions]
    items.sort(key=lambda s: (s.starts_at, room_position.get(s.room_id, len(rooms)), s.pk))
    by_day: dict[datetime.date, list[ProgrammeSession]] = {}
    for item in items:
        by_day.setdefault(item.starts_at.date(), []).append(item)
    days = [_programme_day(date, by_day[date], rooms, unplaced_label) for date in sorted(by_day)]
    return Programme(event_id=event.pk, time_zone=event.time_zone, rooms=rooms, days=days, sessions=items)


# What the programme page reads of the event (the other fields are deferred), in the model's order of
# fields (as ``Model.from_db`` takes them), then the version's parts.
PROGRAMME_EVENT_FIELDS = tuple(
    field.attname
    for field in Event._meta.concrete_fields
    if field.attname
    in {
        "id",
        "slug",
        "title",
        "original_language",
        "time_zone",
        "is_published",
        "programme_published",
        "updated_at",
    }
)
PROGRAMME_VERSION_COLUMNS = (
    "programme_sessions",
    "programme_sessions_updated",
    "programme_speakers",
    "programme_speakers_last",
    "programme_rooms",
    "programme_texts",
    "programme_texts_updated",
)


def _programme_version_sql() -> str:
    """One statement: the event's row and, beside it, what its programme's version is computed from."""
    quote = connection.ops.quote_name
    event, session, speaker, room, text = (
        quote(model._meta.db_table) for model in (Event, Session, Speaker, Room, TextTranslation)
    )
    # Room names and positions are few: read whole (string_agg on PostgreSQL, group_concat on SQLite).
    aggregate = "string_agg" if connection.vendor == "postgresql" else "group_concat"
    speakers = f"FROM {speaker} p INNER JOIN {session} s ON p.session_id = s.id WHERE s.event_id = e.id"
    content_type = quote(ContentType._meta.db_table)
    texts = (
        f"FROM {text} t WHERE t.object_id = CAST(e.id AS TEXT) AND t.content_type_id = "  # noqa: S608
        f"(SELECT c.id FROM {content_type} c WHERE c.app_label = %s AND c.model = %s)"
    )
    room_key = f"CAST(r.id AS TEXT) || ':' || CAST(r.{quote('position')} AS TEXT) || ':' || r.{quote('name')}"
    columns = [
        f"(SELECT COUNT(*) FROM {session} s WHERE s.event_id = e.id) AS programme_sessions",  # noqa: S608
        f"(SELECT MAX(s.updated_at) FROM {session} s WHERE s.event_id = e.id) AS programme_sessions_updated",  # noqa: S608
        f"(SELECT COUNT(*) {speakers}) AS programme_speakers",
        f"(SELECT MAX(p.id) {speakers}) AS programme_speakers_last",
        f"(SELECT {aggregate}({room_key}, '|') FROM {room} r WHERE r.event_id = e.id) AS programme_rooms",  # noqa: S608
        f"(SELECT COUNT(*) {texts}) AS programme_texts",
        f"(SELECT MAX(t.translated_at) {texts}) AS programme_texts_updated",
    ]
    # Only the models' table and column names are put in the statement; values are parameters.
    fields = ", ".join(f"e.{quote(name)}" for name in PROGRAMME_EVENT_FIELDS)
    return f"SELECT {fields}, {', '.join(columns)} FROM {event} e WHERE e.slug = %s"  # noqa: S608


def event_for_programme(*, slug: str) -> Event | None:
    """The event of ``slug`` and what its programme's version is computed from (``programme_version``), in
    one query that costs the same whatever the size of the programme: the sessions' count and latest
    change, the speakers' count and highest id, the rooms (id, position, name) and the event's texts'
    translations (count and latest change).

    A plain statement: it is read on every request of the programme page, and building the same query
    through the ORM would cost more than running it. The event has the fields the page reads
    (``PROGRAMME_EVENT_FIELDS``); reading another one costs a query (a deferred field).
    """
    if not isinstance(slug, str) or not slug:
        return None
    meta = Event._meta
    params = [meta.app_label, meta.model_name, meta.app_label, meta.model_name, slug]
    with connection.cursor() as cursor:
        cursor.execute(_programme_version_sql(), params)
        row = cursor.fetchone()
    if row is None:
        return None
    count = len(PROGRAMME_EVENT_FIELDS)
    values = dict(zip(PROGRAMME_EVENT_FIELDS, row[:count], strict=True))
    for name in ("is_published", "programme_published"):
        values[name] = bool(values[name])  # SQLite may give 0 and 1
    updated_at = values["updated_at"]
    if isinstance(updated_at, str):
        updated_at = parse_datetime(updated_at)
    if updated_at is not None and timezone.is_naive(updated_at):
        updated_at = timezone.make_aware(updated_at, datetime.UTC)
    values["updated_at"] = updated_at
    event = Event.from_db(connection.alias, PROGRAMME_EVENT_FIELDS, list(values.values()))
    for name, value in zip(PROGRAMME_VERSION_COLUMNS, row[count:], strict=True):
        setattr(event, name, value)
    return event


def programme_rooms(*, event: Event) -> list[Room]:
    """The event's rooms in their order."""
    return list(Room.objects.filter(event=event).order_by("position", "pk"))


def programme_version(*, event: Event) -> str:
    """A short digest that changes whenever what the programme page shows may have changed: the event
    (its time zone, publication, ...: any save), any session (saved, added or deleted), the speakers
    (added or removed; ``session_save`` replaces them and saves the session), the rooms and the
    translations of the event's title. ``event`` comes from ``event_for_programme``."""
    parts = [
        event.pk,
        str(event.updated_at),
        event.time_zone,
        *(str(getattr(event, name, None)) for name in PROGRAMME_VERSION_COLUMNS),
    ]
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:20]


def session_public(*, event: Event, pk) -> Session | None:
    """One session of ``event`` with its room, speakers and ``places_taken`` (its agenda entries: a
    cancelled registration loses them), or None (also for an id that is not a number)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        Session.objects.filter(event=event, pk=pk)
        .select_related("room")
        .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.select_related("city")))
        .annotate(places_taken=Count("agenda_entries"))
        .first()
    )


def session_is_full(session: Session) -> bool:
    """Whether every place of a session with limited places is taken (``session`` from ``session_public``
    or annotated with ``places_taken``)."""
    if session.capacity is None:
        return False
    taken = getattr(session, "places_taken", None)
    if taken is None:
        taken = session.agenda_entries.count()
    return taken >= session.capacity


# --- Registrations --------------------------------------------------------------------------------------


def registrations_for_user(*, user) -> QuerySet[Registration]:
    """The registrations of ``user`` or made by them for others, the latest events first."""
    if not (user and user.is_authenticated):
        return Registration.objects.none()
    return (
        Registration.objects.filter(Q(user=user) | Q(registered_by=user))
        .select_related("event__host_city__country", "type", "city")
        .order_by("-event__starts_on", "-created_at", "-pk")
    )


def registration_for(*, event: Event, user) -> Registration | None:
    """The registration (not cancelled) of ``user`` for ``event``, or None."""
    if not (user and user.is_authenticated):
        return None
    return (
        Registration.objects.filter(event=event, user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("type")
        .order_by("-created_at", "-pk")
        .first()
    )


def registration_detail(*, code: str) -> Registration | None:
    """The registration with badge code ``code`` (case, spaces and dashes ignored), with its event, type
    and city."""
    code = registration_code_normalise(code)
    if not code or len(code) > 12 or set(code) - set(CODE_ALPHABET):
        return None
    return (
        Registration.objects.filter(code=code)
        .select_related("event__host_city__country", "type", "city", "user")
        .first()
    )


def registration_agenda(*, registration: Registration) -> list[Session]:
    """The sessions in the personal agenda of ``registration``, in time order, with room and speakers."""
    return list(
        Session.objects.filter(agenda_entries__registration=registration)
        .select_related("room")
        .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.select_related("city")))
        .order_by("starts_at", "pk")
    )


def agenda_session_ids(*, registration: Registration | None) -> set[int]:
    if registration is None:
        return set()
    return set(AgendaEntry.objects.filter(registration=registration).values_list("session_id", flat=True))


def registration_types_public(*, event: Event) -> list[RegistrationType]:
    return list(RegistrationType.objects.filter(event=event, is_public=True).order_by("position", "pk"))


def registrations_list(*, event: Event, filters: Mapping | None = None) -> QuerySet[Registration]:
    """The registrations of ``event`` for the Secretariat, filtered by ``filters`` (any of ``status``,
    ``type`` (id), ``city`` (id), ``fee_status``, ``checked_in`` (True/False), ``q`` (name, e-mail,
    organisation or code)); unknown or empty filters are ignored."""
    filters = filters or {}
    queryset = Registration.objects.filter(event=event).select_related("type", "city__country", "user")
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("type"):
        queryset = queryset.filter(type=filters["type"])
    if filters.get("city"):
        queryset = queryset.filter(city=filters["city"])
    if filters.get("fee_status"):
        queryset = queryset.filter(fee_status=filters["fee_status"])
    if filters.get("checked_in") is not None and filters.get("checked_in") != "":
        queryset = queryset.filter(checked_in_at__isnull=not filters["checked_in"])
    text = str(filters.get("q") or "").strip()
    if text:
        queryset = queryset.filter(
            Q(name__icontains=text)
            | Q(email__icontains=text)
            | Q(organisation__icontains=text)
            | Q(code__iexact=text)
        )
    return queryset.order_by("name", "pk")


# --- Figures and the state of registration --------------------------------------------------------------


@dataclass(frozen=True)
class EventFigures:
    registrations: int  # not cancelled
    confirmed: int
    pending: int
    waitlisted: int
    cancelled: int
    checked_in: int
    places_taken: int  # holding a place that counts toward the capacity
    places_left: int | None  # None: no limit
    cities: int
    countries: int

    @property
    def is_full(self) -> bool:
        return self.places_left is not None and self.places_left <= 0


def event_figures(*, event: Event) -> EventFigures:
    """Registrations by state, check-ins, places taken and left, cities and countries represented, in one
    query."""
    holding = Q(status__in=HOLDING_STATES)
    counts = Registration.objects.filter(event=event).aggregate(
        registrations=Count("pk", filter=~Q(status=RegistrationStatus.CANCELLED)),
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        pending=Count("pk", filter=Q(status=RegistrationStatus.PENDING)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        places_taken=Count("pk", filter=holding & Q(type__counts_toward_capacity=True)),
        cities=Count("city", filter=holding, distinct=True),
        countries=Count("city__country", filter=holding, distinct=True),
    )
    places_left = None if event.capacity is None else max(event.capacity - counts["places_taken"], 0)
    return EventFigures(**counts, places_left=places_left)


@dataclass(frozen=True)
class RegistrationState:
    """Where registration for an event stands: ``code`` is ``open``, ``waitlist`` (full: new
    registrations join the waiting list), ``not_yet`` (opens at ``opens_at``) or ``closed``."""

    code: str
    opens_at: datetime.datetime | None = None
    closes_at: datetime.datetime | None = None

    @property
    def accepts(self) -> bool:
        return self.code in {"open", "waitlist"}


def event_registration_state(
    *,
    event: Event,
    figures: EventFigures | None = None,
    now: datetime.datetime | None = None,
    has_types: bool | None = None,
) -> RegistrationState:
    """Whether people may register for ``event`` now (``has_types``: whether it has a public registration
    type; read when not given)."""
    now = now or timezone.now()
    if has_types is None:
        has_types = RegistrationType.objects.filter(event=event, is_public=True).exists()
    last_day_ends = datetime.datetime.combine(
        event.ends_on + datetime.timedelta(days=1), datetime.time(0), tzinfo=ZoneInfo(event.time_zone)
    )
    closes_at = event.registration_closes_at
    if not has_types or now >= last_day_ends or (closes_at is not None and now >= closes_at):
        return RegistrationState(code="closed", closes_at=closes_at)
    if event.registration_opens_at is not None and now < event.registration_opens_at:
        return RegistrationState(code="not_yet", opens_at=event.registration_opens_at, closes_at=closes_at)
    figures = figures or event_figures(event=event)
    code = "waitlist" if figures.is_full else "open"
    return RegistrationState(code=code, opens_at=event.registration_opens_at, closes_at=closes_at)


def event_texts(
    *, events: list[Event], language: str, fields=EVENT_TEXT_FIELDS, original: bool = False
) -> dict:
    """``{(event.pk, field): TranslatedValue}`` of the events' texts (title, description) in ``language``,
    else in their original language, in one query."""
    return translations_prefetch(objects=events, fields=fields, language=language, original=original)
