#!/usr/bin/env bash
# Side by side, on the same data and in one run:
#   - a member search typed letter by letter (mean time per letter) against `fzf --filter`
#     on the same names and query, fzf's input reading excluded (its time for a query that
#     every name fails at its first character is subtracted);
#   - start-up to the first frame on the built-in knowledge base against
#     `fzf --filter x </dev/null` (hyperfine, in a tmux pane: the explorer needs a terminal);
#   - opening the knowledge base from the binary cache against parsing its RON;
#   - drawing a 200x60 frame.
# Ends with one line:
#   ratios keystroke_vs_fzf=X startup_vs_fzf=Y cache_speedup=Z frame_us_1m=W
# keystroke_vs_fzf is the worst query's. With --quick, the data has 100 000 organisations
# instead of a million (the figures then say so) and fewer runs are made.
#
# Installs what it needs (fzf, hyperfine, tmux) with apt-get when missing. The synthetic
# knowledge base is written once under target/bench-data/.
set -euo pipefail

quick=0
if [[ "${1:-}" == "--quick" ]]; then quick=1; fi
orgs=1000000
runs=10
if [[ $quick == 1 ]]; then orgs=100000; runs=5; fi

cd "$(dirname "$0")/.."
missing=()
for tool in fzf hyperfine tmux; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
    sudo=""
    if [[ $(id -u) != 0 ]]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

out=target/bench-data
mkdir -p "$out"
names="$out/names-$orgs.txt"
figures="$out/peers-$orgs.txt"

echo "== building"
cargo build --release --quiet
echo "== our figures ($orgs organisations)"
cargo bench --quiet --bench peers -- --orgs "$orgs" --names "$names" | tee "$figures"
value() { grep "^$1=" "$figures" | cut -d= -f2; }

echo "== fzf --filter on the same $(wc -l <"$names") names"
queries=(univ qdl ecole telekom)
commands=("fzf --filter '^§§§' < $names")
for q in "${queries[@]}"; do commands+=("fzf --filter $q < $names"); done
# (fzf exits 1 when nothing matches: not a failure here.)
hyperfine --ignore-failure --warmup 1 --runs "$runs" --export-csv "$out/fzf.csv" "${commands[@]}" \
    >"$out/fzf.log" 2>&1
mean_ms() { awk -F, -v row="$1" 'NR == row + 1 { printf "%.3f", $2 * 1000 }' "$out/fzf.csv"; }
reading=$(mean_ms 1)
worst=0
row=2
for q in "${queries[@]}"; do
    total=$(mean_ms $row)
    ours=$(value "keystroke_ms_$q")
    ratio=$(awk -v o="$ours" -v t="$total" -v r="$reading" 'BEGIN { m = t - r; if (m <= 0) m = 0.001; printf "%.2f", o / m }')
    echo "query $q: ours ${ours} ms per letter; fzf ${total} ms, of which matching $(awk -v t="$total" -v r="$reading" 'BEGIN { printf "%.1f", t - r }') ms; ratio $ratio"
    worst=$(awk -v a="$worst" -v b="$ratio" 'BEGIN { print (b > a) ? b : a }')
    row=$((row + 1))
done

echo "== start-up to the first frame (hyperfine in a tmux pane)"
bin="$PWD/target/release/alliances"
socket="alliances-bench-$$"
rm -f "$out/startup.csv"
tmux -L "$socket" new-session -d -x 120 -y 40 \
    "hyperfine --ignore-failure --show-output --warmup 20 --runs 300 --export-csv '$PWD/$out/startup.csv' \
        '$bin --exit-after-first-frame </dev/tty' 'fzf --filter x </dev/null'; tmux -L '$socket' wait-for -S done"
tmux -L "$socket" wait-for done
tmux -L "$socket" kill-server 2>/dev/null || true
ours_start=$(awk -F, 'NR == 2 { printf "%.3f", $2 * 1000 }' "$out/startup.csv")
fzf_start=$(awk -F, 'NR == 3 { printf "%.3f", $2 * 1000 }' "$out/startup.csv")
echo "ours ${ours_start} ms, fzf ${fzf_start} ms"

startup=$(awk -v a="$ours_start" -v b="$fzf_start" 'BEGIN { printf "%.2f", a / b }')
cache=$(awk -v a="$(value ron_load_ms)" -v b="$(value cached_load_ms)" 'BEGIN { printf "%.1f", a / b }')
frame=$(value frame_us)
if [[ $quick == 1 ]]; then
    echo "(--quick: every figure below is at $orgs organisations, frame_us_1m included)"
fi
echo "ratios keystroke_vs_fzf=$worst startup_vs_fzf=$startup cache_speedup=$cache frame_us_1m=$frame"
