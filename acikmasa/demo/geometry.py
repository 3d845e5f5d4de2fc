"""Synthetic mahalle outlines: Voronoi cells around the centre points, clipped to a district
outline.

Pure Python on purpose (no GEOS/GDAL for a demo). Cells are built in a local equirectangular
projection, so that a degree of longitude counts as much as it measures at Esenler's latitude.
"""

import math
from collections.abc import Sequence

Point = tuple[float, float]  # (longitude, latitude)


def _scale(latitude: float) -> float:
    return math.cos(math.radians(latitude))


def _clip(polygon: list[Point], a: Point, b: Point, kx: float) -> list[Point]:
    """Keep the part of `polygon` closer to `a` than to `b` (one half-plane; Sutherland–Hodgman)."""
    # In projected coordinates, p is on a's side when (p - m)·(b - a) <= 0, m the midpoint.
    ax, ay, bx, by = a[0] * kx, a[1], b[0] * kx, b[1]
    mx, my, dx, dy = (ax + bx) / 2, (ay + by) / 2, bx - ax, by - ay

    def side(p: Point) -> float:
        return (p[0] * kx - mx) * dx + (p[1] - my) * dy

    result: list[Point] = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        s_cur, s_prev = side(current), side(previous)
        if (s_cur <= 0) != (s_prev <= 0):
            t = s_prev / (s_prev - s_cur)
            result.append(
                (
                    previous[0] + t * (current[0] - previous[0]),
                    previous[1] + t * (current[1] - previous[1]),
                )
            )
        if s_cur <= 0:
            result.append(current)
    return result


def voronoi_cells(centres: Sequence[Point], outline: Sequence[Point]) -> list[list[Point]]:
    """One convex cell per centre, inside the convex `outline` (counter-clockwise, not closed)."""
    kx = _scale(sum(p[1] for p in centres) / len(centres))
    cells = []
    for i, centre in enumerate(centres):
        cell = list(outline)
        for j, other in enumerate(centres):
            if i != j and cell:
                cell = _clip(cell, centre, other, kx)
        cells.append(cell)
    return cells


def polygon_geometry(ring: Sequence[Point], digits: int = 6) -> dict:
    """A GeoJSON Polygon with a closed exterior ring."""
    coords = [[round(x, digits), round(y, digits)] for x, y in ring]
    if coords and coords[0] != coords[-1]:
        coords.append(coords[0])
    return {"type": "Polygon", "coordinates": [coords]}


def point_in_polygon(point: Point, ring: Sequence[Point]) -> bool:
    """Ray casting; used by tests and to keep generated case locations inside their mahalle."""
    x, y = point
    inside = False
    for i, (x1, y1) in enumerate(ring):
        x2, y2 = ring[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside
