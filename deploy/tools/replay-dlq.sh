#!/usr/bin/env bash
# Copies the records of <topic>.dlq back onto <topic>, with their keys (so each complaint stays on its
# partition) and their CloudEvents headers (ce_id, so consumers that already handled one skip it); the
# dead-letter-* headers SmallRye added are dropped. Runs inside the aduan-kafka-ops pod
# (deploy/tools/kafka-ops.yaml), as deploy/README.md shows:
#   kubectl -n aduan exec -i aduan-kafka-ops -- bash -s complaints.submitted < deploy/tools/replay-dlq.sh
# Its consumer group (aduan-ops-replay-<topic>) remembers how far it got: a second run replays only
# what was dead-lettered since.
set -euo pipefail
TOPIC=${1:?usage: replay-dlq.sh <event topic, e.g. complaints.submitted>}
BOOTSTRAP=${KAFKA_BOOTSTRAP:?KAFKA_BOOTSTRAP is not set}
CONFIG=${KAFKA_CLIENT_CONFIG:-/tmp/client.properties}
BIN=${KAFKA_BIN:-/opt/kafka/bin}
IDLE_MS=${IDLE_MS:-15000}

# Control characters as separators: a dead-letter-reason may hold commas, tabs and newlines.
RS=$(printf '\036')   # between records
GS=$(printf '\035')   # between headers
US=$(printf '\037')   # after the headers, after the key

"$BIN/kafka-console-consumer.sh" --bootstrap-server "$BOOTSTRAP" --consumer.config "$CONFIG" \
    --topic "$TOPIC.dlq" --group "aduan-ops-replay-$TOPIC" --from-beginning --timeout-ms "$IDLE_MS" \
    --property print.headers=true --property print.key=true \
    --property "line.separator=$RS" --property "headers.separator=$GS" --property "key.separator=$US" \
  | awk -v RS="$RS" -v FS="$US" -v GS="$GS" -v US="$US" '
      { n = split($1, h, GS); kept = ""
        for (i = 1; i <= n; i++) if (h[i] !~ /^dead-letter-/ && h[i] != "NO_HEADERS") kept = kept (kept == "" ? "" : GS) h[i]
        if (kept == "") { print "skipped a record without CloudEvents headers, key " $2 > "/dev/stderr"; next }
        print kept US $2 US $3; replayed++ }
      END { print replayed + 0 " records replayed onto '"$TOPIC"'" > "/dev/stderr" }' \
  | "$BIN/kafka-console-producer.sh" --bootstrap-server "$BOOTSTRAP" --producer.config "$CONFIG" \
    --topic "$TOPIC" --producer-property acks=all \
    --property parse.headers=true --property parse.key=true \
    --property "headers.delimiter=$US" --property "headers.separator=$GS" --property "key.separator=$US"
