#!/usr/bin/env bash
# Executes every committed notebook through the Jupyter protocol with the .net-csharp kernel (run_in_jupyter.py),
# with ml-latest-small in a dataset cache seeded from the shared sample beside the repository (RECLAB_SHARED_DATA,
# else ../shared/data), as a user's cache holds it after `reclab data fetch ml-latest-small`.
# Needs: a Release build, the dotnet-interactive tool registered with Jupyter, /usr/bin/python3 with nbclient.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${RECLAB_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export RECLAB_DATA="$scratch/cache"
dotnet src/RecLab.Cli/bin/Release/net10.0/reclab.dll data fetch ml-latest-small --from "$shared/ml-latest-small" >/dev/null
# The kernelspec starts `dotnet interactive`; Debian's Jupyter, not a Python version manager's shim.
PATH="/usr/bin:$HOME/.dotnet/tools:$PATH" /usr/bin/python3 tests/notebooks/run_in_jupyter.py "$scratch/executed" "${@:-notebooks}"
