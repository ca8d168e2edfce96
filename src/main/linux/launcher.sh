#!/bin/bash
# CharScope's launcher in the Linux app-image and packages (bin/CharScope), in place of jpackage's
# native one (docs/installer.md, "Our own launcher on Linux"). It starts the app-image's Java as
# jpackage's launcher would, from the same lib/app/CharScope.cfg, with two differences that take
# about 0.3 s off every start:
#  - it does not ask `rpm -qf` and `dpkg -S` which package owns it (jpackage's launcher does,
#    twice, before its JVM starts);
#  - it sets the variables OpenBLAS, OpenMP and glibc read when they load, as the app's first JVM
#    would start a second one to do (model/RelaunchEnvironment, whose rules these are), so that
#    the app runs in one JVM; and it gives a window's JVM the JIT options that relaunch adds
#    (os/StartupJit).
# The cfg's format is jpackage's: [Application] app.classpath= and app.mainclass=, [JavaOptions]
# java-options=, with $APPDIR, $ROOTDIR and $BINDIR in the values.

launcher=$(readlink -f "$0")
bin_dir=${launcher%/*}
root_dir=${bin_dir%/*}
app_dir=$root_dir/lib/app
java=$root_dir/lib/runtime/bin/java
cfg=$app_dir/${launcher##*/}.cfg
cpuinfo=/proc/cpuinfo

# The x86-64 core type OpenBLAS 0.3.19 should use for a /proc/cpuinfo flags line (the rules of
# RelaunchEnvironment.coreTypeFor): SkylakeX with AVX-512 F, BW and VL, Haswell with AVX2 and FMA,
# else none (the CPU's own choice is as good as any).
# Sets core ("" for none). No command substitution here or below: each would fork a shell.
core_type_for() {
  local flags=" ${1//$'\t'/ } "
  core=""
  if [[ $flags == *" avx512f "* && $flags == *" avx512bw "* && $flags == *" avx512vl "* ]]; then
    core=SkylakeX
  elif [[ $flags == *" avx2 "* && $flags == *" fma "* ]]; then
    core=Haswell
  fi
}

# As RelaunchEnvironment.of: on x86-64, unless the user chose a core type, set it with one OpenMP
# thread and two malloc arenas; a variable the user set is never overridden.
if [[ $HOSTTYPE == x86_64 && -z ${OPENBLAS_CORETYPE+set} && -r $cpuinfo ]]; then
  flags=""
  while IFS= read -r line; do
    if [[ $line == flags* ]]; then flags=$line; break; fi
  done < "$cpuinfo"
  core_type_for "$flags"
  if [[ -n $core ]]; then
    export OPENBLAS_CORETYPE=$core
    export OMP_NUM_THREADS=${OMP_NUM_THREADS-1}
    export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-2}
  fi
fi

# The window's JIT options: os/StartupJit.JVM_OPTIONS (LinuxLauncherTest keeps the two the same),
# for a window's start only, as the jar's relaunch adds them: a command's JVM keeps HotSpot's
# defaults (they slow `bench`, which times the first half second of training).
window_jit=(
  -XX:Tier4InvocationThreshold=50000
  -XX:Tier4MinInvocationThreshold=6000
  -XX:Tier4CompileThreshold=150000
  -XX:Tier4BackEdgeThreshold=400000
  -XX:CompileCommand=quiet
  "-XX:CompileCommand=CompileThresholdScaling,org/charscope/model/*.*,0.1"
  "-XX:CompileCommand=CompileThresholdScaling,org/charscope/train/*.*,0.1"
  "-XX:CompileCommand=CompileThresholdScaling,org/nd4j/*.*,0.1"
  "-XX:CompileCommand=CompileThresholdScaling,org/bytedeco/*.*,0.1"
)

# Whether the arguments open the window (app/Main's rule): none, or only existing files, besides
# one --theme NAME or --theme=NAME. Anything else is a command.
opens_window() {
  local arg theme_read="" value_next=""
  for arg in "$@"; do
    if [[ -n $value_next ]]; then value_next=""; continue; fi
    if [[ -z $theme_read && $arg == --theme ]]; then theme_read=yes value_next=yes; continue; fi
    if [[ -z $theme_read && $arg == --theme=* ]]; then theme_read=yes; continue; fi
    [[ $arg != -* && -f $arg ]] || return 1
  done
}
jit=()
if opens_window "$@"; then jit=("${window_jit[@]}"); fi

if [[ ! -x $java || ! -r $cfg ]]; then
  echo "CharScope: this installation is incomplete (no $java or no $cfg); reinstall CharScope." >&2
  exit 1
fi

expand() {   # sets value: a cfg value with jpackage's $APPDIR, $ROOTDIR and $BINDIR replaced
  value=${1//\$APPDIR/$app_dir}
  value=${value//\$ROOTDIR/$root_dir}
  value=${value//\$BINDIR/$bin_dir}
}

options=() classpath="" main_class=""
while IFS= read -r line || [[ -n $line ]]; do
  case $line in
    java-options=*) expand "${line#java-options=}"; options+=("$value") ;;
    app.classpath=*) expand "${line#app.classpath=}"; classpath+=${classpath:+:}$value ;;
    app.mainclass=*) main_class=${line#app.mainclass=} ;;
  esac
done < "$cfg"

exec "$java" "${jit[@]}" "${options[@]}" "-Djpackage.app-path=$launcher" -cp "$classpath" "$main_class" "$@"
