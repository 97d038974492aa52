"""Execute one notebook with a Jupyter kernel without losing late outputs, then export HTML.

Driven by lib/notebook/execute.ts; not meant to be called by hand. Why not nbclient: the Deno
kernel sometimes publishes its last outputs a fraction of a millisecond *after* reporting idle, and
nbclient stops reading iopub at idle, silently dropping them. This client keeps reading the iopub
channel until both the execute reply has arrived and no message for the cell has been seen for a
grace period after idle.

Usage: execute_notebook.py REQUEST_JSON  (see ExecuteRequest in execute.ts); prints one JSON line.
"""

import json
import os
import queue
import sys
import time

import nbformat
from jupyter_client.manager import KernelManager
from nbformat.v4 import output_from_msg

OUTPUT_TYPES = {"stream", "display_data", "execute_result", "error"}


def collect_cell(client, code, cell_timeout, grace):
    """Run one cell; return (outputs, reply_content). Raises TimeoutError."""
    msg_id = client.execute(code, store_history=True, allow_stdin=False, stop_on_error=True)
    outputs = []
    display_positions = {}
    deadline = time.monotonic() + cell_timeout
    idle = False
    reply = None
    last_seen = time.monotonic()
    while True:
        now = time.monotonic()
        if now > deadline:
            raise TimeoutError(f"cell did not finish within {cell_timeout} s")
        if reply is None:
            try:
                shell = client.get_shell_msg(timeout=0.001)
                if shell["parent_header"].get("msg_id") == msg_id:
                    reply = shell["content"]
            except queue.Empty:
                pass
        if idle and reply is not None and now - last_seen >= grace:
            return outputs, reply
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


def main():
    request = json.loads(sys.argv[1])
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
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=request.get("startupTimeout", 60))
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            cell_started = time.monotonic()
            try:
                outputs, reply = collect_cell(
                    client, cell.source, request["cellTimeout"], request["graceSeconds"])
            except TimeoutError as timeout:
                result["error"] = {"cell": index, "id": cell.get("id"), "ename": "Timeout",
                                   "evalue": str(timeout)}
                break
            cell.outputs = outputs
            cell.execution_count = reply.get("execution_count")
            result["cells"].append({"cell": index, "id": cell.get("id"),
                                    "seconds": time.monotonic() - cell_started,
                                    "outputs": len(outputs)})
            if reply.get("status") != "ok":
                result["error"] = {"cell": index, "id": cell.get("id"),
                                   "ename": reply.get("ename", "Error"),
                                   "evalue": reply.get("evalue", "")}
                break
    finally:
        try:
            manager.shutdown_kernel(now=True)
        except Exception:  # the kernel may already be gone; nothing left to clean
            pass
        kernel_log.close()
    result["seconds"] = time.monotonic() - started
    nbformat.write(notebook, request["outputNotebook"])
    for target in request.get("html", []):
        export_html(notebook, target["path"], target["excludeInput"])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
