"""Esenler's mahalleler, field regions and streets (seed 000; names from DOMAIN.md).

Centre points are approximate real positions; household counts and populations are rounded
estimates summing to the 125,000 households of seed 000. Streets mix names known in Esenler with
plausible ones; outlines are synthetic (see data/README.md). Nothing here depends on --seed, so
re-running the demo with another seed never adds reference rows.
"""

import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .geometry import Point, polygon_geometry, voronoi_cells

DATA_DIR = Path(__file__).resolve().parent / "data"
GEOJSON_PATH = DATA_DIR / "esenler-mahalleler.geojson"


@dataclass(frozen=True)
class Mahalle:
    name: str
    latitude: float
    longitude: float
    households: int
    region: str
    former_names: str = ""
    avenues: tuple[str, ...] = ()

    @property
    def population(self) -> int:
        # Esenler's average household is about 3.5 people.
        return round(self.households * 3.52 / 10) * 10


# (code, Turkish name, English name): one man and one woman representative each (seed 000).
REGIONS = [
    ("bolge-1", "1. Bölge (Kuzey)", "Region 1 (North)"),
    ("bolge-2", "2. Bölge (Merkez)", "Region 2 (Centre)"),
    ("bolge-3", "3. Bölge (Doğu)", "Region 3 (East)"),
    ("bolge-4", "4. Bölge (Batı)", "Region 4 (West)"),
    ("bolge-5", "5. Bölge (Güney)", "Region 5 (South)"),
]

MAHALLELER = [
    Mahalle(
        "Atışalanı",
        41.0600,
        28.8655,
        9800,
        "bolge-1",
        "Havaalanı",
        ("Atışalanı Caddesi", "Havaalanı Caddesi", "Mahmutbey Yolu"),
    ),
    Mahalle(
        "Turgut Reis",
        41.0550,
        28.8700,
        9400,
        "bolge-1",
        "",
        ("Turgut Reis Caddesi", "Barbaros Caddesi"),
    ),
    Mahalle(
        "Mimar Sinan",
        41.0505,
        28.8635,
        6600,
        "bolge-1",
        "",
        ("Mimar Sinan Caddesi", "Süleymaniye Caddesi"),
    ),
    Mahalle(
        "Oruçreis",
        41.0520,
        28.8770,
        9900,
        "bolge-1",
        "",
        ("Oruç Reis Caddesi", "Kemer Caddesi", "Hızır Reis Caddesi"),
    ),
    Mahalle(
        "Birlik",
        41.0385,
        28.8905,
        6200,
        "bolge-2",
        "",
        ("Mehmet Akif İnan Caddesi", "Atışalanı Caddesi", "Birlik Caddesi"),
    ),
    Mahalle(
        "Nine Hatun",
        41.0360,
        28.8825,
        6000,
        "bolge-2",
        "",
        ("Nine Hatun Caddesi", "Kurtuluş Caddesi"),
    ),
    Mahalle(
        "Menderes",
        41.0440,
        28.8815,
        9400,
        "bolge-2",
        "",
        ("Menderes Caddesi", "Adnan Menderes Caddesi", "Tuna Caddesi"),
    ),
    Mahalle(
        "Fatih",
        41.0480,
        28.8890,
        6300,
        "bolge-3",
        "",
        ("Fatih Caddesi", "Fatih Sultan Mehmet Caddesi"),
    ),
    Mahalle(
        "Kemer", 41.0525, 28.8845, 4700, "bolge-3", "", ("Kemer Caddesi", "Ahmet Yesevi Caddesi")
    ),
    Mahalle(
        "Namık Kemal",
        41.0420,
        28.8740,
        8100,
        "bolge-3",
        "",
        ("Namık Kemal Caddesi", "Hürriyet Caddesi"),
    ),
    Mahalle("Tuna", 41.0465, 28.8700, 6800, "bolge-4", "", ("Tuna Caddesi", "Esenler Caddesi")),
    Mahalle(
        "Yavuz Selim",
        41.0415,
        28.8620,
        6600,
        "bolge-4",
        "",
        ("Yavuz Selim Caddesi", "Çağlayan Caddesi"),
    ),
    Mahalle(
        "Kazım Karabekir",
        41.0325,
        28.8615,
        6100,
        "bolge-4",
        "",
        ("Kazım Karabekir Caddesi", "Bağcılar Yolu"),
    ),
    Mahalle(
        "Fevzi Çakmak",
        41.0355,
        28.8700,
        7500,
        "bolge-5",
        "",
        ("Fevzi Çakmak Caddesi", "Atatürk Caddesi"),
    ),
    Mahalle(
        "15 Temmuz",
        41.0330,
        28.8775,
        6300,
        "bolge-5",
        "",
        ("15 Temmuz Caddesi", "Şehitler Caddesi"),
    ),
    Mahalle(
        "Çiftehavuzlar",
        41.0285,
        28.8720,
        6900,
        "bolge-5",
        "",
        ("Çiftehavuzlar Caddesi", "Havuzlar Caddesi"),
    ),
    Mahalle(
        "Davutpaşa",
        41.0255,
        28.8860,
        8400,
        "bolge-5",
        "",
        ("Davutpaşa Caddesi", "Litros Yolu", "Terazidere Caddesi"),
    ),
]

