#!/usr/bin/env bash
# Training throughput of CharScope's engine and of the PyTorch peer, alternating, in one run.
# usage: scripts/bench-side-by-side.sh [rounds] [workloads...]      e.g. scripts/bench-side-by-side.sh 5 W1 W2
# Needs: mvn -q compile (done here), ../shared/peers/setup.sh run once (PyTorch with OpenBLAS).
# Prints one JSON line per run, then the medians and their ratio per workload.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}; shift || true
workloads=("${@:-W1 W2}"); [ $# -eq 0 ] && workloads=(W1 W2)
mvn -B -q -o compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="target/classes:$(cat target/classpath.txt)"
peer=../shared/peers/pytorch_charlstm.py
# OpenBLAS 0.3.19 (ND4J's) does not know recent CPUs and falls back to slow SSE3 kernels: name one.
core=$(java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=off org.charscope.model.NativeSetup 2>/dev/null || true)
export OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-${core:-Haswell}}
export OMP_NUM_THREADS=1
out=target/bench-side-by-side.jsonl; : > "$out"
for r in $(seq 1 "$rounds"); do
  for w in "${workloads[@]}"; do
    echo "{\"round\":$r,\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\",\"engine\":$(java -Xmx3g -cp "$cp" org.charscope.model.Benchmark "$w" 10)}" | tee -a "$out"
    echo "{\"round\":$r,\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\",\"peer\":$(OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$peer" "$w" --threads 2)}" | tee -a "$out"
  done
done
python3 - "$out" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
for w in sorted({(r.get("engine") or r.get("peer"))["workload" if "engine" in r else "what"] for r in runs}):
    eng = [r["engine"]["chars_per_s_median"] for r in runs if "engine" in r and r["engine"]["workload"] == w]
    peer = [r["peer"]["chars_per_s_median"] for r in runs if "peer" in r and r["peer"]["what"] == w]
    e, p = statistics.median(eng), statistics.median(peer)
    print(f"{w}: engine median {e:.0f} chars/s, PyTorch median {p:.0f} chars/s, ratio {e / p:.2f} ({len(eng)} runs each)")
PY
