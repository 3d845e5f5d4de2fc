"""The organisation of the demo district: directorates, other institutions, service standards, subjects.

Service standards are copied from seed 001 (Esenler's published table; row 7, the refreshment
corner, is not a case standard) plus the 48-hour promise of seed 004 for a few urgent subjects.
"""

from dataclasses import dataclass

MUNICIPALITY = {
    "code": "esenler", "name": "Esenler Belediyesi", "name_en": "Esenler Municipality",
    "kind": "district", "province": "İstanbul", "phone": "444 00 73", "website": "https://www.esenler.bel.tr",
}

# (code = username stem, Turkish name, English name)
DIRECTORATES = [
    ("zabita", "Zabıta Müdürlüğü", "Municipal Police"),
    ("temizlik", "Temizlik İşleri Müdürlüğü", "Cleaning Services"),
    ("fen", "Fen İşleri Müdürlüğü", "Public Works"),
    ("park", "Park ve Bahçeler Müdürlüğü", "Parks and Gardens"),
    ("veteriner", "Veteriner İşleri Müdürlüğü", "Veterinary Services"),
    ("kultur", "Kültür ve Sosyal İşler Müdürlüğü", "Culture and Social Affairs"),
    ("sosyal", "Sosyal Destek Hizmetleri Müdürlüğü", "Social Support Services"),
    ("imar", "İmar ve Şehircilik Müdürlüğü", "Zoning and Urban Planning"),
    ("halkla", "Halkla İlişkiler Müdürlüğü", "Public Relations"),
    ("cevre", "Çevre Koruma ve Kontrol Müdürlüğü", "Environmental Protection and Control"),
    ("ulasim", "Ulaşım Hizmetleri Müdürlüğü", "Transport Services"),
    ("bilgiislem", "Bilgi İşlem Müdürlüğü", "Information Technology"),
    ("emlak", "Emlak ve İstimlak Müdürlüğü", "Real Estate and Expropriation"),
    ("mali", "Mali Hizmetler Müdürlüğü", "Financial Services"),
    ("destek", "Destek Hizmetleri Müdürlüğü", "Support Services"),
    ("yazi", "Yazı İşleri Müdürlüğü", "Clerical Affairs"),
    ("hukuk", "Hukuk İşleri Müdürlüğü", "Legal Affairs"),
    ("ik", "İnsan Kaynakları ve Eğitim Müdürlüğü", "Human Resources and Training"),
    ("saglik", "Sağlık İşleri Müdürlüğü", "Health Affairs"),
    ("kadin", "Kadın ve Aile Hizmetleri Müdürlüğü", "Women and Family Services"),
    ("genclik", "Gençlik ve Spor Hizmetleri Müdürlüğü", "Youth and Sports Services"),
    ("afet", "Afet İşleri Müdürlüğü", "Disaster Affairs"),
    ("iklim", "İklim Değişikliği ve Sıfır Atık Müdürlüğü", "Climate Change and Zero Waste"),
    ("plan", "Plan ve Proje Müdürlüğü", "Planning and Projects"),
    ("strateji", "Strateji Geliştirme Müdürlüğü", "Strategy Development"),
    ("basin", "Basın Yayın Müdürlüğü", "Press and Publications"),
    ("teftis", "Teftiş Kurulu Müdürlüğü", "Inspection Board"),
    ("kentsel", "Kentsel Dönüşüm Müdürlüğü", "Urban Transformation"),
    ("muhtarlik", "Muhtarlık İşleri Müdürlüğü", "Neighbourhood Heads' Affairs"),
]

# (code, Turkish name, English name, kind, phone)
EXTERNAL_BODIES = [
    ("bedas", "BEDAŞ (Boğaziçi Elektrik Dağıtım A.Ş.)", "BEDAŞ electricity distributor", "utility", "186"),
    ("iski", "İSKİ (İstanbul Su ve Kanalizasyon İdaresi)", "İSKİ water and sewerage authority", "utility", "185"),
    ("igdas", "İGDAŞ (İstanbul Gaz Dağıtım A.Ş.)", "İGDAŞ gas distributor", "utility", "187"),
    ("ibb", "İstanbul Büyükşehir Belediyesi (Beyaz Masa)", "Istanbul Metropolitan Municipality", "metropolitan", "153"),
]

