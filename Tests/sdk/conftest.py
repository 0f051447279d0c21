"""Starts `adops mock` once per test session, for the official-SDK conformance suites.

The emulator binary is taken from ADOPS_BINARY, or .build/debug/adops (built by `swift build`).
Every test starts from an empty world: an autouse fixture POSTs /_mock/reset before it.
"""

import os
import pathlib
import subprocess

import pytest
import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def mock_url():
    binary = os.environ.get("ADOPS_BINARY", str(ROOT / ".build" / "debug" / "adops"))
    if not pathlib.Path(binary).exists():
        pytest.fail(f"{binary} does not exist: run `swift build --product adops` first")
    process = subprocess.Popen(
        [binary, "mock", "--port", "0", "--seed", "7"],
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
        yield line[len(prefix):]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(autouse=True)
def reset_world(mock_url):
    requests.post(f"{mock_url}/_mock/reset", timeout=5).raise_for_status()
    yield
