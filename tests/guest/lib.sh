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

load_module() {	# load a module after what it depends on (the harness's order)
	while read -r m; do
		grep -q "^$m " /proc/modules || insmod "/modules/$m.ko" || return 1
		[ "$m" = "$1" ] && return 0
	done < /modules/load-order
	return 1
}
