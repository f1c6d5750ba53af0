#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, from Debian's slurm-wlm and
# munge, for the tests: `local-cluster.sh start DIR` writes DIR/slurm.conf,
# starts munged, slurmctld and slurmd, and waits until the node is idle;
# `local-cluster.sh stop DIR` stops them. Needs root (slurmd runs jobs as
# their submitter). Jobs see SLURM_CONF=DIR/slurm.conf.
set -euo pipefail
cmd="${1:?start|stop}"
dir="$(realpath -m "${2:?a folder for the cluster state}")"
conf="$dir/slurm.conf"

stop() {
  for pidfile in "$dir"/slurmd.pid "$dir"/slurmctld.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  [ -f "$dir/munged.pid" ] && kill "$(cat "$dir/munged.pid")" 2>/dev/null || true
  return 0
}

if [ "$cmd" = stop ]; then
  stop
  exit 0
fi

[ "$(id -u)" = 0 ] || { echo "local-cluster.sh: needs root (slurmd runs jobs as their user)" >&2; exit 1; }
mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
host="$(hostname -s)"
cpus="$(nproc)"
mem_mb="$(awk '/MemTotal/ { print int($2 / 1024) - 512 }' /proc/meminfo)"
cat > "$conf" <<CONF
ClusterName=headlab
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
SlurmctldPort=6917
SlurmdPort=6918
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=headlab Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF

# munge with its own key and socket, so an existing munged is left alone.
[ -f "$dir/munge/munge.key" ] || mungekey --create --keyfile "$dir/munge/munge.key" >/dev/null
chmod 700 "$dir/munge"
chmod 400 "$dir/munge/munge.key"
munged --key-file "$dir/munge/munge.key" --socket "$dir/munge/munge.socket" --pid-file "$dir/munged.pid" \
  --log-file "$dir/munged.log" --seed-file "$dir/munge/munge.seed" --force
export SLURM_CONF="$conf"
slurmctld -f "$conf"
slurmd -f "$conf"
for _ in $(seq 1 60); do
  if sinfo -h -o '%t' 2>/dev/null | grep -Eq '^(idle|mix|alloc)'; then
    echo "slurm is up: SLURM_CONF=$conf"
    exit 0
  fi
  sleep 1
done
echo "local-cluster.sh: the node did not come up; logs in $dir" >&2
tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
stop
exit 1
