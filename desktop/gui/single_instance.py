"""One window per library: a second launch hands its files to the running window over a local socket."""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import re
import struct
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

HEADER = struct.Struct(">I")  # payload length, big-endian
MAX_PAYLOAD = 1 << 20  # 1 MiB: thousands of paths; anything longer is refused unread
ACCEPTED = b"\x01"
PEER_TIMEOUT_MS = 5000  # a client that stops halfway is dropped after this long
WAIT_SLICE_MS = 20


def instance_key(library_path: Path) -> str:
    """Server name shared by the windows of one user on one library file, e.g. ``market-reader-ann-3f2a…``.

    Different users, and different libraries of one user, get different names, so each may have its
    own window. The name stays short because Unix socket paths are limited to about 100 bytes.
    """
    resolved = str(Path(library_path).expanduser().resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"market-reader-{_user_name()}-{digest}"


def _user_name() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no USER variable
        name = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:32] or "user"


def encode_paths(paths: list[str]) -> bytes:
    """The wire form of a hand-off: a 4-byte length, then a UTF-8 JSON list of path strings."""
    payload = json.dumps([str(p) for p in paths], ensure_ascii=False).encode("utf-8", "surrogateescape")
    return HEADER.pack(len(payload)) + payload


def decode_paths(payload: bytes) -> list[str] | None:
    """The paths in a received payload, or None when it is not a JSON list of strings."""
    try:
        value = json.loads(payload.decode("utf-8", "surrogateescape"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None
    return value


class SingleInstance(QObject):
    """Either the server that the first window runs, or the client that a second launch uses.

    A second launch calls :meth:`send_to_running`; when it returns True the running window has the
    files and the launch should exit. Otherwise it calls :meth:`listen` and connects
    :attr:`paths_received` to the window (an empty list means "bring the window to the front").
    """

    paths_received = Signal(list)
    message_rejected = Signal(str)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._server: QLocalServer | None = None
        self._peers: set[_Peer] = set()

    @property
    def key(self) -> str:
        return self._key

    def server_name(self) -> str:
        """The full name of the listening socket (a file path on Unix), or "" before :meth:`listen`."""
        return self._server.fullServerName() if self._server is not None else ""

    def send_to_running(self, paths: list[str], timeout_ms: int = 1000) -> bool:
        """Give ``paths`` (made absolute here) to the running instance; True once it has accepted them.

        Blocks for at most about ``timeout_ms``; needs no event loop, so it can run before the
        QApplication exists.
        """
        absolute = [os.path.abspath(p) for p in paths]
        deadline = time.monotonic() + max(timeout_ms, 1) / 1000
        socket = QLocalSocket()
        socket.connectToServer(self._key)
        try:
            if not socket.waitForConnected(_remaining_ms(deadline)):
                return False
            socket.write(encode_paths(absolute))
            while socket.bytesToWrite() > 0:
                if not socket.waitForBytesWritten(_remaining_ms(deadline)):
                    return False
            return _wait_for_answer(socket, deadline) == ACCEPTED
        finally:
            _close_client(socket)

    def listen(self) -> bool:
        """Become the running instance; a socket left behind by a crashed instance is removed first.

        Returns False when another live instance owns the key or the socket cannot be created.
        """
        if self._server is not None:
            return True
        if self._is_answered():  # checked first: with UserAccessOption, listen() would replace a live socket
            log.info("another instance already listens on %s", self._key)
            return False
        server = self._start_server()
        if server is None:
            log.info("removing the stale socket %s", self._key)
            QLocalServer.removeServer(self._key)
            server = self._start_server()
        if server is None:
            log.warning("cannot listen on %s: a second window may open on this library", self._key)
            return False
        server.newConnection.connect(self._accept_pending)
        self._server = server
        return True

    def _start_server(self) -> QLocalServer | None:
        """A server listening on the key, or None (a fresh object each try: a failed one is not reused)."""
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(self._key):
            server.setParent(self)
            return server
        log.info("cannot listen on %s: %s", self._key, server.errorString())
        return None

    def close(self) -> None:
        """Stop listening and drop any half-read client; the socket file is removed."""
        for peer in list(self._peers):
            peer.drop()
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _is_answered(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self._key)
        alive = probe.waitForConnected(200)
        _close_client(probe)
        return alive

    def _accept_pending(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            peer = _Peer(socket, self)
            self._peers.add(peer)
            peer.read_available()

    def _deliver(self, paths: list[str]) -> None:
        self.paths_received.emit(paths)

    def _reject(self, reason: str) -> None:
        log.warning("ignored a message on %s: %s", self._key, reason)
        self.message_rejected.emit(reason)

    def _forget(self, peer: _Peer) -> None:
        self._peers.discard(peer)


class _Peer:
    """One client connection on the server side: reads a single bounded message, then answers.

    A plain Python object, not a QObject: it lets go of every Qt connection in :meth:`_end`, so no Python
    reference is ever released while Qt is destroying the socket (which crashes PySide).
    """

    def __init__(self, socket: QLocalSocket, owner: SingleInstance) -> None:
        self._socket = socket
        self._owner = owner
        self._buffer = b""
        self._expected: int | None = None
        self._ended = False
        self._timer = QTimer(socket, singleShot=True, interval=PEER_TIMEOUT_MS)
        self._timer.timeout.connect(self._on_timeout)
        socket.readyRead.connect(self.read_available)
        socket.disconnected.connect(self._on_disconnected)
        self._timer.start()

    def read_available(self) -> None:
        if self._ended:
            return
        self._buffer += bytes(self._socket.readAll().data())
        if self._expected is None and len(self._buffer) >= HEADER.size:
            (self._expected,) = HEADER.unpack_from(self._buffer)
            self._buffer = self._buffer[HEADER.size :]
            if self._expected > MAX_PAYLOAD:
                self._fail(f"message of {self._expected:,} bytes is over the {MAX_PAYLOAD:,}-byte limit")
                return
        if self._expected is None or len(self._buffer) < self._expected:
            return
        paths = decode_paths(self._buffer[: self._expected])
        if paths is None:
            self._fail("not a JSON list of paths")
            return
        socket = self._end()
        socket.write(ACCEPTED)
        socket.flush()
        socket.disconnectFromServer()
        self._owner._deliver(paths)

    def drop(self) -> None:
        self._end().abort()

    def _fail(self, reason: str) -> None:
        self._end().abort()
        self._owner._reject(reason)

    def _on_timeout(self) -> None:
        self._fail("the sender stopped before the end of its message")

    def _on_disconnected(self) -> None:
        if self._buffer or self._expected is not None:
            self._fail("the sender left before the end of its message")
        else:  # a probe that only checked whether this instance is alive
            self._end()

    def _end(self) -> QLocalSocket:
        """Cut every connection to this reader and let the socket delete itself once closed."""
        self._ended = True
        socket = self._socket
        self._timer.stop()
        self._timer.timeout.disconnect(self._on_timeout)
        socket.readyRead.disconnect(self.read_available)
        socket.disconnected.disconnect(self._on_disconnected)
        if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            socket.deleteLater()
        else:
            socket.disconnected.connect(socket.deleteLater)
        self._owner._forget(self)
        return socket


def _wait_for_answer(socket: QLocalSocket, deadline: float) -> bytes:
    """The server's one-byte answer, or b"" when it closes or the deadline passes first."""
    # PySide6 keeps the GIL inside waitFor* calls, so wait in short slices: other Python threads of this
    # process (a server living in the same process, as in tests) get to run between them.
    while socket.bytesAvailable() == 0:
        remaining = _remaining_ms(deadline)
        if remaining == 0 or socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            return b""
        socket.waitForReadyRead(min(remaining, WAIT_SLICE_MS))
    return bytes(socket.read(1).data())


def _close_client(socket: QLocalSocket) -> None:
    # Qt 6.11 crashes later, in the event loop, when abort() follows a refused connection; skip it then.
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.abort()


def _remaining_ms(deadline: float) -> int:
    return max(int((deadline - time.monotonic()) * 1000), 0)
