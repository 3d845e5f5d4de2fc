"""The client's address, trusting X-Forwarded-For only as far as our own proxies wrote it."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or the address our N trusted proxies (ACIKMASA_TRUSTED_PROXIES) saw.

    Each proxy appends the address it received from, so the client is the N-th entry from the right;
    anything further left was written by the client and may be forged.
    """
    proxies = int(getattr(settings, "ACIKMASA_TRUSTED_PROXIES", 0))
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    if proxies:
        hops = [
            h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()
        ]
        if len(hops) >= proxies:
            address = hops[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "unknown"


def masked_ip(address: str) -> str:
    """An address coarse enough not to single out a person: the /24 (IPv4) or /48 (IPv6) network."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))
