"""Test helpers: a real HTTP server on loopback standing in for a provider (Graph API, SMS gateway).

Not a mock: requests go through the real client code and the network stack; the server records
what it received and answers from a small routing table the test fills in.
"""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body or b"null")


@dataclass
class Route:
    status: int = 200
    body: bytes = b"{}"
    content_type: str = "application/json"


@dataclass
class LoopbackServer:
    routes: dict[tuple[str, str], list[Route]] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    url: str = ""

    def answer(
        self,
        method: str,
        path: str,
        *,
        status: int = 200,
        json_body: Any = None,
        body: bytes | None = None,
        content_type: str = "application/json",
    ) -> None:
        """Answer `method path`; several calls queue answers in order, the last one repeats."""
        payload = (
            body
            if body is not None
            else json.dumps(json_body if json_body is not None else {}).encode()
        )
        self.routes.setdefault((method, path), []).append(Route(status, payload, content_type))

    def _route(self, method: str, path: str) -> Route:
        queue = self.routes.get((method, path.split("?")[0]))
        if not queue:
            return Route(404, b'{"error": "no route"}')
        return queue.pop(0) if len(queue) > 1 else queue[0]

    def start(self) -> "LoopbackServer":
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                owner.received.append(Received(self.command, self.path, dict(self.headers), body))
                route = owner._route(self.command, self.path)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            do_GET = do_POST = do_PUT = _handle

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def free_port() -> int:
    """A loopback port nobody listens on right now (for servers that cannot bind port 0
    themselves)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LoopbackImapServer:
    """A tiny IMAP4rev1 server on loopback holding a list of mails: just what a poller needs
    (CAPABILITY, LOGIN, SELECT, UID SEARCH UNSEEN, UID FETCH RFC822, UID STORE +FLAGS, LOGOUT)."""

    def __init__(
        self, mails: list[bytes], user: str = "basvuru", password: str = "imap-secret"
    ) -> None:
        self.mails = dict(enumerate(mails, start=1))
        self.seen: set[int] = set()
        self.user, self.password = user, password
        self.commands: list[str] = []

    def start(self) -> "LoopbackImapServer":
        import socketserver

        owner = self

        class Handler(socketserver.StreamRequestHandler):
            def send(self, data: bytes | str) -> None:
                self.wfile.write(data.encode() if isinstance(data, str) else data)

            def handle(self) -> None:
                self.send("* OK [CAPABILITY IMAP4rev1] loopback IMAP ready\r\n")
                authenticated = False
                while line := self.rfile.readline():
                    tag, _, rest = line.decode().rstrip("\r\n").partition(" ")
                    command, _, args = rest.partition(" ")
                    owner.commands.append(f"{command.upper()} {args}".strip())
                    command = command.upper()
                    if command == "CAPABILITY":
                        self.send(f"* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n")
                    elif command == "LOGIN":
                        user, _, password = args.partition(" ")
                        authenticated = (
                            user.strip('"') == owner.user and password.strip('"') == owner.password
                        )
                        self.send(
                            f"{tag} OK logged in\r\n"
                            if authenticated
                            else f"{tag} NO wrong password\r\n"
                        )
                    elif command == "LOGOUT":
                        self.send(f"* BYE\r\n{tag} OK bye\r\n")
                        return
                    elif not authenticated:
                        self.send(f"{tag} NO log in first\r\n")
                    elif command == "SELECT":
                        self.send(
                            f"* {len(owner.mails)} EXISTS\r\n* FLAGS (\\Seen)\r\n{tag} OK "
                            "[READ-WRITE] selected\r\n"
                        )
                    elif command == "UID":
                        self.uid(tag, args)
                    else:
                        self.send(f"{tag} BAD unknown command\r\n")

            def uid(self, tag: str, args: str) -> None:
                sub, _, rest = args.partition(" ")
                sub = sub.upper()
                if sub == "SEARCH":
                    unseen = " ".join(str(u) for u in owner.mails if u not in owner.seen)
                    self.send(
                        f"* SEARCH {unseen}\r\n{tag} OK searched\r\n".replace(
                            "SEARCH \r\n", "SEARCH\r\n"
                        )
                    )
                    return
                uid = int(rest.split(" ", 1)[0])
                if sub == "FETCH":
                    raw = owner.mails[uid]
                    self.send(
                        f"* {uid} FETCH (UID {uid} RFC822 {{{len(raw)}}}\r\n".encode()
                        + raw
                        + b")\r\n"
                    )
                    self.send(f"{tag} OK fetched\r\n")
                elif sub == "STORE":
                    owner.seen.add(uid)
                    self.send(f"* {uid} FETCH (UID {uid} FLAGS (\\Seen))\r\n{tag} OK stored\r\n")
                else:
                    self.send(f"{tag} BAD unknown UID command\r\n")

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def smtp_mailers(port: int) -> dict[str, Any]:
    """Django's MAILERS pointing the default mailer at an SMTP server on loopback `port`."""
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }


class LoopbackSmtpServer:
    """A real SMTP server (aiosmtpd) on loopback that keeps every envelope it accepts in
    `messages`."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.messages: list[Any] = []
        self._controller: Any = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"

    def start(self) -> "LoopbackSmtpServer":
        from aiosmtpd.controller import Controller

        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()
