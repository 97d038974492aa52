"""Execute one notebook with a Jupyter kernel without losing late outputs, then export HTML.

Driven by lib/notebook/execute.ts; not meant to be called by hand. Why not nbclient: the Deno
kernel sometimes publishes its last outputs a fraction of a millisecond *after* reporting idle, and
nbclient stops reading iopub at idle, silently dropping them. This client keeps reading the iopub
channel until both the execute reply has arrived and no message for the cell has been seen for a
grace period after idle.

Liveness: while a cell runs, the kernel process is polled (a kernel that exits, e.g. `Deno.exit(3)`,
fails the cell within a poll interval instead of waiting out a timeout), the cell has its own
timeout, and the parent process is watched: if the caller dies (even by SIGKILL) this client
shuts the kernel down and exits, so no orphan keeps writing into the report folder. The executed
notebook is checkpointed after every cell and written on every failure, and a progress file names
the running cell (and the latest line of its progress bar, if it shows one), so even a hard kill
from the caller leaves the earlier outputs and the culprit.

Usage: execute_notebook.py REQUEST_JSON  (see ExecuteRequest in execute.ts); prints one JSON line.
"""

import json
import os
import queue
import signal
import sys
import time

import nbformat
from jupyter_client.manager import KernelManager
from nbformat.v4 import output_from_msg

OUTPUT_TYPES = {"stream", "display_data", "execute_result", "error"}
LIVENESS_INTERVAL = 0.25


class CellFailed(Exception):
    """The cell could not complete: `ename` is CellTimeout, KernelDied or Interrupted."""

    def __init__(self, ename, evalue):
        super().__init__(evalue)
        self.ename = ename
        self.evalue = evalue


class Watchdog:
    """Polls the kernel process and this client's parent between messages."""

    def __init__(self, manager):
        self.manager = manager
        self.parent = os.getppid()
        self.next_check = 0.0

    def check(self, now):
        if now < self.next_check:
            return
        self.next_check = now + LIVENESS_INTERVAL
        if os.getppid() != self.parent:
            raise CellFailed("Interrupted", "the runner that started this client has exited")
        process = getattr(self.manager.provisioner, "process", None)
        code = process.poll() if process is not None else None
        if code is not None:
            raise CellFailed("KernelDied", f"the kernel exited with code {code} during this cell")


def on_signal(signum, _frame):
    for other in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(other, signal.SIG_IGN)  # clean-up must not be interrupted in turn
    raise CellFailed("Interrupted", f"received signal {signal.Signals(signum).name}")


PROGRESS_PREFIX = "toolkit-progress-"


def report_progress(on_progress, content):
    """Pass the text of a `core.progress` bar (display id `toolkit-progress-…`) to the runner."""
    display_id = content.get("transient", {}).get("display_id") or ""
    text = content.get("data", {}).get("text/plain")
    if on_progress and display_id.startswith(PROGRESS_PREFIX) and isinstance(text, str):
        on_progress(text)


def collect_cell(client, watchdog, code, outputs, cell_timeout, grace, on_progress=None):
    """Run one cell, appending to `outputs`; return the reply content. Raises CellFailed.

    `on_progress` receives the latest line of each progress bar the cell shows."""
    msg_id = client.execute(code, store_history=True, allow_stdin=False, stop_on_error=True)
    display_positions = {}
    deadline = time.monotonic() + cell_timeout
    idle = False
    reply = None
    last_seen = time.monotonic()
    while True:
        now = time.monotonic()
        if now > deadline:
            raise CellFailed("CellTimeout", f"cell did not finish within {cell_timeout:g} s")
        watchdog.check(now)
        if reply is None:
            try:
                shell = client.get_shell_msg(timeout=0.001)
                if shell["parent_header"].get("msg_id") == msg_id:
                    reply = shell["content"]
            except queue.Empty:
                pass
        if idle and reply is not None and now - last_seen >= grace:
            return reply
        try:
            msg = client.get_iopub_msg(timeout=0.01)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        last_seen = time.monotonic()
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "status":
            if content["execution_state"] == "idle":
                idle = True
            continue
        if kind == "clear_output":
            outputs.clear()
            display_positions.clear()
            continue
        if kind in ("display_data", "update_display_data"):
            report_progress(on_progress, content)
        if kind == "update_display_data":
            display_id = content.get("transient", {}).get("display_id")
            for position in display_positions.get(display_id, []):
                outputs[position]["data"] = content["data"]
                outputs[position]["metadata"] = content.get("metadata", {})
            continue
        if kind not in OUTPUT_TYPES:
            continue
        output = output_from_msg(msg)
        if kind == "stream" and outputs and outputs[-1].get("output_type") == "stream" \
                and outputs[-1].get("name") == output.get("name"):
            outputs[-1]["text"] += output["text"]
            continue
        display_id = content.get("transient", {}).get("display_id")
        if display_id:
            display_positions.setdefault(display_id, []).append(len(outputs))
        outputs.append(output)


