"""Turkish wording citizens and staff use, per subject: what is wrong, extra details, and how it was
solved.

Each entry: (complaint clauses | separated, detail sentences | separated, resolution texts |
separated). texts.py composes descriptions from these with generic openings, places, durations and
noise.
"""

SUBJECT_PHRASES: dict[str, tuple[str, str, str]] = {
    "seyyar-satici": (
        (
            "seyyar satıcılar kaldırımı kapatıyor|el arabalı seyyar satıcılar yolu tıkıyor|seyyar "
            "satıcı tezgah açmış, yaya geçemiyor"
            "|işportacılar her akşam tezgah kuruyor|sebze meyve satan seyyar satıcılar çöplerini "
            "bırakıp gidiyor|okul çıkışında seyyar satıcılar çocuklara sağlıksız yiyecek satıyor"
        ),
        "Bağırarak satış yapıyorlar.|Yaşlılar yola inmek zorunda kalıyor.|Zabıta gelince "
        "kaçıyorlar sonra geri geliyorlar.|Mısır ve kestane satanlar kaldırımı isgal ediyor.",
        "Zabıta ekiplerimizce yerinde denetim yapılmış, seyyar satıcılar bölgeden uzaklaştırılmış "
        "ve tutanak tutulmuştur.|Bölgede seyyar satıcı denetimi yapılmış, malzemelere el konulmuş; "
        "denetimler sürecektir.",
    ),
    "kaldirim-isgali": (
        (
            "dükkan sahibi kaldırıma masa sandalye koymuş|market kaldırımı kasalarla işgal etmiş"
            "|kafe kaldırımın tamamını masalarla kapatmış"
            "|manav tezgahını kaldırıma taşırmış, yürüyecek yer kalmadı|oto tamircisi araçları "
            "kaldırımda tamir ediyor|mobilyacı ürünlerini kaldırımda sergiliyor"
        ),
        "Bebek arabasıyla geçemiyoruz.|Tekerlekli sandalyeyle yola çıkmak zorunda kalıyoruz."
        "|Uyardık ama dinlemiyorlar.|Akşamları daha da kötü oluyor.",
        "İşyeri sahibine zabıta ekiplerimizce ihtar verilmiş, kaldırım işgali kaldırılmıştır."
        "|Yapılan denetimde kaldırım işgali tespit edilerek idari para cezası uygulanmış ve işgal "
        "kaldırılmıştır.",
    ),
    "gurultu": (
        (
            "gece yarısına kadar yüksek sesle müzik çalınıyor|yan bahçede her gece düğün "
            "yapılıyor, davul zurna çalıyor|kahvehaneden gece geç saatlere kadar gürültü geliyor"
            "|üst kattaki atölyeden sürekli makine sesi geliyor|sokakta gençler gece motorla "
            "gürültü yapıyor|düğün salonunun sesi gece 2ye kadar sürüyor"
        ),
        "Çocuklar uyuyamıyor.|Sabah işe gidiyoruz, uyuyamıyoruz.|Hasta yaşlımız var, çok rahatsız "
        "oluyor.|Polisi de aradık ama değişen bir şey olmadı.",
        "Zabıta ekiplerimiz bölgeye giderek işletme sahibini uyarmış, ses seviyesi düşürülmüştür."
        "|Gürültü kaynağı işyerine tutanak düzenlenmiş ve idari yaptırım uygulanmıştır.",
    ),
    "hatali-park": (
        (
            "araçlar kaldırıma park ediliyor|kaldırıma çıkan araçlar yüzünden yürünmüyor|engelli "
            "rampasının önüne sürekli araba park ediliyor"
            "|kamyonet her gün kaldırımın üstünde bekliyor|okul önündeki kaldırıma araçlar park "
            "ediyor|sokağın girişine park eden araçlar yüzünden çöp arabası giremiyor"
        ),
        "Çocuklar yoldan yürümek zorunda.|Ambulans bile giremez.|Plakasını da yazabilirim.|Her "
        "sabah aynı durum.",
        "Ekiplerimizce bölgede denetim yapılmış, kaldırıma park eden araçlara trafik ekipleriyle "
        "birlikte işlem yapılmıştır.|Kaldırıma park engelleyici dubalar konulmuş, denetimler "
        "sürdürülmektedir.",
    ),
    "fiyat-denetimi": (
        (
            "markette etiket fiyatı ile kasadaki fiyat farklı|fırındaki ekmeğin gramajı eksik"
            "|pazarda tartılar hileli|manavda fiyat etiketi yok"
            "|bakkal ürünleri etiketsiz satıyor|kasap fiyat listesini asmıyor"
        ),
        "Fişi elimde var.|Sordum ama kaba davrandılar.|Herkesi kandırıyorlar.|Tartıyı başka yerde "
        "tarttırdım 200 gram eksik çıktı.",
        "Zabıta ekiplerimizce işyerinde fiyat ve etiket denetimi yapılmış, eksiklikler için "
        "tutanak tutularak cezai işlem uygulanmıştır.|Fırında gramaj kontrolü yapılmış, eksik "
        "gramajlı ekmekler toplatılmış ve işletmeye ceza yazılmıştır.",
    ),
    "ruhsatsiz-isyeri": (
        (
            "bodrum katta ruhsatsız tekstil atölyesi çalışıyor|apartmanın altında merdiven altı "
            "imalathane var|ruhsatsız bir işyeri açılmış"
            "|bina içinde kaçak imalathane çalıştırılıyor|kapalı garajda ruhsatsız oto boya "
            "yapılıyor"
        ),
        "Gece gündüz makine sesi geliyor.|Boya kokusu eve giriyor.|Yangın çıkarsa bina yanar."
        "|Çocuk işçi çalıştırıyorlar gibi.",
        "İşyeri zabıta ekiplerimizce denetlenmiş, ruhsatsız olduğu tespit edilerek mühürlenmiştir."
        "|Yapılan denetimde işyerinin ruhsat başvurusu olduğu görülmüş, eksikleri için süre "
        "verilmiştir.",
    ),
    "terk-arac": (
        (
            "aylardır sokakta hurda bir araç duruyor|plakasız bir araç terk edilmiş|lastikleri "
            "inmiş bir araç sokakta çürüyor"
            "|hurda minibüs park yerini işgal ediyor|yanmış bir araç sokakta bırakılmış"
        ),
        "İçine çöp atılıyor, fareler yuva yaptı.|Çocuklar içinde oynuyor, tehlikeli.|Camları kırık."
        "|Kimin olduğunu bilen yok.",
        "Terk edilmiş araç için tutanak tutulmuş, sahibine ulaşılamadığından araç çekici ile "
        "otoparka çekilmiştir.|Araç sahibine ulaşılmış ve aracını kaldırması sağlanmıştır.",
    ),
    "dilenci": (
        (
            "metrobüs durağında sürekli dilenen kişiler var|küçük çocuklar trafikte dileniyor"
            "|camii önünde dilenciler var"
            "|çocuklara mendil sattırılıyor, istismar ediliyor|market önünde dilenci insanları "
            "rahatsız ediyor"
        ),
        "Her gün aynı kişiler.|Çocukları zorla çalıştırıyorlar.|Araçların arasında dolaşıyorlar, "
        "kaza olacak.",
        "Zabıta ekiplerimizce bölgede dilenci denetimi yapılmış, çocuklar ilgili kurumlara teslim "
        "edilmiştir.|Dilenen şahıslar hakkında işlem yapılmış, bölge takibe alınmıştır.",
    ),
    "pazar-yeri": (
        (
            "pazar kurulan sokakta pazar bitince çöpler toplanmıyor|pazarcılar tezgahları sabah "
            "çok erken kuruyor, gürültü yapıyor|pazar yerinde tezgahlar yolu kapatıyor"
            "|pazarcılar araçlarını kapımızın önüne park ediyor|pazar yerinde tuvalet yok"
        ),
        "Sabah 5te bağırışmalar başlıyor.|Ambulans geçemiyor.|Akşama kadar sokak kokuyor.",
        "Pazar yeri düzenine ilişkin pazarcı esnafı uyarılmış, tezgah kurulum saatleri denetim "
        "altına alınmıştır.|Pazar sonrası temizlik ekiplerimiz yönlendirilmiş, düzen sağlanmıştır.",
    ),
    "koku-duman": (
        (
            "lokantanın bacasından çıkan duman evimize doluyor|kömür sobası dumanı ve kokusu "
            "yüzünden pencere açamıyoruz|mangalcı her akşam duman yapıyor"
            "|fırının bacası kısa, duman evlere giriyor|bir işyeri lastik yakıyor, kötü koku var"
        ),
        "Astım hastasıyım, nefes alamıyorum.|Çamaşırlarımız is kokuyor.|Çocuklar öksürüyor.",
        "İşletmenin baca sistemi incelenmiş, filtre takması için süre verilmiştir.|Koku kaynağı "
        "işletme denetlenmiş, gerekli düzeltmeler yaptırılmıştır.",
    ),
    "izinsiz-afis": (
        (
            "duvarlara izinsiz afiş yapıştırılmış|elektrik direklerine ilan asılmış|binaların "
            "duvarına yazılar yazılmış"
            "|dükkanın tabelası yaya yoluna taşmış|okul duvarına reklam pankartı asılmış"
        ),
        "Görüntü kirliliği oluşuyor.|Her hafta yenisi ekleniyor.",
        "İzinsiz afiş ve ilanlar ekiplerimizce sökülmüş, sorumlular hakkında işlem yapılmıştır."
        "|Taşan tabela işyeri sahibine söktürülmüştür.",
    ),
    "santiye-duzeni": (
        (
            "inşaatta sabah 6da çalışmaya başlıyorlar|şantiyenin çevresi açık, çocuklar giriyor"
            "|inşaat malzemesi yola dökülmüş"
            "|beton mikserleri gece çalışıyor|inşaatın tozu evlere doluyor"
        ),
        "Hafta sonu bile çalışıyorlar.|İskele yola taşmış, tehlikeli.|Toz yüzünden cam açamıyoruz.",
        "Şantiye denetlenmiş, çalışma saatleri konusunda yükleniciye ihtar verilmiş ve çevre "
        "güvenliği aldırılmıştır.|Yola dökülen malzeme kaldırtılmış, şantiyeye cezai işlem "
        "uygulanmıştır.",
    ),
    "moloz": (
        (
            "evde tadilat yaptık moloz çuvallarının alınmasını istiyorum|kapının önünde tadilat "
            "molozu var, alınmasını rica ediyorum|banyo tadilatından çıkan molozlar için araç "
            "talep ediyorum"
            "|tadilat atığı çuvalları kaldırımda bekliyor|komşu tadilat yapmış molozu sokağa "
            "bırakmış|mutfak yeniledik, kırık fayans ve tuğlalar alınsın"
        ),
        "Yaklaşık 20 çuval var.|10 15 çuval kadar.|Kapıcıya bıraktım.|Bina önünde duruyor."
        "|Kamyonet gerekir, çok fazla.|Ne zaman alınabilir bilgi verirseniz sevinirim.",
        "Moloz alım ekibimiz adrese yönlendirilmiş, tadilat atıkları alınmıştır.|Adresteki moloz "
        "çuvalları ekiplerimizce toplanmış ve bölge temizlenmiştir.",
    ),
    "cop-toplama": (
        (
            "çöpler günlerdir toplanmadı|çöp arabası sokağımıza uğramıyor|konteynerler taşmış ama "
            "alan yok"
            "|bayramdan beri çöp alınmadı|çöpler kaldırımda birikti, kedi köpek dağıtıyor"
        ),
        "Koku dayanılmaz halde.|Sinek ve fare çoğaldı.|Sıcakta her yer kokuyor."
        "|Her hafta aynı şey.",
        "Temizlik ekiplerimiz bölgeye yönlendirilmiş, biriken çöpler toplanmış ve güzergah "
        "programı güncellenmiştir.|Çöpler toplanmış, aracımızın arıza nedeniyle aksayan seferi "
        "telafi edilmiştir.",
    ),
    "konteyner": (
        (
            "sokağımıza çöp konteyneri konulmasını istiyoruz|konteynerin kapağı kırık|konteynerin "
            "tekerleği kırılmış, yola kayıyor"
            "|konteyner evimizin tam önüne konmuş, yerinin değiştirilmesini istiyoruz|konteyner "
            "yetmiyor, ikinci bir konteyner lazım|yanan konteynerin yenisi konmadı"
        ),
        "Sokakta 40 hane var.|Kokudan pencere açamıyoruz.|Çöpler yere atılıyor.",
        "Talep edilen noktaya yeni konteyner konulmuştur.|Hasarlı konteyner değiştirilmiş, yerinin "
        "uygunluğu incelenerek köşe başına alınmıştır.",
    ),
    "sokak-temizligi": (
        (
            "sokak günlerdir süpürülmedi|cadde çok kirli, süpürge aracı gelmiyor|sokağımızda cam "
            "kırıkları var|yaprakları kimse toplamıyor"
            "|merdivenli sokak hiç temizlenmiyor|pazar sonrası sokak yıkanmadı"
        ),
        "Çocuklar oynarken elini kesti.|Yağmur yağınca ızgaraları tıkıyor.",
        "Süpürme ekibimiz bölgeye yönlendirilmiş, sokak süpürülerek yıkanmıştır.|Cadde temizlik "
        "programına alınmış, temizlik yapılmıştır.",
    ),
    "iri-atik": (
        (
            "eski koltuk takımımızı atmak istiyoruz|eski yatak ve dolap alınsın|bozuk buzdolabı ve "
            "çamaşır makinesi var, alınmasını istiyorum"
            "|taşındık eski eşyalar kapının önünde|kanepe birisi tarafından sokağa bırakılmış"
        ),
        "Apartman girişini kapatıyor.|Ne zaman gelirsiniz haber verin indirelim.",
        "İri hacimli atıklar ekiplerimizce adresten alınmıştır.|Eski eşyalar toplanmış, beyaz "
        "eşyalar geri dönüşüme gönderilmiştir.",
    ),
    "konteyner-yikama": (
        (
            "konteynerler hiç yıkanmıyor, çok kötü kokuyor|konteynerin içi kurtlanmış|konteyner "
            "çevresi sinek doldu"
            "|konteynerlerin ilaçlanmasını ve yıkanmasını istiyoruz"
        ),
        "Sıcaklar başlayınca dayanılmaz oldu.|Balkona çıkamıyoruz.",
        "Konteyner yıkama aracımız bölgeye yönlendirilmiş, konteynerler yıkanıp dezenfekte "
        "edilmiştir.|Bölgedeki konteynerler yıkama programına alınmış ve yıkanmıştır.",
    ),
    "yol-cukur": (
        (
            "yolda büyük bir çukur var|asfalt çökmüş, araçlar zarar görüyor|yol kazısından sonra "
            "asfalt kapatılmadı|yolun ortasında derin bir göçük oluştu"
            "|asfalt tamamen bozuldu, yama yapılmalı|çukur yüzünden motosikletli düştü"
        ),
        "Gece görünmüyor, kaza olacak.|Yağmurda su doluyor, derinliği belli olmuyor.|Aracımın "
        "lastiği patladı.|Arabanın altı vuruyor.",
        "Fen İşleri ekiplerimizce çukur asfalt yama ile kapatılmıştır.|Bozuk yol bölümü kazınarak "
        "yeniden asfaltlanmıştır.",
    ),
    "kaldirim-onarim": (
        (
            "kaldırım taşları yerinden oynamış|kaldırımın bordürü kırık|kaldırımda çökme var"
            "|kaldırım parkeleri sökülmüş, tekrar döşenmedi"
            "|kaldırım çok yüksek, engelli rampası yok|kaldırımda ağaç kökleri yüzünden kabarma var"
        ),
        "Yaşlı annem takılıp düştü.|Yağmurda su birikiyor.|Bebek arabası geçmiyor.",
        "Kaldırım onarım ekibimizce kırık bordür ve parke taşları yenilenmiştir.|Kaldırım yeniden "
        "düzenlenmiş, engelli rampası yapılmıştır.",
    ),
    "sokak-lambasi": (
        (
            "sokak lambası yanmıyor|sokağımızdaki aydınlatma direği arızalı|lamba gündüz yanıyor "
            "gece sönüyor|sokak karanlık, ışıklar yanmıyor"
            "|aydınlatma direği eğilmiş, kablolar açıkta|parkın içindeki lambalar yanmıyor"
        ),
        "Akşam eve dönerken korkuyoruz.|Karanlıkta hırsızlık oldu.|Direk numarası 12.|Bir haftadır "
        "karanlıkta kalıyoruz.",
        "Aydınlatma arızası giderilmiş, lamba değiştirilmiştir.|Park aydınlatmaları ekiplerimizce "
        "onarılmıştır.",
    ),
    "rogar-kapagi": (
        (
            "rögar kapağı yerinde yok|yağmur ızgarası kırılmış|mazgal kapağı açık kalmış, çocuk "
            "düşebilir|rögar kapağı ses yapıyor, yerinden oynamış"
            "|ızgaralar tıkalı, yağmurda yol göle dönüyor"
        ),
        "Çok tehlikeli, acil bakılmalı.|Üstüne tahta koyduk şimdilik.|Araçlar geçince gürültü "
        "yapıyor.",
        "Eksik rögar kapağı ekiplerimizce yerine takılmıştır.|Kırık ızgara değiştirilmiş, "
        "tıkanıklık açılmıştır.",
    ),
    "yol-yapim": (
        (
            "sokağımız hala toprak yol, yapılmasını istiyoruz|kilitli parke döşenmesini talep "
            "ediyoruz|yol çamur içinde, stabilize yapılsın"
            "|yol yapım çalışması yarım bırakıldı|sokağın asfaltlanmasını rica ediyoruz"
        ),
        "Kışın çamurdan geçilmiyor.|Yıllardır bekliyoruz.|Yaz gelince toz oluyor.",
        "Sokak yol yapım programına alınmış ve kilitli parke çalışması tamamlanmıştır.|Yol "
        "stabilize ile düzeltilmiş, asfalt çalışması programa alınmıştır.",
    ),
    "kar-buz": (
        (
            "sokakta buzlanma var, tuzlama yapılmadı|yokuş buz tuttu, araçlar çıkamıyor|kar küreme "
            "aracı sokağımıza gelmedi"
            "|merdivenler buz tuttu, yaşlılar düşüyor|kar yüzünden sokağımız kapandı"
        ),
        "Sabah bir kadın düştü.|Servis araçları giremiyor.|Ambulans gelemez.",
        "Karla mücadele ekiplerimizce yol açılmış ve tuzlama yapılmıştır.|Buzlanan merdiven ve "
        "yokuşa tuz serpilmiştir.",
    ),
    "merdiven-korkuluk": (
        (
            "merdivenin korkuluğu kırık|istinat duvarı çatlamış, yıkılmak üzere|merdiven "
            "basamakları kırılmış"
            "|yokuştaki korkuluk sökülmüş|duvar sokağa doğru eğildi"
        ),
        "Yaşlılar tutunamıyor.|Çocuklar düşebilir.",
        "Merdiven korkulukları ekiplerimizce yenilenmiştir.|İstinat duvarı incelenmiş, güçlendirme "
        "yapılmıştır.",
    ),
    "kasis": (
        (
            "araçlar sokağımızda çok hızlı gidiyor, kasis yapılsın|okul önüne hız kesici "
            "konulmasını istiyoruz|sokakta çocuklara araba çarpacak, kasis lazım"
            "|ana yoldan kestirme yapan araçlar hız yapıyor"
        ),
        "Geçen hafta bir çocuğa araç çarptı.|Çocuklar sokakta oynuyor.",
        "Talep incelenmiş, uygun görülerek hız kesici yapılmıştır.|Ulaşım koordinasyon merkezi "
        "kararıyla hız kesici ve uyarı levhası konulmuştur.",
    ),
    "park-bakim": (
        (
            "parktaki banklar kırık|park çok bakımsız, çöp kovaları dolu|parktaki çeşme çalışmıyor"
            "|parkın tuvaleti kilitli"
            "|parkta çöpler toplanmıyor|parkın çitleri kırılmış"
        ),
        "Akşamları park içinde içki içiliyor.|Çocuklarımızı götüremiyoruz.",
        "Park ekiplerimizce bakım yapılmış, kırık banklar değiştirilmiş ve temizlik yapılmıştır."
        "|Parktaki çeşme onarılmış, park temizlenmiştir.",
    ),
    "agac-budama": (
        (
            "ağacın dalları penceremize giriyor, budanmasını istiyoruz|ağaç dalları elektrik "
            "tellerine değiyor|sokaktaki ağaçlar budanmadı, yolu kapatıyor"
            "|kurumuş dallar düşecek|ağaç lambanın önünü kapatıyor, sokak karanlık"
        ),
        "Evi karanlık yapıyor.|Rüzgarda cama vuruyor.|Kuşlar arabaları kirletiyor.",
        "Ağaç budama ekibimizce ilgili ağaçlar budanmıştır.|Dallar budanmış, kuru dallar kesilerek "
        "alınmıştır.",
    ),
    "oyun-grubu": (
        (
            "parktaki salıncak kırık|kaydırak çatlamış, çocuklar yaralanabilir|oyun grubunun "
            "zincirleri kopmuş"
            "|tahterevallinin oturağı yok|oyun parkının zemini bozulmuş, kauçuk sökülmüş"
        ),
        "Çocuğumun eli kesildi.|Vidaları çıkmış.|Çocuklar başka parka gidemiyor.",
        "Kırık oyun ekipmanı sökülmüş, yenisiyle değiştirilmiştir.|Oyun grubu onarılmış, zemin "
        "kaplaması yenilenmiştir.",
    ),
    "devrilen-agac": (
        (
            "fırtınada ağaç devrildi, yolu kapattı|büyük bir ağaç arabanın üstüne devrildi|ağaç "
            "eğildi, her an devrilebilir"
            "|devrilen ağaç elektrik tellerinin üstünde|kökü çürümüş ağaç binaya doğru eğildi"
        ),
        "Çok acil.|Kimse yaralanmadı ama tehlikeli.|Yoldan araç geçemiyor.",
        "Devrilen ağaç ekiplerimizce kesilerek kaldırılmış, yol açılmıştır.|Tehlikeli ağaç "
        "kontrollü olarak kesilmiştir.",
    ),
    "cim-bicme": (
        (
            "parktaki otlar bel boyu oldu|yeşil alandaki otlar biçilmedi|boş arsada yabani otlar "
            "var, yılan çıkıyor"
            "|refüjdeki çimler biçilmesin kurumuş, yangın çıkabilir"
        ),
        "Kene çıktı.|Çocuklar oynayamıyor.",
        "Ot biçme ekibimizce alan biçilmiş ve temizlenmiştir.|Yeşil alan bakım programına alınmış "
        "ve çim biçimi yapılmıştır.",
    ),
    "spor-aleti": (
        "parktaki spor aletlerinden biri kırık|yürüyüş bandı sıkışmış|pedal aletinin pedalı yok"
        "|barfiks demiri gevşemiş",
        "Sabahları çok kişi kullanıyor.|Tehlikeli, biri yaralanabilir.",
        "Kırık spor aleti onarılmıştır.|Spor aletlerinin bakımı yapılmış, eksik parçalar "
        "takılmıştır.",
    ),
    "sokak-kopekleri": (
        (
            "sokakta saldırgan köpekler var|köpek sürüsü çocuklara saldırıyor|gece köpekler "
            "havlıyor, uyuyamıyoruz"
            "|okul yolunda köpekler çocukları kovalıyor|köpek bir çocuğu ısırdı|sahipsiz köpekler "
            "çöpleri dağıtıyor"
        ),
        "Çocuklarımız okula gidemiyor.|8 10 köpek bir arada geziyor.|Kısırlaştırılmamış "
        "olabilirler.",
        "Veteriner İşleri ekiplerimizce köpekler alınarak kısırlaştırma ve aşılama işlemi "
        "yapılmış, küpelenerek alındıkları yere bırakılmıştır.|Saldırgan olduğu bildirilen köpek "
        "rehabilitasyon merkezine alınmıştır.",
    ),
    "ilaclama": (
        (
            "sivrisinekten uyuyamıyoruz, ilaçlama yapılsın|sokakta fareler çoğaldı|bodrumda hamam "
            "böcekleri var, ilaçlama istiyoruz"
            "|rögarlardan sinek çıkıyor|sokağımıza hiç ilaçlama yapılmadı"
        ),
        "Çocukları sivrisinek ısırdı, her yerleri şişti.|Dere kenarı olduğu için çok fazla.",
        "Bölgede ilaçlama ekiplerimizce larva ve ergin mücadelesi ilaçlaması yapılmıştır.|Rögarlar "
        "ve ortak alanlar ilaçlanmış, fare istasyonu konulmuştur.",
    ),
    "yarali-hayvan": (
        (
            "sokakta yaralı bir kedi var|arabanın çarptığı köpek yolda yatıyor|bacağı kırık bir "
            "kedi topallıyor"
            "|hasta bir köpek günlerdir yerinden kalkmıyor|yavru kediler bir çukura düştü"
        ),
        "Çok acı çekiyor.|Su verdik ama yemiyor.|Lütfen acil gelin.",
        "Yaralı hayvan ekiplerimizce alınarak tedavi altına alınmıştır.|Hayvan hastanemize "
        "götürülmüş, tedavisi yapılmıştır.",
    ),
    "mama-kulube": (
        "sokak hayvanları için parka kulübe konulmasını istiyoruz|kışın sokak kedileri için mama "
        "ve su kabı konsun|mahallemize hayvan beslenme noktası yapılsın",
        "Soğukta donuyorlar.|Gönüllü olarak bakabilirim.",
        "Talep edilen parka beslenme noktası ve kulübe konulmuştur.|Mahallede mama ve su noktaları "
        "oluşturulmuştur.",
    ),
    "gida-yardimi": (
        (
            "gıda yardımı almak istiyorum|eşim vefat etti, gıda kolisi yardımı talep ediyorum"
            "|işsiz kaldım, evde yiyecek yok"
            "|ramazanda gıda kolisi dağıtımından yararlanmak istiyorum|komşumuz yaşlı ve yalnız, "
            "gıda yardımı yapılmasını istiyoruz|çocuklarım için gıda yardımına ihtiyacım var"
        ),
        "4 çocuğum var.|Kirada oturuyoruz.|Engelli eşime bakıyorum, çalışamıyorum.|Daha önce "
        "başvurdum ama dönüş olmadı.|Evde hiçbir geliri olan yok.",
        "Sosyal inceleme yapılmış, hane gıda yardımı programına alınarak gıda kolisi teslim "
        "edilmiştir.|Hane ziyareti yapılmış, gıda kartı tanımlanmıştır.",
    ),
    "yakacak-yardimi": (
        "kış geldi, kömür yardımı istiyorum|sobamız için yakacak yardımı talep ediyorum|evde "
        "ısınamıyoruz, kömür yok",
        "Çocuklar hasta oldu.|Yaşlı annemle yaşıyorum.",
        "Sosyal inceleme sonucu haneye kömür yardımı yapılmıştır.|Hane yakacak yardımı listesine "
        "alınmış, teslimat yapılmıştır.",
    ),
    "engelli-hizmetleri": (
        (
            "engelli oğlum için tekerlekli sandalye istiyorum|akülü sandalyemin aküsü bozuldu"
            "|hastane randevusu için engelli aracı talep ediyorum"
            "|engelli annem için hasta bezi yardımı istiyorum|binamıza engelli rampası yapılmasını "
            "rica ediyorum"
        ),
        "Yüzde 90 engelli raporu var.|Yatağa bağımlı.|Çarşamba günü randevumuz var.",
        "Engelli vatandaşımıza tekerlekli sandalye teslim edilmiştir.|Engelli transfer aracımızla "
        "hastane ulaşımı sağlanmıştır.",
    ),
    "evde-bakim": (
        "yatalak babam için evde bakım hizmeti istiyorum|yaşlı annemin pansumanı için hemşire "
        "gelmesini istiyoruz|yalnız yaşayan yaşlı komşumuza bakım lazım",
        "Kimsesi yok.|Hastaneye götüremiyoruz.",
        "Evde sağlık ekibimiz hane ziyareti yapmış, bakım programına alınmıştır.|Haftalık pansuman "
        "ve kontrol hizmeti başlatılmıştır.",
    ),
    "is-basvurusu": (
        "belediyede iş başvurusu yapmak istiyorum|oğlum için iş arıyoruz, kariyer merkezine kayıt "
        "olmak istiyoruz|iş başvurum ne oldu öğrenmek istiyorum",
        "Lise mezunuyum.|Forklift ehliyetim var.|Her işte çalışırım.",
        "Başvurunuz kariyer merkezimize kaydedilmiş, uygun pozisyonlar için firmalara "
        "yönlendirilmiştir.|İş başvurunuz alınmış, İŞKUR kaydınız yapılmıştır.",
    ),
    "kultur-etkinlik": (
        (
            "kültür merkezinde hangi kurslar var öğrenmek istiyorum|çocuğumu resim kursuna "
            "yazdırmak istiyorum|ramazan etkinliklerinin programını öğrenmek istiyorum"
            "|tiyatro biletleri nereden alınıyor|kuran kursu ve el sanatları kurslarının kayıt "
            "tarihleri nedir"
        ),
        "Hafta sonu olursa iyi olur.|Kızım 10 yaşında.",
        "Kurs ve etkinlik programı hakkında bilgi verilmiş, kayıt işlemi yapılmıştır.|Etkinlik "
        "takvimi vatandaşımıza iletilmiştir.",
    ),
    "spor-kurslari": (
        (
            "yüzme kursuna kayıt olmak istiyorum|spor salonu üyelik ücretini öğrenmek istiyorum"
            "|çocuğum için futbol okulu var mı"
            "|yaz spor okulları ne zaman başlıyor|halı saha kiralamak istiyoruz"
        ),
        "Oğlum 8 yaşında.|Kadınlara özel saat var mı?",
        "Spor kursları ve kayıt tarihleri hakkında bilgi verilmiştir.|Kayıt işlemi yapılmış, kurs "
        "programı iletilmiştir.",
    ),
    "cenaze": (
        (
            "babamız vefat etti, cenaze aracı talep ediyoruz|taziye çadırı kurulmasını istiyoruz"
            "|cenaze için yemek ve ikram hizmeti istiyoruz"
            "|cenaze nakli için belediyeden yardım istiyoruz"
        ),
        "Cenaze yarın öğle namazından sonra.|Memleketine götürülecek.",
        "Cenaze aracı ve taziye çadırı hizmeti sağlanmıştır. Başımız sağolsun.|Cenaze hizmetleri "
        "ekibimizce nakil ve ikram hizmeti verilmiştir.",
    ),
    "kacak-yapi": (
        (
            "binanın üstüne izinsiz kat çıkılıyor|ruhsatsız bina yapılıyor|çatı katına kaçak ilave "
            "yapılıyor"
            "|bahçeye izinsiz yapı yapılmış|gece gece kaçak inşaat yapıyorlar"
        ),
        "Bina zaten eski, depremde yıkılır.|Hafta sonları çalışıyorlar.",
        "Yerinde yapılan incelemede kaçak yapı tespit edilmiş, yapı tatil tutanağı düzenlenerek "
        "mühürlenmiştir.|İnceleme yapılmış, yapının ruhsatlı olduğu görülmüştür.",
    ),
    "metruk-bina": (
        (
            "boş bina madde kullananların mekanı oldu|metruk binanın duvarları yıkılıyor|terk "
            "edilmiş bina çocuklar için tehlikeli"
            "|yanmış bina yıllardır öyle duruyor"
        ),
        "Geceleri yangın çıkarıyorlar.|Çocuklar içine giriyor.",
        "Metruk binanın girişleri ekiplerimizce kapatılmış, yıkım süreci başlatılmıştır.|Bina "
        "tehlikeli yapı olarak tespit edilmiş, malikine yıkım tebligatı yapılmıştır.",
    ),
    "kentsel-donusum": (
        (
            "binamızın riskli yapı tespiti için başvuru yapmak istiyoruz|kentsel dönüşüm kira "
            "yardımı hakkında bilgi istiyorum|yerinde dönüşüm projesine nasıl başvurulur"
            "|binamız çok eski, deprem riski incelensin"
        ),
        "1975 yapımı bir bina.|Kat malikleri anlaşamıyor.",
        "Kentsel dönüşüm süreci ve riskli yapı tespiti hakkında bilgi verilmiştir.|Başvurunuz "
        "alınmış, yerinde dönüşüm ekibimiz randevu verecektir.",
    ),
    "su-arizasi": (
        (
            "sokağımızda su borusu patladı|iki gündür su yok|yolun ortasından su fışkırıyor|şebeke "
            "suyu bulanık akıyor"
            "|su sayacının oradan sızıntı var"
        ),
        "Bütün sokak su içinde.|Hiçbir duyuru yapılmadı.",
        "Su arızası giderilmiş, yol kazısı kapatılmıştır.|İSKİ ile koordineli çalışılarak arıza "
        "giderilmiştir.",
    ),
    "kanalizasyon": (
        (
            "kanalizasyon taştı, sokak lağım kokuyor|lağım suyu bodrumumuza doldu|kanalizasyon "
            "tıkalı, rögardan su taşıyor"
            "|yağmurdan sonra kanalizasyon geri tepiyor"
        ),
        "Çocuklar hasta olacak.|Koku dayanılmaz.|Acil müdahale lazım.",
        "Kanalizasyon hattındaki tıkanıklık vidanjör ile açılmıştır.|İSKİ ekipleriyle birlikte hat "
        "temizlenmiştir.",
    ),
    "dogalgaz": (
        "sokakta doğalgaz kokusu var|doğalgaz kazısı açık bırakılmış|igdaş kazı yapıp yolu "
        "kapatmadı",
        "Çok tehlikeli.|Bir haftadır çukur açık.",
        "Doğalgaz kazısı sonrası yol onarılmıştır.|İGDAŞ ile koordinasyon sağlanarak çalışma "
        "tamamlanmıştır.",
    ),
    "otobus-durak": (
        (
            "otobüs durağının camları kırık|otobüsler çok seyrek geliyor|durağa sundurma yapılsın"
            "|otobüs hattı mahallemize uğramıyor"
            "|minibüsler durakta beklemiyor"
        ),
        "Yağmurda ıslanıyoruz.|Yarım saat bekliyoruz.",
        "Durak onarılmıştır.|Talebiniz İETT ile görüşülmüş, sefer sayısı artırılmıştır.",
    ),
    "ana-yol": (
        "ana caddedeki asfalt çok bozuk|bulvardaki refüj yıkılmış|ana yoldaki trafik ışıkları "
        "çalışmıyor|caddedeki yaya geçidi silinmiş",
        "Kaza olacak.|Çok araç geçiyor.",
        "Ana yoldaki bozulmalar giderilmiştir.|Sinyalizasyon arızası giderilmiştir.",
    ),
    "bilgi-edinme": (
        (
            "4982 sayılı kanun kapsamında belediyenin son bir yıldaki ihale listesini talep "
            "ediyorum|mahallemizdeki park projesinin bütçesi hakkında bilgi istiyorum"
            "|belediyenin personel sayısı hakkında bilgi edinmek istiyorum|sokağımızın imar durumu "
            "hakkında bilgi talep ediyorum"
            "|geçen yıl yapılan asfalt çalışmalarının maliyetini öğrenmek istiyorum"
        ),
        "Bilgilerin e-posta ile gönderilmesini rica ederim.|Yazılı cevap bekliyorum.",
        "Bilgi edinme başvurunuza konu bilgiler ekte yazılı olarak gönderilmiştir.|İstenen "
        "bilgiler 4982 sayılı Kanun kapsamında derlenerek tarafınıza iletilmiştir.",
    ),
    "tesekkur": (
        (
            "ekiplerinize teşekkür ederim|çöp arabasındaki arkadaşlara teşekkürler|parkı "
            "yenilediğiniz için teşekkür ederiz"
            "|başvurumla hemen ilgilendiğiniz için teşekkürler|zabıta ekibinin ilgisinden çok "
            "memnun kaldım"
        ),
        "Allah razı olsun.|Emeği geçen herkese selamlar.|Böyle devam edin.",
        "Teşekkürünüz ilgili ekiplerimize iletilmiştir. İlginiz için biz teşekkür ederiz.|Güzel "
        "sözleriniz ekiplerimizle paylaşılmıştır.",
    ),
    "oneri-temenni": (
        (
            "mahallemize bir kütüphane yapılmasını öneriyorum|sokaklara daha fazla bank konulsa "
            "iyi olur|gençler için bir spor alanı yapılsa çok güzel olur"
            "|belediye otobüs durağına saat koysa iyi olur|mahallemize bir kreş açılmasını temenni "
            "ediyoruz"
        ),
        "Bence herkes faydalanır.|Boş arsa var, orası uygun.",
        "Öneriniz ilgili müdürlüğümüze iletilmiş ve değerlendirmeye alınmıştır.|Öneriniz yatırım "
        "programı planlamasında dikkate alınacaktır.",
    ),
    "emlak-vergisi": (
        (
            "emlak vergisi borcumu öğrenmek istiyorum|emlak vergisini taksitle ödeyebilir miyim"
            "|çevre temizlik vergisi neden bu kadar yüksek"
            "|yanlış tahakkuk yapılmış, düzeltilsin|emlak vergisi ödemem sisteme yansımamış"
        ),
        "Sicil numaram elimde.|Geçen ay ödedim.",
        "Borç durumu vatandaşımıza bildirilmiş, ödeme seçenekleri anlatılmıştır.|Tahakkuk kontrol "
        "edilerek düzeltilmiştir.",
    ),
    "kadin-aile": (
        "aile danışmanlığı hizmetinden yararlanmak istiyorum|kadınlara yönelik meslek kurslarına "
        "katılmak istiyorum|kreş başvurusu hakkında bilgi istiyorum",
        "Çocuğum 4 yaşında.|Hafta içi gündüz uygunum.",
        "Aile danışmanı ile randevu oluşturulmuştur.|Kurs kaydınız yapılmıştır.",
    ),
    "sifir-atik": (
        (
            "atık pil kumbarası nereye bırakılıyor|elektronik atıkları teslim etmek istiyorum"
            "|apartmanımıza geri dönüşüm kutusu istiyoruz"
            "|atık yağları nereye verebilirim"
        ),
        "Apartmanda 24 daire var.|Kimse bilmiyor.",
        "Apartmanınıza geri dönüşüm kutusu teslim edilmiştir.|Atık toplama noktaları hakkında "
        "bilgi verilmiş, atıklar adresten alınmıştır.",
    ),
    "afet-bilgi": (
        "mahallemizin afet toplanma alanı neresi|deprem tatbikatına katılmak istiyoruz|afet "
        "gönüllüsü olmak istiyorum",
        "Tabelası da yok.",
        "Mahallenizin toplanma alanı bilgisi iletilmiş, tabela konulmuştur.|Gönüllü kaydınız "
        "yapılmıştır.",
    ),
    "e-belediye": (
        "e-belediye şifremi alamıyorum|online ödeme sayfası hata veriyor|belediyenin mobil "
        "uygulaması açılmıyor",
        "Birkaç kez denedim.|Ekran görüntüsü gönderebilirim.",
        "Şifre sıfırlama işlemi yapılmış, vatandaşımıza bilgi verilmiştir.|Ödeme sayfasındaki hata "
        "giderilmiştir.",
    ),
    "personel-davranisi": (
        "belediye personeli bana kaba davrandı|masadaki görevli ilgilenmedi|çöp toplayan personel "
        "çöpleri yere döküyor",
        "İsmini yaka kartından gördüm.|Saat 14 sularında oldu.",
        "Şikayetiniz incelenmiş, ilgili personel hakkında gerekli işlem yapılmıştır.|Personel "
        "uyarılmış, hizmet içi eğitime alınmıştır.",
    ),
    "muhtarlik-talebi": (
        "muhtar olarak mahallemizin ihtiyaç listesini iletiyorum|muhtarlık binasının önüne bank "
        "konulmasını istiyoruz|mahalle sakinlerinin ortak talebini iletiyorum",
        "Mahalle toplantısında konuşuldu.|Liste ektedir.",
        "Muhtarlığın talepleri ilgili müdürlüklere iletilmiş, takip edilmektedir.|Talep "
        "değerlendirilmiş ve karşılanmıştır.",
    ),
}
