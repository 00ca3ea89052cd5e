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

# emit_set <scenario>: every file of NICMEM_FILES from one snapshot (nicmem
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
	rmmod nicmem && insmod "$ko" cache_ms=0
	ok $? "$1: one set of nicmem's files read from one snapshot ($NICMEM_FILES)"
	for f in $NICMEM_FILES; do
		emit "set:$1:$f" "/tmp/set.$f"
	done
}

load_module() {	# load a module after what it depends on (the harness's order)
	while read -r m; do
		grep -q "^$m " /proc/modules || insmod "/modules/$m.ko" || return 1
		[ "$m" = "$1" ] && return 0
	done < /modules/load-order
	return 1
}
