"""States, steps and controlled vocabularies of the bank of experiences.

Everything except free text is a controlled vocabulary, so only free text needs translating: the labels
below are translated by the UI catalogs.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The free-text fields, in the order the form and the page show them. Only these are translated.
TEXT_FIELDS = ("title", "summary", "context", "objectives", "actions", "results", "lessons")
# Those written as (sanitised) rich text; title and summary are plain text.
RICH_FIELDS = ("context", "objectives", "actions", "results", "lessons")
TITLE_MAX_LENGTH = 200
SUMMARY_MAX_LENGTH = 800


class ExperienceStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("experience state", "draft")
    SUBMITTED = "submitted", pgettext_lazy("experience state", "submitted")
    IN_REVIEW = "in_review", pgettext_lazy("experience state", "in review")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("experience state", "changes requested")
    PUBLISHED = "published", pgettext_lazy("experience state", "published")
    REJECTED = "rejected", pgettext_lazy("experience state", "rejected")
    ARCHIVED = "archived", pgettext_lazy("experience state", "archived")


S = ExperienceStatus
# step → (states it may start from, state it leads to). ``experience_transition`` is the only writer.
EXPERIENCE_STEPS: dict[str, tuple[tuple[str, ...], str]] = {
    "submit": ((S.DRAFT, S.CHANGES_REQUESTED), S.SUBMITTED),
    "withdraw": ((S.SUBMITTED, S.CHANGES_REQUESTED), S.DRAFT),
    "review_start": ((S.SUBMITTED,), S.IN_REVIEW),
    "request_changes": ((S.SUBMITTED, S.IN_REVIEW), S.CHANGES_REQUESTED),
    "publish": ((S.SUBMITTED, S.IN_REVIEW), S.PUBLISHED),
    "reject": ((S.SUBMITTED, S.IN_REVIEW), S.REJECTED),
    "revise": ((S.REJECTED,), S.DRAFT),
    "archive": ((S.PUBLISHED,), S.ARCHIVED),
    "restore": ((S.ARCHIVED,), S.PUBLISHED),
}
# Steps that need a comment to the city (why).
EXPERIENCE_STEPS_NEEDING_COMMENT = frozenset({"request_changes", "reject"})
# States in which the city may still change the experience itself (before it is first published).
EXPERIENCE_EDITABLE_STATES = frozenset({S.DRAFT, S.CHANGES_REQUESTED, S.REJECTED})
# States the public sees.
EXPERIENCE_PUBLIC_STATES = frozenset({S.PUBLISHED, S.ARCHIVED})


class RevisionStatus(models.TextChoices):
    """A proposed change to a published experience: reviewed before it goes live."""

    DRAFT = "draft", pgettext_lazy("revision state", "draft")
    SUBMITTED = "submitted", pgettext_lazy("revision state", "submitted")
    IN_REVIEW = "in_review", pgettext_lazy("revision state", "in review")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("revision state", "changes requested")
    PUBLISHED = "published", pgettext_lazy("revision state", "published")
    REJECTED = "rejected", pgettext_lazy("revision state", "rejected")
    DISCARDED = "discarded", pgettext_lazy("revision state", "discarded")


R = RevisionStatus
REVISION_STEPS: dict[str, tuple[tuple[str, ...], str]] = {
    "submit": ((R.DRAFT, R.CHANGES_REQUESTED), R.SUBMITTED),
    # The city takes its changes back to keep editing them (before a reviewer starts).
    "withdraw": ((R.SUBMITTED,), R.DRAFT),
    "review_start": ((R.SUBMITTED,), R.IN_REVIEW),
    "request_changes": ((R.SUBMITTED, R.IN_REVIEW), R.CHANGES_REQUESTED),
    "publish": ((R.SUBMITTED, R.IN_REVIEW), R.PUBLISHED),
    "reject": ((R.SUBMITTED, R.IN_REVIEW), R.REJECTED),
    "discard": ((R.DRAFT, R.SUBMITTED, R.CHANGES_REQUESTED), R.DISCARDED),
}
REVISION_OPEN_STATES = frozenset({R.DRAFT, R.SUBMITTED, R.IN_REVIEW, R.CHANGES_REQUESTED})
REVISION_EDITABLE_STATES = frozenset({R.DRAFT, R.CHANGES_REQUESTED})


class TagKind(models.TextChoices):
    THEME = "theme", _("theme")
    TARGET_GROUP = "target_group", _("target group")
    SDG = "sdg", _("Sustainable Development Goal")
    DEPARTMENT = "department", _("municipal department")


class Theme(models.TextChoices):
    FORMAL_EDUCATION = "formal_education", _("Schools and formal education")
    EARLY_CHILDHOOD = "early_childhood", _("Early childhood")
    LIFELONG_LEARNING = "lifelong_learning", _("Lifelong learning")
    PARTICIPATION = "participation", _("Citizen participation")
    CHILDREN_PARTICIPATION = "children_participation", _("Children’s and young people’s participation")
    SOCIAL_INCLUSION = "social_inclusion", _("Social inclusion and equity")
    GENDER_EQUALITY = "gender_equality", _("Gender equality")
    INTERCULTURALITY = "interculturality", _("Interculturality and diversity")
    SUSTAINABILITY = "sustainability", _("Environment and climate")
    PUBLIC_SPACE = "public_space", _("Public space and urban planning")
    HEALTH = "health", _("Health and well-being")
    CULTURE = "culture", _("Culture and heritage")
    SPORT = "sport", _("Sport and play")
    EMPLOYMENT = "employment", _("Training and employment")
    DIGITAL = "digital", _("Digital inclusion")
    MOBILITY = "mobility", _("Safe and sustainable mobility")
    COEXISTENCE = "coexistence", _("Coexistence and community safety")
    INTERGENERATIONAL = "intergenerational", _("Intergenerational relations")
    CITIZENSHIP = "citizenship", _("Democratic citizenship and human rights")


class TargetGroup(models.TextChoices):
    EARLY_CHILDHOOD = "early_childhood", _("Young children (0–5)")
    CHILDREN = "children", _("Children (6–12)")
    ADOLESCENTS = "adolescents", _("Adolescents (13–17)")
    YOUNG_PEOPLE = "young_people", _("Young people (18–30)")
    FAMILIES = "families", _("Families")
    OLDER_PEOPLE = "older_people", _("Older people")
    WOMEN = "women", _("Women")
    MIGRANTS = "migrants", _("Migrants and refugees")
    DISABILITIES = "disabilities", _("People with disabilities")
    AT_RISK = "at_risk", _("People at risk of exclusion")
    EDUCATORS = "educators", _("Teachers and educators")
    MUNICIPAL_STAFF = "municipal_staff", _("Municipal staff")
    ORGANISATIONS = "organisations", _("Associations and organisations")
    GENERAL_PUBLIC = "general_public", _("General public")


class SustainableDevelopmentGoal(models.TextChoices):
    """The 17 goals of the United Nations 2030 Agenda, by their official short names."""

    SDG1 = "1", _("1. No poverty")
    SDG2 = "2", _("2. Zero hunger")
    SDG3 = "3", _("3. Good health and well-being")
    SDG4 = "4", _("4. Quality education")
    SDG5 = "5", _("5. Gender equality")
    SDG6 = "6", _("6. Clean water and sanitation")
    SDG7 = "7", _("7. Affordable and clean energy")
    SDG8 = "8", _("8. Decent work and economic growth")
    SDG9 = "9", _("9. Industry, innovation and infrastructure")
    SDG10 = "10", _("10. Reduced inequalities")
    SDG11 = "11", _("11. Sustainable cities and communities")
    SDG12 = "12", _("12. Responsible consumption and production")
    SDG13 = "13", _("13. Climate action")
    SDG14 = "14", _("14. Life below water")
    SDG15 = "15", _("15. Life on land")
    SDG16 = "16", _("16. Peace, justice and strong institutions")
    SDG17 = "17", _("17. Partnerships for the goals")


class Department(models.TextChoices):
    MAYOR = "mayor", _("Mayor’s office")
    EDUCATION = "education", _("Education")
    CULTURE = "culture", _("Culture")
    SOCIAL = "social", _("Social services")
    HEALTH = "health", _("Health")
    YOUTH = "youth", _("Youth")
    CHILDHOOD = "childhood", _("Childhood")
    OLDER_PEOPLE = "older_people", _("Older people")
    EQUALITY = "equality", _("Equality")
    PARTICIPATION = "participation", _("Participation")
    URBAN_PLANNING = "urban_planning", _("Urban planning")
    ENVIRONMENT = "environment", _("Environment")
    MOBILITY = "mobility", _("Mobility")
    SPORT = "sport", _("Sport")
    EMPLOYMENT = "employment", _("Employment and economy")
    HOUSING = "housing", _("Housing")
    SAFETY = "safety", _("Community safety")
    DIGITAL = "digital", _("Digital services")
    INTERNATIONAL = "international", _("International relations")


TAG_CHOICES: dict[str, type[models.TextChoices]] = {
    TagKind.THEME: Theme,
    TagKind.TARGET_GROUP: TargetGroup,
    TagKind.SDG: SustainableDevelopmentGoal,
    TagKind.DEPARTMENT: Department,
}


class PartnerKind(models.TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Civil society organisation")
    UNIVERSITY = "university", _("University or research centre")
    SCHOOL = "school", _("School")
    BUSINESS = "business", _("Business")
    PUBLIC_BODY = "public_body", _("Other public administration")
    INTERNATIONAL = "international", _("International organisation")
    FOUNDATION = "foundation", _("Foundation")
    MEDIA = "media", _("Media")
    OTHER = "other", pgettext_lazy("partner kind", "Other")


class BudgetRange(models.TextChoices):
    NONE = "none", _("No specific budget")
    UNDER_10K = "lt10k", _("Under 10,000 EUR")
    FROM_10K = "10k-50k", _("10,000 to 50,000 EUR")
    FROM_50K = "50k-200k", _("50,000 to 200,000 EUR")
    FROM_200K = "200k-1m", _("200,000 EUR to 1 million EUR")
    OVER_1M = "gt1m", _("Over 1 million EUR")
    UNDISCLOSED = "undisclosed", _("Not disclosed")


class AttachmentKind(models.TextChoices):
    DOCUMENT = "document", _("PDF document")
    IMAGE = "image", _("image")
