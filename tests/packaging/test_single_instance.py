"""Single-instance hand-off: a second launch gives its files to the window already open on the library."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from desktop.gui.single_instance import (
    HEADER,
    MAX_PAYLOAD,
    SingleInstance,
    decode_paths,
    encode_paths,
    instance_key,
)
from tests.paths import ROOT


@pytest.fixture
def key(tmp_path: Path) -> str:
    return instance_key(tmp_path / "library.db")


@pytest.fixture
def server(qapp, key: str):
    instance = SingleInstance(key)
    assert instance.listen()
    yield instance
    instance.close()


def send_in_thread(key: str, paths: list[str]) -> tuple[threading.Thread, dict[str, bool]]:
    """Run the blocking send beside the event loop, as a second process would.

    The sending object is made, used and dropped inside the thread: a QObject must not be destroyed by a
    thread other than its own.
    """
    outcome: dict[str, bool] = {}

    def send() -> None:
        outcome["sent"] = SingleInstance(key).send_to_running(paths, 5000)

    thread = threading.Thread(target=send)
    thread.start()
    return thread, outcome


def send_raw(name: str, data: bytes) -> socket.socket:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(name)
    client.sendall(data)
    return client


def test_key_differs_by_library_and_is_stable(tmp_path: Path):
    first = instance_key(tmp_path / "a.db")
    assert first == instance_key(tmp_path / "sub" / ".." / "a.db")
    assert first != instance_key(tmp_path / "b.db")
    assert first.startswith("market-reader-")
    assert len(first) < 80


def test_paths_round_trip_through_the_wire_form():
    paths = ["/home/ann/Ünïcode page.mhtml", "/tmp/a b.html"]
    data = encode_paths(paths)
    (length,) = HEADER.unpack_from(data)
    assert length == len(data) - HEADER.size
    assert decode_paths(data[HEADER.size :]) == paths


@pytest.mark.parametrize("payload", [b"not json", b'{"a": 1}', b"[1, 2]", b'"one"', b"\xff\xfe", b"[" * 5000])
def test_decode_refuses_anything_but_a_list_of_strings(payload: bytes):
    assert decode_paths(payload) is None


def test_nobody_running_means_send_fails(qapp, key: str):
    assert SingleInstance(key).send_to_running(["/tmp/x.html"], timeout_ms=300) is False


def test_second_instance_hands_paths_to_the_first(qtbot, server: SingleInstance, key: str, tmp_path: Path):
    paths = [str(tmp_path / "one.mhtml"), str(tmp_path / "two.html")]
    with qtbot.waitSignal(server.paths_received, timeout=5000) as blocker:
        thread, outcome = send_in_thread(key, paths)
    thread.join()
    assert blocker.args == [paths]
    assert outcome == {"sent": True}


def test_relative_paths_arrive_absolute(qtbot, server: SingleInstance, key: str, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with qtbot.waitSignal(server.paths_received, timeout=5000) as blocker:
        thread, _outcome = send_in_thread(key, ["page.mhtml"])
    thread.join()
    assert blocker.args == [[str(tmp_path / "page.mhtml")]]


def test_a_second_process_hands_off_and_is_told_to_exit(qtbot, server: SingleInstance, key: str):
    code = (
        "import sys; from desktop.gui.single_instance import SingleInstance; "
        f"sys.exit(0 if SingleInstance({key!r}).send_to_running(['/data/page.mhtml'], 5000) else 3)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with qtbot.waitSignal(server.paths_received, timeout=10000) as blocker:
        process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    assert process.wait(timeout=30) == 0
    assert blocker.args == [["/data/page.mhtml"]]


def test_second_listener_on_a_live_key_is_refused(qtbot, server: SingleInstance, key: str):
    assert SingleInstance(key).listen() is False

    with qtbot.waitSignal(server.paths_received, timeout=5000) as blocker:
        thread, _outcome = send_in_thread(key, ["/first/keeps/it.html"])
    thread.join()
    assert blocker.args == [["/first/keeps/it.html"]]


def test_two_libraries_each_get_a_server(qapp, tmp_path: Path):
    first = SingleInstance(instance_key(tmp_path / "a.db"))
    second = SingleInstance(instance_key(tmp_path / "b.db"))
    try:
        assert first.listen() and second.listen()
    finally:
        first.close()
        second.close()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_stale_socket_of_a_crashed_instance_is_replaced(qtbot, key: str, tmp_path: Path):
    stale_path = os.path.join(QDir.tempPath(), key)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(stale_path)  # bound, never listening, closed without unlinking: what a crash leaves
    dead.close()
    assert os.path.exists(stale_path)
    assert SingleInstance(key).send_to_running(["/x"], timeout_ms=300) is False

    server = SingleInstance(key)
    try:
        assert server.listen()
        with qtbot.waitSignal(server.paths_received, timeout=5000) as blocker:
            thread, outcome = send_in_thread(key, [str(tmp_path / "p.html")])
        thread.join()
        assert outcome == {"sent": True}
        assert blocker.args == [[str(tmp_path / "p.html")]]
    finally:
        server.close()


@pytest.mark.parametrize(
    "data",
    [
        HEADER.pack(8) + b"not json",
        HEADER.pack(7) + b'{"a":1}',
        HEADER.pack(6) + b"[1, 2]",
        HEADER.pack(MAX_PAYLOAD + 1) + b"[]",
    ],
    ids=["not-json", "object", "numbers", "over-limit"],
)
def test_garbage_is_rejected_and_the_server_keeps_working(qtbot, server: SingleInstance, key: str, data: bytes):
    with qtbot.assertNotEmitted(server.paths_received), qtbot.waitSignal(server.message_rejected, timeout=5000):
        client = send_raw(server.server_name(), data)
    client.close()

    with qtbot.waitSignal(server.paths_received, timeout=5000) as blocker:
        thread, outcome = send_in_thread(key, ["/still/works.html"])
    thread.join()
    assert outcome == {"sent": True}
    assert blocker.args == [["/still/works.html"]]


def test_a_sender_that_leaves_halfway_is_rejected(qtbot, server: SingleInstance):
    with qtbot.assertNotEmitted(server.paths_received), qtbot.waitSignal(server.message_rejected, timeout=5000):
        send_raw(server.server_name(), HEADER.pack(100) + b'["/trunc').close()


def test_a_probe_that_sends_nothing_is_not_an_error(qtbot, server: SingleInstance):
    probe = QLocalSocket()
    probe.connectToServer(server.key)
    assert probe.waitForConnected(1000)
    with qtbot.assertNotEmitted(server.message_rejected), qtbot.assertNotEmitted(server.paths_received):
        probe.abort()
        qtbot.waitUntil(lambda: not server._peers, timeout=5000)


def test_close_removes_the_socket(qapp, key: str):
    instance = SingleInstance(key)
    assert instance.listen()
    name = instance.server_name()
    instance.close()
    assert not os.path.exists(name)
    assert SingleInstance(key).send_to_running([], timeout_ms=300) is False


def test_a_sender_that_stalls_is_dropped(qtbot, server: SingleInstance, monkeypatch):
    monkeypatch.setattr("desktop.gui.single_instance.PEER_TIMEOUT_MS", 50)
    with qtbot.waitSignal(server.message_rejected, timeout=5000) as blocker:
        client = send_raw(server.server_name(), HEADER.pack(10) + b"[")
    client.close()
    assert "stopped" in blocker.args[0]
