#!/usr/bin/env bash
# Runs every test project of the solution and prints one closing line "N passed, N failed[, N skipped]",
# summed over the TRX results of all test projects. Installs what it needs (Debian packages) first.
set -uo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-deps.sh --with-browser || exit 2
results="$PWD/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! dotnet build Contracts.sln -c Release -nologo -v q -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
# One results folder per project (TRX names are timestamps and could collide); two projects at a
# time, since many tests wait on real servers rather than on the CPU.
dotnet sln Contracts.sln list | grep -E '^tests/.*\.Tests\.csproj$' > "$results/projects.txt"
xargs -P 2 -I{} sh -c 'p="{}"; n=$(basename "$p" .csproj); dotnet test "$p" -c Release --no-build -nologo -v q --logger "trx;LogFileName=$n.trx" --results-directory "'"$results"'/$n" > "'"$results"'/$n.log" 2>&1; rc=$?; tail -n 3 "'"$results"'/$n.log" | grep -E "Passed!|Failed!|error" || true; exit 0' < "$results/projects.txt"
passed=0; failed=0; skipped=0; projects=0
while read -r p; do
  n=$(basename "$p" .csproj)
  trx="$results/$n/$n.trx"
  projects=$((projects + 1))
  if [ ! -f "$trx" ]; then
    echo "$n: no test results (see $results/$n.log)"; failed=$((failed + 1)); continue
  fi
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  get() { echo "$line" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p_=$(get passed); f_=$(get failed); t_=$(get total); e_=$(get executed)
  passed=$((passed + ${p_:-0})); failed=$((failed + ${f_:-0}))
  skipped=$((skipped + ${t_:-0} - ${e_:-0}))
  if [ "${f_:-0}" -gt 0 ]; then grep -B2 -A12 'outcome="Failed"' "$trx" | grep -E 'testName=|<Message>' | head -n 20; fi
done < "$results/projects.txt"
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "no test was executed"; fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
