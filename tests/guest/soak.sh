# SPDX-License-Identifier: GPL-2.0
#
# The soak's guest half (scripts/soak: the debug kernel, QEMU's igb under
# the host's frames). A cycle is one step of what a busy host does, in
# turn: a link flap, ethtool -G, a network namespace with a veth pair
# made and destroyed, ethtool -L, the look-alike rings reloaded, an MTU
# change (9000: order-1 pages), nicmem unloaded and loaded again, a dummy
# device made and destroyed; every 50th cycle igb itself is unloaded and
# probed again, every 40th (from the 6th) a 256 MiB DIMM is plugged, onlined, offlined
# and unplugged, every 10th the host sends a burst of frames. Phase "with":
# nicmem loaded, two readers looping over every file and a file held open
# across each cycle. Phase "without": as many cycles, no nicmem. Slab and
# SUnreclaim are read (caches dropped, RCU settled) before and after each
# phase. Settings come from /nicmem/soak.conf: SOAK_SECONDS (phase "with"
# runs that long) and SOAK_CYCLES (at least that many cycles). The KASAN,
# lockdep and KFENCE verdicts are the host's, from the console between
# the marks.
. /nicmem/lib.sh
. /nicmem/soak.conf

D=/sys/kernel/debug/nicmem
KO=/nicmem/nicmem.ko
RINGS=/nicmem/nicmem_fakering.ko
# fd 3: the results port, where the harness reads HARNESS-TRAFFIC requests
exec 3>&1
mark() { echo "NICMEM-KUNIT: $*" > /dev/kmsg; }

igb_if() {	# the interface igb drives now (its name may change on reprobe)
	for n in /sys/class/net/*; do
		[ "$(basename "$(readlink "$n/device/driver" 2>/dev/null)")" = igb ] &&
			{ basename "$n"; return 0; }
	done
	return 1
}
# Slab and SUnreclaim in kB, after the caches dropped, RCU settled and
# every slab cache shrunk (which also empties KASAN's quarantine of freed
# objects, else counted as slab)
slab() {
	sync
	echo 3 > /proc/sys/vm/drop_caches
	sleep 2
	for c in /sys/kernel/slab/*/shrink; do
		echo 1 > "$c"
	done 2> /dev/null
	awk '$1 == "Slab:" { s = $2 } $1 == "SUnreclaim:" { u = $2 } END { print s, u }' /proc/meminfo
}

IGB=$(igb_if)
[ -n "$IGB" ]
ok $? "igb probed QEMU's igb (${IGB:-none})"
load_module veth
load_module dummy
insmod $RINGS queues=2 ring=64
ok $? "insmod nicmem_fakering.ko (the look-alike rings)"
echo clear > /sys/kernel/debug/kmemleak 2> /dev/null

