"""Start the real server processes for scale-out tests and benches: gunicorn masters and db_workers.

Each process is configured only through the environment, as in production
(acikmasa.settings.production): DATABASE_URL, secret key, host names, SMTP.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "acikmasa.settings.production",
        "ACIKMASA_SECRET_KEY": "scale-out-" + uuid.uuid4().hex,
        "ACIKMASA_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "ACIKMASA_LOG_LEVEL": "WARNING",
        # Plain HTTP on loopback: in production the TLS proxy in front redirects to https itself.
        "ACIKMASA_SSL_REDIRECT": "false",
        **extra,
    }


def gunicorn_path() -> str | None:
    return shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or shutil.which(
        "gunicorn"
    )


def start_gunicorn(
    env: dict[str, str],
    port: int,
    *,
    workers: int = 2,
    worker_class: str = "sync",
    threads: int = 1,
) -> subprocess.Popen:
    control = (
        Path(tempfile.gettempdir()) / f"acikmasa-gunicorn-{port}.ctl"
    )  # one per master, not ~/.gunicorn's
    command = [
        gunicorn_path() or "gunicorn",
        "acikmasa.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--control-socket",
        str(control),
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--threads",
        str(threads),
        "--backlog",
        "2048",
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def wait_ready(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn on port {port} exited with {server.returncode}")
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/open311/v2/discovery.json", timeout=2
            ) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"gunicorn on port {port} did not answer within {timeout} s")


def start_db_worker(env: dict[str, str], worker_id: str) -> subprocess.Popen:
    command = [
        sys.executable,
        "-c",
        "from acikmasa.cli import main; main()",
        "db_worker",
        "--interval",
        "0.1",
        "--no-startup-delay",
        "--no-reload",
        "--worker-id",
        worker_id,
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def stop(process: subprocess.Popen, timeout: float = 30) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
