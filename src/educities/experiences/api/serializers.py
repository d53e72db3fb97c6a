"""Representations of the bank of experiences in the REST API, and the values it accepts.

Read: every vocabulary value comes as its code and its label in the reader's language; every free text
as the text in the language asked for, or the original, with where it comes from (``TranslatedText``).
Write: ``ExperienceValuesSerializer`` checks the JSON types of the values (the domain's
``experience_values_clean`` then checks what they mean and answers per field).
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from educities.core.enums import Provenance
from educities.core.richtext import richtext_sanitize
from educities.experiences.domain.values import LIST_MAX
from educities.experiences.enums import (
    RICH_FIELDS,
    TAG_CHOICES,
    BudgetRange,
    ExperienceStatus,
    PartnerKind,
    RevisionStatus,
    TagKind,
)
from educities.experiences.models import Experience

ID_MAX = 2**63 - 1  # the largest id a database can hold (SQLite and PostgreSQL bigint)


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


# --- reading ------------------------------------------------------------------------------------


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("The stable code (use it in filters)."))
    label = serializers.CharField(help_text=_("The label in the language of the request."))


class PrincipleSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text=_("Number of the principle in the Charter."))
    label = serializers.CharField(help_text=_("The principle in the language of the request."))


class TranslatedTextSerializer(serializers.Serializer):
    """One free text in the language asked for, or else in its original language."""

    text = serializers.CharField(
        help_text=_("Plain text (title, summary) or sanitised HTML (the other texts).")
    )
    language = serializers.CharField(help_text=_("Language of this text."))
    provenance = serializers.ChoiceField(
        choices=Provenance.choices, help_text=_("Where this text comes from.")
    )
    engine = serializers.CharField(help_text=_("The translation engine of a machine translation."))
    is_original = serializers.BooleanField()
    is_fallback = serializers.BooleanField(
        help_text=_("The language asked for has no text yet: this is the original.")
    )
    is_stale = serializers.BooleanField(help_text=_("A translation of an older version of the original."))
    reviewed = serializers.BooleanField(help_text=_("A person checked this machine translation."))
    translated_at = serializers.DateTimeField(allow_null=True)


class TranslationRowSerializer(serializers.Serializer):
    """One stored language version of one text."""

    field = serializers.CharField()
    language = serializers.CharField()
    provenance = serializers.ChoiceField(choices=Provenance.choices)
    engine = serializers.CharField()
    reviewed = serializers.BooleanField()
    is_stale = serializers.BooleanField()
    translated_at = serializers.DateTimeField()


class ExperienceCitySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField(source="country.code", help_text=_("ISO 3166-1 alpha-2 code."))
    country_name = serializers.CharField(
        source="country.name", help_text=_("Name in the language of the request (Accept-Language).")
    )
    api_url = serializers.SerializerMethodField(help_text=_("The city in this API."))

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, city) -> str:
        return _absolute(self.context.get("request"), f"/api/v1/cities/{city.slug}/")


class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.SerializerMethodField()

    @extend_schema_field(CodeLabelSerializer)
    def get_kind(self, partner) -> dict:
        return _code_label(PartnerKind, partner.kind)


class LinkSerializer(serializers.Serializer):
    url = serializers.URLField()
    label = serializers.CharField()


class ExperienceContactSerializer(serializers.Serializer):
    full_name = serializers.CharField()
    position = serializers.CharField()
    department = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()


class AttachmentSerializer(serializers.Serializer):
    kind = serializers.SerializerMethodField()
    title = serializers.CharField()
    alt_text = serializers.CharField(help_text=_("What the image shows (images only)."))
    content_type = serializers.CharField(help_text=_("MIME type of the file."))
    size = serializers.IntegerField(help_text=_("Size of the file in bytes."))
    url = serializers.SerializerMethodField()

    @extend_schema_field(CodeLabelSerializer)
    def get_kind(self, attachment) -> dict:
        from educities.experiences.enums import AttachmentKind

        return _code_label(AttachmentKind, attachment.kind)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, attachment) -> str:
        return _absolute(self.context.get("request"), attachment.file.url)


def _code_label(enum, code: str) -> dict | None:
    if not code:
        return None
    labels = dict(enum.choices)
    return {"code": code, "label": str(labels.get(code, code))}


def _tags_of(experience: Experience, kind: str) -> list[dict]:
    enum = TAG_CHOICES[kind]
    order = {code: index for index, code in enumerate(enum.values)}
    codes = sorted({tag.code for tag in experience.tags.all() if tag.kind == kind}, key=order.get)
    labels = dict(enum.choices)
    return [{"code": code, "label": str(labels[code])} for code in codes if code in labels]


def _text(value, field: str) -> dict:
    text = value.text
    if field in RICH_FIELDS:
        text = richtext_sanitize(text)
    return {
        "text": text,
        "language": value.language,
        "provenance": value.provenance,
        "engine": value.engine,
        "is_original": value.is_original,
        "is_fallback": value.is_fallback,
        "is_stale": value.is_stale,
        "reviewed": value.reviewed,
        "translated_at": value.translated_at,
    }


class _TextsMixin:
    def _texts(self, experience: Experience, field: str) -> dict:
        text = _text(self.context["texts"][(experience.pk, field)], field)
        # A text that has no stored original yet (a draft) is in the experience's own language.
        text["language"] = text["language"] or experience.original_language
        return TranslatedTextSerializer(text).data

    @extend_schema_field(TranslatedTextSerializer)
    def get_title(self, experience) -> dict:
        return self._texts(experience, "title")

    @extend_schema_field(TranslatedTextSerializer)
    def get_summary(self, experience) -> dict:
        return self._texts(experience, "summary")


class ExperienceListSerializer(_TextsMixin, serializers.Serializer):
    slug = serializers.CharField()
    url = serializers.SerializerMethodField(help_text=_("The experience's public page."))
    api_url = serializers.SerializerMethodField(help_text=_("The experience in this API."))
    city = ExperienceCitySerializer()
    original_language = serializers.CharField(help_text=_("The language it was written in."))
    languages = serializers.SerializerMethodField(
        help_text=_("Every language it can be read in (original and translations).")
    )
    title = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    is_ongoing = serializers.BooleanField()
    themes = serializers.SerializerMethodField()
    target_groups = serializers.SerializerMethodField()
    sdgs = serializers.SerializerMethodField(help_text=_("UN Sustainable Development Goals."))
    principles = serializers.SerializerMethodField(help_text=_("Principles of the Charter it serves."))
    is_award_winning = serializers.BooleanField()
    is_featured = serializers.BooleanField(help_text=_("A focus experience."))
    published_at = serializers.DateTimeField(allow_null=True, help_text=_("First published."))
    last_published_at = serializers.DateTimeField(allow_null=True, help_text=_("Last published."))

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, experience) -> str:
        return _absolute(self.context.get("request"), experience.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, experience) -> str:
        return _absolute(self.context.get("request"), f"/api/v1/experiences/{experience.slug}/")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_languages(self, experience) -> list[str]:
        return self.context["languages"].get(experience.pk, [experience.original_language])

    @extend_schema_field(CodeLabelSerializer(many=True))
    def get_themes(self, experience) -> list[dict]:
        return _tags_of(experience, TagKind.THEME)

    @extend_schema_field(CodeLabelSerializer(many=True))
    def get_target_groups(self, experience) -> list[dict]:
        return _tags_of(experience, TagKind.TARGET_GROUP)

    @extend_schema_field(CodeLabelSerializer(many=True))
    def get_sdgs(self, experience) -> list[dict]:
        return _tags_of(experience, TagKind.SDG)

    @extend_schema_field(PrincipleSerializer(many=True))
    def get_principles(self, experience) -> list[dict]:
        principles = sorted(experience.principles.all(), key=lambda principle: principle.number)
        return [{"number": principle.number, "label": principle.label} for principle in principles]


class ExperienceDetailSerializer(ExperienceListSerializer):
    status = serializers.SerializerMethodField(
        help_text=_("published or archived; a city's own experience may be in any state.")
    )
    context = serializers.SerializerMethodField()
    objectives = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField(help_text=_("Actions and methodology."))
    results = serializers.SerializerMethodField(help_text=_("Results and evaluation."))
    lessons = serializers.SerializerMethodField(help_text=_("Lessons and transferability."))
    departments = serializers.SerializerMethodField(help_text=_("Municipal departments involved."))
    budget_range = serializers.SerializerMethodField()
    partners = PartnerSerializer(many=True, source="partners.all")
    links = LinkSerializer(many=True, source="links.all")
    contact = serializers.SerializerMethodField(
        help_text=_("A contact person who agreed to be shown publicly, if any.")
    )
    attachments = serializers.SerializerMethodField(help_text=_("PDF documents and images."))
    translations = serializers.SerializerMethodField(
        help_text=_("Every stored language version of every text, with its provenance.")
    )

    @extend_schema_field(CodeLabelSerializer)
    def get_status(self, experience) -> dict:
        return _code_label(ExperienceStatus, experience.status)

    @extend_schema_field(TranslatedTextSerializer)
    def get_context(self, experience) -> dict:
        return self._texts(experience, "context")

    @extend_schema_field(TranslatedTextSerializer)
    def get_objectives(self, experience) -> dict:
        return self._texts(experience, "objectives")

    @extend_schema_field(TranslatedTextSerializer)
    def get_actions(self, experience) -> dict:
        return self._texts(experience, "actions")

    @extend_schema_field(TranslatedTextSerializer)
    def get_results(self, experience) -> dict:
        return self._texts(experience, "results")

    @extend_schema_field(TranslatedTextSerializer)
    def get_lessons(self, experience) -> dict:
        return self._texts(experience, "lessons")

    @extend_schema_field(CodeLabelSerializer(many=True))
    def get_departments(self, experience) -> list[dict]:
        return _tags_of(experience, TagKind.DEPARTMENT)

    @extend_schema_field(CodeLabelSerializer(allow_null=True))
    def get_budget_range(self, experience) -> dict | None:
        return _code_label(BudgetRange, experience.budget_range)

    @extend_schema_field(ExperienceContactSerializer(allow_null=True))
    def get_contact(self, experience) -> dict | None:
        contact = experience.contact
        if contact is None or not contact.is_public or contact.city_id != experience.city_id:
            return None
        return ExperienceContactSerializer(contact).data

    @extend_schema_field(AttachmentSerializer(many=True))
    def get_attachments(self, experience) -> list[dict]:
        return AttachmentSerializer(
            getattr(experience, "live_attachments", []), many=True, context=self.context
        ).data

    @extend_schema_field(TranslationRowSerializer(many=True))
    def get_translations(self, experience) -> list[dict]:
        return TranslationRowSerializer(self.context.get("translation_rows", []), many=True).data


class RevisionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    status = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField()

    @extend_schema_field(CodeLabelSerializer)
    def get_status(self, revision) -> dict:
        return _code_label(RevisionStatus, revision.status)


class MyExperienceSerializer(serializers.Serializer):
    """An experience of one of the caller's cities, in any state."""

    slug = serializers.CharField()
    api_url = serializers.SerializerMethodField()
    title = serializers.CharField(help_text=_("In the original language."))
    original_language = serializers.CharField()
    status = serializers.SerializerMethodField()
    city = ExperienceCitySerializer()
    open_revision = serializers.SerializerMethodField(
        help_text=_("The proposed change of a published experience that is not decided yet, if any.")
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, experience) -> str:
        return _absolute(self.context.get("request"), f"/api/v1/experiences/{experience.slug}/")

    @extend_schema_field(CodeLabelSerializer)
    def get_status(self, experience) -> dict:
        return _code_label(ExperienceStatus, experience.status)

    @extend_schema_field(RevisionSerializer(allow_null=True))
    def get_open_revision(self, experience) -> dict | None:
        revisions = getattr(experience, "open_revisions", None)
        revision = revisions[0] if revisions else self.context.get("open_revision")
        return RevisionSerializer(revision).data if revision is not None else None


