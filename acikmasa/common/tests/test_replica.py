"""A real streaming replica: analysis pages read from it, the desk and every write use the primary.

Starts a throwaway primary (wal_level=replica) and a replica made by `pg_basebackup -R` on free
loopback ports, as the postgres user when run as root (as scripts/test-postgres.sh does), copies
the test database's schema to the primary, and runs replica_probe.py in a process configured from
DATABASE_URL and DATABASE_REPLICA_URL like production. Skipped without PostgreSQL binaries.
"""

import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        not BIN, reason="needs PostgreSQL server binaries (Debian: apt-get install postgresql)"
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a server binary as the postgres user when we are root (initdb refuses root)."""
    if os.geteuid() == 0:
        command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(_quote(c) for c in command)]
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=60, **kwargs)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


class Cluster:
    def __init__(self, bindir: Path, base: Path, name: str) -> None:
        self.bindir, self.data, self.port = bindir, base / name, _free_port()
        self.socket_dir, self.log = base, base / f"{name}.log"

    def start(self) -> None:
        options = (
            f"-h 127.0.0.1 -p {self.port} -k {self.socket_dir} -c fsync=off -c wal_level=replica"
        )
        _as_postgres(
            [
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-o",
                options,
                "-l",
                str(self.log),
                "-w",
                "-t",
                "30",
                "start",
            ]
        )

    def stop(self) -> None:
        subprocess.run(_stop_command(self), capture_output=True, timeout=60)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/acikmasa"


def _stop_command(cluster: Cluster) -> list[str]:
    command = [
        str(cluster.bindir / "pg_ctl"),
        "-D",
        str(cluster.data),
        "-m",
        "immediate",
        "-w",
        "stop",
    ]
    if os.geteuid() == 0:
        return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(_quote(c) for c in command)]
    return command


@pytest.fixture
def primary_and_replica(django_db_setup, django_db_blocker) -> Iterator[tuple[Cluster, Cluster]]:
    bindir = Path(BIN[-1]).parent
    base = Path(tempfile.mkdtemp(prefix="acikmasa-replica-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    primary, replica = Cluster(bindir, base, "primary"), Cluster(bindir, base, "replica")
    started: list[Cluster] = []
    try:
        _as_postgres(
            [
                str(bindir / "initdb"),
                "-D",
                str(primary.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        primary.start()
        started.append(primary)
        with django_db_blocker.unblock():
            _copy_schema(bindir, primary)
        _as_postgres(
            [
                str(bindir / "pg_basebackup"),
                "-h",
                "127.0.0.1",
                "-p",
                str(primary.port),
                "-U",
                "postgres",
                "-D",
                str(replica.data),
                "-R",
                "-X",
                "stream",
                "--no-sync",
                "-c",
                "fast",
            ]
        )
        replica.start()
        started.append(replica)
        yield primary, replica
    finally:
        for cluster in reversed(started):
            cluster.stop()
        shutil.rmtree(base, ignore_errors=True)


def _copy_schema(bindir: Path, primary: Cluster) -> None:
    """The schema of the migrated test database, without its rows: quicker than migrating again."""
    source = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": source.get("PASSWORD") or ""}
    dump = subprocess.run(
        [
            _tool(bindir, "pg_dump"),
            "--schema-only",
            "--no-owner",
            "--no-privileges",
            "-h",
            source.get("HOST") or "127.0.0.1",
            "-p",
            str(source.get("PORT") or 5432),
            "-U",
            source.get("USER") or "postgres",
            source["NAME"],
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    ).stdout
    admin = [
        "-h",
        "127.0.0.1",
        "-p",
        str(primary.port),
        "-U",
        "postgres",
        "-v",
        "ON_ERROR_STOP=1",
        "-q",
    ]
    subprocess.run(
        [_tool(bindir, "psql"), *admin, "-d", "postgres", "-c", "CREATE DATABASE acikmasa"],
        check=True,
        capture_output=True,
        timeout=30,
    )
    subprocess.run(
        [_tool(bindir, "psql"), *admin, "-d", "acikmasa"],
        input=dump,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _tool(bindir: Path, name: str) -> str:
    return str(bindir / name) if (bindir / name).exists() else (shutil.which(name) or name)


def test_analysis_reads_on_the_replica_and_the_desk_reads_its_own_writes(primary_and_replica):
    primary, replica = primary_and_replica
    env = {
        **os.environ,
        "DATABASE_URL": primary.url,
        "DATABASE_REPLICA_URL": replica.url,
        "DJANGO_SETTINGS_MODULE": "acikmasa.settings.test",
    }
    run = subprocess.run(
        [sys.executable, "-m", "acikmasa.common.tests.replica_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(
        next(line for line in run.stdout.splitlines() if line.startswith("PROBE "))[6:]
    )

    assert seen["replica_in_recovery"] is True  # it really is a standby
    rows, _on_primary, on_replica = seen["insights_on_replica"]
    # Replay paused after two cases: the export shows the replica's two, and its queries ran there.
    assert rows == 2 and on_replica > 0
    # The desk reads the primary: the third case, not yet on the replica, opens.
    assert seen["desk_case_status"] == 200
    # After a write the user is pinned to the primary and sees all three at once.
    assert seen["pinned"] is True
    rows, _, on_replica = seen["insights_pinned"]
    assert rows == 3 and on_replica == 0
    # Replay resumed: the replica has caught up.
    assert seen["insights_caught_up"][0] == 3