FIRST_PLACE = {
    "unit": "Halkla İlişkiler Müdürlüğü", "person_name": "Ercan ZENGİN", "title": "Halkla İlişkiler Müdürü",
    "address": "Birlik Mah. Mehmet Akif İnan Cad. No:6-8/ ESENLER/İST", "phone": "444 00 73/1010",
    "fax": "0212 440 11 90", "email": "e.zengin@esenler.bel.tr",
}
SECOND_PLACE = {
    "unit": "Belediye Başkan Yardımcısı", "person_name": "Aydın POLAT", "title": "Belediye Başkan Yardımcısı",
    "address": "Birlik Mah. Mehmet Akif İnan Cad. No:6-8/ ESENLER", "phone": "444 00 73",
    "fax": "", "email": "a.polat@esenler.bel.tr",
}

_REGULATION = "Kamu Hizmetlerinin Sunumunda Uyulacak Usul ve Esaslara İlişkin Yönetmelik (31.07.2009), md. 6"
_PETITION_LAW = "3071 sayılı Dilekçe Hakkının Kullanılmasına Dair Kanun, md. 7; 2006/3 sayılı Başbakanlık Genelgesi"


@dataclass(frozen=True)
class StandardSpec:
    key: str
    sequence_no: int
    name: str
    name_en: str
    documents: str
    amount: int
    unit: str
    channels: tuple[str, ...] = ()
    case_types: tuple[str, ...] = ()
    legal_basis: str = _REGULATION
    is_statutory: bool = False


