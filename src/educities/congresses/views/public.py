"""The public pages of congresses and meetings: the list of events, an event's page, its programme (the
timetable and its iCalendar file) and a session's page.

Only published events exist for the public (``congresses.view_event``); the Secretariat may preview the
others, and an event's programme before it is published. Texts come in the reader's language, else in
the original with a notice (``?original=1`` shows the original).

The programme page is the same for every reader (meeting links are never on it), so its content (the
timetable of every day) is rendered once per event, language and version of the programme and kept in
Django's cache; for anonymous visitors the whole page is kept too, with each visitor's CSRF token put in.
A request reads the event with the programme's version in one query, whatever the number of sessions
(five when the page is rendered again). The version changes with any change of the event, a session, its
speakers, a room or the title's translations, so an edit shows at once, in every process.
"""

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from educities.congresses.domain.common import event_dates_for_people, moment_for_people
from educities.congresses.domain.queries import (
    agenda_session_ids,
    event_figures,
    event_for_programme,
    event_public,
    event_registration_state,
    event_texts,
    events_past,
    events_upcoming,
    programme,
    programme_version,
    registration_for,
    session_is_full,
    session_public,
)
from educities.congresses.enums import EventFormat, EventKind
from educities.congresses.interfaces.ical import sessions_ical
from educities.congresses.models import Event

# Entries are keyed by the programme's version: the timeout only frees the memory of old versions.
PROGRAMME_CACHE_SECONDS = 24 * 60 * 60
PROGRAMME_CACHE_PREFIX = "congresses:programme:v1"


def _may_manage(user, event: Event) -> bool:
    return user.is_authenticated and user.has_perm("congresses.manage_event", event)


def event_or_404(request, slug: str) -> Event:
    """The event of ``slug`` if the user may see it (published, or the Secretariat), else 404."""
    event = event_public(slug=slug)
    if event is None or not request.user.has_perm("congresses.view_event", event):
        raise Http404(_("There is no such event."))
    return event


def _programme_visible(request, event: Event) -> bool:
    return event.programme_published or _may_manage(request.user, event)


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def _languages_text(codes) -> str:
    return ", ".join(language_name(code) for code in codes or ())


def _format_label(value: str) -> str:
    return str(EventFormat(value).label) if value in EventFormat.values else value


def _kind_label(value: str) -> str:
    return str(EventKind(value).label) if value in EventKind.values else value


# --- The list of events ---------------------------------------------------------------------------------


def _event_rows(events: list[Event], titles: dict) -> list[dict]:
    return [
        {
            "event": event,
            "title": titles.get((event.pk, "title")),
            "kind_label": _kind_label(event.kind),
            "format_label": _format_label(event.format),
            "dates_text": event_dates_for_people(event),
        }
        for event in events
    ]


@require_safe
def index_view(request):
    kind = request.GET.get("kind", "")
    kind_error = ""
    if kind and kind not in EventKind.values:
        kind_error = _("Choose one of the kinds of event in the list.")
        kind = ""
    upcoming = events_upcoming(kind=kind)
    past = events_past(kind=kind)
    titles = event_texts(events=[*upcoming, *past], language=get_language(), fields=["title"])
    return render(
        request,
        "congresses/public/index.html",
        {
            "kind": kind,
            "kind_error": kind_error,
            "kinds": EventKind.choices,
            "upcoming": _event_rows(upcoming, titles),
            "past": _event_rows(past, titles),
        },
        status=400 if kind_error else 200,
    )


# --- An event's page ------------------------------------------------------------------------------------


def _call_context(event: Event, now) -> dict | None:
    call = getattr(event, "call", None)
    if call is None:
        return None
    try:
        propose_url = reverse("events:propose", kwargs={"slug": event.slug})
    except NoReverseMatch:
        propose_url = ""
    is_open = call.opens_at <= now < call.closes_at
    return {
        "call": call,
        "is_open": is_open,
        "not_yet": now < call.opens_at,
        "opens_text": moment_for_people(call.opens_at, time_zone=event.time_zone),
        "closes_text": moment_for_people(call.closes_at, time_zone=event.time_zone),
        "propose_url": propose_url,
    }


@require_safe
def event_view(request, slug: str):
    event = event_or_404(request, slug)
    language = get_language()
    texts = event_texts(events=[event], language=language, original=request.GET.get("original") == "1")
    now = timezone.now()
    figures = event_figures(event=event)
    state = event_registration_state(
        event=event, figures=figures, now=now, has_types=event.public_type_count > 0
    )
    return render(
        request,
        "congresses/public/event.html",
        {
            "event": event,
            "is_preview": not event.is_published,
            "title": texts[(event.pk, "title")],
            "description": texts[(event.pk, "description")],
            "kind_label": _kind_label(event.kind),
            "format_label": _format_label(event.format),
            "languages_text": _languages_text(event.languages),
            "dates_text": event_dates_for_people(event),
            "figures": figures,
            "state": state,
            "opens_text": (
                moment_for_people(state.opens_at, time_zone=event.time_zone) if state.opens_at else ""
            ),
            "closes_text": (
                moment_for_people(state.closes_at, time_zone=event.time_zone) if state.closes_at else ""
            ),
            "registration": registration_for(event=event, user=request.user),
            "programme_visible": _programme_visible(request, event),
            "call": _call_context(event, now),
        },
    )


