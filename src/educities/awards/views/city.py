"""A city's award pages: applying to an edition, the city's applications, one application (answers,
language, the mayor's letter, eligibility, submit, withdraw, history), the letter and the certificate;
and the application as the jury reads it (registered as a review subject in ``awards/apps.py``).

Permissions (awards/rules.py): an anonymous visitor goes to the sign-in page (302); a signed-in user who
may not do something gets 403; an unknown edition or application is 404 (looked up before the permission
check). Who acts for the city (its editors, the Secretariat) gets the application's working page; a juror
who may see the application gets it read-only, as on the jury's pages. Every change goes through
``awards.domain.applications``: a refused value or step is shown and changes nothing.

Until an edition's results are published, the city sees a decided application as "In jury review":
the jury's decision is announced with the results, not before.
"""

import dataclasses

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from educities.awards.domain.applications import (
    AnswersInvalid,
    application_create,
    application_letter_attach,
    application_missing,
    application_save,
    application_submit,
    application_withdraw,
)
from educities.awards.domain.common import moment_for_people
from educities.awards.domain.editions import edition_phase
from educities.awards.domain.eligibility import applications_counted, eligibility_check
from educities.awards.domain.queries import application_detail, applications_of_user, edition_texts
from educities.awards.enums import (
    APPLICATION_STEPS,
    OFFICIAL_LANGUAGES,
    ApplicationStatus,
    EditionPhase,
)
from educities.awards.interfaces.certificate import award_certificate_pdf
from educities.awards.interfaces.forms_city import (
    ApplicationForm,
    ApplyForm,
    CityChoiceForm,
    LetterForm,
    WithdrawForm,
)
from educities.awards.models import Application, Edition
from educities.core.domain.audit import audit_entries_for
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.domain.translations_queries import translations_prefetch
from educities.core.templatetags.richtext import richtext
from educities.experiences.enums import (
    EXPERIENCE_EDITABLE_STATES,
    RICH_FIELDS,
    TEXT_FIELDS,
    ExperienceStatus,
)
from educities.experiences.interfaces.display import language_name
from educities.experiences.models import Experience
from educities.members.enums import MembershipStatus, RoleKind
from educities.members.models import City

# Decisions the city learns when the results are published (until then: "In jury review").
DECIDED_STATES = frozenset(
    {
        ApplicationStatus.FINALIST,
        ApplicationStatus.WINNER,
        ApplicationStatus.SPECIAL_MENTION,
        ApplicationStatus.NOT_SELECTED,
    }
)
DECISION_ACTIONS = frozenset({"shortlist", "award", "mention", "not_select"})
WITHDRAWABLE_STATES = APPLICATION_STEPS["withdraw"][0]

NEXT_STEPS = {
    ApplicationStatus.DRAFT: gettext_lazy(
        "Answer the questions, attach the mayor's letter and submit before the deadline."
    ),
    ApplicationStatus.SUBMITTED: gettext_lazy("The Secretariat checks that the application is eligible."),
    ApplicationStatus.ELIGIBLE: gettext_lazy("Eligible: the application will go to the jury."),
    ApplicationStatus.INELIGIBLE: gettext_lazy("Not eligible: read the Secretariat's reason."),
    ApplicationStatus.IN_REVIEW: gettext_lazy("The jury is reviewing the application."),
    ApplicationStatus.FINALIST: gettext_lazy("Finalist of the award."),
    ApplicationStatus.WINNER: gettext_lazy("Winner of the award: congratulations!"),
    ApplicationStatus.SPECIAL_MENTION: gettext_lazy("Special mention of the jury: congratulations!"),
    ApplicationStatus.NOT_SELECTED: gettext_lazy("Not selected this time. Thank you for taking part."),
    ApplicationStatus.WITHDRAWN: gettext_lazy("Withdrawn: nothing more to do."),
}
HISTORY_LABELS = {
    "create": gettext_lazy("started"),
    "letter_attach": gettext_lazy("letter from the mayor attached"),
    "submit": gettext_lazy("submitted"),
    "withdraw": gettext_lazy("withdrawn"),
    "confirm_eligible": gettext_lazy("confirmed eligible"),
    "declare_ineligible": gettext_lazy("declared not eligible"),
    "send_to_jury": gettext_lazy("sent to the jury"),
    "shortlist": gettext_lazy("finalist"),
    "award": gettext_lazy("winner"),
    "mention": gettext_lazy("special mention"),
    "not_select": gettext_lazy("not selected"),
}
NOT_A_DRAFT = gettext_lazy("This application was submitted: it can no longer be changed.")


