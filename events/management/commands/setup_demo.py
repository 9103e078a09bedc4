"""Prepare a migrated database for a demo: the seed's events and an admin account.

Safe to run again: the seed is loaded only into a calendar without events, and
the admin account is created only when no superuser exists.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from events import services
from events.models import Event


class Command(BaseCommand):
    help = "Load the seed into an empty calendar and create an admin with a random password, once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if Event.objects.exists():
            self.stdout.write("The calendar has events already; the seed is not loaded again.")
        else:
            call_command("loaddata", "seed", verbosity=0)
            services.record_first_versions()
            self.stdout.write(f"Loaded the seed: {Event.objects.count()} events.")
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An admin account exists already; its password is unchanged.")
            return
        password = secrets.token_urlsafe(16)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.WARNING(
                f"Created the admin account “{username}” with the password {password}\n"
                "It is shown only this once: note it now, or set another with "
                f"`python manage.py changepassword {username}`."
            )
        )
