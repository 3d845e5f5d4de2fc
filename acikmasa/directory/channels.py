"""The channels every installation starts with. A channel adapter adds its own row the same way."""

# (code, Turkish name, English name, identity document required)
STANDARD_CHANNELS = [
    ("desk", "Çözüm Masası", "Walk-in solution desk", True),
    ("call_centre", "Çağrı Merkezi", "Call centre", False),
    ("guidance", "Danışma", "Information desk", False),
    ("field", "Saha Çalışmaları", "Field teams", False),
    ("petition", "Dilekçe", "Petition", True),
    ("web", "İnternet Sitesi", "Web site", False),
    ("mobile_app", "Mobil Uygulama", "Mobile app", False),
    ("sms", "SMS", "SMS", False),
    ("email", "E-posta", "E-mail", False),
    ("whatsapp", "WhatsApp", "WhatsApp", False),
    ("social_media", "Sosyal Medya", "Social media", False),
    ("cimer", "CİMER", "CİMER", False),
    ("bimer", "BİMER", "BİMER", False),
    ("information_request", "Bilgi Edinme", "Right to information", False),
    ("muhtar", "Muhtarlık", "Neighbourhood head (muhtar)", False),
    ("open311", "Open311 API", "Open311 API", False),
    # issue 20: applications taken at a stop of the mobile office (seed 001, "Mobil Minibüs").
    ("mobile_office", "Mobil İletişim Aracı", "Mobile office (minibus)", True),
]


def ensure_standard_channels(channel_model) -> None:
    for code, name, name_en, requires_identity in STANDARD_CHANNELS:
        channel_model.objects.get_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "requires_identity": requires_identity},
        )
