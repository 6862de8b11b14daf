#!/usr/bin/env bash
# The main job. Grows with the project: validate every contract (today); later it builds and runs the
# sample service, scrapes it with real Prometheus, generates dashboards and runs the doctor.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/TelemetryContracts.Cli -c Release -nologo -v q -clp:ErrorsOnly
dotnet run --project src/TelemetryContracts.Cli -c Release --no-build -- validate contracts/
