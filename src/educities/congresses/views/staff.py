"""The Secretariat's pages of congresses and meetings (under /<language>/backoffice/events/): events and
their settings, registration types, custom questions, rooms, sessions with their speakers, the
registration list (filters, counts, waiting list, steps, fees, exports) and the check-in desk.

Every page needs ``congresses.manage_event`` (the check-in desk ``congresses.check_in``): anonymous
people are sent to sign in, others get 403, an unknown event is a 404. Views parse input, call the domain
(``congresses.domain``) and render; a refused step shows the domain's message and changes nothing.
"""

from functools import wraps
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST, require_safe

from educities.congresses.domain.common import EventInvalid, moment_for_people
from educities.congresses.domain.events import (
    SpeakerSpec,
    event_create,
    event_programme_publish,
    event_publish,
    event_update,
    registration_question_delete,
    registration_question_save,
    registration_type_save,
    room_save,
    session_delete,
    session_save,
)
from educities.congresses.domain.queries import event_figures
from educities.congresses.domain.registrations import (
    registration_by_code,
    registration_check_in,
    registration_check_in_undo,
    registration_fee_set,
    registration_transition,
    waitlist_promote,
)
from educities.congresses.enums import REGISTRATION_STEPS, RegistrationStatus
from educities.congresses.interfaces.exporters import (
    REGISTRATION_EXPORT_FORMATS,
    question_column,
    registrations_export,
    registrations_export_filename,
)
from educities.congresses.interfaces.forms_staff import (
    COMMON_TIME_ZONES,
    FEE_CHOICES,
    TIME_ZONE_DATALIST_ID,
    CheckInForm,
    CheckInSearchForm,
    EventForm,
    FeeForm,
    QuestionForm,
    RegistrationFilterForm,
    RegistrationStepForm,
    RegistrationTypeForm,
    RoomForm,
    SessionForm,
    SpeakerFormSet,
    city_choices,
    event_days,
    speaker_initial,
)
from educities.congresses.models import Event, Registration, Session, Speaker
from educities.core.domain.errors import DomainError
from educities.members.models import City

MANAGE = "congresses.manage_event"
CHECK_IN = "congresses.check_in"
# People listed at most by a name search at the check-in desk.
CHECK_IN_MATCHES = 25


def _required(permission: str):
    """Anonymous people are sent to sign in; signed-in people without ``permission`` get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _event(request, slug: str, permission: str = MANAGE) -> Event:
    event = Event.objects.select_related("host_city__country", "network").filter(slug=slug).first()
    if event is None:
        raise Http404(_("There is no such event."))
    if not request.user.has_perm(permission, event):
        raise PermissionDenied
    return event


def _url(name: str, event: Event, anchor: str = "", **kwargs) -> str:
    url = reverse(f"events_staff:{name}", kwargs={"slug": event.slug, **kwargs})
    return f"{url}#{anchor}" if anchor else url


def _optional_url(name: str, **kwargs) -> str:
    """The URL of a page another part of the site provides, or "" while it does not exist."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _nav(event: Event | None, event_section: str) -> dict:
    """What the back office's menus need: the events section and the pages of one event."""
    context = {"section": "events", "event_section": event_section}
    if event is not None:
        context["public_url"] = _optional_url("events:event", slug=event.slug)
        context["call_url"] = _optional_url("events_staff:call", slug=event.slug)
    return context


def _apply_errors(form, error: DomainError, fields: dict[str, str] | None = None) -> None:
    """The domain's refusal beside the fields it names (``fields`` renames them), else above the form."""
    problems = error.errors if isinstance(error, EventInvalid) else None
    if not isinstance(problems, dict):
        form.add_error(None, error.message)
        return
    for field, field_problems in problems.items():
        name = (fields or {}).get(field, field)
        for problem in field_problems:
            form.add_error(name if name in form.fields else None, problem)


# The domain's names of the event's fields that the form names otherwise.
EVENT_FORM_FIELDS = {"language": "original_language"}
# The domain's names of a session's fields that the form names otherwise.
SESSION_FORM_FIELDS = {"starts_at": "starts", "ends_at": "ends"}


