"""How ``serve`` (and the tests) run the app with uvicorn: h11 with a bounded request head.

uvicorn's h11 protocol refuses a request line plus headers larger than its buffer with "400
Invalid HTTP request received." and closes the socket at once; a client still sending a long URL
then sees a connection reset instead of any answer. :class:`BoundedH11Protocol` answers such a
request with the status that says what was too large (414 for the request line, 431 for the
headers) before h11 sees it, then reads and discards what the client is still sending for at
most ``DRAIN_S`` seconds before closing, so the answer arrives. The limit is
:data:`conflictkg.settings.MAX_REQUEST_HEAD_BYTES`. (httptools, uvicorn's other protocol, is
not a dependency: it has no such limit to answer with.)
"""

from __future__ import annotations

from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from conflictkg.settings import MAX_REQUEST_HEAD_BYTES, SHUTDOWN_GRACE_S

#: Seconds an oversized request's connection is drained before it is closed.
DRAIN_S = 5.0
_TOO_LARGE = {414: ("URI Too Long", "the request line (URL) is longer than"),
              431: ("Request Header Fields Too Large", "the request headers are larger than")}


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, answering 414/431 to a request head over the limit (see module).

    The head is measured here, not by h11: h11 checks its buffer only while a head is
    incomplete, so a large head that arrives in one read would pass or fail by chance.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._draining = False
        self._new_head()

    def _new_head(self) -> None:
        self._head_bytes, self._line_bytes, self._head_done, self._tail = 0, -1, False, b""

    def data_received(self, data: bytes) -> None:
        if self._draining:
            return
        if self.conn.their_state is h11.IDLE and not self._head_done:
            self._measure(data)
            if self._head_bytes > MAX_REQUEST_HEAD_BYTES:
                self._refuse()
                return
        super().data_received(data)

    def _measure(self, data: bytes) -> None:
        """Count the bytes of ``data`` that belong to the request head (up to the blank line)."""
        window = self._tail + data
        end = window.find(b"\r\n\r\n")
        counted = len(data) if end < 0 else end + 4 - len(self._tail)
        if self._line_bytes < 0 and (newline := data.find(b"\n", 0, counted)) >= 0:
            self._line_bytes = self._head_bytes + newline
        self._head_bytes += max(counted, 0)
        self._head_done, self._tail = end >= 0, window[-3:]

    def on_response_complete(self) -> None:
        self._new_head()
        super().on_response_complete()

    def _refuse(self) -> None:
        """Answer 414 (request line too long) or 431 (headers too large), then drain and close."""
        status = 414 if self._line_bytes < 0 or self._line_bytes > MAX_REQUEST_HEAD_BYTES else 431
        reason, what = _TOO_LARGE[status]
        body = f"{what} {MAX_REQUEST_HEAD_BYTES} bytes; send a long query by POST (see /sparql)\n".encode()
        self.logger.warning("%s: %s", status, body.decode().strip())
        self.transport.write(b"HTTP/1.1 %d %s\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\n"
                             b"connection: close\r\n\r\n%s" % (status, reason.encode(), len(body), body))
        self._draining = True
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(DRAIN_S, self.transport.close)


def uvicorn_config(app: Any, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for ``app``: :class:`BoundedH11Protocol` and its head limit.

    Stopping waits at most ``SHUTDOWN_GRACE_S`` for requests in progress (a long query, a view
    being laid out), then cancels them: a stopped server exits within about 2 s (#14).
    """
    return uvicorn.Config(app, http=BoundedH11Protocol, h11_max_incomplete_event_size=2 * MAX_REQUEST_HEAD_BYTES,
                          timeout_graceful_shutdown=SHUTDOWN_GRACE_S, **options)


def run(app: Any, host: str, port: int) -> None:
    """Serve ``app`` on ``host:port`` until interrupted (what ``conflictkg serve`` does)."""
    server = uvicorn.Server(uvicorn_config(app, host=host, port=port, log_level="info"))
    try:
        server.run()
    except KeyboardInterrupt:  # Ctrl-C: uvicorn shuts down gracefully, then re-raises the signal
        pass