def export_html(notebook, path, exclude_input):
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input = exclude_input
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(notebook)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(body)


def write_json(path, value):
    """Write atomically, so a reader never sees half a file."""
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(value, handle)
    os.replace(path + ".tmp", path)


def checkpoint(notebook, path):
    nbformat.write(notebook, path + ".tmp")
    os.replace(path + ".tmp", path)


def run_cells(manager, notebook, request, result):
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=request.get("startupTimeout", 60))
    watchdog = Watchdog(manager)
    code_cells = sum(1 for cell in notebook.cells if cell.cell_type == "code")
    ordinal = 0
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        ordinal += 1
        position = {"cell": index, "id": cell.get("id"), "codeCell": ordinal,
                    "codeCells": code_cells}
        write_json(request["progressFile"], position)
        cell_started = time.monotonic()
        cell.outputs = []

        def on_progress(text, position=position):
            write_json(request["progressFile"], {**position, "progress": text})

        try:
            reply = collect_cell(client, watchdog, cell.source, cell.outputs,
                                 request["cellTimeout"], request["graceSeconds"], on_progress)
        except CellFailed as failure:
            result["error"] = {"cell": index, "id": cell.get("id"), "ename": failure.ename,
                               "evalue": failure.evalue}
            return
        cell.execution_count = reply.get("execution_count")
        result["cells"].append({"cell": index, "id": cell.get("id"),
                                "seconds": time.monotonic() - cell_started,
                                "outputs": len(cell.outputs)})
        if reply.get("status") != "ok":
            result["error"] = {"cell": index, "id": cell.get("id"),
                               "ename": reply.get("ename", "Error"),
                               "evalue": reply.get("evalue", "")}
            return
        checkpoint(notebook, request["outputNotebook"])


def main():
    request = json.loads(sys.argv[1])
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, on_signal)
    notebook_path = request["notebook"]
    notebook = nbformat.read(notebook_path, as_version=4)
    env = dict(os.environ)
    env.update(request.get("env", {}))
    manager = KernelManager(kernel_name=request["kernel"])
    result = {"cells": [], "error": None}
    started = time.monotonic()
    kernel_log = open(request["kernelLog"], "w", encoding="utf-8")
    # The kernel gets its own session (jupyter_client always starts one), so it must not hold
    # this process's stdout open, and the caller learns its pid to kill it on a hard timeout.
    manager.start_kernel(cwd=os.path.dirname(os.path.abspath(notebook_path)), env=env,
                         stdout=kernel_log, stderr=kernel_log)
    with open(request["pidFile"], "w", encoding="utf-8") as handle:
        handle.write(str(manager.provisioner.pid))
    try:
        run_cells(manager, notebook, request, result)
    except CellFailed as failure:  # a signal outside a cell (start-up or between cells)
        result["error"] = {"cell": None, "id": None, "ename": failure.ename,
                           "evalue": failure.evalue}
    finally:
        try:
            manager.shutdown_kernel(now=True)
        except Exception:  # the kernel may already be gone; nothing left to clean
            pass
        kernel_log.close()
    result["seconds"] = time.monotonic() - started
    checkpoint(notebook, request["outputNotebook"])
    if result["error"] is None:
        for target in request.get("html", []):
            export_html(notebook, target["path"], target["excludeInput"])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
