"""Executes notebooks through the Jupyter protocol, as VS Code's Jupyter extension and nbconvert do: nbclient starts
the `.net-csharp` kernel (dotnet-interactive) in each notebook's folder and runs its cells in order; any cell error
fails the notebook. Prints one line per notebook (wall time and kernel start-up) and `N/M notebooks executed through
the Jupyter kernel`; exits 1 unless all ran. The executed copies go to OUTPUT, never over the committed notebooks.

Usage: python3 run_in_jupyter.py OUTPUT NOTEBOOK_OR_FOLDER...
"""
import os
import subprocess
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL = ".net-csharp"
CELL_TIMEOUT = 600


def notebooks(names):
    for name in names:
        if os.path.isdir(name):
            for folder, dirs, files in sorted(os.walk(name)):
                dirs[:] = sorted(d for d in dirs if d not in ("out", ".ipynb_checkpoints"))
                for file in sorted(files):
                    if file.endswith(".ipynb"):
                        yield os.path.join(folder, file)
        else:
            yield name


def run(path, output):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_name=KERNEL, timeout=CELL_TIMEOUT,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.monotonic()
    target = os.path.join(output, os.path.relpath(path).replace(os.sep, "_"))
    # The kernel's own log (its web server's start and stop) goes beside the executed copy, not into CI's.
    with open(target + ".kernel.log", "w") as log, client.setup_kernel(stdout=log, stderr=subprocess.STDOUT):
        start_up = time.monotonic() - started
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
    nbformat.write(notebook, target)
    return time.monotonic() - started, start_up


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    output = argv[1]
    os.makedirs(output, exist_ok=True)
    paths = sorted(set(notebooks(argv[2:])))
    passed = 0
    for path in paths:
        try:
            elapsed, start_up = run(path, output)
            passed += 1
            print(f"{path}: executed in {elapsed:.1f} s (kernel start-up {start_up:.1f} s)", flush=True)
        except CellExecutionError as e:
            print(f"error: {path}: {str(e).strip().splitlines()[-1] if str(e).strip() else e!r}", flush=True)
            print(str(e), file=sys.stderr, flush=True)
        except Exception as e:  # a kernel that does not start or dies is a failed notebook too
            print(f"error: {path}: {type(e).__name__}: {e}", flush=True)
    print(f"{passed}/{len(paths)} notebooks executed through the Jupyter kernel", flush=True)
    return 0 if passed == len(paths) and paths else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
