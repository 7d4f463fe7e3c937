#!/bin/sh
# The quick side-by-side profile of issue 6: prodtrack vs H2, SQLite and plain collections.
# Builds the benchmarks jar, runs every question for every peer (one fork, 2 x 1 s warm-up,
# 3 x 1 s measurement, -prof gc) at the sizes given (default S,L), measures load time and heap
# after load at the largest size, and writes the markdown table to benchmarks/target/side-by-side.md.
#
#   benchmarks/side-by-side.sh            # S and L, about 20 minutes on 2 cores
#   SIZES=L benchmarks/side-by-side.sh    # L only
#   SIZES=XL HEAP=-Xmx20g benchmarks/side-by-side.sh
#
# Extra JMH options go in JMH_OPTS; options of the JMH runner's JVM in JAVA_OPTS (for example
# JAVA_OPTS=-Djmh.ignoreLock=true when another JMH run on the machine holds /tmp/jmh.lock).
set -eu
cd "$(dirname "$0")/.."
SIZES=${SIZES:-S,L}
HEAP=${HEAP:--Xmx8g}
OUT=benchmarks/target
./mvnw -B -q package -DskipTests -pl benchmarks -am
java ${JAVA_OPTS:-} -jar $OUT/benchmarks.jar 'peers\.' -p size="$SIZES" -f 1 -wi 2 -w 1 -i 3 -r 1 -prof gc \
  -jvmArgsAppend "-Xms4g $HEAP" -rf json -rff $OUT/side-by-side.json ${JMH_OPTS:-}
LARGEST=${SIZES##*,}
java $HEAP -cp $OUT/benchmarks.jar dev.prodtrack.benchmarks.peers.Footprint "$LARGEST" $OUT/footprint-"$LARGEST".tsv
java -cp $OUT/benchmarks.jar dev.prodtrack.benchmarks.peers.Report $OUT/side-by-side.json \
  $OUT/footprint-"$LARGEST".tsv > $OUT/side-by-side.md
echo "written: $OUT/side-by-side.md (raw: $OUT/side-by-side.json, $OUT/footprint-$LARGEST.tsv)"
