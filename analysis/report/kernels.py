"""Kernels the report keeps from one notebook to the next, each as a fresh kernel would be.

Every notebook of the report starts by importing the workbook (pandas,
matplotlib, the analysis layers): about a second a kernel, and as long again
to start the kernel. :class:`KernelPool` gives each of the report's threads one
kernel, started with its first notebook and kept for the next; before a kept
kernel runs another notebook it is set back to a fresh kernel's state
(:data:`FRESH`): the notebook's names deleted, the cell count at 1, open
figures closed and warnings shown once shown again. What stays is what a
notebook cannot see but in its speed: the modules it imported. ``make
notebooks`` and nbval run each notebook in a new kernel, so a notebook that
leaned on another's leftovers would fail there.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

__all__ = [
    "FRESH",
    "KEPT_ENGINE",
    "SNAPSHOT",
    "KernelPool",
    "local_kernel_manager",
    "register_engine",
]


SNAPSHOT = (
    "import builtins, os, sys, warnings; builtins.__analysis_started = (os.getcwd(), "
    "list(sys.path), dict(os.environ), list(warnings.filters)); del builtins, os, sys, warnings"
)
"""What a kernel the pool starts runs as it boots (one line, no name kept): what
:data:`FRESH` puts back. Run at start-up, not sent after: a round trip to a kernel
just started waits for it to be ready, and cost the seed's report a tenth of its time."""

FRESH = """\
import builtins, os, sys, warnings
_cwd, _path, _environ, _filters = builtins.__analysis_started
os.chdir(_cwd)
sys.path[:] = _path
os.environ.clear()
os.environ.update(_environ)
warnings.filters[:] = _filters
with warnings.catch_warnings():
    pass  # entering and leaving resets every "once" registry: warnings show again
if "matplotlib.pyplot" in sys.modules:
    sys.modules["matplotlib.pyplot"].close("all")
get_ipython().reset(new_session=True)  # names and outputs gone, a new history from cell 1
"""
"""Code run, silently, in a kept kernel before its next notebook: the working folder,
``sys.path``, the environment and the warning filters as the kernel started, no names,
no figures, no output history."""

KEPT_ENGINE = "analysis-kept-kernel"
"""The papermill engine that runs a notebook on a kernel it does not own."""

_FRESH_TIMEOUT_SECONDS = 60


class KernelPool:
    """One kernel per thread, started on first use, made fresh for each later notebook.

    Args:
        folder: The kernels' working folder (the notebooks' own, as in Jupyter).
        sockets: A temporary folder for the kernels' local sockets (IPC).
        kernel_name: The Jupyter kernel to start.
    """

    def __init__(self, folder: Path, sockets: Path, kernel_name: str) -> None:
        self.folder = folder
        self.sockets = sockets
        self.kernel_name = kernel_name
        self._local = threading.local()
        self._lock = threading.Lock()
        self._started: list[Any] = []
        self._closed = False

    def kernel(self) -> Any:
        """This thread's kernel manager, its kernel alive and as fresh as a new one."""
        manager = getattr(self._local, "manager", None)
        if manager is not None and manager.is_alive():
            try:
                _run_silently(manager, FRESH)
            except Exception:
                self.drop()  # still busy or broken: the notebook gets a new kernel
            else:
                return manager
        with self._lock:
            if self._closed:
                raise RuntimeError("the report's kernels are closed")
            number = len(self._started)
            manager = local_kernel_manager(self.sockets / f"kernel-{number}")(
                kernel_name=self.kernel_name
            )
            self._started.append(manager)
            manager.start_kernel(
                cwd=str(self.folder), extra_arguments=[f"--IPKernelApp.exec_lines={SNAPSHOT}"]
            )
        self._local.manager = manager
        return manager

    def drop(self) -> None:
        """Stop this thread's kernel, so its next notebook starts a new one.

        After a notebook that failed, timed out or lost its kernel: what it left
        running or half-done is no next notebook's.
        """
        manager = getattr(self._local, "manager", None)
        self._local.manager = None
        if manager is not None:
            _stop(manager)

    def close(self) -> None:
        """Stop every kernel started; every notebook's outputs are in by then."""
        with self._lock:
            self._closed = True
            started = list(self._started)
        for manager in started:
            _stop(manager)


def _stop(manager: Any) -> None:
    """Stop a kernel now; one that is gone already, or will not stop, is let be."""
    try:
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
    except Exception:  # noqa: BLE001 - the others are still to be stopped
        pass


def local_kernel_manager(sockets: Path):
    """A kernel manager that talks to its kernel over local sockets (IPC), not TCP.

    Over TCP, ipykernel warns on every start that the traffic is unencrypted, a
    warning a reader of the report can do nothing about; over IPC nothing
    listens on the network. The socket files go under ``sockets`` (a temporary
    folder), never beside the notebook.

    Its clients are asynchronous, as nbclient's own kernel manager's are: nbclient
    awaits each reply, and a blocking client held its event loop there, so a cell
    ran past its time limit and a kernel that died left the report waiting forever.
    """
    from jupyter_client.blocking import BlockingKernelClient
    from jupyter_client.manager import KernelManager

    class LocalKernelManager(KernelManager):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.transport = "ipc"
            self.ip = str(sockets)
            self.client_class = "jupyter_client.asynchronous.AsyncKernelClient"

        def blocking_client(self) -> BlockingKernelClient:
            """A client that waits for each reply, for code run outside nbclient."""
            info = self.get_connection_info(session=True)
            return BlockingKernelClient(connection_file=self.connection_file, parent=self, **info)

    return LocalKernelManager


def _run_silently(manager: Any, code: str) -> None:
    """Run code in the kernel, silently (no output, no history), and check that it ran."""
    client = manager.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=_FRESH_TIMEOUT_SECONDS)
        reply = client.execute_interactive(
            code, silent=True, store_history=False, timeout=_FRESH_TIMEOUT_SECONDS
        )
    finally:
        client.stop_channels()
    if reply["content"]["status"] != "ok":
        content = reply["content"]
        raise RuntimeError(
            f"a kept kernel could not be set up: {content.get('ename')}: {content.get('evalue')}"
        )


def register_engine() -> None:
    """Register :data:`KEPT_ENGINE` with papermill (once; papermill imported by then)."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    if KEPT_ENGINE in papermill_engines._engines:
        return

    class KeptKernelEngine(NBClientEngine):
        """papermill's own engine, on a kernel manager given as ``km`` and kept.

        nbclient leaves a kernel it did not start running, and its client's
        channels open: they are closed here, or each notebook would leave a client
        listening to the kernel's later output.
        """

        @classmethod
        def execute_managed_notebook(
            cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
            start_timeout=60, execution_timeout=None, **kwargs,
        ):  # fmt: skip
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            client = PapermillNotebookClient(
                nb_man,
                **merge_kwargs(
                    kwargs,
                    timeout=execution_timeout,
                    startup_timeout=start_timeout,
                    kernel_name=kernel_name,
                    log=logger,
                    log_output=log_output,
                    stdout_file=stdout_file,
                    stderr_file=stderr_file,
                ),
            )
            try:
                return client.execute()
            finally:
                if client.kc is not None:
                    client.kc.stop_channels()

    papermill_engines.register(KEPT_ENGINE, KeptKernelEngine)
