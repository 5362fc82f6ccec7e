#!/usr/bin/env bash
# Runs an experiment on Slurm: its shards as a job array (shards.sbatch), then their merge (merge.sbatch) as a job that
# starts only if every shard succeeded and is cancelled otherwise. Run it from the folder that holds the experiment
# file; shards/, results/merged/ and the jobs' slurm-*.out logs go there. Waits for the merge; exits 0 once it succeeded.
#   deploy/slurm/submit.sh experiments.yaml [reclab run options, e.g. --set seed=7]
set -euo pipefail
here=$(dirname "$0")
shards=$(sbatch --parsable "$here/shards.sbatch" "$@")
shards=${shards%%;*}   # --parsable gives ID or ID;CLUSTER
echo "shards: array job $shards"
merge=$(sbatch --parsable --wait --kill-on-invalid-dep=yes --dependency="afterok:$shards" "$here/merge.sbatch") || true
merge=${merge%%;*}
# sbatch --wait exits 0 for a merge cancelled before it started, so the job's state decides.
state=$(scontrol show job "$merge" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
echo "merge: job $merge $state"
if [ "$state" != COMPLETED ]; then
  scontrol -o show job "$shards" | grep -o 'ArrayTaskId=[0-9]*\|JobState=[A-Z_]*' | paste -d ' ' - - >&2
  echo "merge $state: if a shard failed, rerun it alone (it resumes from its finished cells), then merge:" >&2
  echo "  scontrol requeue ${shards}_INDEX && scontrol update JobId=${shards}_INDEX StartTime=now &&" \
    "sbatch --wait --dependency=afterok:${shards}_INDEX $here/merge.sbatch" >&2
  exit 1
fi
