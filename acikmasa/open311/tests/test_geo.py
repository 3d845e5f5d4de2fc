"""The mahalle of a point, from GeoJSON outlines."""

import pytest

from acikmasa.cases.models import Case
from acikmasa.open311.geo import contains

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[28.0, 41.0], [29.0, 41.0], [29.0, 42.0], [28.0, 42.0], [28.0, 41.0]]],
}
WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        SQUARE["coordinates"][0],
        [[28.4, 41.4], [28.6, 41.4], [28.6, 41.6], [28.4, 41.6], [28.4, 41.4]],
    ],
}


@pytest.mark.parametrize(
    "geometry,lat,lng,inside",
    [
        (SQUARE, 41.5, 28.5, True),
        (SQUARE, 40.9, 28.5, False),
        (SQUARE, 41.5, 29.1, False),
        (WITH_HOLE, 41.5, 28.5, False),
        (WITH_HOLE, 41.2, 28.2, True),
        ({"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]}, 41.5, 28.5, True),
        ({"type": "Polygon", "coordinates": "broken"}, 41.5, 28.5, False),
        (None, 41.5, 28.5, False),
    ],
)
def test_point_in_outline(geometry, lat, lng, inside):
    assert contains(geometry, lat, lng) is inside


@pytest.mark.django_db
def test_a_pinned_request_gets_the_mahalle_under_the_pin(client, town, api_key):
    tuna = town.neighbourhoods["tuna"]
    tuna.boundary = SQUARE
    tuna.save()
    response = client.post(
        "/open311/v2/requests.json",
        {"api_key": api_key, "service_code": "pothole", "lat": "41.5", "long": "28.5"},
    )
    assert (
        Case.objects.get(tracking_number=response.json()[0]["service_request_id"]).neighbourhood
        == tuna
    )
