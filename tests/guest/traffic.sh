#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The traffic test's guest half (x86_64 VM, scripts/vm-harness --igb
# --dump): the real igb driver on QEMU's igb under frames the host writes
# into its tap. While traffic runs, every queues row of igb is whole; under
# ethtool -G, ethtool -L, MTU 9000 (order-1 pages) and a link flap during
# traffic too, and each time the traffic stops the rows converge to the
# ring's shape. Then, the rings at rest right after traffic, nicmem's
# queues and histogram files are read while nicmem_freeze.ko stops the VM
# at the census for the host to dump memory (vmcore-1: queues, vmcore-2:
# histogram); the host reads igb's rings from the dumps with drgn. Before
# that, frames into virtio_net's tap: its virtqueue rows whole under
# traffic and posted again after, then compared with drgn's too.

D=/sys/kernel/debug/nicmem
. /nicmem/lib.sh
IF=$NICMEM_IGB
# fd 3: the results port, where the harness reads HARNESS-TRAFFIC requests
# even while a burst's own output goes to a file
exec 3>&1

# no IPv6 chatter: the rings at rest are the host's frames only
for f in /proc/sys/net/ipv6/conf/*/disable_ipv6; do
	echo 1 > "$f"
done 2> /dev/null
[ -n "$IF" ]
ok $? "igb probed QEMU's igb ($IF)"
insmod /nicmem/nicmem.ko cache_ms=0
ok $? "insmod nicmem.ko cache_ms=0"

rx() { ethtool -S "$IF" | awk '$1 == "rx_packets:" { print $2 }'; }
# igb's queues rows; torn: a row not whole or not self-consistent
rows() { awk -v i="$IF" '$3 == i' $D/queues; }
torn() {
	rows | awk -v ps="$(getconf PAGESIZE 2>/dev/null || echo 4096)" '
		{ m = 1; for (k = 0; $9 != "-" && k < $9; k++) m *= 2 }	# no ^ in busybox awk
		NF != 16 || $6 != $7 + $8 || $10 != $7 * m ||
		$11 != $10 * ps || $14 != "walked" { print; bad = 1 }
		END { exit bad + 0 }'
}
# the traffic stopped: rx_packets unchanged for 2 s (60 s at most)
quiet() {
	local a b i=0
	a=$($RXF)
	while [ $i -lt 60 ]; do
		sleep 2
		b=$($RXF)
		[ "$a" = "$b" ] && return 0
		a=$b
		i=$((i + 2))
	done
	return 1
}
# at rest, each queue has every descriptor but one filled (igb leaves one
# unused), the ring size and channel count ethtool says, the order given
converged() {	# converged <order>
	local ring ch
	ring=$(ethtool -g "$IF" | awk '$1 == "RX:" { v = $2 } END { print v }')
	ch=$(ethtool -l "$IF" | awk '$1 == "Combined:" { v = $2 } END { print v }')
	rows | awk -v r="$ring" -v c="$ch" -v o="$1" '
		$6 != r || $7 != r - 1 || $9 != o { bad = 1 }
		END { exit bad || NR != c }'
}
# a burst of FRAMES frames into $NIC's tap (igb, or virtio), read with
# $TORNF while it runs, its frames counted by $RXF; ACTION mid-burst
burst() {	# burst <frames> <size> <action...>
	local frames=$1 size=$2 reads=0 bad=0 before
	shift 2
	before=$($RXF)
	echo "HARNESS-TRAFFIC $frames $size $NIC" >&3
	while [ "$($RXF)" = "$before" ] && [ $reads -lt 100 ]; do
		sleep 0.2
		reads=$((reads + 1))
	done
	reads=0
	[ $# -eq 0 ] || "$@"
	while [ $reads -lt 20 ]; do
		$TORNF > /tmp/torn || { bad=1; cat /tmp/torn; }
		reads=$((reads + 1))
	done
	RX_DURING=$(($($RXF) - before))
	quiet
	return $bad
}
NIC=igb RXF=rx TORNF=torn

burst 20000 1020 > /tmp/torn.log
ok $? "20 reads of queues while frames arrive ($RX_DURING so far): every igb row whole" "$(head -3 /tmp/torn.log)"
converged 0
ok $? "after the traffic: every queue holds ring - 1 pages of order 0" "$(rows)"
rows | sed 's/^/# /'
# every figure adds up on a real NIC after traffic (tests/consistency)
emit_set igb-mtu1500

flap() { ip link set "$IF" down; ip link set "$IF" up; }
for a in "ethtool -G $IF rx 512:0" "ethtool -L $IF combined 4:0" \
	 "ip link set $IF mtu 9000:1" "flap:1" \
	 "ip link set $IF mtu 1500:0" "ethtool -L $IF combined 2:0" \
	 "ethtool -G $IF rx 256:0"; do
	cmd=${a%:*}
	order=${a##*:}
	burst 10000 1020 $cmd > /tmp/torn.log
	ok $? "$cmd during traffic: 20 reads, every igb row whole" "$(head -3 /tmp/torn.log)"
	sleep 3		# link up again after a reset
	quiet
	converged "$order"
	ok $? "$cmd: when the traffic stops the rows converge (ring - 1 pages per queue, order $order)" "$(rows | tr '\n' ';')"
	case $cmd in
	*"mtu 9000") emit_set igb-mtu9000 ;;	# order-1 ring pages
	esac
done

# virtio_net under traffic: frames into its multi_queue tap (eth0); its
# receive virtqueues' rows stay whole while buffers are taken and posted
VIF=
for d in /sys/class/net/eth*; do
	case $(readlink "$d/device/driver") in */virtio_net) VIF=${d##*/} ;; esac
done
vrx() { cat "/sys/class/net/$VIF/statistics/rx_packets"; }
vrows() { awk -v i="$VIF" '$3 == i' $D/queues; }
# a virtqueue row: descs = posted + free, pages hold at most one page per
# buffer and the page_frag's, bytes = pages x page size
vtorn() {
	vrows | awk -v ps="$(getconf PAGESIZE 2>/dev/null || echo 4096)" '
		{ m = 1; for (k = 0; k < $9; k++) m *= 2 }
		NF != 16 || $6 != $7 + $8 || $10 > ($7 + 1) * m ||
		$11 != $10 * ps || $14 != "virtqueue" { print; bad = 1 }
		END { exit bad + 0 }'
}
if [ -n "$VIF" ]; then
	NIC=virtio RXF=vrx TORNF=vtorn
	before=$(vrx)
	burst 20000 1020 > /tmp/vtorn.log
	[ $? -eq 0 ] && [ "$RX_DURING" -gt 0 ]
	ok $? "20 reads of queues while frames arrive at virtio_net ($VIF, $RX_DURING so far): every virtqueue row whole" "$(head -3 /tmp/vtorn.log)"
	# at rest virtio_net posts buffers again once a queue has more free
	# descriptors than half a NAPI budget (virtnet_receive()): each queue
	# in use has most of its vring posted
	cur=$(ethtool -l "$VIF" | awk '$1 == "Combined:" { v = $2 } END { print v }')
	vrows | awk -v c="$cur" '$5 < c && $7 < $6 / 2 { bad = 1 } END { exit bad + 0 }' &&
		vtorn > /dev/null
	ok $? "after $(($(vrx) - before)) frames: every virtio_net queue in use has buffers posted again, its rows whole" "$(vrows | tr '\n' ';')"
	vrows | sed 's/^/# /'
	NIC=igb RXF=rx TORNF=torn
fi

# the exact comparison: a last burst, then the rings at rest, dumped
burst 20000 1020 > /dev/null
rows | sed 's/^/# before the dumps: /'
frozen_reads queues histogram
echo "# guest: $N tests, $FAILED failed"
[ $FAILED -eq 0 ]
