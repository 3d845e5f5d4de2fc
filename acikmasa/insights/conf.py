"""Settings of the insights app, read when used so tests can override them."""

from django.conf import settings

DEFAULT_MIN_GROUP_SIZE = 5


def min_group_size() -> int:
    """KVKK: no demographic figure is shown for a group smaller than this
    (INSIGHTS_MIN_GROUP_SIZE)."""
    return max(1, int(getattr(settings, "INSIGHTS_MIN_GROUP_SIZE", DEFAULT_MIN_GROUP_SIZE)))


def tile_url() -> str:
    """An XYZ tile URL template for a map underlay (INSIGHTS_TILE_URL); empty: outlines only."""
    return getattr(settings, "INSIGHTS_TILE_URL", "")
