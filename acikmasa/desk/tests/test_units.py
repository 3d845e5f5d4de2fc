from datetime import UTC

from hypothesis import given, settings
from hypothesis import strategies as st

from acikmasa.desk.maps import mini_map
from acikmasa.desk.paging import SortKey, decode_cursor, encode_cursor
from acikmasa.desk.templatetags.desk_tags import spell_tracking

SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[28.87, 41.03], [28.89, 41.03], [28.89, 41.05], [28.87, 41.05], [28.87, 41.03]]
    ],
}


def test_mini_map_draws_outline_and_point_inside_the_box():
    drawn = mini_map(SQUARE, 41.04, 28.88)
    assert len(drawn.paths) == 1 and drawn.paths[0].startswith("M") and drawn.paths[0].endswith("Z")
    x, y = drawn.point
    assert abs(x - drawn.width / 2) < 1 and abs(y - drawn.height / 2) < 1


def test_mini_map_north_is_up():
    drawn = mini_map(SQUARE, 41.049, 28.88)
    assert drawn.point[1] < drawn.height / 2


def test_mini_map_without_outline_or_point_is_none_and_bad_geometry_is_ignored():
    assert mini_map(None, None, None) is None
    assert mini_map({"type": "Polygon", "coordinates": [[["x", 1]]]}, None, None) is None
    assert mini_map({}, 41.0, 28.9).point is not None
    multi = {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"], SQUARE["coordinates"]]}
    assert len(mini_map(multi, None, None).paths) == 2


KEYS = [SortKey("due_at", nullable=True), SortKey("priority", descending=True), SortKey("id")]


@settings(max_examples=100)
@given(
    st.one_of(st.none(), st.datetimes(timezones=st.just(UTC))),
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=1, max_value=10**12),
)
def test_cursor_round_trips(due, priority, pk):
    assert decode_cursor(encode_cursor([due, priority, pk]), KEYS) == [due, priority, pk]


def test_tampered_cursor_is_rejected():
    assert decode_cursor("!!!", KEYS) is None
    assert decode_cursor(encode_cursor([1, 2]), KEYS) is None
    assert decode_cursor(encode_cursor(["not a date", 1, 1]), KEYS) is None
    assert decode_cursor(encode_cursor([None, {"x": 1}, 1]), KEYS) is None


def test_tracking_number_is_spelled_in_groups():
    assert spell_tracking("2026-000123") == "2026 - 000 123"
    assert spell_tracking("2026-1234567") == "2026 - 1 234 567"