TRAFFIC=0 TRAFFIC_MAX=0
ERRS=0
OPS="flap ring netns channels lookalike mtu nicmem dummy"
# cycle <i> <phase>: one step of what a busy host does, in turn (op i % 8);
# every 50th cycle igb is also unloaded and probed again, every 10th
# the host sends a burst of frames. A step that fails is counted, not fatal.
cycle() {
	i=$1
	IGB=$(igb_if) || { ERRS=$((ERRS + 1)); return; }
	k=$((i % 8))
	c0=$(cs)
	case $k in
	0) ip link set "$IGB" down && ip link set "$IGB" up ;;
	1) ethtool -G "$IGB" rx $((256 << (i / 8 % 2))) ;;
	2) ip netns add soak &&
		ip link add sv0 type veth peer name sv1 netns soak &&
		ip link set sv0 up && ip -n soak link set sv1 up &&
		ip link del sv0 && ip netns del soak ;;
	3) ethtool -L "$IGB" combined $((1 + i / 8 % 2)) ;;
	4) rmmod nicmem_fakering && insmod $RINGS queues=2 ring=64 order1=$((i / 8 % 2)) ;;
	5) ip link set "$IGB" mtu $((i / 8 % 2 ? 9000 : 1500)) ;;
	6) [ "$2" = without ] || { rmmod nicmem && insmod $KO cache_ms=0; } ;;
	7) ip link add soakdummy type dummy && ip link set soakdummy up &&
		ip link del soakdummy ;;
	esac || { ERRS=$((ERRS + 1)); echo "# cycle $i ($2): step $k failed"; }
	eval "T$k=\$((\${T$k:-0} + $(cs) - c0)) N$k=\$((\${N$k:-0} + 1))"
	if [ $((i % 50)) -eq 49 ]; then
		rmmod igb && load_module igb && sleep 1 && IGB=$(igb_if) &&
			ip link set "$IGB" up || { ERRS=$((ERRS + 1)); echo "# cycle $i: igb reload failed"; }
		IGBRELOADS=$((IGBRELOADS + 1))
	fi
	if [ $((i % 40)) -eq 5 ]; then
		hotplug || { ERRS=$((ERRS + 1)); echo "# cycle $i: memory hotplug failed"; }
		HOTPLUGS=$((HOTPLUGS + 1))
	fi
	if [ $((i % 10)) -eq 9 ] && [ $TRAFFIC -lt $TRAFFIC_MAX ]; then
		echo "HARNESS-TRAFFIC 2000 1020" >&3
		TRAFFIC=$((TRAFFIC + 1))
	fi
}
# a 256 MiB DIMM plugged, onlined, offlined and unplugged (QEMU's pc-dimm,
# scripts/vm-harness --hotplug), with the readers running
hotplug() {
	mem_blocks > /tmp/hp0
	hb=$(wc -l < /tmp/hp0)
	echo "HARNESS-HOTPLUG add 1" >&3
	hp_wait $((hb + 256 * 1024 * 1024 / HP_BS)) || return 1
	for b in $(mem_blocks | grep -vxF -f /tmp/hp0); do
		echo online_movable > "$b/state" || return 1
	done
	for b in $(mem_blocks | grep -vxF -f /tmp/hp0); do
		echo offline > "$b/state" || return 1
	done
	echo "HARNESS-HOTPLUG del 1" >&3
	hp_wait "$hb"
}
HP_BS=$(($(printf '%d' "0x$(cat /sys/devices/system/memory/block_size_bytes)")))
# new blocks stay offline until hotplug() onlines them (movable)
echo offline > /sys/devices/system/memory/auto_online_blocks
HOTPLUGS=0

# the time each step took on average, in ms, reset after the print
steps() {	# steps <phase>
	line="" k=0
	for op in $OPS; do
		eval "t=\${T$k:-0} n=\${N$k:-0}"
		[ "$n" -gt 0 ] && line="$line $op=${n}x$((t * 10 / n))ms"
		eval "T$k=0 N$k=0"
		k=$((k + 1))
	done
	echo "# steps ($1):$line"
}

# every 100th cycle a line on the results port, for whoever watches a long soak
progress() {	# progress <cycles done> <phase> <start, in cs>
	[ $(($1 % 100)) -eq 0 ] &&
		echo "# $1 cycles ($2) in $((($(cs) - $3) / 100)) s, $ERRS failed steps"
}

# a warm-up: first-use allocations (netns, veth, igb's rings at each
# size) belong to neither phase
i=0
while [ $i -lt 8 ]; do
	cycle $i without
	i=$((i + 1))
done
steps warm-up
ERRS=0 IGBRELOADS=0 TRAFFIC=0 TRAFFIC_MAX=30 HOTPLUGS=0
mark start

# ---- phase "with" ----
read -r s0 u0 <<EOF
$(slab)
EOF
insmod $KO cache_ms=0
ok $? "insmod nicmem.ko cache_ms=0"
rm -f /tmp/stop
# Each reader pauses between files: two readers that never pause keep
# both vCPUs in censuses (cache_ms=0) and the churn at a third of the
# machine (11.7 s a cycle on the debug kernel in TCG, against ~2 s);
# paced, a census still runs during most steps.
PAUSE=${SOAK_READ_PAUSE:-0.3}
pids=""
for r in 1 2; do
	( n=0 e=0
	  while [ ! -e /tmp/stop ]; do
		for f in $NICMEM_FILES; do
			if cat "$D/$f" > /dev/null 2>&1; then n=$((n + 1)); else e=$((e + 1)); fi
			sleep "$PAUSE"
		done
	  done
	  echo "$n $e" > /tmp/reads.$r ) &
	pids="$pids $!"
