#!/usr/bin/env bash
# gpu-check.sh — does DeepHEM-J's CUDA build work on this machine, and how fast is it?
#
# What it checks, in order (run from anywhere; it works in the repository root):
#   1. nvidia-smi exists and lists at least one NVIDIA GPU, and the driver supports CUDA >= 11.6
#      (ND4J 1.0.0-M2.1's only CUDA backend is nd4j-cuda-11.6). Without a GPU it stops here, exit 3.
#   2. Java 17 and Maven are installed.
#   3. The jar builds with the README's command, `mvn -q -DskipTests package`, once with -Pcuda
#      (GPU) and once without (CPU); each jar's --version names its backend.
#   4. Each jar trains EPOCHS (default 5) epochs on the demo data (--data DIR to use another
#      DeepHEM-layout folder) and scores its human miRNAs; the GPU run must say it computes on the GPU.
#   5. Each model is scored by the other jar too (a GPU-trained model on the CPU and the reverse):
#      same model, other backend, scores must agree within 1e-4.
#   6. Prints seconds per epoch (mean of epochs 2..EPOCHS; epoch 1 carries graph set-up) and
#      sequences per second of `score` (wall time of the scoring command, model loading included),
#      GPU next to CPU.
# Outputs are kept under build/gpu-check/. Exit 0 if every check passed, 1 if one failed,
# 3 if there is no GPU to check.
set -euo pipefail

EPOCHS="${EPOCHS:-5}"
fail() { echo "gpu-check: FAILED: $*" >&2; exit 1; }
case "${1:-}" in
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
  --data) [[ -d "${2:-}" ]] || fail "--data: no folder '${2:-}'"; DATA="$(cd "$2" && pwd)" ;;
  "") DATA=data ;;
  *) fail "unknown argument '$1' (use --data DIR or --help)" ;;
esac
[[ "$EPOCHS" =~ ^[1-9][0-9]*$ ]] || fail "EPOCHS must be a positive whole number, not '$EPOCHS'"

cd "$(dirname "$0")/.."

# 1. a GPU and a recent enough driver
if ! command -v nvidia-smi > /dev/null 2>&1; then
  echo "gpu-check: no NVIDIA GPU here (nvidia-smi not found); nothing to check. Run it on a GPU host (or in a CUDA container started with --gpus all)." >&2
  exit 3
fi
if ! gpus="$(nvidia-smi -L 2>&1)" || ! grep -q '^GPU ' <<< "$gpus"; then
  echo "gpu-check: nvidia-smi found no usable GPU (${gpus%%$'\n'*}); nothing to check." >&2
  exit 3
fi
echo "GPU(s):"
while IFS= read -r line; do echo "  $line"; done <<< "$gpus"
smi="$(nvidia-smi)"
driver_cuda="$(grep -o 'CUDA Version: [0-9.]*' <<< "$smi" | grep -o '[0-9.]*$' || true)"
echo "driver supports CUDA ${driver_cuda:-?} (nd4j-cuda-11.6 needs >= 11.6)"
if [[ -n "$driver_cuda" ]] && [[ "$(printf '%s\n' 11.6 "$driver_cuda" | sort -V | head -n 1)" != 11.6 ]]; then
  fail "the NVIDIA driver supports CUDA $driver_cuda only; update the driver"
fi

# 2. tools
java_version="$(java -version 2>&1 || true)"
[[ "$java_version" == *'version "17'* ]] || fail "Java 17 is needed (java -version: ${java_version%%$'\n'*})"
command -v mvn > /dev/null 2>&1 || fail "Maven (mvn) is needed"
[[ -d "$DATA" ]] || fail "no dataset folder '$DATA'"

out=build/gpu-check
rm -rf "$out"
mkdir -p "$out"

