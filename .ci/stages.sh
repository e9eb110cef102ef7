# Sourced by .ci/test and .ci/sanitize: `stage NAME COMMAND...` runs a stage and prints its wall
# time, the CPU time of its processes and the load average, since the machine may be shared.

# CPU seconds used so far by this shell's finished child processes (cutime + cstime).
children_cpu() { awk -v tick="$(getconf CLK_TCK)" '{ printf "%.1f", ($16 + $17) / tick }' "/proc/$$/stat"; }

stage() {
  local name=$1 start=$SECONDS cpu
  cpu=$(children_cpu)
  shift
  echo "ci: $name"
  "$@"
  echo "ci: $name took $((SECONDS - start)) s, $(awk "BEGIN { print $(children_cpu) - $cpu }") s" \
    "of CPU (load average $(cut -d' ' -f1-3 /proc/loadavg))"
}
