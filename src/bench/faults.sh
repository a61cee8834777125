#!/usr/bin/env bash
# Fault kit for the embedded store (issue 9). Runs the jar on its own data directory under write load and
# breaks it: kill -9 (3 cycles), SIGTERM, a store read-only at start-up and one going read-only while running, a full
# disk (small tmpfs, 3 times on one running server, then a restart while it is still full), a damaged file. After each case it restarts the server (the counter sweeper runs at
# start-up), stops it, exports the database and checks with verify.py that every acknowledged write is
# stored exactly once and that every counter matches the comments. Results: target/faults/results.md.
# Usage: src/bench/faults.sh [load seconds per case, default 10]
#        CASES="kill9 term readonly rowhile full corrupt" (the default: all) picks cases; later ones reuse the data of
#        earlier ones, or of a short seeding run when those are left out.
# Needs root for the read-only and full-disk cases (mount); they are skipped otherwise.
set -uo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_CASE=${1:-10}
PORT=${FAULT_PORT:-18092}
OUT=$PWD/target/faults
JAR=$PWD/target/broadsheet-0.1.0-SNAPSHOT.jar
TOKEN=bs_fault-kit-admin-token-0123456789
LOAD="java src/bench/faults/PostLoad.java http://127.0.0.1:$PORT/graphql $TOKEN"
WRITERS=6
MNT=${FAULT_MNT:-$OUT}   # where the read-only and tmpfs mounts go
for m in "$MNT/ro" "$MNT/full" "$MNT/rowhile"; do mountpoint -q "$m" && umount "$m"; done
# target/faults/kept/ (data directories kept from failed restarts) survives later runs; everything else is redone.
mkdir -p "$OUT" "$MNT"; find "$OUT" -mindepth 1 -maxdepth 1 ! -name kept -exec rm -rf {} +
# Rebuilt whenever a source is newer than the jar: a stale jar would test yesterday's code.
if [ ! -f "$JAR" ] || [ -n "$(find src/main schema pom.xml -newer "$JAR" -print -quit)" ]; then
  mvn -B -q -DskipTests package || exit 1
fi
RESULTS=$OUT/results.md
echo "| case | acknowledged writes | lost | duplicates | counter drift | what happened |" > "$RESULTS"
echo "|---|---:|---:|---:|---:|---|" >> "$RESULTS"
SERVER=
EPORT=${FAULT_STORE_PORT:-18093}   # the embedded store's loopback port: export reads the running server (online backup)

