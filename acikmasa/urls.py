from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("open311/", include("acikmasa.open311.urls")),
    path("hooks/", include("acikmasa.channels.urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("basvuru/", include("acikmasa.portal.urls")),
    path("anket/", include("acikmasa.notify.urls")),
    path("analiz/", include("acikmasa.insights.urls")),
    path("mukerrer/", include("acikmasa.duplicates.urls")),
    path("yetki/", include("acikmasa.jurisdiction.urls")),
    path("", include("acikmasa.desk.urls")),
    prefix_default_language=False,
)
