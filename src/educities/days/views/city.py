"""A city's International Day pages: the editor's activities (``days:mine``), registering one, editing,
cancelling and restoring it, and the report after the Day with its photos.

Permissions (days/rules.py): an anonymous visitor goes to the sign-in page (302). An unknown campaign or
activity, or one the user may not see (a hidden activity of another city), is 404; one they may see but not
change (another city's published activity) is 403, as on the award's city pages. Registering needs
``days.register_activity`` on the city (its editors while it is a member, and the Secretariat); the other
pages need ``days.change_activity`` on the activity. Every change goes through
``days.domain.activities``: a refused value is shown beside its field and nothing is saved.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.domain.translations_queries import translations_prefetch
from educities.days.domain.activities import (
    PHOTOS_MAX,
    activity_register,
    activity_report_save,
    activity_transition,
    activity_update,
    photo_add,
    photo_remove,
)
from educities.days.domain.common import DayRefused, city_time_zone, day_of
from educities.days.enums import ACTIVITY_STEPS, ActivityStatus
from educities.days.interfaces.forms_city import ActivityForm, CityChoiceForm, PhotoForm, ReportForm
from educities.days.models import Activity, Campaign
from educities.members.enums import MembershipStatus, RoleKind
from educities.members.models import City

REGISTER = "days.register_activity"
CHANGE = "days.change_activity"
VIEW_ACTIVITY = "days.view_activity"
VIEW_CAMPAIGN = "days.view_campaign"
MANAGE = "days.manage_campaign"

# The domain's names of values that the form types in other fields.
FIELD_FOR_VALUE = {"starts_at": "day", "ends_at": "end_time", "city": None, "campaign": None}
REPORT_ACTIONS = frozenset({"report", "photo_add", "photo_remove"})


# --- Shared helpers ------------------------------------------------------------------------------------


def _edited_cities(user) -> list[City]:
    """The cities ``user`` is an editor of (whatever their membership), by name."""
    return list(
        City.objects.filter(role_grants__user=user, role_grants__kind=RoleKind.CITY_EDITOR)
        .select_related("country")
        .distinct()
        .order_by("name", "pk")
    )


def _cities_for_register(user) -> list[City]:
    """The cities ``user`` may register activities for: the member cities they edit (any member city for
    the Secretariat)."""
    if user.has_perm(MANAGE):
        cities = City.objects.filter(
            membership_status__in=[MembershipStatus.MEMBER, MembershipStatus.SUSPENDED]
        ).select_related("country")
        cities = list(cities.order_by("name", "pk"))
    else:
        cities = _edited_cities(user)
    return [city for city in cities if user.has_perm(REGISTER, city)]


def _chosen_city(cities: list[City], raw) -> City | None:
    """The city picked in the request (403 when it is not one of ``cities``); the only one if one."""
    if raw in (None, ""):
        return cities[0] if len(cities) == 1 else None
    try:
        pk = int(raw)
    except (TypeError, ValueError):
        raise PermissionDenied from None
    city = next((city for city in cities if city.pk == pk), None)
    if city is None:
        raise PermissionDenied
    return city


def _campaign_for(request, year: int) -> Campaign:
    campaign = Campaign.objects.filter(year=year).first()
    if campaign is None or not request.user.has_perm(VIEW_CAMPAIGN, campaign):
        raise Http404(_("There is no International Day campaign in %(year)d.") % {"year": year})
    return campaign


def _activity_for(request, pk: int, permission: str = CHANGE) -> Activity:
    activity = Activity.objects.select_related("campaign", "city__country").filter(pk=pk).first()
    if activity is None or not request.user.has_perm(VIEW_ACTIVITY, activity):
        raise Http404(_("There is no such activity."))
    if not request.user.has_perm(permission, activity):
        raise PermissionDenied
    return activity


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _mine_url(activity: Activity | None = None, *, saved: bool = False) -> str:
    url = reverse("days:mine")
    if activity is None:
        return url
    query = f"?saved={activity.pk}" if saved else ""
    return f"{url}{query}#activity-{activity.pk}"


def apply_refusal(form, error: DomainError, *, aliases: dict[str, str] | None = None) -> None:
    """A domain refusal on the form: each message beside its field, the others above the form.

    ``aliases`` maps the domain's names of values to the form's fields where they differ.
    """
    errors = getattr(error, "errors", None)
    if not isinstance(error, DayRefused) or not errors:
        form.add_error(None, error.message)
        return
    names = {**FIELD_FOR_VALUE, **(aliases or {})}
    for name, problems in errors.items():
        field = names.get(name, name)
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def _mottos(campaigns) -> dict[int, object]:
    values = translations_prefetch(objects=campaigns, fields=["motto"], language=get_language())
    return {campaign.pk: values[(campaign.pk, "motto")] for campaign in campaigns}


def _has_started(activity: Activity, now) -> bool:
    return activity.starts_at <= now


def _steps(activity: Activity) -> set[str]:
    return {step for step, (sources, _target) in ACTIVITY_STEPS.items() if activity.status in sources}


# --- The editor's activities ---------------------------------------------------------------------------


def _open_campaigns() -> list[Campaign]:
    """Published campaigns whose window has not ended (the ones a city may still register for)."""
    return list(
        Campaign.objects.filter(is_published=True, window_ends_on__gte=timezone.localdate()).order_by("year")
    )


@login_required
@require_safe
def activities_mine(request):
    user = request.user
    now = timezone.now()
    cities = _edited_cities(user)
    registrable = [city for city in cities if user.has_perm(REGISTER, city)]
    open_campaigns = _open_campaigns()
    activities = list(
        Activity.objects.filter(city__in=cities)
        .select_related("campaign", "city")
        .annotate(photo_count=Count("photos"))
        .order_by("-campaign__year", "starts_at", "pk")
    )
    groups: list[dict] = []
    to_report: list[Activity] = []
    for activity in activities:
        if not groups or groups[-1]["campaign"].pk != activity.campaign_id:
            groups.append({"campaign": activity.campaign, "rows": []})
        started = _has_started(activity, now)
        steps = _steps(activity)
        reported = activity.participants is not None or bool(activity.report)
        if started and activity.status == ActivityStatus.PUBLISHED and not reported:
            to_report.append(activity)
        groups[-1]["rows"].append(
            {
                "activity": activity,
                "started": started,
                "reported": reported,
                "can_cancel": "cancel" in steps,
                "can_restore": "restore" in steps,
                "is_hidden": activity.status == ActivityStatus.HIDDEN,
            }
        )
    saved = None
    raw_saved = request.GET.get("saved", "")
    if raw_saved.isdigit():
        saved = next((activity for activity in activities if activity.pk == int(raw_saved)), None)
    campaigns = [group["campaign"] for group in groups]
    campaigns += [campaign for campaign in open_campaigns if campaign not in campaigns]
    mottos = _mottos(campaigns)
    return render(
        request,
        "days/city/mine.html",
        {
            "cities": cities,
            "registrable": registrable,
            "open_campaigns": [
                {"campaign": campaign, "motto": mottos[campaign.pk], "day": day_of(campaign.year)}
                for campaign in open_campaigns
            ],
            "groups": [{**group, "motto": mottos[group["campaign"].pk]} for group in groups],
            "to_report": to_report,
            "saved": saved,
            "is_staff": user.has_perm(MANAGE),
            "now": now,
        },
    )


# --- Registering and editing ---------------------------------------------------------------------------


def _form_context(campaign: Campaign, city: City, form, **extra) -> dict:
    return {
        "campaign": campaign,
        "city": city,
        "form": form,
        "day": day_of(campaign.year),
        "default_time_zone": city_time_zone(city),
        **extra,
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def activity_new(request, year: int):
    campaign = _campaign_for(request, year)
    cities = _cities_for_register(request.user)
    if not cities:
        raise PermissionDenied
    raw_city = request.POST.get("city") if request.method == "POST" else request.GET.get("city")
    city = _chosen_city(cities, raw_city)
    context = {"campaign": campaign, "city": city, "cities": cities, "day": day_of(campaign.year)}
    if len(cities) > 1:
        context["city_form"] = CityChoiceForm(
            initial={"city": city.pk if city else None}, cities=cities, auto_id="city_%s"
        )
    if city is None:
        return render(request, "days/city/activity_form.html", context)
    zone = city_time_zone(city)
    language = get_language() if get_language() in {"en", "fr", "es", "pt", "ca"} else "en"
    form = ActivityForm(
        request.POST if request.method == "POST" else None,
        time_zone=zone,
        initial={"day": day_of(campaign.year), "language": language, "contact_email": request.user.email},
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = activity_register(campaign=campaign, city=city, actor=request.user, **form.values())
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            apply_refusal(form, error)
        else:
            messages.success(
                request,
                _("“%(title)s” is registered and published on the agenda of the Day.")
                % {"title": activity.title},
            )
            return redirect(_mine_url(activity, saved=True))
    context.update(_form_context(campaign, city, form, is_new=True))
    return render(request, "days/city/activity_form.html", context)


def _changed(activity: Activity, values: dict) -> dict:
    """The values that differ from the activity's."""
    changed = {}
    for name, value in values.items():
        current = getattr(activity, name)
        if isinstance(current, list):
            same = list(current) == list(value)
        else:
            same = current == value
        if not same:
            changed[name] = value
    return changed


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def activity_edit(request, pk: int):
    activity = _activity_for(request, pk)
    if request.method == "POST":
        form = ActivityForm(request.POST, time_zone=activity.time_zone)
        if form.is_valid():
            changes = _changed(activity, form.values())
            if not changes:
                messages.info(request, _("Nothing was changed."))
                return redirect(_mine_url(activity))
            try:
                activity_update(activity=activity, actor=request.user, **changes)
            except PermissionRefused as error:
                raise PermissionDenied from error
            except DomainError as error:
                activity.refresh_from_db()
                apply_refusal(form, error)
            else:
                messages.success(request, _("“%(title)s” is saved.") % {"title": form.cleaned_data["title"]})
                return redirect(_mine_url(activity, saved=True))
    else:
        form = ActivityForm(initial=ActivityForm.initial_for(activity), time_zone=activity.time_zone)
    return render(
        request,
        "days/city/activity_form.html",
        _form_context(activity.campaign, activity.city, form, activity=activity, is_new=False),
    )


