#!/usr/bin/env bash
# The main job: builds everything, runs the sample service on 127.0.0.1 with traffic, scrapes it with real
# Prometheus using the generated scrape config, generates dashboards and configs, runs the doctor, probes
# every generated panel query, and writes artifacts/main-job/{telemetry/,report.json,report.html}.
# Exit 0 when the contract holds. Extra arguments go to the job, e.g. ./run.sh --break wrong-port
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "Building (Release)…"
dotnet build Contracts.sln -c Release -nologo -v q -clp:ErrorsOnly
exec dotnet samples/MainJob/bin/Release/net10.0/main-job.dll "$@"
