"""A shaded mahalle map drawn server-side as inline SVG: no tile server, no script, works offline.

Coordinates are GeoJSON (longitude, latitude); an equirectangular projection scaled by cos(latitude)
keeps a district's shapes true enough at this size.
"""

import math
from dataclasses import dataclass

SHADES = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
WIDTH = 640


@dataclass
class MapShape:
    neighbourhood_id: int
    name: str
    path: str
    value: int
    shade: str
    label_x: float
    label_y: float


def _rings(geometry: dict | None) -> list[list[list[float]]]:
    if not geometry:
        return []
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry.get("type") == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def shade_for(value: int, top: int) -> str:
    if top <= 0 or value <= 0:
        return SHADES[0]
    return SHADES[min(len(SHADES) - 1, 1 + int((value / top) * (len(SHADES) - 1) - 1e-9))]


def map_shapes(neighbourhoods, values: dict[int, int]) -> tuple[list[MapShape], int]:
    """SVG paths for each mahalle with an outline, shaded by its value; returns (shapes, height)."""
    outlines = [(n, _rings(n.boundary)) for n in neighbourhoods]
    points = [p for _, rings in outlines for ring in rings for p in ring]
    if not points:
        return [], 0
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    kx = math.cos(math.radians((min_y + max_y) / 2))
    span = max((max_x - min_x) * kx, max_y - min_y) or 1.0
    scale = WIDTH / span
    height = round((max_y - min_y) * scale) + 2

    def xy(p: list[float]) -> tuple[float, float]:
        return round((p[0] - min_x) * kx * scale + 1, 1), round((max_y - p[1]) * scale + 1, 1)

    top = max(values.values(), default=0)
    shapes = []
    for hood, rings in outlines:
        if not rings:
            continue
        path = " ".join(
            "M" + " L".join(f"{x},{y}" for x, y in map(xy, ring)) + " Z" for ring in rings
        )
        centre = [xy(p) for p in rings[0]]
        value = values.get(hood.pk, 0)
        shapes.append(
            MapShape(
                hood.pk,
                hood.name,
                path,
                value,
                shade_for(value, top),
                round(sum(c[0] for c in centre) / len(centre), 1),
                round(sum(c[1] for c in centre) / len(centre), 1),
            )
        )
    return shapes, height
