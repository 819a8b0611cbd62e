# Sourced by the benchmark scripts: one line per figure that bench/all.sh gathers into BENCHMARKS.md's table.
# result REQUIREMENT FIGURE TARGET VERDICT   (VERDICT: met, not met, or - when the figure has no target of its own)
result() {
  printf 'RESULT|%s|%s|%s|%s\n' "$1" "$2" "$3" "$4"
}

# at_most VALUE LIMIT / at_least VALUE LIMIT: "met" or "not met", for decimals.
at_most() { if [[ "$(echo "$1 <= $2" | bc -l)" == 1 ]]; then echo met; else echo "not met"; fi; }
at_least() { if [[ "$(echo "$1 >= $2" | bc -l)" == 1 ]]; then echo met; else echo "not met"; fi; }
