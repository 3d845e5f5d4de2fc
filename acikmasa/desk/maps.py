"""A small map without a tile server: the mahalle outline and the case's point as inline SVG."""

import math
from dataclasses import dataclass
from typing import Any


@dataclass
class MiniMap:
    width: int
    height: int
    paths: list[str]
    point: tuple[float, float] | None


def _rings(geometry: Any) -> list[list[tuple[float, float]]]:
    """Outer and inner rings of a GeoJSON Polygon or MultiPolygon; anything else gives none."""
    if not isinstance(geometry, dict):
        return []
    if geometry.get("type") == "Feature":
        return _rings(geometry.get("geometry"))
    coordinates = geometry.get("coordinates") or []
    polygons = (
        [coordinates]
        if geometry.get("type") == "Polygon"
        else coordinates
        if geometry.get("type") == "MultiPolygon"
        else []
    )
    rings = []
    for polygon in polygons:
        for ring in polygon or []:
            try:
                rings.append([(float(p[0]), float(p[1])) for p in ring])
            except (TypeError, ValueError, IndexError):
                continue
    return [ring for ring in rings if len(ring) >= 3]


def mini_map(
    boundary: Any, latitude: float | None, longitude: float | None, width: int = 280
) -> MiniMap | None:
    """Project lon/lat onto a `width`-wide box (equirectangular, scaled by cos(latitude)).

    Good enough at mahalle scale (a few km): it shows where in the mahalle the case is, nothing
    more.
    """
    rings = _rings(boundary)
    point = (
        (float(longitude), float(latitude))
        if latitude is not None and longitude is not None
        else None
    )
    coords = [p for ring in rings for p in ring] + ([point] if point else [])
    if not coords:
        return None
    min_x, max_x = min(p[0] for p in coords), max(p[0] for p in coords)
    min_y, max_y = min(p[1] for p in coords), max(p[1] for p in coords)
    stretch = math.cos(math.radians((min_y + max_y) / 2))
    span_x = max((max_x - min_x) * stretch, 0.002)
    span_y = max(max_y - min_y, 0.002)
    margin = 12
    scale = (width - 2 * margin) / max(span_x, span_y)
    height = int(span_y * scale + 2 * margin) if span_y < span_x else width
    cx, cy = (min_x + max_x) / 2, (min_y + max_y) / 2

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (
            round(width / 2 + (lon - cx) * stretch * scale, 1),
            round(height / 2 - (lat - cy) * scale, 1),
        )

    paths = [
        "M" + " L".join(f"{x},{y}" for x, y in (project(*p) for p in ring)) + " Z" for ring in rings
    ]
    return MiniMap(
        width=width, height=height, paths=paths, point=project(*point) if point else None
    )
