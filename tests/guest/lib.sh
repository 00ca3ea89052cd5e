# SPDX-License-Identifier: GPL-2.0
#
# What the guest scripts share (sourced, busybox sh): TAP-like results
# the host counts, files handed to the host, modules loaded in the
# harness's dependency order.

N=0
FAILED=0

ok() {		# ok <condition-exit-status> <description> [diagnostic]
	N=$((N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $N - $2"
	else
		FAILED=$((FAILED + 1))
		echo "not ok $N - $2${3:+ # $3}"
	fi
}

emit() {	# emit <name> <file>: hand a file to the host
	echo "#BEGIN-FILE $1"
	cat "$2"
	echo "#END-FILE"
}

# nicmem's files that make one set, read from one snapshot
NICMEM_FILES="summary census interfaces queues pools histogram metrics layouts"

# emit_set <scenario>: every file of NICMEM_FILES, and metrics_queues (the
# metrics read with metrics_queues=1), from one snapshot (nicmem
# reloaded with a long cache_ms, so one walk serves every read), handed to
# the host as "set:<scenario>:<file>" for tests/consistency/check; nicmem
# is then loaded again as the tests have it (cache_ms=0)
emit_set() {
	ko=${KO:-/nicmem/nicmem.ko} dir=/sys/kernel/debug/nicmem
	rmmod nicmem 2>/dev/null
	if ! insmod "$ko" cache_ms=3600000; then
		ok 1 "$1: nicmem reloads to read one consistent set of files"
		return 1
	fi
	for f in $NICMEM_FILES; do
		cat "$dir/$f" > "/tmp/set.$f"
	done
	# the metrics again with the per-queue series, from the same snapshot
	q=/sys/module/nicmem/parameters/metrics_queues
	echo 1 > $q && cat "$dir/metrics" > /tmp/set.metrics_queues && echo 0 > $q &&
		rmmod nicmem && insmod "$ko" cache_ms=0
	ok $? "$1: one set of nicmem's files read from one snapshot ($NICMEM_FILES, metrics with metrics_queues=1)"
	for f in $NICMEM_FILES metrics_queues; do
		emit "set:$1:$f" "/tmp/set.$f"
	done
}

# frozen_reads <a> <b>: read nicmem's files a, then b, each at a census
# that stops the VM (nicmem_freeze.ko; the host dumps the guest's memory
# there), and hand both to the host. MemFree (si_meminfo(), read after the
# census) is the global counter into which vmstat folds the per-cpu deltas
# every stat_interval: no fold may land between the dump (the census's
# start) and that read. Each read comes after a settle (RCU callbacks,
# module init freeing, exits) with a shell builtin: no process may start or
# end right before a census; busybox's cat runs in the shell itself.
frozen_reads() {
	dir=/sys/kernel/debug/nicmem
	echo 3600 > /proc/sys/vm/stat_interval
	insmod /nicmem/nicmem_freeze.ko
	ok $? "insmod nicmem_freeze.ko (the VM stops when a census starts)"
	[ -p /tmp/idle ] || mkfifo /tmp/idle
	read -r -t 2 _ <> /tmp/idle
	cat "$dir/$1" > "/tmp/$1"
	read -r -t 2 _ <> /tmp/idle
	cat "$dir/$2" > "/tmp/$2"
	n=$(cat /sys/module/nicmem_freeze/parameters/freezes)
	rmmod nicmem_freeze
	[ "$n" = 2 ]
	ok $? "the VM stopped twice, at the census of $1 and of $2" "freezes=$n"
	emit "$1" "/tmp/$1"
	emit "$2" "/tmp/$2"
}

load_module() {	# load a module after what it depends on (the harness's order)
	while read -r m; do
		grep -q "^$m " /proc/modules || insmod "/modules/$m.ko" || return 1
		[ "$m" = "$1" ] && return 0
	done < /modules/load-order
	return 1
}

cs() {	# centiseconds since boot
	read -r up _ < /proc/uptime
	echo "${up%.*}${up#*.}"
}

# unload_under_readers <ko> <cycles>: nicmem loaded with cache_ms=0 (each
# open walks) unloads at once while two readers loop over every file and
# the shell holds two files open, one read partly: rmmod never refuses,
# takes under a second, a held file then reads EIO and closes after the
# module is gone (the close runs the kernel's release only). Then one
# unload with no file open, which keeps no file_operations behind. Leaves
# nicmem unloaded. Any splat is the caller's to check.
unload_under_readers() {	# ... [limit, in centiseconds; default 100]
	ko=$1 cycles=$2 limit=${3:-100} dir=/sys/kernel/debug/nicmem
	grep -q '^nicmem ' /proc/modules || insmod "$ko" cache_ms=0
	rm -f /tmp/stop
	pids=""
	for i in 1 2; do
		( while [ ! -e /tmp/stop ]; do
			for f in $NICMEM_FILES; do
				cat "$dir/$f" > /dev/null 2>&1
			done
		  done ) &
		pids="$pids $!"
	done
	n=0 worst=0 eio=0 refused=0 kept0=$(dmesg | grep -c 'still open')
	while [ $n -lt "$cycles" ]; do
		exec 3< "$dir/summary" 4< "$dir/metrics"
		head -c 100 <&4 > /dev/null
		t0=$(cs)
		if ! rmmod nicmem; then
			refused=$((refused + 1))
			exec 3<&- 4<&-
			break
		fi
		dt=$(($(cs) - t0))
		[ $dt -gt $worst ] && worst=$dt
		for fd in 3 4; do
			cat <&$fd > /dev/null 2> /tmp/held.err
			grep -qE 'I/O error|Input/output error' /tmp/held.err && eio=$((eio + 1))
		done
		exec 3<&- 4<&-
		insmod "$ko" cache_ms=0 || break
		n=$((n + 1))
	done
	touch /tmp/stop
	# shellcheck disable=SC2086
	wait $pids
	echo "# unload under readers: $n cycles, $refused refused, slowest rmmod ${worst}0 ms, $eio of $((2 * n)) held reads EIO"
	[ $n -eq "$cycles" ] && [ $refused -eq 0 ]
	ok $? "rmmod nicmem succeeds $cycles times while readers loop and hold files open"
	[ $worst -lt "$limit" ]
	ok $? "every such rmmod takes under ${limit}0 ms" "slowest ${worst}0 ms"
	[ $eio -eq $((2 * n)) ]
	ok $? "a file held open across the unload reads EIO, then closes" "$eio of $((2 * n))"
	kept=$(dmesg | grep -c 'still open')
	[ $((kept - kept0)) -eq "$n" ]
	ok $? "each unload with files held open keeps their file_operations for the close" "$((kept - kept0)) of $n"
	rmmod nicmem
	ok $? "rmmod nicmem with no file open"
	[ "$(dmesg | grep -c 'still open')" -eq "$kept" ]
	ok $? "an unload with no file open keeps no file_operations" "$(dmesg | grep 'still open' | tail -1)"
}

# memory blocks (memory hotplug, scripts/vm-harness --hotplug)
mem_blocks() { ls -d /sys/devices/system/memory/memory[0-9]* | sort; }
hp_wait() {	# hp_wait <count>: until there are that many memory blocks (60 s)
	hp_i=0
	while [ "$(mem_blocks | wc -l)" -ne "$1" ] && [ $hp_i -lt 300 ]; do
		sleep 0.2
		hp_i=$((hp_i + 1))
	done
	[ "$(mem_blocks | wc -l)" -eq "$1" ]
}