# 3. build both jars (CPU last, so target/deephem.jar is the default build again afterwards)
build() { # $1 = name, further args = extra Maven arguments
  local name="$1"; shift
  echo "building the $name jar: mvn -q -DskipTests package $*"
  local t0=$SECONDS
  mvn -q -DskipTests package "$@" || fail "the $name build failed"
  cp target/deephem.jar "$out/deephem-$name.jar"
  echo "  built in $((SECONDS - t0)) s: $(java -jar "$out/deephem-$name.jar" --version)"
}
build gpu -Pcuda
build cpu
java -jar "$out/deephem-gpu.jar" --version | grep -q 'nd4j-cuda-11.6' || fail "the -Pcuda jar does not use nd4j-cuda-11.6"
java -jar "$out/deephem-cpu.jar" --version | grep -q 'nd4j-native' || fail "the default jar does not use nd4j-native"

# 4. train and score with each jar
declare -A epoch_s seq_s
for b in gpu cpu; do
  echo "training $EPOCHS epochs on $DATA with the $b jar"
  log="$out/train-$b.log"
  java -jar "$out/deephem-$b.jar" train --data "$DATA" --epochs "$EPOCHS" --name "check-$b" \
      --zoo "$out/zoo" --out "$out/report-$b" > "$log" 2>&1 || { tail -n 5 "$log" >&2; fail "training with the $b jar failed (log: $log)"; }
  grep -m 1 '^ND4J .* backend:' "$log" | sed 's/^/  /'
  if [[ "$b" == gpu ]] && ! grep -q '^ND4J .* backend: nd4j-cuda-11.6 (GPU' "$log"; then
    fail "the GPU jar did not compute on the GPU (log: $log)"
  fi
  epoch_s[$b]="$(awk '$1 == "epoch" { split($2, e, "/"); if (e[1] > 1) { sub(/s$/, "", $NF); s += $NF; n++ } }
                       END { if (n) printf "%.2f", s / n; else print "n/a" }' "$log")"
  start=$(date +%s.%N)
  java -jar "$out/deephem-$b.jar" score --model "$out/zoo/check-$b.zip" --data "$DATA" -o "$out/scores-$b-on-$b.csv" \
      > "$out/score-$b.log" 2>&1 || fail "scoring with the $b jar failed (log: $out/score-$b.log)"
  end=$(date +%s.%N)
  n=$(($(wc -l < "$out/scores-$b-on-$b.csv") - 1))
  seq_s[$b]="$(awk -v n="$n" -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", n / (b - a) }')"
done

# 5. each model scored by the other backend
maxdiff() { # largest |score difference| between two id,score CSVs of the same ids in the same order
  paste -d, "$1" "$2" | awk -F, 'NR > 1 { if ($1 != $3) { bad = 1; exit } d = $2 - $4; if (d < 0) d = -d; if (d > m) m = d }
                                 END { if (bad) print "ids differ"; else printf "%.2g", m }'
}
status=0
for pair in "gpu cpu" "cpu gpu"; do
  read -r trained_on scored_on <<< "$pair"
  java -jar "$out/deephem-$scored_on.jar" score --model "$out/zoo/check-$trained_on.zip" --data "$DATA" \
      -o "$out/scores-$trained_on-on-$scored_on.csv" > "$out/cross-$trained_on-on-$scored_on.log" 2>&1 \
      || fail "the $scored_on jar could not score the $trained_on-trained model (log: $out/cross-$trained_on-on-$scored_on.log)"
  d="$(maxdiff "$out/scores-$trained_on-on-$trained_on.csv" "$out/scores-$trained_on-on-$scored_on.csv")"
  verdict=ok
  if [[ "$d" == "ids differ" ]] || awk -v d="$d" 'BEGIN { exit !(d > 1e-4) }'; then verdict=FAILED; status=1; fi
  echo "model trained on $trained_on, scored on $scored_on: max |score difference| $d ($verdict)"
done

# 6. the figures
echo
printf '%-44s %14s %14s\n' "" "CPU" "GPU"
printf '%-44s %14s %14s\n' "seconds per epoch (epochs 2..$EPOCHS)" "${epoch_s[cpu]}" "${epoch_s[gpu]}"
printf '%-44s %14s %14s\n' "sequences per second (score, wall incl. load)" "${seq_s[cpu]}" "${seq_s[gpu]}"
echo "dataset: $DATA; logs, models and scores: $out/"
exit "$status"
