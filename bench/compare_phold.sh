#!/usr/bin/env bash
# Measures b24-phold against b24-phold-floor: the two programs alternate five times on the same
# parameters; the result is the median of the five events/s ratios (kernel / floor).
#   bench/compare_phold.sh BIN_DIR [PHOLD ARGS...]
set -euo pipefail
bin=$1; shift
args=(--lps 1024 --events-per-lp 16 --lookahead 0.1 --mean 1.0 "$@")
ratios=()
for i in 1 2 3 4 5; do
  k=$("$bin/b24-phold" "${args[@]}")
  f=$("$bin/b24-phold-floor" "${args[@]}")
  ke=$(sed -n 's/^events=\([0-9]*\).*/\1/p' <<<"$k"); fe=$(sed -n 's/^events=\([0-9]*\).*/\1/p' <<<"$f")
  [ "$ke" = "$fe" ] || { echo "event counts differ: kernel $ke, floor $fe" >&2; exit 1; }
  kr=$(sed -n 's/^events\/s=\([0-9]*\).*/\1/p' <<<"$k"); fr=$(sed -n 's/^events\/s=\([0-9]*\).*/\1/p' <<<"$f")
  r=$(awk -v a="$kr" -v b="$fr" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$r")
  printf 'round %d: events=%s kernel=%s ev/s floor=%s ev/s ratio=%s\n' "$i" "$ke" "$kr" "$fr" "$r"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n 3p)
echo "median ratio (kernel/floor) = $median"
