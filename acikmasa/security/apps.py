from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "acikmasa.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .caches import create_cache_tables
        from .middleware import session_start

        # `migrate` (and so `make run`) also creates the database cache's table: no extra step.
        post_migrate.connect(create_cache_tables, sender=self)
        user_logged_in.connect(session_start, dispatch_uid="acikmasa.security.session_start")
