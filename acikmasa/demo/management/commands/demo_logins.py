"""`acikmasa demo_logins`: print the demo accounts as a table (called by `make run`)."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from acikmasa.demo.people import DEMO_PASSWORD, demo_logins
from acikmasa.directory.models import Role


class Command(BaseCommand):
    help = "Print the demo logins (username, role, directorates, password) and the site's address."

    def add_arguments(self, parser):
        parser.add_argument(
            "--port", default=os.environ.get("PORT", "8000"), help="Port the site runs on."
        )

    def handle(self, *args, port, **options):
        existing = set(
            get_user_model()
            .objects.filter(username__in=[login.username for login in demo_logins()])
            .values_list("username", flat=True)
        )
        rows = [
            (
                login.username,
                str(Role(login.role).label),
                ", ".join(login.directorates) or login.region or "-",
            )
            for login in demo_logins()
            if login.username in existing
        ]
        if not rows:
            self.stdout.write(_("No demo accounts yet: run `acikmasa demo` first."))
            return
        headers = (_("Username"), _("Role"), _("Directorates / region"))
        widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(3)]
        line = "  ".join("-" * w for w in widths)
        self.stdout.write(
            _("Demo logins (password for every account: %(password)s)")
            % {"password": DEMO_PASSWORD}
        )
        self.stdout.write(
            "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
        )
        self.stdout.write(line)
        for row in rows:
            self.stdout.write(
                "  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
            )
        self.stdout.write(line)
        self.stdout.write(
            _("Sign in at http://127.0.0.1:%(port)s/ (admin: http://127.0.0.1:%(port)s/admin/)")
            % {"port": port}
        )