def _pk(value) -> int | None:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return pk if 0 < pk < 2**31 else None


def _status_counts(event_ids: list[int]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {pk: {} for pk in event_ids}
    rows = (
        Registration.objects.filter(event_id__in=event_ids)
        .values_list("event_id", "status")
        .annotate(total=Count("id"))
        .order_by()
    )
    for event_id, status, total in rows:
        counts[event_id][status] = total
    return counts


def _time_zone_context() -> dict:
    return {"time_zones": COMMON_TIME_ZONES, "time_zone_list_id": TIME_ZONE_DATALIST_ID}


# --- Events ---------------------------------------------------------------------------------------


@require_safe
@_required(MANAGE)
def events_view(request):
    events = list(Event.objects.select_related("host_city__country").order_by("-starts_on", "pk"))
    counts = _status_counts([event.pk for event in events])
    rows = [
        {
            "event": event,
            "confirmed": counts[event.pk].get(RegistrationStatus.CONFIRMED, 0),
            "pending": counts[event.pk].get(RegistrationStatus.PENDING, 0),
            "waitlisted": counts[event.pk].get(RegistrationStatus.WAITLISTED, 0),
        }
        for event in events
    ]
    return render(request, "congresses/staff/events.html", {"rows": rows, **_nav(None, "events")})


def _event_values(data: dict) -> dict:
    """The form's values as the domain's arguments."""
    values = dict(data)
    values["language"] = values.pop("original_language")
    values["languages"] = tuple(values.get("languages") or ())
    return values


@_required(MANAGE)
def event_new_view(request):
    if request.method == "POST":
        form = EventForm(request.POST, prefix="event")
        if form.is_valid():
            try:
                event = event_create(actor=request.user, **_event_values(form.cleaned_data))
            except DomainError as error:
                _apply_errors(form, error, EVENT_FORM_FIELDS)
            else:
                messages.success(
                    request,
                    _("“%(title)s” is created. Add its registration types, then publish it.")
                    % {"title": event.title},
                )
                return redirect(_url("event", event))
        messages.error(request, _("Some values need correcting (see below). Nothing was changed."))
    elif request.method in {"GET", "HEAD"}:
        form = EventForm(prefix="event")
    else:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return render(
        request,
        "congresses/staff/event_new.html",
        {"form": form, **_time_zone_context(), **_nav(None, "new")},
    )


def _changed_settings(event: Event, data: dict) -> dict:
    current = EventForm.initial_for(event)
    current["network"] = event.network
    current["host_city"] = event.host_city
    for name in EventForm.TIMES:
        value = getattr(event, name)
        current[name] = value.replace(second=0, microsecond=0) if value else None
    changed = {name: value for name, value in data.items() if value != current.get(name)}
    if "original_language" in changed:
        changed["language"] = changed.pop("original_language")
    if "languages" in changed:
        changed["languages"] = tuple(changed["languages"])
    return changed


def _save_settings(request, event: Event) -> tuple[str | None, EventForm | None]:
    form = EventForm(request.POST, event=event, prefix="settings")
    if not form.is_valid():
        return None, form
    changed = _changed_settings(event, form.cleaned_data)
    if not changed:
        messages.info(request, _("Nothing was changed."))
        return _url("event", event, "settings"), None
    try:
        event_update(event=event, actor=request.user, **changed)
    except DomainError as error:
        event.refresh_from_db()
        _apply_errors(form, error, EVENT_FORM_FIELDS)
        return None, form
    messages.success(request, _("The settings of the event are saved."))
    # The slug may have changed: the page's address follows it.
    return _url("event", event, "settings"), None


def _publish_step(request, event: Event, *, action: str) -> str:
    """Publish or hide the event or its programme; where to go next."""
    try:
        if action in {"publish", "unpublish"}:
            event_publish(event=event, published=action == "publish", actor=request.user)
        else:
            event_programme_publish(event=event, published=action == "programme_publish", actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(request, str(PUBLISH_MESSAGES[action]))
    return _url("event", event, "publication")


PUBLISH_MESSAGES = {
    "publish": gettext_lazy("The event is published: its page is public."),
    "unpublish": gettext_lazy("The event is hidden from the public."),
    "programme_publish": gettext_lazy("The programme is published."),
    "programme_hide": gettext_lazy("The programme is hidden from the public."),
}
EVENT_ACTIONS = frozenset({"settings", *PUBLISH_MESSAGES})


@_required(MANAGE)
def event_view(request, slug: str):
    event = _event(request, slug)
    form = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in EVENT_ACTIONS:
            messages.error(request, _("Unknown action. Nothing was changed."))
            return redirect(_url("event", event))
        if action != "settings":
            return redirect(_publish_step(request, event, action=action))
        target, form = _save_settings(request, event)
        if target is not None:
            return redirect(target)
        messages.error(request, _("Some values need correcting (see below). Nothing was changed."))
    elif request.method not in {"GET", "HEAD"}:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return render(
        request,
        "congresses/staff/event.html",
        {
            "event": event,
            "form": form or EventForm(initial=EventForm.initial_for(event), event=event, prefix="settings"),
            "figures": event_figures(event=event),
            "types_count": event.registration_types.count(),
            "sessions_count": event.sessions.count(),
            **_time_zone_context(),
            **_nav(event, "event"),
        },
    )


# --- Registration types, questions, rooms ---------------------------------------------------------


def _list_page(request, slug: str, *, kind: str):
    """The pages that list an event's types, questions or rooms, each with an edit form and an add form.

    POST ``action=add``, ``action=edit`` or (questions) ``action=delete`` with ``item`` (the id); a
    refused change shows the form again with its errors."""
    config = LIST_PAGES[kind]
    event = _event(request, slug)
    bound: dict = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in config["actions"]:
            messages.error(request, _("Unknown action. Nothing was changed."))
            return redirect(_url(kind, event))
        item = None
        prefix = "new"
        if action != "add":
            item = config["items"](event).filter(pk=_pk(request.POST.get("item"))).first()
            if item is None:
                messages.error(request, config["unknown"]())
                return redirect(_url(kind, event))
            prefix = f"item-{item.pk}"
        if action == "delete":
            try:
                config["delete"](item=item, actor=request.user)
            except DomainError as error:
                messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
            else:
                messages.success(request, config["deleted"]())
            return redirect(_url(kind, event))
        form = config["form"](request.POST, prefix=prefix)
        if form.is_valid():
            try:
                saved = config["save"](event=event, actor=request.user, item=item, data=form.cleaned_data)
            except DomainError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, config["saved"]() if item else config["added"]())
                return redirect(_url(kind, event, f"item-{saved.pk}"))
        bound[prefix] = form
        messages.error(request, _("Some values need correcting (see below). Nothing was changed."))
    elif request.method not in {"GET", "HEAD"}:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    items = list(config["items"](event))
    rows = [
        {
            "item": item,
            "form": bound.get(f"item-{item.pk}")
            or config["form"](initial=config["form"].initial_for(item), prefix=f"item-{item.pk}"),
        }
        for item in items
    ]
    new_form = bound.get("new") or config["form"](prefix="new", initial={"position": len(items)})
    return render(
        request,
        f"congresses/staff/{kind}.html",
        {"event": event, "rows": rows, "new_form": new_form, **_nav(event, kind)},
    )


def _save_type(*, event, actor, item, data):
    return registration_type_save(event=event, actor=actor, type=item, **data)


def _save_question(*, event, actor, item, data):
    return registration_question_save(event=event, actor=actor, question=item, **data)


def _save_room(*, event, actor, item, data):
    return room_save(event=event, actor=actor, room=item, **data)


def _types_of(event: Event):
    return event.registration_types.annotate(registrations_count=Count("registrations")).order_by(
        "position", "pk"
    )


LIST_PAGES = {
    "types": {
        "items": _types_of,
        "actions": {"add", "edit"},
        "form": RegistrationTypeForm,
        "save": _save_type,
        "unknown": lambda: _("This registration type is not one of the event's. Nothing was changed."),
        "added": lambda: _("The registration type is added."),
        "saved": lambda: _("The registration type is saved."),
    },
    "questions": {
        "items": lambda event: event.registration_questions.order_by("position", "pk"),
        "actions": {"add", "edit", "delete"},
        "form": QuestionForm,
        "save": _save_question,
        "delete": lambda *, item, actor: registration_question_delete(question=item, actor=actor),
        "deleted": lambda: _("The question is deleted. The answers already given stay in the registrations."),
        "unknown": lambda: _("This question is not one of the event's. Nothing was changed."),
        "added": lambda: _("The question is added."),
        "saved": lambda: _("The question is saved."),
    },
    "rooms": {
        "items": lambda event: event.rooms.annotate(sessions_count=Count("sessions")).order_by(
            "position", "pk"
        ),
        "actions": {"add", "edit"},
        "form": RoomForm,
        "save": _save_room,
        "unknown": lambda: _("This room is not one of the event's. Nothing was changed."),
        "added": lambda: _("The room is added."),
        "saved": lambda: _("The room is saved."),
    },
}


@_required(MANAGE)
def types_view(request, slug: str):
    return _list_page(request, slug, kind="types")


@_required(MANAGE)
def questions_view(request, slug: str):
    return _list_page(request, slug, kind="questions")


@_required(MANAGE)
def rooms_view(request, slug: str):
    return _list_page(request, slug, kind="rooms")


# --- Sessions -------------------------------------------------------------------------------------


def _sessions_of(event: Event):
    return (
        event.sessions.select_related("room")
        .prefetch_related(Prefetch("speakers", queryset=Speaker.objects.select_related("city")))
        .order_by("starts_at", "room__position", "pk")
    )


@require_safe
@_required(MANAGE)
def sessions_view(request, slug: str):
    event = _event(request, slug)
    zone = ZoneInfo(event.time_zone)
    by_day: dict = {day: [] for day in event_days(event)}
    sessions = list(_sessions_of(event))
    for session in sessions:
        by_day.setdefault(session.starts_at.astimezone(zone).date(), []).append(session)
    return render(
        request,
        "congresses/staff/sessions.html",
        {
            "event": event,
            "days": [{"date": day, "sessions": by_day[day]} for day in sorted(by_day)],
            "sessions_count": len(sessions),
            "rooms_count": event.rooms.count(),
            **_nav(event, "sessions"),
        },
    )


def _session(event: Event, pk: int) -> Session:
    session = _sessions_of(event).filter(pk=pk).first()
    if session is None:
        raise Http404(_("This session is not one of the event's."))
    return session


def _speaker_specs(formset) -> list[SpeakerSpec]:
    rows = formset.speakers()
    city_ids = {row["city_id"] for row in rows if row["city_id"]}
    cities = {city.pk: city for city in City.objects.filter(pk__in=city_ids)} if city_ids else {}
    return [
        SpeakerSpec(
            name=row["name"],
            role=row["role"],
            organisation=row["organisation"],
            city=cities.get(row["city_id"]) if row["city_id"] else None,
        )
        for row in rows
    ]


def _session_page(request, event: Event, session: Session | None):
    rooms = list(event.rooms.order_by("position", "pk"))
    form_kwargs = {"city_choices": city_choices()}
    if request.method == "POST":
        form = SessionForm(request.POST, event=event, rooms=rooms, prefix="session")
        formset = SpeakerFormSet(request.POST, prefix="speakers", form_kwargs=form_kwargs)
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            try:
                saved = session_save(
                    event=event,
                    actor=request.user,
                    session=session,
                    title=data["title"],
                    kind=data["kind"],
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    room=data["room"],
                    description=data["description"],
                    language=data["language"],
                    capacity=data["capacity"],
                    meeting_url=data["meeting_url"],
                    is_online=data["is_online"],
                    speakers=_speaker_specs(formset),
                )
            except DomainError as error:
                _apply_errors(form, error, SESSION_FORM_FIELDS)
            else:
                if session is None:
                    messages.success(request, _("The session “%(title)s” is added.") % {"title": saved.title})
                else:
                    messages.success(request, _("The session “%(title)s” is saved.") % {"title": saved.title})
                return redirect(_url("sessions", event, f"session-{saved.pk}"))
        messages.error(request, _("Some values need correcting (see below). Nothing was changed."))
    elif request.method in {"GET", "HEAD"}:
        if session is None:
            form = SessionForm(event=event, rooms=rooms, prefix="session")
            formset = SpeakerFormSet(prefix="speakers", form_kwargs=form_kwargs)
        else:
            form = SessionForm(
                initial=SessionForm.initial_for(session, event), event=event, rooms=rooms, prefix="session"
            )
            formset = SpeakerFormSet(
                initial=speaker_initial(session), prefix="speakers", form_kwargs=form_kwargs
            )
    else:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return render(
        request,
        "congresses/staff/session_form.html",
        {"event": event, "session": session, "form": form, "formset": formset, **_nav(event, "sessions")},
    )


@_required(MANAGE)
def session_new_view(request, slug: str):
    event = _event(request, slug)
    return _session_page(request, event, None)


@_required(MANAGE)
def session_view(request, slug: str, pk: int):
    event = _event(request, slug)
    return _session_page(request, event, _session(event, pk))


@_required(MANAGE)
def session_delete_view(request, slug: str, pk: int):
    event = _event(request, slug)
    session = _session(event, pk)
    if request.method == "POST":
        title = session.title
        try:
            session_delete(session=session, actor=request.user)
        except DomainError as error:
            messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
            return redirect(_url("session", event, pk=session.pk))
        messages.success(request, _("The session “%(title)s” is deleted.") % {"title": title})
        return redirect(_url("sessions", event))
    if request.method not in {"GET", "HEAD"}:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return render(
        request,
        "congresses/staff/session_delete.html",
        {
            "event": event,
            "session": session,
            "agenda_count": session.agenda_entries.count(),
            **_nav(event, "sessions"),
        },
    )


# --- Registrations --------------------------------------------------------------------------------


def _filter_form(request, event: Event) -> RegistrationFilterForm:
    types = list(event.registration_types.order_by("position", "pk"))
    cities = list(
        City.objects.filter(event_registrations__event=event)
        .select_related("country")
        .distinct()
        .order_by("name", "pk")
    )
    return RegistrationFilterForm(request.GET or None, event=event, types=types, cities=cities)


def _registrations_of(event: Event):
    return Registration.objects.filter(event=event).select_related("type", "city__country")


@require_safe
@_required(MANAGE)
def registrations_view(request, slug: str):
    event = _event(request, slug)
    filter_form = _filter_form(request, event)
    if filter_form.is_bound and not filter_form.is_valid():
        messages.warning(request, _("Some filters are not valid (see below): every registration is shown."))
    registrations = list(filter_form.registrations())
    waiting = list(
        _registrations_of(event)
        .filter(status=RegistrationStatus.WAITLISTED)
        .order_by("waitlist_position", "pk")
    )
    figures = event_figures(event=event)
    steps = {
        step: from_states
        for step, (from_states, _to) in REGISTRATION_STEPS.items()
        if step in {"confirm", "cancel"}
    }
    rows = [
        {
            "registration": registration,
            "can_confirm": registration.status in steps["confirm"],
            "can_cancel": registration.status in steps["cancel"] and registration.checked_in_at is None,
        }
        for registration in registrations
    ]
    query = request.GET.urlencode() if filter_form.is_bound and filter_form.is_valid() else ""
    questions = list(event.registration_questions.order_by("position", "pk"))
    return render(
        request,
        "congresses/staff/registrations.html",
        {
            "event": event,
            "filter_form": filter_form,
            "rows": rows,
            "waiting": waiting,
            "figures": figures,
            "is_filtered": bool(query),
            "fee_choices": FEE_CHOICES,
            "next": request.get_full_path(),
            "export_query": f"?{query}" if query else "",
            "question_columns": [(question_column(question), question) for question in questions],
            **_nav(event, "registrations"),
        },
    )


def _registration(request, event: Event, pk: int) -> Registration | None:
    registration = (
        Registration.objects.select_related("event", "type", "city").filter(pk=pk, event=event).first()
    )
    if registration is None:
        messages.error(request, _("This registration is not one of the event's. Nothing was changed."))
    return registration


@require_POST
@_required(MANAGE)
def registration_step_view(request, slug: str, pk: int):
    event = _event(request, slug)
    back = _safe_next(request, _url("registrations", event))
    registration = _registration(request, event, pk)
    if registration is None:
        return redirect(back)
    form = RegistrationStepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unknown step. Nothing was changed."))
        return redirect(back)
    step = form.cleaned_data["step"]
    try:
        registration_transition(
            registration=registration, step=step, actor=request.user, comment=form.cleaned_data["comment"]
        )
    except DomainError as error:
        messages.error(
            request,
            _("%(name)s: %(problem)s Nothing was changed.")
            % {"name": registration.name, "problem": error.message},
        )
    else:
        registration.refresh_from_db(fields=["status"])
        messages.success(
            request,
            _("%(name)s: %(status)s.")
            % {"name": registration.name, "status": registration.get_status_display()},
        )
    return redirect(back)


@require_POST
@_required(MANAGE)
def registration_fee_view(request, slug: str, pk: int):
    event = _event(request, slug)
    back = _safe_next(request, _url("registrations", event))
    registration = _registration(request, event, pk)
    if registration is None:
        return redirect(back)
    form = FeeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unknown fee status. Nothing was changed."))
        return redirect(back)
    try:
        registration_fee_set(
            registration=registration, fee_status=form.cleaned_data["fee_status"], actor=request.user
        )
    except DomainError as error:
        messages.error(
            request,
            _("%(name)s: %(problem)s Nothing was changed.")
            % {"name": registration.name, "problem": error.message},
        )
    else:
        registration.refresh_from_db(fields=["fee_status"])
        messages.success(
            request,
            _("%(name)s: fee %(status)s.")
            % {"name": registration.name, "status": registration.get_fee_status_display().lower()},
        )
    return redirect(back)


@require_POST
@_required(MANAGE)
def waitlist_promote_view(request, slug: str):
    event = _event(request, slug)
    back = _safe_next(request, _url("registrations", event, "waiting-list"))
    try:
        promoted = waitlist_promote(event=event, actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        return redirect(back)
    if promoted:
        messages.success(
            request,
            ngettext(
                "%(count)d person confirmed from the waiting list.",
                "%(count)d people confirmed from the waiting list.",
                promoted,
            )
            % {"count": promoted},
        )
    else:
        messages.info(request, _("No place is free, or nobody is waiting: nobody was confirmed."))
    return redirect(back)


@require_safe
@_required(MANAGE)
def registrations_export_view(request, slug: str, fmt: str):
    event = _event(request, slug)
    if fmt not in REGISTRATION_EXPORT_FORMATS:
        raise Http404(_("There is no such export."))
    filter_form = _filter_form(request, event)
    if filter_form.is_bound and not filter_form.is_valid():
        return HttpResponseBadRequest(
            _("Some filters are not valid: %(fields)s.") % {"fields": ", ".join(sorted(filter_form.errors))},
            content_type="text/plain; charset=utf-8",
        )
    registrations = filter_form.registrations()
    questions = list(event.registration_questions.order_by("position", "pk"))
    content = registrations_export(event=event, registrations=registrations, questions=questions, fmt=fmt)
    response = HttpResponse(content, content_type=REGISTRATION_EXPORT_FORMATS[fmt].content_type)
    filename = registrations_export_filename(event=event, fmt=fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Check-in desk --------------------------------------------------------------------------------


def _card_problem(registration: Registration) -> str:
    """Why this person cannot be checked in now ("" when they can)."""
    if registration.status == RegistrationStatus.WAITLISTED:
        return _(
            "On the waiting list (place %(position)s): not admitted. Send them to the Secretariat's desk."
        ) % {"position": registration.waitlist_position or "?"}
    if registration.status == RegistrationStatus.CANCELLED:
        return _("This registration is cancelled: not admitted. Send them to the Secretariat's desk.")
    if registration.status == RegistrationStatus.PENDING:
        return _("This registration is not confirmed yet: confirm it in the registration list first.")
    return ""


@_required(CHECK_IN)
def check_in_view(request, slug: str):
    event = _event(request, slug, CHECK_IN)
    if request.method == "POST":
        return _check_in_post(request, event)
    if request.method not in {"GET", "HEAD"}:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    form = CheckInSearchForm(request.GET or None)
    registration = None
    matches = None
    if form.is_bound and form.is_valid():
        code = form.cleaned_data["code"]
        text = form.cleaned_data["q"].strip()
        if code:
            registration = _by_code(event, code)
            if registration is None:
                messages.error(
                    request,
                    _(
                        "No registration of this event has the code %(code)s. "
                        "Check the code, or search by name."
                    )
                    % {"code": code},
                )
        elif text:
            matches = list(
                _registrations_of(event)
                .filter(Q(name__icontains=text) | Q(email__icontains=text))
                .order_by("name", "pk")[: CHECK_IN_MATCHES + 1]
            )
    problem = _card_problem(registration) if registration is not None else ""
    scanned_again = registration is not None and registration.checked_in_at is not None
    if scanned_again and not problem and request.GET.get("done") != "1":
        # The badge was scanned a second time: say so loudly.
        messages.warning(request, _already_message(event, registration))
    return render(
        request,
        "congresses/staff/check_in.html",
        {
            "event": event,
            "form": CheckInSearchForm() if registration is not None else form,
            "registration": registration,
            "problem": problem,
            "matches": matches[:CHECK_IN_MATCHES] if matches is not None else None,
            "more_matches": matches is not None and len(matches) > CHECK_IN_MATCHES,
            "figures": event_figures(event=event),
            **_nav(event, "check_in"),
        },
    )


def _already_message(event: Event, registration: Registration) -> str:
    return _("%(name)s was already checked in on %(moment)s.") % {
        "name": registration.name,
        "moment": moment_for_people(registration.checked_in_at, time_zone=event.time_zone),
    }


def _by_code(event: Event, code: str) -> Registration | None:
    registration = registration_by_code(event=event, code=code)
    if registration is None or registration.event_id != event.pk:
        return None
    return registration


def _check_in_post(request, event: Event):
    desk = _url("check_in", event)
    form = CheckInForm(request.POST)
    action = request.POST.get("action", "")
    if action not in {"check_in", "undo"} or not form.is_valid():
        messages.error(request, _("Unknown action. Nothing was changed."))
        return redirect(desk)
    registration = (
        Registration.objects.select_related("event", "type")
        .filter(pk=form.cleaned_data["registration"], event=event)
        .first()
    )
    if registration is None:
        messages.error(request, _("This registration is not one of the event's. Nothing was changed."))
        return redirect(desk)
    card = f"{desk}?{urlencode({'code': registration.code, 'done': '1'})}"
    try:
        if action == "check_in":
            registration_check_in(registration=registration, actor=request.user)
        else:
            registration_check_in_undo(registration=registration, actor=request.user)
    except DomainError as error:
        # The card below the message names the person.
        messages.error(request, error.message)
        return redirect(card)
    if action == "check_in":
        messages.success(request, _("%(name)s is checked in. Welcome!") % {"name": registration.name})
    else:
        messages.success(request, _("%(name)s: the check-in is undone.") % {"name": registration.name})
    return redirect(card)