STANDARDS = [
    StandardSpec(
        "cimer", 1, "Cumhurbaşkanlığı İletişim Merkezi (CİMER)", "Presidential Communication Centre (CİMER)",
        "1. CİMER Genel Sistemi Başvuru Evrakı 2. Vatandaşlarımızın yaptığı istek, şikayet, öneri ve temennilerin CİMER sistemi üzerinden takibi ve gerekli yazışmaların ve sevklerin yapılarak sonlandırılması işlemlerinin tümünü kapsar.",
        30, "calendar_days", ("cimer",), (), _PETITION_LAW, True,
    ),
    StandardSpec(
        "bimer", 2, "Başbakanlık İletişim Merkezi (BİMER)", "Prime Ministry Communication Centre (BİMER)",
        "1. BİMER Genel Sistemi Başvuru Evrakı 2. Vatandaşlarımızın yaptığı istek, şikayet, öneri ve temennilerin BİMER sistemi üzerinden takibi ve gerekli yazışmaların ve sevklerin yapılarak sonlandırılması işlemlerinin tümünü kapsar.",
        30, "calendar_days", ("bimer",), (), _PETITION_LAW, True,
    ),
    StandardSpec(
        "bilgi", 3, "Halkla İlişkiler - ESTİM (Bilgi Edinme)", "Public Relations - ESTİM (Right to information)",
        "1. BİMER Genel Sistemi (Bilgi Edinme Kanunu Kapsamı) Başvuru Evrakı 2. Vatandaşlarımızın yaptığı istek, şikayet, öneri ve temennilerin BİLGİ EDİNME sistemi üzerinden takibi ve gerekli yazışmaların ve sevklerin yapılarak sonlandırılması işlemlerinin tümünü kapsar.",
        15, "working_days", ("information_request",), ("information",),
        "4982 sayılı Bilgi Edinme Hakkı Kanunu, md. 11", True,
    ),
    StandardSpec(
        "masa", 4, "Halkla İlişkiler - ESTİM (Çözüm Masası)", "Public Relations - ESTİM (Solution desk)",
        "1. Dilekçe,yüz yüze iletişim ve ıslak imza gerektiren hallerde yapılan başvurularda fotoğraflı kimlik belgesi ile yapılan işlemler için T.C. Kimlik Belgesi veya yerine geçer belge ile vekalet işlemlerinde vâsi ve vekil belgeleri. 2. Vatandaşlarımızın yaptığı istek, şikayet, öneri ve temennilerin otomasyon programına kaydı ve ilgili talebin sevki ile ilgili işlemlerin takip edilmesidir. Çözüme kavuşan kayıtların geri dönüş bildirimleri ise Çözüm Masası personelleri tarafından sağlanmaktadır.",
        15, "calendar_days", ("desk", "petition"),
    ),
    StandardSpec(
        "cagri", 5, "Halkla İlişkiler - ESTİM (Çağrı Merkezi)", "Public Relations - ESTİM (Call centre)",
        "1. Telefonla iletişim ve ıslak imza gerektirmeyen hallerde yapılan başvurular. 2. 444 00 73 olan ESTİM Çağrı Merkezi Hattı 365gün 24 saat çalışma esasına dayanarak hizmet vermektedir. Yapılan istek, şikayet, öneri ve temennilerin otomasyon programına kaydı ve ilgili talebin sevki ile ilgili işlemlerin takip edilmesi süreçlerin tümünden oluşur.",
        15, "calendar_days", ("call_centre",),
    ),
    StandardSpec(
        "danisma", 6, "Halkla İlişkiler - ESTİM (Danışma)", "Public Relations - ESTİM (Information desk)",
        "1. Kamu hizmetleri ve ödemeler gibi fotoğraflı kimlik belgesi ile yapılan işlemler için T.C. Kimlik Belgesi veya yerine geçer belge ile vekalet işlemlerinde vâsi ve vekil belgeleri. 2. Belediye hizmet binalarına gelen vatandaşlara yönelik danışma ve yönlendirme işlemlerinin takip edilmesi.",
        1, "calendar_days", ("guidance",),
    ),
    StandardSpec(
        "saha", 8, "Halkla İlişkiler - ESTİM (Saha Çalışmaları)", "Public Relations - ESTİM (Field work)",
        "1. Kimlik belgesi ile talep girişi yapılır. 2. Birebir hane ve iş yeri ziyaretlerinin yapıldığı. 3. Belediye hizmetlerinin, el broşürlerinin, stantlar ve yüz yüze görüşmelerle anlatarak bilgilendirme çalışmalarının yapılması. 4. İstek ve önerilerin kayıt altına alındığı çalışmaların yapılması.",
        15, "calendar_days", ("field",),
    ),
    StandardSpec(
        "mobil", 9, "Halkla İlişkiler - ESTİM (Mobil İletişim)", "Public Relations - ESTİM (Mobile communication)",
        "1. T.C. Kimlik Belgesi ile talep ve başvuru girişi yapılır. 2. SMS, Mobil Cihaz Uygulamaları, Belediyemiz internet sayfası aracılığıyla gelen talep, şikayet ve başvuruların kayıt altına alınarak çözüme kavuşturulması işlerini takip etmek. 3. Mobil Minibüs ile Esenler genelinde Belediyecilik alanında Halkla İlişkiler Hizmetleri verilerek resmi başvuruların kayıt altına alınması.",
        15, "calendar_days", ("sms", "mobile_app", "web", "whatsapp", "social_media", "email"),
    ),
    StandardSpec(
        "acil48", 10, "Acil Müdahale (en geç 48 saat)", "Urgent intervention (48 hours at the latest)",
        "Hayati tehlike veya acil durum bildiren başvurular; belge istenmez. Sorun en geç 48 saat içinde giderilir ve vatandaşa geri bildirim yapılır.",
        48, "hours", (), (), "Belediye hizmet taahhüdü (Bornova 360 Derece Halkla İlişkiler modeli)",
    ),
]


