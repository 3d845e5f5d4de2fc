"""The demo municipality's KVKK set-up: a published privacy notice, retention periods, the request
subject."""

from datetime import date

from acikmasa.privacy.models import PrivacyNotice, RetentionPolicy
from acikmasa.privacy.services.notices import notice_create, notice_publish
from acikmasa.privacy.services.requests import dsr_setup

from .reference import Reference

SUMMARY = (
    "{name}, başvurunuzu kaydetmek, ilgili müdürlüğe iletmek, size yanıt vermek ve kanunen "
    "tutulması gereken "
    "kayıtları saklamak için kimlik, iletişim ve başvuru bilgilerinizi işler (KVKK md. 5/2-ç ve e: "
    "hukuki yükümlülük "
    "ve kamu görevi). İletişim bilgileriniz yayımlanmaz, şikâyet ettiğiniz kişiye gösterilmez. "
    "SMS/WhatsApp ile "
    "bilgilendirme ve memnuniyet anketi yalnızca açık rızanızla yapılır; rıza vermemeniz "
    "başvurunuzu etkilemez. "
    "KVKK md. 11 kapsamındaki haklarınız için 'Kişisel verileriniz' sayfasından başvurabilirsiniz."
)
SUMMARY_EN = (
    "{name} processes your identity, contact and application details to register your application, "
    "send it to "
    "the directorate in charge, answer you and keep the records the law requires (KVKK Art. 5/2: "
    "legal obligation "
    "and public duty). Your contact details are never published nor shown to a person you complain "
    "about. Messages "
    "by SMS/WhatsApp and the satisfaction survey need your explicit consent; without it your "
    "application is handled "
    "the same way. Use the 'Your personal data' page for your rights under KVKK Art. 11."
)
BODY = (
    "Veri sorumlusu: {name}.\n\n"
    "İşlenen veriler: ad, soyad, T.C. kimlik numarası (kimlik gerektiren başvurularda), telefon, "
    "e-posta, adres, "
    "başvuru metni, fotoğraflar ve konum.\n\n"
    "Amaç ve hukuki sebep: başvurunun kaydı, ilgili birime iletilmesi, sonuçlandırılması ve size "
    "bildirilmesi "
    "(3071 sayılı Dilekçe Hakkının Kullanılmasına Dair Kanun, 4982 sayılı Bilgi Edinme Hakkı "
    "Kanunu, 5393 sayılı "
    "Belediye Kanunu; KVKK md. 5/2-ç ve e).\n\n"
    "Aktarım: yalnızca başvurunuzun ait olduğu kurum (ör. elektrik dağıtım şirketi, su idaresi) "
    "ile ve yalnızca "
    "gereken bilgiler.\n\n"
    "Saklama: başvurunuz kapandıktan sonra iki yıl; ardından kişisel verileriniz anonim hâle "
    "getirilir, başvurunun "
    "istatistiği kalır.\n\n"
    "Haklarınız (KVKK md. 11): verilerinizin işlenip işlenmediğini öğrenme, bilgi ve kopya isteme, "
    "düzeltme, silme, "
    "itiraz. Başvurunuz en geç 30 gün içinde ücretsiz yanıtlanır (md. 13)."
)


def privacy_demo_load(ref: Reference) -> PrivacyNotice:
    """Upsert the demo's privacy set-up; a notice is written and published only the first time."""
    municipality = ref.municipality
    dsr_setup(municipality=municipality, directorate=ref.directorates["halkla"])
    for case_type, days, note in (
        ("information", 730, "4982 s. Kanun: iki yıl"),
        ("tip_off", 365, "İhbarlar: bir yıl"),
        ("thanks", 180, "Teşekkürler: altı ay"),
    ):
        RetentionPolicy.objects.update_or_create(
            municipality=municipality,
            case_type=case_type,
            defaults={"days_after_close": days, "note": note},
        )
    existing = (
        PrivacyNotice.objects.filter(municipality=municipality, published_at__isnull=False)
        .order_by("-version")
        .first()
    )
    if existing is not None:
        return existing
    name = municipality.name
    draft = notice_create(
        municipality=municipality,
        summary=SUMMARY.format(name=name),
        body=BODY.format(name=name),
        summary_en=SUMMARY_EN.format(name=municipality.name_en or name),
        effective_from=date(2024, 1, 1),
    )
    return notice_publish(notice_id=draft.pk)
