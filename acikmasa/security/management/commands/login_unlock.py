"""`acikmasa login_unlock <user name>`: lift a login lock from the shell (the only administrator
locked out)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from acikmasa.security.lockout import login_unlock


class Command(BaseCommand):
    help = "Lift the login lock of a user name (or every lock with --all)."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?")
        parser.add_argument("--all", action="store_true", help="every user name and address")

    def handle(self, *args, username=None, all=False, **options):
        if all:
            count = login_unlock()
        elif username:
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"No user named {username!r}.")
            count = login_unlock(user=user)
        else:
            raise CommandError("Give a user name or --all.")
        self.stdout.write(f"{count} lock(s) lifted.")
