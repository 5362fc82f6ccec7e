#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for trying and testing deploy/slurm/ (CI runs it): no systemd needed.
#
#   sudo scripts/slurm-local.sh up       # install slurm-wlm (Debian/Ubuntu) if missing, start munged, slurmctld, slurmd;
#                                        # waits until the partition is idle (running again is harmless)
#   sudo scripts/slurm-local.sh down     # stop the daemons this script started and remove its state
#   scripts/slurm-local.sh status        # sinfo
#
# The node is this machine (hostname -s) with all its CPUs, in one default partition `local`. Everything the
# daemons write lives under $SLURM_LOCAL_STATE (default /var/tmp/reclab-slurm); /etc/slurm/slurm.conf and the munge key
# are written only when absent or made by this script, so an existing cluster's configuration is never replaced.
set -euo pipefail

state=${SLURM_LOCAL_STATE:-/var/tmp/reclab-slurm}
conf=/etc/slurm/slurm.conf
marker="# written by reclab scripts/slurm-local.sh"
node=$(hostname -s)

die() { echo "slurm-local: $*" >&2; exit 1; }

need_root() { [ "$(id -u)" = 0 ] || die "must run as root (sudo $0 $1): it installs packages and starts daemons"; }

install() {
  command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null && return
  command -v apt-get >/dev/null || die "slurm-wlm is not installed and apt-get is unavailable: install Slurm and munge by hand"
  echo "slurm-local: installing slurm-wlm (and munge)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm >/dev/null
}

write_config() {
  mkdir -p /etc/slurm "$state/ctld" "$state/d" "$state/log"
  if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    die "$conf exists and was not written by this script: not replacing it (stop here or move it away)"
  fi
  # linuxproc and task/none: no cgroup hierarchy to delegate without systemd. ReturnToService=2: a node that was down
  # (a previous `down`) comes back when its slurmd registers. 127.0.0.1: the host name need not resolve.
  cat >"$conf.new" <<EOF
$marker
ClusterName=reclab-local
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
MinJobAge=600
KillWait=5
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$conf.new" "$conf"
}

start_munge() {
  if [ ! -f /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    head -c 1024 /dev/urandom >/etc/munge/munge.key
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
  fi
  mkdir -p /run/munge && chown munge:munge /run/munge
  munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return
  runuser -u munge -- munged
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return; sleep 0.1; done
  die "munged did not start"
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

up() {
  need_root up
  install
  write_config
  start_munge
  running "$state/slurmctld.pid" || slurmctld
  running "$state/slurmd.pid" || slurmd
  for _ in $(seq 120); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qx idle; then
      sinfo
      return
    fi
    sleep 0.5
  done
  sinfo || true
  tail -n 20 "$state/log/slurmctld.log" "$state/log/slurmd.log" >&2 || true
  die "the partition did not become idle within 60 s"
}

stop() {
  local pidfile=$1
  running "$pidfile" || return 0
  local pid
  pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

down() {
  need_root down
  # Jobs first, and gone before slurmd stops: their slurmstepd would outlive it.
  if running "$state/slurmctld.pid"; then
    scancel --partition=local 2>/dev/null || true
    for _ in $(seq 100); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.1; done
  fi
  stop "$state/slurmd.pid"
  stop "$state/slurmctld.pid"
  # munged only if this script's configuration is the one in place (it started it); another cluster keeps its munge.
  if [ -f "$conf" ] && grep -qF "$marker" "$conf"; then
    running /run/munge/munged.pid && stop /run/munge/munged.pid
    rm -f "$conf"
  fi
  rm -rf "$state"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) sinfo ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