# --- Shared helpers ------------------------------------------------------------------------------------


def _acts_for_city(user, application: Application) -> bool:
    """The city's editors and the Secretariat (not a juror): they may submit and withdraw it."""
    return user.has_perm("awards.submit_application", application)


def _is_staff(user) -> bool:
    return user.has_perm("awards.manage_award")


def _results_hidden(application: Application, user) -> bool:
    """Whether the jury's decision on ``application`` is still secret for ``user``."""
    return (
        application.status in DECIDED_STATES
        and application.edition.results_published_at is None
        and not _is_staff(user)
    )


def _status_for(application: Application, user) -> tuple[str, str]:
    """The status ``user`` may see, and its label."""
    status = ApplicationStatus.IN_REVIEW if _results_hidden(application, user) else application.status
    return str(status), str(ApplicationStatus(status).label)


def _status_row(application: Application, user) -> dict:
    status, label = _status_for(application, user)
    return {"application": application, "status": status, "status_label": label}


def _application_for(request, pk: int, permission: str) -> Application:
    application = application_detail(pk=pk)
    if application is None:
        raise Http404
    if not request.user.has_perm(permission, application):
        raise PermissionDenied
    return application


def _cities_for_apply(user) -> list[City]:
    """The member cities ``user`` may apply for (the ones they edit; any member city for the Secretariat)."""
    cities = City.objects.filter(
        membership_status__in=[MembershipStatus.MEMBER, MembershipStatus.SUSPENDED]
    ).order_by("name", "pk")
    if not _is_staff(user):
        cities = cities.filter(role_grants__user=user, role_grants__kind=RoleKind.CITY_EDITOR).distinct()
    return [city for city in cities if user.has_perm("awards.apply", city)]


def _experiences_available(
    *, city: City, edition: Edition, keep: Experience | None = None
) -> list[Experience]:
    """The city's experiences that may still be proposed to ``edition`` (and ``keep``, the current one)."""
    experiences = list(
        Experience.objects.filter(city=city)
        .exclude(status=ExperienceStatus.REJECTED)
        .exclude(award_applications__edition=edition)
        .order_by("title", "pk")
    )
    if keep is not None and all(experience.pk != keep.pk for experience in experiences):
        experiences.insert(0, keep)
    return experiences


def _deadline_context(edition: Edition) -> dict:
    now = timezone.now()
    return {"now": now, "deadline_passed": edition.deadline is not None and now > edition.deadline}


def _theme(edition: Edition):
    return edition_texts(edition=edition, language=get_language())["theme"]


def _history_item(entry) -> dict:
    actor = entry.actor
    if actor is None:
        who = "—"
    elif actor.is_staff:
        who = _("the Secretariat")
    else:
        who = actor.get_full_name() or actor.email
    return {
        "entry": entry,
        "label": HISTORY_LABELS.get(entry.action, entry.action),
        "actor": who,
        "comment": entry.comment,
    }


def _history(application: Application, user) -> list[dict]:
    hide_decisions = application.edition.results_published_at is None and not _is_staff(user)
    return [
        _history_item(entry)
        for entry in audit_entries_for(subject=application)
        if not (hide_decisions and entry.action in DECISION_ACTIONS)
    ]


def _questions(application: Application) -> list[tuple]:
    """``(question, text, guidance)`` in the edition's order, in the reader's language."""
    questions = sorted(application.edition.questions.all(), key=lambda question: question.position)
    texts = translations_prefetch(objects=questions, fields=["text", "help_text"], language=get_language())
    return [
        (question, texts[(question.pk, "text")], texts[(question.pk, "help_text")]) for question in questions
    ]


