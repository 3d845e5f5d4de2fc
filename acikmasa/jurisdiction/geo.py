"""Is a point inside a GeoJSON Polygon or MultiPolygon (WGS 84)? Ray casting, holes respected.

Rule areas are a few hundred metres to a few kilometres across: treating degrees as a plane is
exact enough there, and needs no GIS library.
"""

from typing import Any

from django.utils.translation import gettext as _


def polygon_errors(geometry: Any) -> str:
    """'' for a usable Polygon/MultiPolygon, else what is wrong with it (for admin forms)."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return _("Give a GeoJSON Polygon or MultiPolygon geometry.")
    polygons = geometry.get("coordinates")
    polygons = [polygons] if geometry["type"] == "Polygon" else polygons
    if not isinstance(polygons, list) or not polygons:
        return _("The outline has no coordinates.")
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return _("The outline has no coordinates.")
        for ring in polygon:
            if (
                not isinstance(ring, list)
                or len(ring) < 4
                or not all(_is_position(p) for p in ring)
            ):
                return _("Each ring needs at least four [longitude, latitude] points.")
    return ""


def _is_position(point: Any) -> bool:
    return (
        isinstance(point, list)
        and len(point) >= 2
        and all(isinstance(v, (int, float)) for v in point[:2])
        and -180 <= point[0] <= 180
        and -90 <= point[1] <= 90
    )


def _in_ring(lon: float, lat: float, ring: list) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def contains(geometry: dict, latitude: float, longitude: float) -> bool:
    if polygon_errors(geometry):
        return False
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    for outer, *holes in polygons:
        if _in_ring(longitude, latitude, outer) and not any(
            _in_ring(longitude, latitude, h) for h in holes
        ):
            return True
    return False
