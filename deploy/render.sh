#!/usr/bin/env bash
# Regenerates deploy/vigil.yaml: helm/vigil rendered with its default values by the Helm engine that the
# deploy-tests module uses (helm-java, from Maven Central; no helm binary needed).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -pl deploy-tests test-compile exec:java \
  -Dexec.mainClass=io.vigil.deploy.DeployRendering -Dexec.classpathScope=test \
  -Dvigil.root="$(pwd)"
