#!/usr/bin/env bash
# A private single-host SLURM cluster for the batch runner's test (test/batch/slurm.test.ts):
#   scripts/local-slurm.sh start DIR   munged, slurmctld and slurmd of this user, all state in DIR,
#                                       on their own ports and munge socket; prints the SLURM_CONF
#   scripts/local-slurm.sh stop DIR    stops them
# Needs Debian's slurm-wlm and munge (.ci/run installs them).
set -euo pipefail
cmd=${1:?start or stop}
dir=$(realpath -m "${2:?a folder for the cluster}")
if [ "$cmd" = stop ]; then
  for p in slurmd slurmctld munged; do
    if [ -f "$dir/$p.pid" ]; then kill "$(cat "$dir/$p.pid")" 2>/dev/null || true; fi
  done
  exit 0
fi
mkdir -p "$dir/spool" "$dir/state" "$dir/munge"
chmod 700 "$dir/munge"
user=$(id -un)
host=$(hostname -s)
# a key of its own (munged wants it private to the user that runs it)
if [ ! -f "$dir/munge/munge.key" ]; then
  head -c 1024 /dev/urandom > "$dir/munge/munge.key"
  chmod 400 "$dir/munge/munge.key"
fi
/usr/sbin/munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/socket" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/seed"
port=$(( 20000 + RANDOM % 20000 ))
cat > "$dir/slurm.conf" <<CONF
ClusterName=spikegpu-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$dir/munge/socket
CredType=cred/munge
SlurmUser=$user
SlurmdUser=$user
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmdSpoolDir=$dir/spool
StateSaveLocation=$dir/state
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
MinJobAge=3600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$dir/slurm.conf
/usr/sbin/slurmctld -f "$SLURM_CONF"
/usr/sbin/slurmd -f "$SLURM_CONF"
# the node must be idle before jobs can start
for _ in $(seq 1 60); do
  if sinfo -h -o %t 2>/dev/null | grep -q idle; then echo "$SLURM_CONF"; exit 0; fi
  sleep 0.5
done
echo "local SLURM did not come up; see $dir/slurmctld.log and $dir/slurmd.log" >&2
exit 1
