"""The Secretariat's moderation of the bank of experiences: the queue and the review page.

Both need ``experiences.view_moderation_queue`` (anonymous users are sent to sign in, others get 403),
and the review page ``experiences.moderate_experience`` on the experience. A step posted to the review
page goes to the domain (``domain/workflow.py``), which checks it again, records it and e-mails the
city; a refused step shows the domain's message and changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from educities.core.domain.errors import DomainError
from educities.experiences.domain.diff import experience_diff
from educities.experiences.domain.queries_moderation import (
    KIND_EXPERIENCE,
    KIND_REVISION,
    MODERATION_EXPERIENCE_STATES,
    MODERATION_REVISION_STATES,
    experience_moderation_revision,
    experience_moderation_steps,
    moderation_countries,
    moderation_history,
    moderation_items,
    moderation_queue,
    moderation_requests,
    moderation_state_counts,
    revision_moderation_steps,
)
from educities.experiences.domain.values import experience_values
from educities.experiences.domain.workflow import (
    experience_archive,
    experience_feature,
    experience_publish,
    experience_reject,
    experience_request_changes,
    experience_restore,
    experience_review_start,
    revision_publish,
    revision_reject,
    revision_request_changes,
    revision_review_start,
)
from educities.experiences.enums import (
    EXPERIENCE_PUBLIC_STATES,
    EXPERIENCE_STEPS_NEEDING_COMMENT,
    ExperienceStatus,
    RevisionStatus,
)
from educities.experiences.interfaces.display import (
    ValueLabels,
    audit_action_label,
    audit_state_label,
    language_name,
)
from educities.experiences.interfaces.forms_moderation import ModerationActionForm, ModerationFilterForm
from educities.experiences.models import Experience, ExperienceRevision

PER_PAGE = 25


def permission_required(permission: str):
    """Anonymous users are sent to sign in; signed-in users without ``permission`` get 403."""

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


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    help: str
    takes_comment: bool = False
    danger: bool = False

    @property
    def comment_required(self) -> bool:
        return self.name in EXPERIENCE_STEPS_NEEDING_COMMENT


STEPS: dict[str, Step] = {
    step.name: step
    for step in [
        Step(
            "review_start",
            gettext_lazy("Start the review"),
            gettext_lazy("Tells the other moderators you are reading it. The city is not notified."),
        ),
        Step(
            "request_changes",
            gettext_lazy("Request changes"),
            gettext_lazy("The city gets your comment by e-mail and can submit again."),
            takes_comment=True,
        ),
        Step(
            "publish",
            gettext_lazy("Publish"),
            gettext_lazy("Everyone can read it; the city is notified."),
            takes_comment=True,
        ),
        Step(
            "reject",
            gettext_lazy("Reject"),
            gettext_lazy("The city gets the reason by e-mail."),
            takes_comment=True,
            danger=True,
        ),
        Step(
            "archive",
            gettext_lazy("Archive"),
            gettext_lazy("It stays readable but leaves the search and the home page."),
            takes_comment=True,
            danger=True,
        ),
        Step(
            "restore",
            gettext_lazy("Restore"),
            gettext_lazy("It is published again."),
            takes_comment=True,
        ),
        Step(
            "feature",
            gettext_lazy("Make it a focus experience"),
            gettext_lazy("Shown in turn on the home page."),
        ),
        Step(
            "unfeature",
            gettext_lazy("Stop featuring it"),
            gettext_lazy("It leaves the home page's focus experiences."),
        ),
    ]
}

# The named domain functions each step calls: (experience, actor, comment) → …
_EXPERIENCE_FUNCTIONS: dict[str, Callable] = {
    "review_start": lambda e, actor, comment: experience_review_start(experience=e, actor=actor),
    "request_changes": lambda e, actor, comment: experience_request_changes(
        experience=e, actor=actor, comment=comment
    ),
    "publish": lambda e, actor, comment: experience_publish(experience=e, actor=actor, comment=comment),
    "reject": lambda e, actor, comment: experience_reject(experience=e, actor=actor, comment=comment),
    "archive": lambda e, actor, comment: experience_archive(experience=e, actor=actor, comment=comment),
    "restore": lambda e, actor, comment: experience_restore(experience=e, actor=actor, comment=comment),
    "feature": lambda e, actor, comment: experience_feature(experience=e, actor=actor, featured=True),
    "unfeature": lambda e, actor, comment: experience_feature(experience=e, actor=actor, featured=False),
}
_REVISION_FUNCTIONS: dict[str, Callable] = {
    "review_start": lambda r, actor, comment: revision_review_start(revision=r, actor=actor),
    "request_changes": lambda r, actor, comment: revision_request_changes(
        revision=r, actor=actor, comment=comment
    ),
    "publish": lambda r, actor, comment: revision_publish(revision=r, actor=actor, comment=comment),
    "reject": lambda r, actor, comment: revision_reject(revision=r, actor=actor, comment=comment),
}


# --- The queue ----------------------------------------------------------------------------------


def _state_label(kind: str, state: str) -> str:
    return str((RevisionStatus if kind == KIND_REVISION else ExperienceStatus)(state).label)


@require_safe
@permission_required("experiences.view_moderation_queue")
def moderation_queue_view(request):
    countries = moderation_countries()
    filter_keys = ("state", "kind", "country", "language")
    form = ModerationFilterForm(
        {key: request.GET[key] for key in filter_keys if key in request.GET} or None, countries=countries
    )
    filters = dict.fromkeys(filter_keys, "")
    if form.is_bound:
        if not form.is_valid():
            messages.warning(request, _("Some filters were not understood and are ignored."))
        filters.update({key: value for key, value in form.cleaned_data.items() if value})
    page_obj = Paginator(moderation_queue(**filters), PER_PAGE).get_page(request.GET.get("page"))
    counts = moderation_state_counts(country=filters["country"], language=filters["language"])
    count_groups = [
        {
            "kind": kind,
            "label": label,
            "states": [
                {"state": state, "label": _state_label(kind, state), "count": counts[(kind, state)]}
                for state in states
            ],
        }
        for kind, label, states in (
            (KIND_EXPERIENCE, _("New experiences"), MODERATION_EXPERIENCE_STATES),
            (KIND_REVISION, _("Changes to published experiences"), MODERATION_REVISION_STATES),
        )
    ]
    return render(
        request,
        "experiences/moderation/queue.html",
        {
            "form": form,
            "page_obj": page_obj,
            "items": moderation_items(list(page_obj.object_list)),
            "count_groups": count_groups,
            "total": page_obj.paginator.count,
            "section": "moderation",
        },
    )


# --- The review page ------------------------------------------------------------------------------


def _step_forms(steps: list[str], *, revision: ExperienceRevision | None, prefix: str) -> list[dict]:
    return [
        {
            "step": STEPS[name],
            "id": f"{prefix}-{name}",
            "revision": revision.pk if revision is not None else "",
        }
        for name in steps
    ]


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("experiences.view_moderation_queue")
def moderation_review(request, slug):
    experience = get_object_or_404(
        Experience.objects.select_related("city__country", "contact", "created_by"), slug=slug
    )
    if not request.user.has_perm("experiences.moderate_experience", experience):
        raise PermissionDenied
    if request.method == "POST":
        return _moderation_act(request, experience)
    revision = (
        experience_moderation_revision(experience=experience)
        if experience.status in EXPERIENCE_PUBLIC_STATES
        else None
    )
    live = experience_values(experience)
    history = moderation_history(experience=experience)
    labels = ValueLabels([live, revision.data] if revision is not None else [live], experience=experience)
    context = {
        "experience": experience,
        "revision": revision,
        "values": labels.rows(live),
        "original_language_name": language_name(experience.original_language),
        "attachments": list(experience.attachments.filter(revision__isnull=True)),
        "requests": moderation_requests(history=history, revision=revision),
        "history": [
            {
                "entry": entry,
                "action": audit_action_label(entry.action),
                "from": audit_state_label(entry.from_state),
                "to": audit_state_label(entry.to_state),
            }
            for entry in history
        ],
        "experience_steps": _step_forms(
            experience_moderation_steps(experience=experience),
            revision=None,
            prefix="experience",
        ),
        "feature_steps": _step_forms(
            (["unfeature"] if experience.is_featured else ["feature"])
            if experience.status == ExperienceStatus.PUBLISHED
            else [],
            revision=None,
            prefix="experience",
        ),
        "section": "moderation",
    }
    if revision is not None:
        before = revision.base or live
        context.update(
            changes=labels.changes(experience_diff(before=before, after=revision.data)),
            proposed_values=labels.rows(revision.data),
            new_attachments=list(revision.new_attachments.all()),
            revision_steps=_step_forms(
                revision_moderation_steps(revision=revision), revision=revision, prefix="revision"
            ),
            revision_is_draft=revision.status in {RevisionStatus.DRAFT, RevisionStatus.CHANGES_REQUESTED},
        )
    return render(request, "experiences/moderation/review.html", context)


def _moderation_act(request, experience: Experience):
    back = reverse("experiences:moderation_review", kwargs={"slug": experience.slug})
    form = ModerationActionForm(request.POST)
    if not form.is_valid():
        problems = " ".join(str(error) for errors in form.errors.values() for error in errors)
        messages.error(request, _("%(problems)s Nothing was changed.") % {"problems": problems})
        return redirect(back)
    action = form.cleaned_data["action"]
    comment = form.cleaned_data["comment"]
    revision_pk = form.cleaned_data["revision"]
    try:
        if revision_pk:
            revision = experience.revisions.filter(pk=revision_pk).first()
            if revision is None:
                raise DomainError(_("These proposed changes do not exist (any more)."))
            if action not in _REVISION_FUNCTIONS:
                raise DomainError(_("This step does not exist for proposed changes."))
            _REVISION_FUNCTIONS[action](revision, request.user, comment)
            done = _("Proposed changes #%(number)s of “%(title)s”: %(state)s.") % {
                "number": revision.number,
                "title": experience.title,
                "state": RevisionStatus(revision.status).label,
            }
        else:
            _EXPERIENCE_FUNCTIONS[action](experience, request.user, comment)
            experience.refresh_from_db(fields=["status", "is_featured"])
            if action == "feature":
                done = _("“%(title)s” is now a focus experience.") % {"title": experience.title}
            elif action == "unfeature":
                done = _("“%(title)s” is no longer a focus experience.") % {"title": experience.title}
            else:
                done = _("“%(title)s”: %(state)s.") % {
                    "title": experience.title,
                    "state": experience.get_status_display(),
                }
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        return redirect(back)
    messages.success(request, done)
    return redirect(back)
