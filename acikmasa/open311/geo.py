"""Which mahalle a point lies in, from the shipped GeoJSON outlines (no GIS database needed)."""

from typing import Any

from acikmasa.directory.models import Municipality, Neighbourhood


def _in_ring(lng: float, lat: float, ring: list[list[float]]) -> bool:
    """Ray casting: count how many edges a ray to the east crosses."""
    inside = False
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        (x1, y1), (x2, y2) = a[:2], b[:2]  # positions may carry an altitude
        if (y1 > lat) != (y2 > lat) and lng < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _in_polygon(lng: float, lat: float, rings: list[Any]) -> bool:
    # The first ring is the outline, the others are holes.
    return (
        bool(rings)
        and _in_ring(lng, lat, rings[0])
        and not any(_in_ring(lng, lat, hole) for hole in rings[1:])
    )


def contains(geometry: dict | None, lat: float, lng: float) -> bool:
    if not geometry:
        return False
    try:
        if geometry.get("type") == "Polygon":
            return _in_polygon(lng, lat, geometry["coordinates"])
        if geometry.get("type") == "MultiPolygon":
            return any(_in_polygon(lng, lat, polygon) for polygon in geometry["coordinates"])
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return False  # a malformed outline never breaks an intake
    return False


def neighbourhood_at(municipality: Municipality, lat: float, lng: float) -> Neighbourhood | None:
    for neighbourhood in Neighbourhood.objects.filter(
        municipality=municipality, boundary__isnull=False
    ):
        if contains(neighbourhood.boundary, lat, lng):
            return neighbourhood
    return None