start() { # data dir, log
  java -Xmx512m -jar "$JAR" --server.port=$PORT --broadsheet.store.data-dir="$1" --broadsheet.store.embedded-port=$EPORT \
    --broadsheet.security.bootstrap-admin-token=$TOKEN --broadsheet.comments.rate-limit.posts=1000000 \
    --spring.main.banner-mode=off >> "$2" 2>&1 &
  SERVER=$!
}
ready() { # waits for readiness UP (or the process to end); 0 when ready
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "$SERVER" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}
stop() { kill -TERM "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; SERVER=; }
keep() { # data dir, log, label: copies both to target/faults/kept/<time>-<label>/ (before a mount goes away); prints it
  local dir; dir=$OUT/kept/$(date +%Y%m%d-%H%M%S)-$3
  mkdir -p "$dir" && cp -a "$1" "$dir/data" && cp "$2" "$dir/"
  { echo "kept after: $3"; ls -l "$1"; df -B1 "$1"; } > "$dir/what.txt" 2>&1
  echo "$dir"
}
why_not_started() { # log: the line the server gave for not starting (Boot's failure analysis, else the first ERROR)
  { grep -m1 -A2 '^Description' "$1" | tail -1; grep -m1 ' ERROR ' "$1"; } | head -1 | cut -c1-300 | tr '|' ' '
}
load() { # seconds, ack file: writers in the background (LOADER); returns once 20 more writes are acknowledged
  local before; before=$(wc -l < "$2")
  $LOAD "$1" $WRITERS "$2" mixed >> "$OUT/load.txt" 2>&1 &
  LOADER=$!
  for _ in $(seq 1 120); do [ $(( $(wc -l < "$2") - before )) -ge 20 ] && return; sleep 0.5; done
}
health() { curl -s -m 2 "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | head -c 300; }
trace() { # data dir, file: every second, the store file's size, the free space and readiness (full-disk diagnosis)
  while sleep 1; do
    echo "$(date +%T) store=$(stat -c %s "$1/broadsheet.mv" 2>/dev/null) filler=$(stat -c %s "$1/filler" 2>/dev/null || echo -) \
free=$(df --output=avail -B1 "$1" | tail -1) acks=$(wc -l < "$ACKS") $(health | grep -o '"status":"[A-Z]*"' | head -1)" >> "$2"
  done
}
verify() { # case name, ack file, note: exports the RUNNING server online and checks the export
  local name=$1 acks=$2 note=$3 line
  java -jar "$JAR" export --uri "mongodb://127.0.0.1:$EPORT/broadsheet" --to "$OUT/$name-export" > "$OUT/$name-export.log" 2>&1
  line=$(python3 src/bench/faults/verify.py "$OUT/$name-export" "$acks" | tee "$OUT/$name-verify.txt" | head -1)
  echo "$name: $line"
  local acked lost dups drift uncounted
  acked=$(sed -E 's/.*acked=([0-9]+).*/\1/' <<< "$line"); lost=$(sed -E 's/.*lost=([0-9]+).*/\1/' <<< "$line")
  dups=$(sed -E 's/.*duplicates=([0-9]+).*/\1/' <<< "$line"); drift=$(sed -E 's/.*drift=([0-9]+).*/\1/' <<< "$line")
  uncounted=$(sed -E 's/.*uncounted=([0-9]+).*/\1/' <<< "$line")
  echo "| $name | $acked | $lost | $dups | $drift (+$uncounted unswept) | $note |" >> "$RESULTS"
}

CASES=${CASES:-kill9 term readonly rowhile full corrupt}
has() { [[ " $CASES " == *" $1 "* ]]; }

# 1. kill -9 under write load, 3 cycles on one data directory; after each, restart (the sweeper runs) and check.
DATA=$OUT/data; ACKS=$OUT/main.acks; : > "$ACKS"
start "$DATA" "$OUT/server.log"; ready || { echo "no start"; tail -20 "$OUT/server.log"; exit 1; }
if has kill9; then
  for cycle in 1 2 3; do
    load 120 "$ACKS"; sleep "$SECONDS_PER_CASE"
    kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null; wait "$LOADER" 2>/dev/null
    start "$DATA" "$OUT/server.log"; ready || { echo "no restart after kill -9"; tail -20 "$OUT/server.log"; exit 1; }
    verify "kill-9 cycle $cycle" "$ACKS" "6 writers (comments, replies, articles created and published), kill -9 after ${SECONDS_PER_CASE} s; restarted, swept, checked (cumulative)"
  done
fi

# 2. SIGTERM under write load.
if has term; then
  load 120 "$ACKS"; sleep "$SECONDS_PER_CASE"; stop; wait "$LOADER" 2>/dev/null
  start "$DATA" "$OUT/server.log"; ready
  verify "SIGTERM" "$ACKS" "graceful stop under the same load (cumulative)"
else
  load 120 "$ACKS"; sleep "$SECONDS_PER_CASE"; kill "$LOADER" 2>/dev/null; wait "$LOADER" 2>/dev/null
fi
stop

if [ "$(id -u)" = 0 ] && mkdir -p "$OUT/mnt" && mount -t tmpfs -o size=64m tmpfs "$OUT/mnt" 2>/dev/null; then
  umount "$OUT/mnt"
  if has readonly; then
  # 3a. A store file on a read-only file system at start-up: refused, one line naming the file and the cause.
  mkdir -p "$OUT/ro-src" "$MNT/ro"; cp -r "$DATA/." "$OUT/ro-src/"
  mount --bind "$OUT/ro-src" "$MNT/ro" && mount -o remount,ro,bind "$MNT/ro"
  start "$MNT/ro" "$OUT/readonly-start.log"
  if ready; then note="STARTED on a read-only store (bad)"; stop; else
    wait "$SERVER" 2>/dev/null; note="refused to start: $(grep -m1 -A2 '^Description' "$OUT/readonly-start.log" | tail -1 | tr '|' ' ')"; fi
  umount "$MNT/ro"
  echo "| read-only at start | 0 | 0 | 0 | 0 | $note |" >> "$RESULTS"
  fi

  # 3b. The file system goes read-only under the running server. `mount -o remount,ro` is refused (EBUSY) while the
  #     store file is open for writing, so this is staged as the kernel does it on a disk error: ext4 on a loop
  #     device mounted errors=remount-ro, and an error triggered through /sys/fs/ext4/<dev>/trigger_fs_error.
  #     ext4 then refuses `remount,rw` until the file system is unmounted and checked, so recovery here is
  #     e2fsck and a restart; recovery without a restart is the full-disk case (the same failed-write path).
  if has rowhile && LOOPDEV=$(losetup -f --show "$(truncate -s $(( $(du -sm "$DATA" | cut -f1) + 64 ))M "$OUT/rowhile.img" && \
      mkfs.ext4 -q -F "$OUT/rowhile.img" && echo "$OUT/rowhile.img")" 2>/dev/null); then
    RW=$MNT/rowhile; ACKS=$OUT/rowhile.acks; : > "$ACKS"; mkdir -p "$RW"
    mount -o errors=remount-ro "$LOOPDEV" "$RW" && cp -r "$DATA/." "$RW/"
    start "$RW" "$OUT/rowhile.log"; ready
    load 300 "$ACKS"; sleep "$SECONDS_PER_CASE"
    echo fault-kit > "/sys/fs/ext4/$(basename "$LOOPDEV")/trigger_fs_error"; sleep 2
    during=$(health | grep -o '"status":"[A-Z]*"' | head -1); acked_before=$(wc -l < "$ACKS"); sleep 10
    acked_while_ro=$(( $(wc -l < "$ACKS") - acked_before ))
    kill "$LOADER" 2>/dev/null; wait "$LOADER" 2>/dev/null
    verify "read-only while running (still running)" "$ACKS" "$(mount | grep -o "$RW type ext4 ([a-z_,=-]*" | sed 's/.*(//'); \
readiness: ${during}; writes acknowledged in 10 s while read-only: $acked_while_ro; reads served from the file (this export)"
    stop; umount "$RW"; e2fsck -fy "$OUT/rowhile.img" > "$OUT/rowhile-fsck.txt" 2>&1
    mount -o errors=remount-ro "$LOOPDEV" "$RW"; start "$RW" "$OUT/rowhile.log"; ready
    verify "read-only while running, after e2fsck and a restart" "$ACKS" "checked after the file system was repaired and remounted rw"
    stop; umount "$RW"; losetup -d "$LOOPDEV"
  fi

  # 4. Full disk: a tmpfs with 32 MiB of room beyond the store, filled up while writers post, then freed; FULL_CYCLES
  #    times (default 3) in a row on one running server. After each cycle the writers stop and the running server
  #    is checked (online export); after the last, it is restarted (the sweeper runs) and checked again.
  if has full; then
  FULL=$MNT/full; ACKS=$OUT/full.acks; : > "$ACKS"; mkdir -p "$FULL"
  room_mb=$(( $(du -sm "$DATA" | cut -f1) + 32 ))
  mount -t tmpfs -o size=${room_mb}m tmpfs "$FULL"; cp -r "$DATA/." "$FULL/"
  start "$FULL" "$OUT/full.log"; ready
  trace "$FULL" "$OUT/full-trace.txt" & TRACER=$!
  for cycle in $(seq 1 "${FULL_CYCLES:-3}"); do
    load 300 "$ACKS"; sleep "$SECONDS_PER_CASE"
    dd if=/dev/zero of="$FULL/filler" bs=1M count=4096 2>/dev/null; filler_mb=$(( $(stat -c %s "$FULL/filler") / 1048576 ))
    sleep 2; during=$(health | grep -o '"status":"[A-Z]*"' | head -1)
    log_before=$(stat -c %s "$OUT/full.log"); acked_before=$(wc -l < "$ACKS"); sleep 10
    log_growth=$(( $(stat -c %s "$OUT/full.log") - log_before )); acked_while_full=$(( $(wc -l < "$ACKS") - acked_before ))
    rm -f "$FULL/filler"; freed=$(date +%s.%N); recovered="did not recover within 30 s"
    for _ in $(seq 1 300); do
      health | grep -q '"UP"' && { recovered="UP $(printf '%.1f' "$(echo "$(date +%s.%N) - $freed" | bc)") s after freeing"; break; }
      sleep 0.1
    done
    before_more=$(wc -l < "$ACKS"); sleep "$SECONDS_PER_CASE"; acked_after=$(( $(wc -l < "$ACKS") - before_more ))
    kill "$LOADER" 2>/dev/null; wait "$LOADER" 2>/dev/null; sleep 1
    verify "full disk, cycle $cycle (running, no restart)" "$ACKS" "filler took ${filler_mb} MiB; readiness while full: ${during}; \
writes acknowledged in 10 s while full: $acked_while_full; log grew $log_growth bytes in those 10 s; $recovered, then $acked_after \
writes acknowledged in ${SECONDS_PER_CASE} s; store file $(stat -c %s "$FULL/broadsheet.mv") bytes (cumulative over the cycles)"
  done
  kill "$TRACER" 2>/dev/null; stop
  restart_from=$(stat -c %s "$OUT/full.log")
  start "$FULL" "$OUT/full.log"
  if ready; then
    verify "full disk, after a restart" "$ACKS" "restarted (the sweeper applies counter changes left by refused writes) and checked; \
store file $(stat -c %s "$FULL/broadsheet.mv") bytes, $(df --output=avail -B1 "$FULL" | tail -1) bytes free; ERROR lines in the whole log: $(grep -c ' ERROR ' "$OUT/full.log")"
    stop
  else
    stop; tail -c +"$((restart_from + 1))" "$OUT/full.log" > "$OUT/full-restart.log"
    kept=$(keep "$FULL" "$OUT/full-restart.log" full-restart)
    echo "| full disk, after a restart | - | - | - | - | did not start: $(why_not_started "$OUT/full-restart.log"); store file \
$(stat -c %s "$FULL/broadsheet.mv") bytes, $(df --output=avail -B1 "$FULL" | tail -1) bytes free; kept in ${kept#$PWD/} |" >> "$RESULTS"
    # The kept file, given room: a copy on the real disk, started and checked (the kept copy stays as it was).
    mkdir -p "$OUT/full-roomy"; cp -a "$kept/data/." "$OUT/full-roomy/"
    start "$OUT/full-roomy" "$OUT/full-roomy.log"
    if ready; then
      verify "full disk, the kept file given room" "$ACKS" "a copy of the data the restart refused, started on the real disk and checked"; stop
    else
      stop; echo "| full disk, the kept file given room | - | - | - | - | did not start either: $(why_not_started "$OUT/full-roomy.log") |" >> "$RESULTS"
    fi
  fi
  # 4b. A restart while the disk is still full: refused with one line (or started read-only), the file left as
  #     it was; then the space is freed, and a restart must serve every acknowledged write.
  sum_before=$(md5sum < "$FULL/broadsheet.mv"); size_before=$(stat -c %s "$FULL/broadsheet.mv")
  dd if=/dev/zero of="$FULL/filler" bs=1M count=4096 2>/dev/null
  still_from=$(stat -c %s "$OUT/full.log" 2>/dev/null || echo 0)
  start "$FULL" "$OUT/full.log"
  if ready; then note="STARTED and ready on a full disk (bad)"; stop
  else
    if kill -0 "$SERVER" 2>/dev/null; then note="running, not ready (serves reads): $(health)"; stop
    else wait "$SERVER" 2>/dev/null; SERVER=; note="refused to start: $(tail -c +"$((still_from + 1))" "$OUT/full.log" > "$OUT/full-still.log"; why_not_started "$OUT/full-still.log")"; fi
  fi
  [ "$(md5sum < "$FULL/broadsheet.mv")" = "$sum_before" ] && same="the store file is byte for byte as before" || same="THE STORE FILE CHANGED ($size_before -> $(stat -c %s "$FULL/broadsheet.mv") bytes)"
  echo "| full disk, restart while still full | - | - | - | - | $note; $same |" >> "$RESULTS"
  rm -f "$FULL/filler"
  freed_from=$(stat -c %s "$OUT/full.log")
  start "$FULL" "$OUT/full.log"
  if ready; then
    verify "full disk, restarted once freed" "$ACKS" "the filler deleted, restarted and checked; $(df --output=avail -B1 "$FULL" | tail -1) bytes free"
    stop
  else
    stop; tail -c +"$((freed_from + 1))" "$OUT/full.log" > "$OUT/full-freed.log"; kept=$(keep "$FULL" "$OUT/full-freed.log" full-freed)
    echo "| full disk, restarted once freed | - | - | - | - | did not start: $(why_not_started "$OUT/full-freed.log"); kept in ${kept#$PWD/} |" >> "$RESULTS"
  fi
  umount "$FULL"
  fi
else
  echo "| read-only, full disk | - | - | - | - | skipped: needs root and mount -t tmpfs |" >> "$RESULTS"
fi

# 5. A damaged file: bytes overwritten in the middle of the store.
if has corrupt; then
mkdir -p "$OUT/corrupt"; cp -r "$DATA/." "$OUT/corrupt/"
size=$(stat -c %s "$OUT/corrupt/broadsheet.mv")
for offset in $((size / 3)) $((size / 2)) $((size * 2 / 3)); do
  head -c 256 /dev/urandom | dd of="$OUT/corrupt/broadsheet.mv" bs=1 seek="$offset" conv=notrunc 2>/dev/null
done
start "$OUT/corrupt" "$OUT/corrupt.log"
if ready; then
  # Started: the bytes fell where no live page is, or the damage went unnoticed; the check tells which.
  verify "damaged file" "$OUT/main.acks" "started on the damaged file; this row checks what it serves"; stop
else
  wait "$SERVER" 2>/dev/null
  echo "| damaged file | - | - | - | - | refused: $(grep -m1 -A2 '^Description' "$OUT/corrupt.log" | tail -1 | tr '|' ' ') |" >> "$RESULTS"
fi
fi

echo; cat "$RESULTS"
