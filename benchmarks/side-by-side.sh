#!/bin/sh
# The quick side-by-side profile of issue 6: prodtrack vs H2 in-memory, SQLite in-memory and plain
# collections, every question (issue 5's earned value, workload grid and critical path included) and
# mutation, sizes S and L by default; then load time and heap after load
# at the largest size; then the markdown ratio table in benchmarks/target/side-by-side.md.
#
#   benchmarks/side-by-side.sh                       # S and L
#   SIZES=L benchmarks/side-by-side.sh               # L only
#   SIZES=XL HEAP=-Xmx20g benchmarks/side-by-side.sh # XL (about 10 x L in time and memory)
#   FORKED=1 benchmarks/side-by-side.sh              # one fork per question and peer (see below)
#
# Quick profile: 2 x 1 s warm-up, 3 x 1 s measurement, -prof gc, and no fork per trial: each size's
# production is generated once per JVM and every peer loaded once and checked against prodtrack
# (-Dprodtrack.peers.shared=true), the questions in one JVM and the mutations in another, so that no
# question runs on data that one peer's mutations changed more than another's. Generating L takes 10 s to
# 2 min depending on the machine's load, which one fork per question and peer (40 per size) pays every
# time: FORKED=1 gives JMH's isolation (no profile pollution between peers) at that price.
# A run of a few questions on some peers can skip loading the others in the shared mode:
# -Dprodtrack.peers.load=sqlite,plain (in JAVA_OPTS; prodtrack is always loaded, all three others by default).
# Options of the JMH runner's JVM go in JAVA_OPTS (for example -Djmh.ignoreLock=true when another JMH
# run holds /tmp/jmh.lock), extra JMH options in JMH_OPTS.
set -eu
cd "$(dirname "$0")/.."
SIZES=${SIZES:-S,L}
HEAP=${HEAP:--Xmx10g}
OUT=benchmarks/target
QUERIES='peers\.(TasksForShot|TasksByStatus|TodoList|LateTasks|TimeSpentPerPerson|SequenceTimeline|EarnedValue|WorkloadGrid|CriticalPath)Benchmark'
MUTATIONS='peers\.(CommentWithStatus|SetTimeSpent|Reassign)Benchmark'
PROFILE="-wi 2 -w 1 -i 3 -r 1 -prof gc"
./mvnw -B -q package -DskipTests -pl benchmarks -am
if [ "${FORKED:-}" = 1 ]; then
  java ${JAVA_OPTS:-} -jar $OUT/benchmarks.jar 'peers\.' -p size="$SIZES" -f 1 $PROFILE \
    -jvmArgsAppend "-Xms4g $HEAP" -rf json -rff $OUT/side-by-side.json ${JMH_OPTS:-}
  RESULTS=$OUT/side-by-side.json
else
  RESULTS=
  for size in $(echo "$SIZES" | tr ',' ' '); do
    for group in queries mutations; do
      if [ $group = queries ]; then pattern=$QUERIES; else pattern=$MUTATIONS; fi
      java -Xms4g $HEAP ${JAVA_OPTS:-} -Dprodtrack.peers.shared=true -jar $OUT/benchmarks.jar "$pattern" \
        -p size="$size" -f 0 $PROFILE -rf json -rff $OUT/side-by-side-$size-$group.json ${JMH_OPTS:-}
      RESULTS="$RESULTS $OUT/side-by-side-$size-$group.json"
    done
  done
fi
LARGEST=${SIZES##*,}
java $HEAP -cp $OUT/benchmarks.jar dev.prodtrack.benchmarks.peers.Footprint "$LARGEST" $OUT/footprint-"$LARGEST".tsv
java -cp $OUT/benchmarks.jar dev.prodtrack.benchmarks.peers.Report $RESULTS $OUT/footprint-"$LARGEST".tsv \
  > $OUT/side-by-side.md
echo "written: $OUT/side-by-side.md (raw: $RESULTS $OUT/footprint-$LARGEST.tsv)"
