from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "educities.core"
    label = "core"
