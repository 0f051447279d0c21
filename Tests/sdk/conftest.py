"""Starts `adops mock` once per test session, for the official-SDK conformance suites.

The emulator binary is taken from ADOPS_BINARY, or .build/debug/adops (built by `swift build`).
Every test starts from an empty world: an autouse fixture POSTs /_mock/reset before it.

The Google Ads emulator's gRPC face runs too, over TLS with a self-signed certificate made here with `openssl`,
so the official `google-ads` client can reach it unmodified (the reference's "Mode A").
"""

import contextlib
import os
import pathlib
import re
import subprocess

import pytest
import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]


def adops_binary():
    binary = os.environ.get("ADOPS_BINARY", str(ROOT / ".build" / "debug" / "adops"))
    if not pathlib.Path(binary).exists():
        pytest.fail(f"{binary} does not exist: run `swift build --product adops` first")
    return binary


@contextlib.contextmanager
def running_mock(*options):
    """Runs `adops mock --port 0` with more options; yields its standard output's first two lines' addresses."""
    process = subprocess.Popen(
        [adops_binary(), "mock", "--port", "0", "--seed", "7", *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline().strip()
        prefix = "adops-mock listening on "
        if not line.startswith(prefix):
            pytest.fail(f"unexpected first line from adops mock: {line!r}")
        grpc_target = None
        if "--grpc-port" in options:
            second = process.stdout.readline().strip()
            match = re.fullmatch(r"adops-mock grpc listening on (\S+) \((plaintext|TLS)\)", second)
            if match is None:
                pytest.fail(f"unexpected second line from adops mock: {second!r}")
            grpc_target = match.group(1)
        yield line[len(prefix):], grpc_target
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def tls_certificate(tmp_path_factory):
    """A self-signed certificate for localhost and 127.0.0.1, trusted by gRPC through its roots variable."""
    directory = tmp_path_factory.mktemp("grpc-tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    # gRPC reads this once, before its first secure channel.
    os.environ["GRPC_DEFAULT_SSL_ROOTS_FILE_PATH"] = str(cert)
    return cert, key


@pytest.fixture(scope="session")
def mock_process(tls_certificate):
    cert, key = tls_certificate
    with running_mock("--grpc-port", "0", "--grpc-tls-cert", str(cert), "--grpc-tls-key", str(key)) as addresses:
        yield addresses


@pytest.fixture(scope="session")
def mock_url(mock_process):
    return mock_process[0]


@pytest.fixture(scope="session")
def google_grpc_endpoint(mock_process):
    """`localhost:PORT`: the TLS gRPC face, named as the certificate names it."""
    return "localhost:" + mock_process[1].rsplit(":", 1)[1]


@pytest.fixture(autouse=True)
def reset_world(mock_url):
    requests.post(f"{mock_url}/_mock/reset", timeout=5).raise_for_status()
    yield