done
t0=$(cs)
cycles=0 unloads=0 refused=0 held=0 heldok=0 kept0=$(dmesg | grep -c 'still open')
while [ $(($(cs) - t0)) -lt $((SOAK_SECONDS * 100)) ] || [ $cycles -lt "$SOAK_CYCLES" ]; do
	# a file held open across the cycle: it reads whole, or EIO when
	# nicmem was unloaded under it
	exec 5< "$D/queues"
	e0=$ERRS
	cycle $cycles with
	if [ $((cycles % 8)) -eq 6 ]; then
		if [ $ERRS -eq $e0 ]; then unloads=$((unloads + 1)); else refused=$((refused + 1)); fi
		grep -q '^nicmem ' /proc/modules || insmod $KO cache_ms=0
	fi
	if cat <&5 > /tmp/held 2> /tmp/held.err; then
		tail -n 1 /tmp/held | grep -q . && heldok=$((heldok + 1))
	else
		grep -qE 'I/O error|Input/output error' /tmp/held.err && heldok=$((heldok + 1))
	fi
	exec 5<&-
	held=$((held + 1))
	cycles=$((cycles + 1))
	progress $cycles with $t0
done
with_s=$((($(cs) - t0) / 100))
steps with
touch /tmp/stop
# shellcheck disable=SC2086
wait $pids
read -r n1 e1 < /tmp/reads.1
read -r n2 e2 < /tmp/reads.2
kept=$(($(dmesg | grep -c 'still open') - kept0))
rmmod nicmem
ok $? "rmmod nicmem at the end of the phase"
with_errs=$ERRS
read -r s1 u1 <<EOF
$(slab)
EOF

# ---- phase "without": as many cycles, no nicmem ----
# (its baseline is where phase "with" ended: nothing ran since)
ERRS=0 TRAFFIC_MAX=$((TRAFFIC * 2))
s2=$s1 u2=$u1
c=0
t1=$(cs)
while [ $c -lt $cycles ]; do
	cycle $c without
	c=$((c + 1))
	progress $c without $t1
done
without_s=$((($(cs) - t1) / 100))
steps without
read -r s3 u3 <<EOF
$(slab)
EOF
mark end

[ $refused -eq 0 ]
ok $? "rmmod nicmem never refused under readers ($unloads unloads)" "$refused refused or failed to load again"
[ $heldok -eq $held ]
ok $? "a file held open across each cycle reads whole, or EIO after an unload" "$heldok of $held"
[ $((n1 + n2)) -gt $cycles ]
ok $? "the readers read while the cycles ran ($((n1 + n2)) reads)"
[ $with_errs -eq 0 ] && [ $ERRS -eq 0 ]
ok $? "every churn step succeeded in both phases" "with: $with_errs, without: $ERRS failed"

# kmemleak: reported after two scans without a reference
echo scan > /sys/kernel/debug/kmemleak
sleep 1
echo scan > /sys/kernel/debug/kmemleak
cat /sys/kernel/debug/kmemleak > /tmp/kmemleak 2> /dev/null
emit kmemleak /tmp/kmemleak
echo "SOAK-FIGURES cycles=$cycles with_s=$with_s without_s=$without_s reads=$((n1 + n2)) read_errors=$((e1 + e2)) unloads=$unloads refused=$refused held=$held kept_fops=$kept traffic=$TRAFFIC igb_reloads=$IGBRELOADS hotplugs=$HOTPLUGS slab_with_kb=$((s1 - s0)) sunreclaim_with_kb=$((u1 - u0)) slab_without_kb=$((s3 - s2)) sunreclaim_without_kb=$((u3 - u2))"
[ "$FAILED" -eq 0 ]
