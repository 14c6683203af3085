#!/bin/bash
# The CPU time one SQL statement costs its PostgreSQL backend, which unlike wall-clock time does not grow with what
# else the machine runs (BENCHMARKS.md, Statistics). Run on the machine of the cluster (it reads /proc), e.g. on the
# database `dotnet run -c Release --project tests/NetworkCenter.Benchmarks -- statistics --keep` prints:
#   tests/NetworkCenter.Benchmarks/statement-cpu.sh "host=127.0.0.1 port=PORT user=postgres dbname=bench_statistics" year.sql 10
# The file holds psql variable settings (\set from ..., to, asOf, kind) and one statement using :from, :to, :asOf, :kind.
set -euo pipefail
connection=$1 file=$2 runs=${3:-10}
coproc PSQL { psql "$connection" -qAt 2>&1; }
ask() { echo "$1" >&"${PSQL[1]}"; }
wait_for() { local line; while read -r line <&"${PSQL[0]}"; do [ "$line" = "$1" ] && return; done; }
ask "select pg_backend_pid();"
read -r pid <&"${PSQL[0]}"
ask "set jit = off; set work_mem = '64MB'; set max_parallel_workers_per_gather = 0;"
ask "\\o /dev/null"
cat "$file" >&"${PSQL[1]}" # once to warm the caches
ask "\\o"; ask "select 'warm';"; wait_for warm
before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
ask "\\o /dev/null"
for _ in $(seq "$runs"); do cat "$file" >&"${PSQL[1]}"; done
ask "\\o"; ask "select 'done';"; wait_for done
after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
echo "$file: $(( (after - before) * 1000 / $(getconf CLK_TCK) / runs )) ms of CPU per run ($runs runs)"
ask "\\q"
