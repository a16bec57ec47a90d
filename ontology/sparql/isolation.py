"""Take the network away from a query worker (Linux network namespaces), as a last line of defence.

The guard refuses SERVICE before a query runs (``guard.py``). Should a query ever slip past it,
the worker that runs it has no network: it sits alone in a new, empty network namespace, where
even the loopback interface is down, so Oxigraph's HTTP client cannot connect anywhere. Files
(the store) are unaffected.

As root this is one ``unshare(CLONE_NEWNET)``. Otherwise it needs an unprivileged user namespace
first (mapping the worker's own uid and gid, so it still reads the store as itself); some
systems forbid those (containers with a strict seccomp profile, Ubuntu's AppArmor restriction).
Then the worker runs without this layer and the server logs a warning once.

Must run before the process starts any thread (a user namespace needs a single-threaded caller).
"""

from __future__ import annotations

import ctypes
import os
import sys

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000


def _unshare(flags: int) -> bool:
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.unshare(flags) == 0


def _write(path: str, text: str) -> None:
    with open(path, "w") as f:
        f.write(text)


def isolate_network() -> bool:
    """Move this process into a new network namespace; True when it worked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        if _unshare(CLONE_NEWNET):
            return True
        uid, gid = os.geteuid(), os.getegid()
        if not _unshare(CLONE_NEWUSER):
            return False
        # Map our own ids into the new user namespace, so that files keep their owner.
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
        return _unshare(CLONE_NEWNET)
    except OSError:
        return False


def network_is_isolated() -> bool:
    """Whether this process can reach nothing: no network interface but a loopback that is down."""
    import socket

    try:
        names = [name for _, name in socket.if_nameindex()]
    except OSError:
        return False
    if names != ["lo"]:
        return False
    try:
        with socket.create_connection(("127.0.0.1", 9), timeout=0.5):
            return False
    except OSError as exc:
        return exc.errno == 101  # ENETUNREACH: loopback down (refused would mean it is up)