# --- The programme --------------------------------------------------------------------------------------


def _programme_key(event: Event, language: str) -> str:
    return f"{PROGRAMME_CACHE_PREFIX}:{event.pk}:{language}:{programme_version(event=event)}"


def programme_page(*, event: Event, language: str) -> dict:
    """The programme page's own content (breadcrumbs, heading, every day's timetable) and title, the same
    for every reader: from the cache when this version of the programme was rendered before.
    ``event`` comes from ``event_for_programme``."""
    key = _programme_key(event, language)
    page = cache.get(key)
    if page is None:
        title = event_texts(events=[event], language=language, fields=["title"])[(event.pk, "title")]
        data = programme(event=event, unplaced_label=_("Other places"))
        content = render_to_string(
            "congresses/public/_programme_content.html",
            {
                "event": event,
                "title": title,
                "programme": data,
                "is_preview": not event.programme_published or not event.is_published,
            },
        )
        page = {"title": str(title), "content": str(content)}
        cache.set(key, page, PROGRAMME_CACHE_SECONDS)
    return page


def _programme_render(request, page: dict, **extra):
    return render(
        request,
        "congresses/public/programme.html",
        {
            "page_title": page["title"],
            # Rendered by our own template (autoescaped), then kept as text in the cache.
            "content": mark_safe(page["content"]),  # noqa: S308
            **extra,
        },
    )


def _is_plain_visit(request) -> bool:
    """An anonymous visitor with no message to show and no query string: the whole page is the same for
    all of them but for the CSRF token of the language form."""
    return not request.user.is_authenticated and not request.GET and not len(messages.get_messages(request))


def _anonymous_programme(request, event: Event, language: str) -> HttpResponse:
    """The whole page for anonymous visitors, from the cache (per version of the programme, like the
    content), with this visitor's CSRF token put in. Rendering the site's frame (menus, language form)
    costs more than the rest of the request: this is what keeps the page fast for the public."""
    key = f"{_programme_key(event, language)}:anonymous"
    cached = cache.get(key)
    if cached is None:
        placeholder = secrets.token_hex(16)  # letters and digits only: HTML escaping leaves it as it is
        response = _programme_render(
            request, programme_page(event=event, language=language), csrf_token=placeholder
        )
        cached = {"placeholder": placeholder, "html": response.content.decode()}
        cache.set(key, cached, PROGRAMME_CACHE_SECONDS)
    return HttpResponse(cached["html"].replace(cached["placeholder"], get_token(request)))


@require_safe
def programme_view(request, slug: str):
    event = event_for_programme(slug=slug)
    if event is None or not request.user.has_perm("congresses.view_event", event):
        raise Http404(_("There is no such event."))
    if not _programme_visible(request, event):
        raise Http404(_("The programme of this event is not published yet."))
    language = get_language()
    if _is_plain_visit(request):
        return _anonymous_programme(request, event, language)
    return _programme_render(request, programme_page(event=event, language=language))


@require_safe
def programme_ics_view(request, slug: str):
    event = event_or_404(request, slug)
    if not _programme_visible(request, event):
        raise Http404(_("The programme of this event is not published yet."))
    sessions = list(event.sessions.select_related("room").prefetch_related("speakers").order_by("starts_at"))
    content = sessions_ical(event=event, sessions=sessions)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-programme.ics"'
    return response


# --- A session ------------------------------------------------------------------------------------------


@require_safe
def session_view(request, slug: str, pk: int):
    event = event_or_404(request, slug)
    if not _programme_visible(request, event):
        raise Http404(_("The programme of this event is not published yet."))
    session = session_public(event=event, pk=pk)
    if session is None:
        raise Http404(_("There is no such session."))
    session.event = event  # the permission rules read it
    user = request.user
    registration = registration_for(event=event, user=user)
    keeps_agenda = registration is not None and user.has_perm("congresses.keep_agenda", session)
    title = event_texts(events=[event], language=get_language(), fields=["title"])[(event.pk, "title")]
    return render(
        request,
        "congresses/public/session.html",
        {
            "event": event,
            "title": title,
            "session": session,
            "speakers": list(session.speakers.all()),
            "kind_label": session.get_kind_display(),
            "language_label": language_name(session.language) if session.language else "",
            "is_full": session_is_full(session),
            "places_left": (
                max(session.capacity - session.places_taken, 0) if session.capacity is not None else None
            ),
            "meeting_url": (
                session.meeting_url
                if session.meeting_url and user.has_perm("congresses.view_meeting_link", session)
                else ""
            ),
            "registration": registration,
            "keeps_agenda": keeps_agenda,
            "in_agenda": keeps_agenda and session.pk in agenda_session_ids(registration=registration),
        },
    )