def _answers_read(application: Application) -> list[dict]:
    by_question = {answer.question_id: answer.text for answer in application.answers.all()}
    return [
        {"question": question, "text": text, "guidance": guidance, "answer": by_question.get(question.pk, "")}
        for question, text, guidance in _questions(application)
    ]


# --- Applying ------------------------------------------------------------------------------------------


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


def _apply_refusal(edition: Edition, city: City, left: int) -> str:
    """Why the city cannot start an application now ("" when it can)."""
    phase = edition_phase(edition=edition)
    if phase in {EditionPhase.DRAFT, EditionPhase.ANNOUNCED}:
        if edition.call_opens_at is not None:
            return _("The call for applications opens on %(moment)s.") % {
                "moment": moment_for_people(edition.call_opens_at, time_zone=edition.time_zone)
            }
        return _("The call for applications is not open yet.")
    if phase != EditionPhase.OPEN:
        if edition.deadline is not None:
            return _("The call for applications closed on %(moment)s.") % {
                "moment": moment_for_people(edition.deadline, time_zone=edition.time_zone)
            }
        return _("The call for applications is closed.")
    if left <= 0:
        return _(
            "%(city)s has already started %(max)s applications to this edition, the maximum per city. "
            "Withdraw one to start another."
        ) % {"city": city.name, "max": edition.max_applications_per_city}
    return ""


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_apply(request, year):
    edition = get_object_or_404(Edition, year=year)
    if not request.user.has_perm("awards.view_edition", edition):
        raise Http404
    cities = _cities_for_apply(request.user)
    if not cities:
        raise PermissionDenied
    raw_city = request.POST.get("city") if request.method == "POST" else request.GET.get("city")
    city = _chosen_city(cities, raw_city)
    context = {
        "edition": edition,
        "theme": _theme(edition),
        "cities": cities,
        "city": city,
        **_deadline_context(edition),
    }
    if len(cities) > 1:
        context["city_form"] = CityChoiceForm(
            initial={"city": city.pk if city else None}, cities=cities, auto_id="city_%s"
        )
    if city is None:
        return render(request, "awards/city/apply.html", context)

    left = max(
        0,
        edition.max_applications_per_city
        - applications_counted(edition=edition, city=city, drafts=True).count(),
    )
    experiences = _experiences_available(city=city, edition=edition)
    form = ApplyForm(
        request.POST if request.method == "POST" else None,
        experiences=experiences,
        initial={"language": get_language() if get_language() in OFFICIAL_LANGUAGES else "en"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = application_create(
                edition=edition,
                city=city,
                actor=request.user,
                language=form.cleaned_data["language"],
                experience=form.chosen_experience(),
                new_experience_title=form.cleaned_data["new_experience_title"],
            )
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if form.chosen_experience() is None:
                messages.success(
                    request,
                    _(
                        "The application is started. Its experience “%(title)s” is a draft in the bank of "
                        "experiences: complete it in the experiences editor."
                    )
                    % {"title": application.experience.title},
                )
            else:
                messages.success(request, _("The application is started: answer the questions below."))
            return redirect("awards:application", pk=application.pk)
    context.update(
        {
            "checks": eligibility_check(edition=edition, city=city),
            "left": left,
            "existing": [
                _status_row(application, request.user)
                for application in Application.objects.filter(edition=edition, city=city)
                .select_related("experience", "edition")
                .order_by("pk")
            ],
            "refusal": _apply_refusal(edition, city, left),
            "form": form,
        }
    )
    return render(request, "awards/city/apply.html", context)


# --- The city's applications ---------------------------------------------------------------------------


def _open_editions(user) -> list[Edition]:
    now = timezone.now()
    editions = Edition.objects.filter(
        is_published=True,
        is_void=False,
        results_published_at__isnull=True,
        call_opens_at__lte=now,
        deadline__gte=now,
    ).order_by("year")
    return [edition for edition in editions if user.has_perm("awards.view_edition", edition)]


@login_required
@require_safe
def applications_mine(request):
    user = request.user
    rows = []
    for application in applications_of_user(user=user):
        row = _status_row(application, user)
        row["next_step"] = NEXT_STEPS[ApplicationStatus(row["status"])]
        row["certificate"] = user.has_perm("awards.download_certificate", application)
        rows.append(row)
    open_editions = _open_editions(user) if _cities_for_apply(user) else []
    return render(request, "awards/city/mine.html", {"rows": rows, "open_editions": open_editions})


# --- One application -----------------------------------------------------------------------------------


def _render_application(request, application: Application, *, form=None, letter_form=None, status=200):
    user = request.user
    edition = application.edition
    is_draft = application.status == ApplicationStatus.DRAFT
    can_change = user.has_perm("awards.change_application", application)
    if can_change and form is None:
        answers = {answer.question_id: answer.text for answer in application.answers.all()}
        form = ApplicationForm(
            experiences=_experiences_available(
                city=application.city, edition=edition, keep=application.experience
            ),
            questions=_questions(application),
            initial={
                "language": application.language,
                "experience": application.experience_id,
                **{f"answer_{question_id}": text for question_id, text in answers.items()},
            },
        )
    if can_change and letter_form is None:
        letter_form = LetterForm()
    status_code, status_label = _status_for(application, user)
    hidden = _results_hidden(application, user)
    context = {
        "application": application,
        "edition": edition,
        "theme": _theme(edition),
        "status": status_code,
        "status_label": status_label,
        "statement": "" if hidden else application.statement,
        "is_draft": is_draft,
        "form": form if can_change else None,
        "letter_form": letter_form if can_change else None,
        "answers": [] if can_change else _answers_read(application),
        "checks": eligibility_check(edition=edition, city=application.city, application=application),
        "missing": application_missing(application=application) if is_draft else [],
        "history": _history(application, user),
        "experience_editable": application.experience.status in EXPERIENCE_EDITABLE_STATES
        and user.has_perm("experiences.change_experience", application.experience),
        "can_submit": is_draft and user.has_perm("awards.submit_application", application),
        "can_withdraw": application.status in WITHDRAWABLE_STATES
        and user.has_perm("awards.withdraw_application", application),
        "can_download_letter": user.has_perm("awards.download_letter", application),
        "can_download_certificate": user.has_perm("awards.download_certificate", application),
        **_deadline_context(edition),
    }
    return render(request, "awards/city/application.html", context, status=status)


def _may_change(request, application: Application) -> bool:
    """True when the user may change the draft; a message (False) when it is no longer a draft; else 403."""
    if request.user.has_perm("awards.change_application", application):
        return True
    if _acts_for_city(request.user, application):
        messages.error(request, NOT_A_DRAFT)
        return False
    raise PermissionDenied


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_page(request, pk):
    application = _application_for(request, pk, "awards.view_application")
    if not _acts_for_city(request.user, application):
        # A juror who may see the application: read-only, as on the jury's pages.
        if request.method == "POST":
            raise PermissionDenied
        return render(
            request, "awards/city/application_view.html", application_subject_context(application, request)
        )
    if request.method != "POST":
        return _render_application(request, application)
    if not _may_change(request, application):
        return redirect("awards:application", pk=application.pk)
    form = ApplicationForm(
        request.POST,
        experiences=_experiences_available(
            city=application.city, edition=application.edition, keep=application.experience
        ),
        questions=_questions(application),
    )
    if form.is_valid():
        try:
            application_save(
                application=application,
                actor=request.user,
                language=form.cleaned_data["language"],
                experience=form.chosen_experience(),
                answers=form.answers(),
            )
        except AnswersInvalid as error:
            form.add_answer_errors(error.errors)
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("awards:application", pk=application.pk)
    application = application_detail(pk=application.pk)
    return _render_application(request, application, form=form)


@login_required
@require_POST
def application_letter_upload(request, pk):
    application = _application_for(request, pk, "awards.view_application")
    if not _may_change(request, application):
        return redirect("awards:application", pk=application.pk)
    letter_form = LetterForm(request.POST, request.FILES)
    if letter_form.is_valid():
        try:
            application_letter_attach(
                application=application, upload=letter_form.cleaned_data["letter"], actor=request.user
            )
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            letter_form.add_error("letter", error.message)
        else:
            messages.success(request, _("The letter from the mayor is attached."))
            return redirect("awards:application", pk=application.pk)
    application = application_detail(pk=application.pk)
    return _render_application(request, application, letter_form=letter_form)


@login_required
@require_POST
def application_submit_view(request, pk):
    application = _application_for(request, pk, "awards.submit_application")
    try:
        application_submit(application=application, actor=request.user)
    except PermissionRefused as error:
        raise PermissionDenied from error
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "The application is submitted. The Secretariat will check its eligibility; "
                "you will receive an e-mail."
            ),
        )
    return redirect("awards:application", pk=application.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_withdraw_view(request, pk):
    application = _application_for(request, pk, "awards.withdraw_application")
    if application.status not in WITHDRAWABLE_STATES:
        messages.error(
            request,
            _("This application is “%(status)s”: it can no longer be withdrawn.")
            % {"status": _status_for(application, request.user)[1]},
        )
        return redirect("awards:application", pk=application.pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            application_withdraw(application=application, actor=request.user)
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The application is withdrawn."))
        return redirect("awards:application", pk=application.pk)
    return render(request, "awards/city/withdraw.html", {"application": application, "form": form})


# --- Files ---------------------------------------------------------------------------------------------


@login_required
@require_safe
def letter_download(request, pk):
    application = _application_for(request, pk, "awards.download_letter")
    letter = application.mayor_letter
    if not letter:
        raise Http404
    try:
        # The field's own storage: the private one (members/storage.py), which no URL serves.
        handle = letter.storage.open(letter.name, "rb")
    except OSError as error:
        raise Http404 from error
    filename = f"mayor-letter-{slugify(application.city.name) or application.city_id}-{application.pk}.pdf"
    response = FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def certificate_download(request, pk):
    application = _application_for(request, pk, "awards.download_certificate")
    try:
        pdf = award_certificate_pdf(application=application, language=get_language())
    except DomainError as error:
        raise Http404(error.message) from error
    city_part = slugify(application.city.name) or application.city_id
    filename = f"award-certificate-{application.edition.year}-{city_part}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- The application as the jury reads it (a review subject, see awards/apps.py) -------------------------


def _experience_sections(experience: Experience, translations: dict) -> list[dict]:
    """The experience's rich-text sections that have text, each with its provenance notice when it
    differs from the title's."""
    title = translations[(experience.pk, "title")]
    said = (title.language, title.provenance, title.engine, title.is_fallback, title.is_stale)
    sections = []
    for field in RICH_FIELDS:
        value = translations[(experience.pk, field)]
        if not value.text:
            continue
        key = (value.language, value.provenance, value.engine, value.is_fallback, value.is_stale)
        sections.append(
            {
                "field": field,
                "label": Experience._meta.get_field(field).verbose_name,
                "value": dataclasses.replace(value, text=richtext(value.text)),
                "show_notice": key != said,
            }
        )
        said = key
    return sections


def application_subject_context(application: Application, request) -> dict:
    """What the jury reads of an application: the experience in the reader's language, the city's
    answers (in the application's language), the language and a link to the mayor's letter."""
    detail = application_detail(pk=application.pk) or application
    experience = detail.experience
    translations = translations_prefetch(objects=[experience], fields=TEXT_FIELDS, language=get_language())
    letter_url = None
    if detail.mayor_letter and request.user.has_perm("awards.download_letter", detail):
        letter_url = reverse("awards:letter", kwargs={"pk": detail.pk})
    return {
        "application": detail,
        "experience_title": translations[(experience.pk, "title")],
        "experience_summary": translations[(experience.pk, "summary")],
        "experience_sections": _experience_sections(experience, translations),
        "answers": _answers_read(detail),
        "language_name": language_name(detail.language),
        "letter_url": letter_url,
    }


def application_subject_url(application: Application, request) -> str | None:
    """The application's working page, for those who act for the city (the Secretariat on the jury pages)."""
    if _acts_for_city(request.user, application):
        return reverse("awards:application", kwargs={"pk": application.pk})
    return None