@dataclass(frozen=True)
class SubjectSpec:
    """One subject. Only real Law 4982 requests have type "information": a question about course
    dates is a request, not a statutory information request with its 15 working days."""

    code: str
    name: str
    name_en: str
    directorate: str
    case_type: str
    share: float  # percent of all cases in an average month
    keywords: str
    median_days: float  # median time to resolve (log-normal)
    season: str = ""  # "summer", "winter", "snow" (only in the cold months) or "" (flat)
    urgent: bool = False  # bound by the 48-hour standard
    external: str = ""  # code of the institution the subject really belongs to


S = SubjectSpec
SUBJECTS = [
    # Zabıta: about a third of all cases (Alanya 2021).
    S("seyyar-satici", "Seyyar satıcı", "Street vendors", "zabita", "complaint", 5.0, "seyyar, satıcı, satici, tezgah, işportacı, isportaci, el arabası", 3),
    S("kaldirim-isgali", "Kaldırım / yol işgali", "Shops occupying the pavement", "zabita", "complaint", 5.0, "işgal, isgal, kaldırım, kaldirim, masa, sandalye, teşhir, dükkan, dukkan", 4),
    S("gurultu", "Gürültü şikayeti", "Noise complaint", "zabita", "complaint", 4.5, "gürültü, gurultu, ses, müzik, muzik, düğün, dugun, gece, bağırma", 2, "summer"),
    S("hatali-park", "Kaldırıma / yaya yoluna park", "Cars parked on the pavement", "zabita", "complaint", 3.5, "park, araç, arac, kaldırım, otopark, çekici, cekici, yaya", 2),
    S("fiyat-denetimi", "Fiyat ve etiket denetimi (pazar, market, fırın)", "Price and label checks", "zabita", "complaint", 3.0, "fiyat, etiket, pazar, market, fırın, firin, ekmek, gramaj, tartı, terazi", 5),
    S("ruhsatsiz-isyeri", "Ruhsatsız işyeri / imalathane", "Unlicensed business or workshop", "zabita", "tip_off", 2.5, "ruhsat, ruhsatsız, ruhsatsiz, işyeri, imalathane, atölye, atolye, merdiven altı", 8),
    S("terk-arac", "Hurda / terk edilmiş araç", "Abandoned vehicle", "zabita", "tip_off", 2.5, "hurda, araç, arac, terk, çekilsin, plakasız, plakasiz, aylardır", 10),
    S("dilenci", "Dilenci ve çocuk istismarı", "Begging", "zabita", "tip_off", 2.0, "dilenci, dilenen, para isteyen, çocuk, cocuk, istismar", 2),
    S("pazar-yeri", "Pazar yeri düzeni", "Street market order", "zabita", "complaint", 2.0, "pazar, pazarcı, pazarci, tezgah, pazar yeri, kurulum, pazar artığı", 5),
    S("koku-duman", "Koku ve duman (işyeri, baca, mangal)", "Smell and smoke", "zabita", "complaint", 2.0, "koku, duman, baca, is, mangal, kömür, komur, ızgara", 5, "winter"),
    S("izinsiz-afis", "İzinsiz afiş, ilan ve tabela", "Unauthorised posters and signs", "zabita", "complaint", 1.5, "afiş, afis, ilan, tabela, pankart, duvar yazısı, el ilanı", 6),
    S("santiye-duzeni", "İnşaat saatleri ve şantiye düzeni", "Construction site hours and order", "zabita", "complaint", 1.5, "inşaat, insaat, şantiye, santiye, beton, mikser, sabah erken, gece çalışma", 4),
    # Temizlik: renovation-waste pickup is the top subject (seed 002).
    S("moloz", "Moloz / tadilat atığı alımı", "Renovation-waste pickup", "temizlik", "request", 8.0, "moloz, tadilat, inşaat atığı, insaat atigi, çuval, cuval, kırık fayans, tuğla", 2),
    S("cop-toplama", "Çöp toplanmadı", "Rubbish not collected", "temizlik", "complaint", 3.0, "çöp, cop, toplanmadı, toplanmadi, çöp arabası, koku, poşet", 1, "summer"),
    S("konteyner", "Çöp konteyneri (talep, tamir, yer değişikliği)", "Waste container", "temizlik", "request", 2.5, "konteyner, konteynır, container, çöp kutusu, tekerlek, kapak", 5),
    S("sokak-temizligi", "Cadde ve sokak temizliği", "Street cleaning", "temizlik", "request", 2.0, "temizlik, süpürme, supurme, yıkama, pislik, kirli, sokak temizliği", 3),
    S("iri-atik", "Eski eşya / iri hacimli atık alımı", "Bulky waste pickup", "temizlik", "request", 1.5, "eski eşya, koltuk, kanepe, yatak, dolap, beyaz eşya, hacimli", 3),
    S("konteyner-yikama", "Konteyner yıkama ve koku", "Container washing and smell", "temizlik", "request", 1.0, "yıkama, yikama, konteyner, koku, sinek, kurtlanma", 4, "summer"),
    # Fen İşleri.
    S("yol-cukur", "Yol çukuru / asfalt bozukluğu", "Pothole or broken asphalt", "fen", "complaint", 3.5, "çukur, cukur, asfalt, yol, bozuk, yama, göçük, gocuk", 2, "winter", True),
    S("kaldirim-onarim", "Kaldırım / bordür onarımı", "Pavement and kerb repair", "fen", "request", 2.5, "kaldırım, kaldirim, bordür, bordur, parke taşı, kırık, yerinden oynamış", 12),
    S("sokak-lambasi", "Sokak lambası / ışık arızası", "Street light out", "fen", "complaint", 2.5, "lamba, ışık, isik, aydınlatma, aydinlatma, elektrik, direk, karanlık", 3, "winter", False, "bedas"),
    S("rogar-kapagi", "Rögar kapağı / yağmur ızgarası", "Manhole cover or drain grate", "fen", "complaint", 1.5, "rögar, rogar, kapak, ızgara, izgara, mazgal, logar", 1, "", True),
    S("yol-yapim", "Yol yapımı / kilitli parke", "Road building and paving", "fen", "request", 1.5, "yol yapımı, parke, kilitli parke, toprak yol, çamur, stabilize", 30),
    S("kar-buz", "Karla mücadele ve buzlanma", "Snow clearing and ice", "fen", "request", 1.5, "kar, buz, buzlanma, tuz, tuzlama, kaygan, kar küreme", 1, "snow", True),
    S("merdiven-korkuluk", "Merdiven, korkuluk ve istinat duvarı", "Steps, railings and retaining walls", "fen", "request", 1.0, "merdiven, korkuluk, istinat, duvar, yıkılmak üzere, tırabzan", 15),
    S("kasis", "Kasis / hız kesici talebi", "Speed bump request", "fen", "request", 1.0, "kasis, hız kesici, hiz kesici, hız, araçlar hızlı, okul önü", 25),
    # Park ve Bahçeler.
    S("park-bakim", "Park bakımı ve temizliği", "Park upkeep and cleaning", "park", "request", 2.5, "park, bank, çöp kovası, çeşme, bakım, bakimsiz, yeşil alan", 6, "summer"),
    S("agac-budama", "Ağaç budama", "Tree pruning", "park", "request", 2.5, "ağaç, agac, budama, dal, cam, pencere, kurumuş", 20),
    S("oyun-grubu", "Çocuk oyun grubu arızası", "Broken playground equipment", "park", "complaint", 2.0, "oyun grubu, salıncak, salincak, kaydırak, kaydirak, çocuk parkı, tahterevalli", 7, "summer"),
    S("devrilen-agac", "Devrilen / tehlikeli ağaç", "Fallen or dangerous tree", "park", "tip_off", 1.0, "devrilen, devrildi, ağaç, agac, tehlikeli, fırtına, firtina, yıkılacak", 1, "winter", True),
    S("cim-bicme", "Çim biçme ve yabani ot", "Grass cutting and weeds", "park", "request", 1.0, "çim, cim, ot, yabani ot, biçme, bicme, boy atmış", 8, "summer"),
    S("spor-aleti", "Parktaki spor aletleri", "Outdoor fitness equipment", "park", "complaint", 1.0, "spor aleti, fitness, bar, pedal, kırık alet, parkta spor", 10, "summer"),
    # Veteriner İşleri.
    S("sokak-kopekleri", "Sokak köpekleri (saldırgan / sahipsiz)", "Stray dogs", "veteriner", "complaint", 4.0, "köpek, kopek, sokak köpeği, saldırgan, havlama, sürü, isırdı, ısırdı", 4, "summer"),
    S("ilaclama", "Haşere ve sivrisinek ilaçlaması", "Pest and mosquito spraying", "veteriner", "request", 2.5, "ilaçlama, ilaclama, sivrisinek, sinek, fare, hamam böceği, haşere, hasere", 5, "summer"),
    S("yarali-hayvan", "Yaralı / hasta hayvan", "Injured or sick animal", "veteriner", "request", 2.0, "yaralı, yarali, hasta, kedi, köpek, kopek, veteriner, topallıyor", 1, "summer", True),
    S("mama-kulube", "Sokak hayvanları için mama ve kulübe", "Food and shelters for stray animals", "veteriner", "wish", 0.5, "mama, kulübe, kulube, su kabı, kedi evi, barınak", 12, "winter"),
    # Sosyal Destek: food aid is the second subject of Esenler (seed 002).
    S("gida-yardimi", "Gıda yardımı (gıda kolisi)", "Food aid (food parcel)", "sosyal", "request", 5.0, "gıda, gida, koli, yardım, yardim, erzak, muhtaç, ihtiyaç sahibi, aç", 10, "winter"),
    S("yakacak-yardimi", "Yakacak / kömür yardımı", "Heating aid (coal)", "sosyal", "request", 1.0, "kömür, komur, yakacak, odun, soba, ısınma, isinma", 12, "winter"),
    S("engelli-hizmetleri", "Engelli hizmetleri (araç, tekerlekli sandalye)", "Disability services", "sosyal", "request", 0.8, "engelli, tekerlekli sandalye, akülü, engelli aracı, rampa, bez", 10),
    S("evde-bakim", "Evde sağlık ve yaşlı bakımı", "Home care for the elderly", "saglik", "request", 0.5, "evde bakım, yaşlı, yasli, yatalak, hasta bakımı, pansuman, evde sağlık", 7),
    S("is-basvurusu", "İş başvurusu / istihdam", "Job application", "ik", "request", 0.5, "iş, is basvurusu, iş başvurusu, eleman, istihdam, kariyer, çalışmak", 15),
    # Culture, sports, funerals.
    S("kultur-etkinlik", "Kültür etkinlikleri ve kurslar", "Cultural events and courses", "kultur", "request", 0.6, "etkinlik, konser, tiyatro, kurs, kayıt, kayit, atölye, ramazan etkinliği", 5),
    S("spor-kurslari", "Spor kursları ve tesisleri", "Sports courses and facilities", "genclik", "request", 0.5, "spor, kurs, yüzme, yuzme, futbol, halı saha, spor salonu, kayıt", 5, "summer"),
    S("cenaze", "Cenaze hizmetleri", "Funeral services", "destek", "request", 0.4, "cenaze, vefat, taziye, cenaze aracı, çadır, cadir, mevlit", 1),
    # Zoning.
    S("kacak-yapi", "Kaçak yapı / izinsiz kat", "Illegal construction", "imar", "tip_off", 0.8, "kaçak, kacak, izinsiz kat, ruhsatsız bina, çatı katı, imar, inşaat", 25),
    S("metruk-bina", "Metruk / tehlikeli bina", "Derelict or dangerous building", "imar", "tip_off", 0.4, "metruk, boş bina, bos bina, tehlikeli bina, yıkık, madde bağımlısı, harabe", 30),
    S("kentsel-donusum", "Kentsel dönüşüm başvurusu", "Urban transformation", "kentsel", "request", 0.3, "kentsel dönüşüm, riskli yapı, deprem, yıkım, yerinde dönüşüm, kira yardımı", 20),
    # Other institutions' matters: forwarded out (DOMAIN.md, "Other bodies").
    S("su-arizasi", "Su arızası / kesintisi", "Water main fault or outage", "fen", "complaint", 0.6, "su, su yok, su kesintisi, patlak boru, su borusu, vana, iski", 2, "summer", False, "iski"),
    S("kanalizasyon", "Kanalizasyon taşması / tıkanıklık", "Sewage overflow or blocked sewer", "fen", "complaint", 0.6, "kanalizasyon, lağım, lagim, taşma, tasma, tıkanık, koku, iski", 1, "", True, "iski"),
    S("dogalgaz", "Doğalgaz kaçağı / kazı çalışması", "Gas leak or gas works", "fen", "tip_off", 0.3, "doğalgaz, dogalgaz, gaz kokusu, igdaş, igdas, kazı, boru", 1, "winter", False, "igdas"),
    S("otobus-durak", "Otobüs seferleri ve durak", "Buses and bus stops", "ulasim", "request", 0.4, "otobüs, otobus, durak, sefer, hat, iett, minibüs, metrobüs", 20, "", False, "ibb"),
    S("ana-yol", "Ana yol / İBB sorumluluğundaki cadde", "Main road under the metropolitan municipality", "fen", "complaint", 0.2, "ana yol, bulvar, ibb, büyükşehir, buyuksehir, otoyol, köprü", 20, "", False, "ibb"),
    # Public relations and the rest.
    S("bilgi-edinme", "Bilgi edinme başvurusu", "Right-to-information request", "halkla", "information", 0.8, "bilgi edinme, 4982, bilgi talebi, belge, ihale, harcama, istatistik", 8),
    S("tesekkur", "Teşekkür", "Thanks", "halkla", "thanks", 0.6, "teşekkür, tesekkur, sağolun, sagolun, emeği geçen, memnun kaldım, tebrik", 1),
    S("oneri-temenni", "Genel öneri ve temenni", "Suggestions and wishes", "halkla", "suggestion", 0.4, "öneri, oneri, temenni, fikir, keşke, olsa iyi olur, teklif", 10),
    S("emlak-vergisi", "Emlak vergisi ve borç sorgulama", "Property tax and debt enquiries", "mali", "request", 0.4, "emlak vergisi, vergi, borç, borc, tahakkuk, ödeme, çtv, taksit", 4),
    S("kadin-aile", "Kadın ve aile danışmanlığı", "Women and family counselling", "kadin", "request", 0.2, "kadın, kadin, aile, danışmanlık, danismanlik, anne, kreş, kres", 7),
    S("sifir-atik", "Atık pil, elektronik atık ve geri dönüşüm", "Batteries, e-waste and recycling", "iklim", "request", 0.3, "atık pil, geri dönüşüm, geri donusum, elektronik atık, kumbara, sıfır atık, yağ", 6),
    S("afet-bilgi", "Afet toplanma alanı ve deprem bilgisi", "Disaster assembly points", "afet", "request", 0.2, "afet, deprem, toplanma alanı, tatbikat, afad, gönüllü", 6),
    S("e-belediye", "E-belediye / internet sitesi sorunu", "Online services problem", "bilgiislem", "complaint", 0.2, "e-belediye, şifre, sifre, site açılmıyor, online ödeme, uygulama, giriş", 3),
    S("personel-davranisi", "Personel davranışı şikayeti", "Complaint about staff behaviour", "teftis", "complaint", 0.2, "personel, memur, kaba, saygısız, saygisiz, ilgisiz, rüşvet", 15),
    S("muhtarlik-talebi", "Muhtarlık talepleri", "Requests from neighbourhood heads", "muhtarlik", "request", 0.3, "muhtar, muhtarlık, muhtarlik, mahalle talebi, muhtar bey", 12),
]