# A convex district outline (lon, lat), counter-clockwise, drawn by hand around the centres.
DISTRICT_OUTLINE: list[Point] = [
    (28.8560, 41.0300),
    (28.8650, 41.0240),
    (28.8800, 41.0215),
    (28.8930, 41.0230),
    (28.8975, 41.0330),
    (28.8960, 41.0460),
    (28.8905, 41.0560),
    (28.8780, 41.0620),
    (28.8660, 41.0650),
    (28.8575, 41.0600),
    (28.8545, 41.0450),
]

_SOKAK_WORDS = [
    "Gül",
    "Lale",
    "Menekşe",
    "Papatya",
    "Nergis",
    "Karanfil",
    "Sümbül",
    "Zambak",
    "Yasemin",
    "Akasya",
    "Çınar",
    "Ihlamur",
    "Meşe",
    "Söğüt",
    "Servi",
    "Zeytin",
    "Kiraz",
    "Erik",
    "Nar",
    "İncir",
    "Ceviz",
    "Badem",
    "Fıstık",
    "Gelincik",
    "Manolya",
    "Ebrulu",
    "Yıldız",
    "Ay",
    "Güneş",
    "Bahar",
    "Yaz",
    "Pınar",
    "Çeşme",
    "Değirmen",
    "Bağ",
    "Bostan",
    "Kuyu",
    "Harman",
    "Dere",
    "Tepe",
    "Yokuş",
    "Sevgi",
    "Barış",
    "Umut",
    "Huzur",
    "Saadet",
    "Bereket",
    "Şifa",
    "Vefa",
    "Sebat",
    "Sabır",
    "Yunus Emre",
    "Mevlana",
    "Fuzuli",
    "Baki",
    "Nedim",
    "Akif",
    "Necip Fazıl",
    "Sezai Karakoç",
    "Âşık Veysel",
    "Karacaoğlan",
    "Piri Reis",
    "Kanuni",
    "Alparslan",
    "Malazgirt",
    "Çanakkale",
    "Sakarya",
    "Dumlupınar",
    "Kocatepe",
    "Mimar Kemalettin",
    "Hattat Hamid",
    "İpek",
    "Kervan",
    "Yeşil",
    "Mavi",
    "Beyaz",
    "Deniz",
    "Irmak",
    "Gölet",
    "Orman",
    "Bayır",
    "Sırt",
    "Menzil",
]


@dataclass(frozen=True)
class StreetSpec:
    name: str
    kind: str  # "cadde" or "sokak" (Street.Kind values)


def _street_count(households: int) -> int:
    low, high = 4700, 9900
    return 8 + round(12 * (households - low) / (high - low))


@cache
def streets_of() -> dict[str, tuple[StreetSpec, ...]]:
    """8-20 streets per mahalle: its avenues, named streets and a few numbered ones (fixed, not
    seeded)."""
    rng = random.Random(34_000)  # fixed: reference data is the same for every --seed
    result = {}
    for index, mahalle in enumerate(MAHALLELER):
        streets = [StreetSpec(name, "cadde") for name in mahalle.avenues]
        wanted = _street_count(mahalle.households)
        words = rng.sample(_SOKAK_WORDS, len(_SOKAK_WORDS))
        numbers = iter(rng.sample(range(1, 99), 20))
        while len(streets) < wanted:
            if rng.random() < 0.25:
                streets.append(StreetSpec(f"{1000 + index * 100 + next(numbers)}. Sokak", "sokak"))
            else:
                streets.append(StreetSpec(f"{words.pop()} Sokak", "sokak"))
        result[mahalle.name] = tuple(streets)
    return result


@cache
def outlines() -> dict[str, dict]:
    """Mahalle name -> GeoJSON Polygon (synthetic Voronoi cell)."""
    centres = [(m.longitude, m.latitude) for m in MAHALLELER]
    cells = voronoi_cells(centres, DISTRICT_OUTLINE)
    return {m.name: polygon_geometry(cell) for m, cell in zip(MAHALLELER, cells, strict=True)}


def feature_collection() -> dict:
    features = [
        {
            "type": "Feature",
            "properties": {
                "name": m.name,
                "former_names": m.former_names,
                "region": m.region,
                "households": m.households,
                "population": m.population,
                "synthetic": True,
            },
            "geometry": outlines()[m.name],
        }
        for m in MAHALLELER
    ]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(path: Path = GEOJSON_PATH) -> None:
    """Regenerate the shipped GeoJSON file (python -c 'from acikmasa.demo.geography import
    write_geojson; write_geojson()')."""
    path.write_text(
        json.dumps(feature_collection(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