def _transition(request, pk: int, step: str, done: str):
    activity = _activity_for(request, pk)
    back = _safe_next(request, _mine_url(activity))
    try:
        activity_transition(activity=activity, step=step, actor=request.user)
    except PermissionRefused as error:
        raise PermissionDenied from error
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(request, done % {"title": activity.title})
    return redirect(back)


@login_required
@require_POST
def activity_cancel(request, pk: int):
    return _transition(
        request, pk, "cancel", _("“%(title)s” is cancelled: the agenda shows it as cancelled.")
    )


@login_required
@require_POST
def activity_restore(request, pk: int):
    return _transition(request, pk, "restore", _("“%(title)s” is back on the agenda."))


# --- After the Day: the report and the photos ----------------------------------------------------------


def _report_context(request, activity: Activity, *, report_form=None, photo_form=None) -> dict:
    started = _has_started(activity, timezone.now())
    photos = list(activity.photos.order_by("position", "pk"))
    if started and report_form is None:
        report_form = ReportForm(initial=ReportForm.initial_for(activity), prefix="report")
    if started and photo_form is None:
        photo_form = PhotoForm(prefix="photo")
    return {
        "activity": activity,
        "campaign": activity.campaign,
        "city": activity.city,
        "started": started,
        "report_form": report_form if started else None,
        "photo_form": photo_form if started else None,
        "photos": photos,
        "photos_max": PHOTOS_MAX,
    }


