"""Settings for educities.

Every value comes from an ``EDUCITIES_*`` environment variable (or ``DATABASE_URL``)
with a safe default for development, so a fresh clone runs with no configuration.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("EDUCITIES_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env(name: str, default: str = "") -> str:
    return os.environ.get(f"EDUCITIES_{name}", default)


def env_bool(name: str, *, default: bool) -> bool:
    value = env(name, "")
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# A fixed development key is only acceptable because production must set EDUCITIES_SECRET_KEY;
# `check --deploy` flags the insecure prefix.
SECRET_KEY = env("SECRET_KEY", "django-insecure-development-key-change-me")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "import_export",
    "django_countries",
    "django_htmx",
    "django_tasks",
    "educities.core",
    "educities.accounts",
    "educities.charter",
    "educities.members",
    "educities.experiences",
    "educities.reviews",
    "educities.awards",
    "educities.days",
    "educities.congresses",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "educities.core.middleware.RejectNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "educities.accounts.middleware.StaffMFAMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "educities.urls"
WSGI_APPLICATION = "educities.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "src" / "educities" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "educities.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'educities.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "0")),
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ca", _("Catalan")),
]
LOCALE_PATHS = [BASE_DIR / "src" / "educities" / "locale"]
TIME_ZONE = env("TIME_ZONE", "Europe/Madrid")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files --------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "src" / "educities" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
# Application documents (mayor's form, plenary approval) live here, outside MEDIA_ROOT and never under a
# URL: only the back office serves them, after a permission check (members.storage.private_storage).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True
# Uploaded documents (mayor's form, plenary approval) are limited to this size in bytes.
UPLOAD_MAX_BYTES = int(env("UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail -----------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "educities <no-reply@educities.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the Secretariat receives notifications about applications.
SECRETARIAT_EMAIL = env("SECRETARIAT_EMAIL", "secretariat@educities.localhost")
# The public address of the site, for links in e-mails, feeds and citations.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

# --- Search ---------------------------------------------------------------------------
# "sqlite" (FTS5) or "postgresql" (full-text search); empty: the database's own.
SEARCH_BACKEND = env("SEARCH_BACKEND", "")

# --- Background tasks -------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# --- Machine translation (educities.core.translation) -------------------------------------
# Off by default. "libretranslate" needs LIBRETRANSLATE_URL (and an API key if the server asks for one);
# "deepl" needs DEEPL_API_KEY (the URL follows the key: ":fx" keys use the free API). Calls run in
# background tasks and are retried TRANSLATION_MAX_ATTEMPTS times on temporary failures.
TRANSLATION_PROVIDER = env("TRANSLATION_PROVIDER", "none")
LIBRETRANSLATE_URL = env("LIBRETRANSLATE_URL")
LIBRETRANSLATE_API_KEY = env("LIBRETRANSLATE_API_KEY")
DEEPL_API_KEY = env("DEEPL_API_KEY")
DEEPL_URL = env("DEEPL_URL")  # empty: https://api-free.deepl.com for ":fx" keys, else https://api.deepl.com
TRANSLATION_TIMEOUT = float(env("TRANSLATION_TIMEOUT", "20"))  # seconds per HTTP request
TRANSLATION_MONTHLY_CHARACTER_LIMIT = int(env("TRANSLATION_MONTHLY_CHARACTER_LIMIT", "0"))  # 0: no limit
TRANSLATION_MAX_ATTEMPTS = int(env("TRANSLATION_MAX_ATTEMPTS", "3"))
TRANSLATION_RETRY_DELAY = float(env("TRANSLATION_RETRY_DELAY", "2"))  # seconds, doubled at each retry

# --- Accounts (django-allauth) -----------------------------------------------------------
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[educities] "
ACCOUNT_ADAPTER = "educities.accounts.adapter.AccountAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "educities"
# Secretariat staff need an authenticator app (TOTP) for the back office and the admin.
# Only the local demo (bin/serve) turns this off.
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", default=True)

# --- REST API ----------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Personal tokens for programs (Authorization: Bearer ...); the session for the browsable docs.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "educities.accounts.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_RATES": {},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "educities API",
    "DESCRIPTION": (
        "Open data about the member cities, countries, networks and the bank of experiences. "
        "Reading is public; city editors write their experiences with a personal API token "
        "(Authorization: Bearer …), created on their account page."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No deep links: Swagger UI puts them as links inside the operation buttons, which axe-core refuses
    # (nested interactive controls).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    # One schema component per choice set, named after its enum
    # (a country's and a city's world region share one).
    "ENUM_NAME_OVERRIDES": {
        "WorldRegionEnum": "educities.members.enums.WorldRegion",
        "IncomeGroupEnum": "educities.members.enums.IncomeGroup",
        "PopulationBandEnum": "educities.members.enums.PopulationBand",
        "NetworkKindEnum": "educities.members.enums.NetworkKind",
        "NetworkRoleEnum": "educities.members.enums.NetworkRole",
        "AwardEditionPhaseEnum": "educities.awards.enums.EditionPhase",
        "DayActivityKindEnum": "educities.days.enums.ActivityKind",
    },
}

# --- Maps -------------------------------------------------------------------------------
# Empty disables tiles: markers still show on a plain background.
MAP_TILE_URL = env("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)

# --- Security (production values come from the environment) ----------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(env("HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", default=False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
