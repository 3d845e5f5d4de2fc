"""Seed the citizen message templates in Turkish and English (admins edit them afterwards)."""

from django.db import migrations

TEMPLATES = {
    "registered": (
        ("Başvurunuz alındı: {tracking_number}",
         "Başvurunuz alındı. Takip no: {tracking_number}. Konu: {subject}. En geç {deadline} tarihine kadar yanıt verilecektir. Takip: {tracking_url}"),
        ("Your application is registered: {tracking_number}",
         "Your application is registered. Tracking no.: {tracking_number}. Subject: {subject}. You will get an answer by {deadline}. Track it: {tracking_url}"),
    ),
    "forwarded": (
        ("Başvurunuz yönlendirildi: {tracking_number}",
         "{tracking_number} numaralı başvurunuz ilgili birime yönlendirildi: {answer} Takip: {tracking_url}"),
        ("Your application was forwarded: {tracking_number}",
         "Your application {tracking_number} was forwarded to the unit in charge: {answer} Track it: {tracking_url}"),
    ),
    "info_requested": (
        ("Başvurunuz için bilgi gerekiyor: {tracking_number}",
         "{tracking_number} numaralı başvurunuz için sizden bilgi istiyoruz: {answer} Yanıtlamak için: {tracking_url}"),
        ("We need information about your application: {tracking_number}",
         "We need some information about your application {tracking_number}: {answer} Reply here: {tracking_url}"),
    ),
    "answered": (
        ("Başvurunuz yanıtlandı: {tracking_number}",
         "{tracking_number} numaralı başvurunuzun yanıtı: {answer} Ayrıntılar: {tracking_url}"),
        ("Your application was answered: {tracking_number}",
         "The answer to your application {tracking_number}: {answer} Details: {tracking_url}"),
    ),
    "resolved": (
        ("Başvurunuz çözüldü: {tracking_number}",
         "{tracking_number} numaralı başvurunuz çözüldü: {answer} Memnun kaldınız mı? {survey_url} (ya da bu mesaja 1-5 arası puanla yanıt verin; çözülmediyse ÇÖZÜLMEDİ yazın)"),
        ("Your application was resolved: {tracking_number}",
         "Your application {tracking_number} was resolved: {answer} Are you satisfied? {survey_url} (or reply with a score from 1 to 5; if it is not solved, reply NOT SOLVED)"),
    ),
    "closed": (
        ("Başvurunuz kapatıldı: {tracking_number}",
         "{tracking_number} numaralı başvurunuz kapatıldı. Teşekkür ederiz. {tracking_url}"),
        ("Your application was closed: {tracking_number}",
         "Your application {tracking_number} was closed. Thank you. {tracking_url}"),
    ),
    "reopened": (
        ("Başvurunuz yeniden açıldı: {tracking_number}",
         "{tracking_number} numaralı başvurunuz yeniden ele alınıyor: {answer} Takip: {tracking_url}"),
        ("Your application was reopened: {tracking_number}",
         "Your application {tracking_number} is being worked on again: {answer} Track it: {tracking_url}"),
    ),
    "rejected": (
        ("Başvurunuz hakkında: {tracking_number}",
         "{tracking_number} numaralı başvurunuz işleme alınamadı. Gerekçe: {reason} Ayrıntılar: {tracking_url}"),
        ("About your application: {tracking_number}",
         "Your application {tracking_number} could not be taken up. Reason: {reason} Details: {tracking_url}"),
    ),
    "survey_reminder": (
        ("Görüşünüz bizim için önemli: {tracking_number}",
         "{tracking_number} numaralı başvurunuz için kısa anketimizi yanıtlar mısınız? {survey_url} (ya da 1-5 arası puanla yanıt verin; çözülmediyse ÇÖZÜLMEDİ yazın)"),
        ("Your opinion matters: {tracking_number}",
         "Would you answer our short survey about your application {tracking_number}? {survey_url} (or reply with a score from 1 to 5; if it is not solved, reply NOT SOLVED)"),
    ),
}


def seed(apps, schema_editor):
    MessageTemplate = apps.get_model("notify", "MessageTemplate")
    for event, languages in TEMPLATES.items():
        for language, (subject, body) in zip(("tr", "en"), languages):
            MessageTemplate.objects.get_or_create(event=event, language=language, defaults={"subject": subject, "body": body})


class Migration(migrations.Migration):
    dependencies = [("notify", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
