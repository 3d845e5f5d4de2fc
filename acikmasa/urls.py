from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from acikmasa.security import views as security

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("open311/", include("acikmasa.open311.urls")),
    path("hooks/", include("acikmasa.channels.urls")),
]
urlpatterns += i18n_patterns(
    # Before admin.site.urls: the admin's own login would bypass throttling and the second factor.
    path("admin/login/", security.login_redirect_for_admin),
    path("admin/", admin.site.urls),
    path("login/", security.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("guvenlik/", include("acikmasa.security.urls")),
    path("basvuru/", include("acikmasa.portal.urls")),
    path("anket/", include("acikmasa.notify.urls")),
    path("analiz/", include("acikmasa.insights.urls")),
    path("kvkk/", include("acikmasa.privacy.urls")),
    path("yonlendirme/", include("acikmasa.routing.urls")),
    path("mukerrer/", include("acikmasa.duplicates.urls")),
    path("yetki/", include("acikmasa.jurisdiction.urls")),
    # issue 20: the seeds' own units
    path("birimler/", include("acikmasa.units.urls")),
    path("hizmet-kapinizda/", include("acikmasa.homevisits.urls")),
    path("mobil-ofis/", include("acikmasa.mobileoffice.urls")),
    path("oncelikli/", include("acikmasa.prioritycare.urls")),
    path("engelli/", include("acikmasa.disability.urls")),
    path("kariyer/", include("acikmasa.careers.urls")),
    path("sosyal-yardim/", include("acikmasa.socialaid.urls")),
    path("muhtar/", include("acikmasa.muhtars.urls")),
    path("", include("acikmasa.desk.urls")),
    prefix_default_language=False,
)
handler400 = "acikmasa.security.views.bad_request"
