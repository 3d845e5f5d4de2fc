"""The shared limiter: counts, windows, both stores, the 429 answers, and the client address."""

import threading

import pytest
from django.db import connection
from django.test import RequestFactory

from acikmasa.security import ratelimit
from acikmasa.security.models import RateCounter
from acikmasa.security.net import client_ip, masked_ip
from acikmasa.security.ratelimit import rate_limit_take, rate_limits_reset

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    now = {"t": 1_800_000_000.0}
    monkeypatch.setattr(ratelimit, "_now", lambda: now["t"])
    return now


def test_the_hit_over_the_limit_is_refused_until_the_window_ends(clock):
    results = [rate_limit_take("t", "a", limit=3, window=60).allowed for _ in range(5)]
    assert results == [True, True, True, False, False]
    clock["t"] += 60
    assert rate_limit_take("t", "a", limit=3, window=60).allowed


def test_keys_and_scopes_count_apart(clock):
    for _ in range(3):
        rate_limit_take("t", "a", limit=3, window=60)
    assert rate_limit_take("t", "b", limit=3, window=60).allowed
    assert rate_limit_take("u", "a", limit=3, window=60).allowed


def test_the_retry_after_is_the_rest_of_the_window(clock):
    clock["t"] = 1_800_000_015.0  # 1_800_000_000 is a multiple of 60
    assert rate_limit_take("t", "a", limit=1, window=60).retry_after == 45


def test_the_table_holds_no_address_and_old_windows_are_swept(clock):
    rate_limit_take("t", "203.0.113.7", limit=3, window=60)
    assert not RateCounter.objects.filter(key__contains="203.0.113").exists()
    clock["t"] += 600
    rate_limit_take("t", "203.0.113.7", limit=3, window=60)
    assert RateCounter.objects.count() == 1


def test_reset_forgets_every_counter(clock):
    for _ in range(3):
        rate_limit_take("t", "a", limit=2, window=60)
    rate_limits_reset()
    assert rate_limit_take("t", "a", limit=2, window=60).allowed


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_processes_never_lose_a_hit(clock):
    """Eight threads (eight connections, as eight web processes) hit one key 25 times each."""

    def hit():
        for _ in range(25):
            rate_limit_take("t", "same", limit=10_000, window=60)
        connection.close()

    threads = [threading.Thread(target=hit) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert RateCounter.objects.get().count == 200


def _redis_available() -> bool:
    try:
        import redis

        redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=0.5).ping()
        return True
    except Exception:
        return False


@pytest.mark.redis
@pytest.mark.skipif(
    not _redis_available(), reason="needs the redis package and a Redis server on 127.0.0.1:6379"
)
def test_the_redis_store_counts_the_same_way(settings, clock):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "acikmasa-test",
        }
    }
    rate_limits_reset()
    try:
        assert [rate_limit_take("t", "r", limit=2, window=60).allowed for _ in range(3)] == [
            True,
            True,
            False,
        ]
        assert not RateCounter.objects.exists()
    finally:
        rate_limits_reset()


def test_forms_get_a_page_and_apis_a_json_429(client, town, clock, settings):
    settings.ACIKMASA_RATE_LIMITS = {"portal:track": [[1, 600]], "channels:sms": [[1, 60]]}
    client.post("/basvuru/takip/", {"tracking_number": "x", "phone_last4": "1234"})
    page = client.post("/basvuru/takip/", {"tracking_number": "x", "phone_last4": "1234"})
    assert (
        page.status_code == 429
        and page["Content-Type"].startswith("text/html")
        and int(page["Retry-After"]) > 0
    )
    assert "Çok fazla istek" in page.content.decode()
    client.post("/hooks/sms/", b"{}", content_type="application/json")
    api = client.post("/hooks/sms/", b"{}", content_type="application/json")
    assert api.status_code == 429 and api.json()["error"] == "rate_limited" and api["Retry-After"]


def test_gets_of_a_post_only_rule_are_not_counted(client, town, clock, settings):
    settings.ACIKMASA_RATE_LIMITS = {"portal:track": [[1, 600]]}
    assert [client.get("/basvuru/takip/").status_code for _ in range(3)] == [200, 200, 200]


@pytest.mark.parametrize(
    "proxies, forwarded, remote, expected",
    [
        (0, "1.2.3.4", "10.0.0.1", "10.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "1.2.3.4", "10.0.0.1", "1.2.3.4"),
        (
            1,
            "6.6.6.6, 1.2.3.4",
            "10.0.0.1",
            "1.2.3.4",
        ),  # the client's own entry on the left is ignored
        (2, "6.6.6.6, 1.2.3.4, 10.0.0.2", "10.0.0.1", "1.2.3.4"),
        (1, "not-an-ip", "10.0.0.1", "unknown"),
    ],
)
def test_client_ip_trusts_only_our_proxies(settings, proxies, forwarded, remote, expected):
    settings.ACIKMASA_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_ip(request) == expected


def test_masked_addresses_name_a_network_not_a_person():
    assert masked_ip("203.0.113.77") == "203.0.113.0/24"
    assert masked_ip("2001:db8:1:2::5") == "2001:db8:1::/48"