# --- writing ------------------------------------------------------------------------------------


def _text_field(help_text) -> serializers.CharField:
    return serializers.CharField(
        required=False, allow_blank=True, allow_null=True, trim_whitespace=False, help_text=help_text
    )


def _codes_field(enum, help_text) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ChoiceField(choices=enum.choices),
        required=False,
        allow_null=True,
        max_length=LIST_MAX,
        help_text=help_text,
    )


class PartnerInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, trim_whitespace=False)
    kind = serializers.ChoiceField(choices=PartnerKind.choices)


class LinkInputSerializer(serializers.Serializer):
    url = serializers.CharField(max_length=500, help_text=_("An http:// or https:// address."))
    label = serializers.CharField(max_length=200, required=False, allow_blank=True, trim_whitespace=False)


class ExperienceValuesSerializer(serializers.Serializer):
    """The values of an experience a city writes; any subset in a PATCH. Rich texts are HTML, sanitised
    on the way in. Unknown keys are refused."""

    original_language = serializers.ChoiceField(
        choices=settings.LANGUAGES, required=False, help_text=_("The language the texts are written in.")
    )
    title = _text_field(_("One line, at most 200 characters."))
    summary = _text_field(_("Plain text, at most 800 characters."))
    context = _text_field(_("Rich text (HTML)."))
    objectives = _text_field(_("Rich text (HTML)."))
    actions = _text_field(_("Actions and methodology: rich text (HTML)."))
    results = _text_field(_("Results and evaluation: rich text (HTML)."))
    lessons = _text_field(_("Lessons and transferability: rich text (HTML)."))
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(required=False, allow_null=True)
    is_ongoing = serializers.BooleanField(required=False)
    budget_range = serializers.ChoiceField(
        choices=BudgetRange.choices, required=False, allow_blank=True, allow_null=True
    )
    contact = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=ID_MAX,
        help_text=_("Id of one of the city's contacts who agreed to be shown publicly."),
    )
    principles = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=1000),
        required=False,
        allow_null=True,
        max_length=LIST_MAX,
        help_text=_("Numbers of the Charter principles."),
    )
    themes = _codes_field(TAG_CHOICES[TagKind.THEME], _("Themes."))
    target_groups = _codes_field(TAG_CHOICES[TagKind.TARGET_GROUP], _("Target groups."))
    sdgs = _codes_field(TAG_CHOICES[TagKind.SDG], _("Numbers of the Sustainable Development Goals."))
    departments = _codes_field(TAG_CHOICES[TagKind.DEPARTMENT], _("Municipal departments involved."))
    partners = PartnerInputSerializer(many=True, required=False, allow_null=True, max_length=LIST_MAX)
    links = LinkInputSerializer(many=True, required=False, allow_null=True, max_length=LIST_MAX)


class ExperienceCreateSerializer(ExperienceValuesSerializer):
    city = serializers.IntegerField(
        min_value=1, max_value=ID_MAX, help_text=_("Id of the city (one you edit).")
    )


class ExperienceWorkingSerializer(MyExperienceSerializer):
    """What the city is writing: the draft's values, or those of the open revision once published."""

    values = serializers.DictField(
        source="working_values",
        help_text=_("The values the city is writing, as accepted by PATCH (codes, numbers, ids)."),
    )