def _report_url(activity: Activity, anchor: str = "") -> str:
    url = reverse("days:activity_report", kwargs={"pk": activity.pk})
    return f"{url}#{anchor}" if anchor else url


def _save_report(request, activity: Activity):
    form = ReportForm(request.POST, prefix="report")
    if form.is_valid():
        try:
            activity_report_save(activity=activity, actor=request.user, **form.cleaned_data)
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            activity.refresh_from_db()
            apply_refusal(form, error)
        else:
            messages.success(request, _("The report is saved. Thank you!"))
            return redirect(_report_url(activity, "report"))
    return render(
        request,
        "days/city/report.html",
        _report_context(request, activity, report_form=form),
    )


def _add_photo(request, activity: Activity):
    form = PhotoForm(request.POST, request.FILES, prefix="photo")
    if form.is_valid():
        data = form.cleaned_data
        try:
            photo_add(
                activity=activity,
                upload=data["image"],
                alt_text=data["alt_text"],
                credit=data["credit"],
                actor=request.user,
            )
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            apply_refusal(form, error, aliases={"upload": "image"})
        else:
            messages.success(request, _("The photo is added."))
            return redirect(_report_url(activity, "photos"))
    return render(
        request,
        "days/city/report.html",
        _report_context(request, activity, photo_form=form),
    )


def _remove_photo(request, activity: Activity):
    raw = request.POST.get("photo", "")
    photo = activity.photos.filter(pk=int(raw)).first() if raw.isdigit() else None
    if photo is None:
        messages.error(request, _("This photo is not one of this activity’s. Nothing was changed."))
        return redirect(_report_url(activity, "photos"))
    try:
        photo_remove(photo=photo, actor=request.user)
    except PermissionRefused as error:
        raise PermissionDenied from error
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(request, _("The photo is removed."))
    return redirect(_report_url(activity, "photos"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def activity_report(request, pk: int):
    activity = _activity_for(request, pk)
    if request.method != "POST":
        return render(request, "days/city/report.html", _report_context(request, activity))
    action = request.POST.get("action", "")
    if action not in REPORT_ACTIONS:
        messages.error(request, _("Unknown action. Nothing was changed."))
        return redirect(_report_url(activity))
    if not _has_started(activity, timezone.now()):
        messages.error(
            request,
            _("The activity has not started yet: its report and photos come after it. Nothing was changed."),
        )
        return redirect(_report_url(activity))
    if action == "report":
        return _save_report(request, activity)
    if action == "photo_add":
        return _add_photo(request, activity)
    return _remove_photo(request, activity)
