"""App configurations the project gives third-party apps: names an officer reads in the admin, in both languages."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LoginAttemptsConfig(AxesAppConfig):
    """django-axes, named for what it keeps: the admin's menu said "Axes" in both languages."""

    verbose_name = _("Login attempts")
