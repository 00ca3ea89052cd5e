#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# nicmem's tests inside the test VM (busybox sh, as /init's child).
# Prints TAP-like lines ("ok N - ..." / "not ok N - ...") that the host
# counts, "# ..." comments, and files between "#BEGIN-FILE name" and
# "#END-FILE" for the host to check (promtool) or show (make demo).
#
# Usage: nicmem-tests.sh [demo]

D=/sys/kernel/debug/nicmem
KO=/nicmem/nicmem.ko
PIN=/nicmem/nicmem_pin.ko
MODE=${1:-check}

# busybox sh runs its own applets first; use iproute2's ip
ip() { /sbin/ip "$@"; }

. /nicmem/lib.sh

now_ns() { gdate +%s%N; }

# value of "key" in the summary's "scan:" line
scan_field() { awk -v k="$1" '/^scan:/ { for (i = 2; i < NF; i++) if ($i == k) print $(i + 1) }' "$2"; }

# census row: node class -> column (3 pages, 4 bytes, 5 objects)
census() { awk -v n="$1" -v c="$2" -v f="$3" '!/^#/ && $1 == n && $2 == c { print $f }' "$4"; }

# histogram pages of the bucket that holds refcount 0xffff
hist_ffff() { awk '!/^#/ && $1 == 32768 { print $3 }' "$1"; }

within_pct() {	# within_pct a b pct: |a-b| <= pct% of b
	awk -v a="$1" -v b="$2" -v p="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= b * p / 100) }'
}

snap() { cat "$D/$1" > "/tmp/$2"; }

# ---- a second namespace, virtual devices and an odd name ----
setup_net() {
	ip netns add t1
	ip -n t1 link add d0 type dummy
	ip -n t1 link set lo up
	ip link add vm0 type veth peer name vm1
	ip link set vm1 netns t1
	ip link add 'odd"n\x' type dummy 2>/dev/null || ip link add 'odd"n' type dummy
	# change what nicmem must follow: virtio's channels, e1000e's ring
	for d in /sys/class/net/eth*; do
		case $(readlink "$d/device/driver") in
		*/virtio_net) ethtool -L "${d##*/}" combined 4 ;;
		*/e1000e) ethtool -G "${d##*/}" rx 512 ;;
		esac
	done
}

# ---- the module loads, files are there, read-only, versioned ----
t_load() {
	insmod $KO cache_ms=0
	ok $? "insmod nicmem.ko cache_ms=0"
	for f in summary census interfaces histogram metrics queues layouts; do
		mode=$(stat -c %a "$D/$f" 2>/dev/null)
		[ "$mode" = 400 ]
		ok $? "$f is mode 0400" "mode=$mode"
		first=$(head -n 1 "$D/$f")
		case $f in
		metrics) want="# nicmem - version: 1" ;;
		*) want="nicmem - version: 1" ;;
		esac
		[ "$first" = "$want" ]
		ok $? "$f starts with the version line" "got '$first'"
	done
	( echo x > "$D/summary" ) 2>/dev/null
	[ $? -ne 0 ]
	ok $? "summary refuses writes"
	head -n 2 "$D/summary" | grep -q "^verdict: NIC RX rings hold [0-9]* bytes"
	ok $? "summary's second line is the verdict"
	sed -n 3p "$D/summary" | grep -Eq "^severity: (OK|WARN|CRIT) \(NIC RX rings hold [0-9]+\.[0-9]{2}% of the "
	ok $? "summary's third line is the severity" "$(sed -n 3p "$D/summary")"
}

# ---- interfaces: every one ip shows, with the driver sysfs shows ----
iface_row() {	# netns ifindex -> the interfaces row
	awk -v ns="$1" -v ix="$2" '!/^#/ && $1 == ns && $2 == ix' /tmp/ifaces
}

check_ns_ifaces() {	# check_ns_ifaces <exec prefix...>
	ns=$("$@" stat -L -c %i /proc/self/ns/net)
	"$@" ip -o link show | sed 's/^\([0-9]*\): \([^:@]*\)[@:].*/\1 \2/' > /tmp/links.$ns
	while read -r ix name; do
		row=$(iface_row "$ns" "$ix")
		[ -n "$row" ] && [ "$(echo "$row" | awk '{print $3}')" = "$name" ]
		ok $? "interface $name (netns $ns ifindex $ix) is listed" "row='$row'"
		[ -n "$row" ] || continue
		bus=$(echo "$row" | awk '{print $5}')
		dpath=
		if "$@" test -e "/sys/class/net/$name/device"; then
			dpath=$("$@" readlink -f "/sys/class/net/$name/device")
		fi
		case $bus in
		-) [ -z "$dpath" ] ;;
		*) case $dpath/ in */$bus/*) true ;; *) false ;; esac ;;
		esac
		ok $? "interface $name bus $bus is in its sysfs device path" "${dpath:-no device}"
		drv=virtual
		if "$@" test -e "/sys/class/net/$name/device"; then
			drv=$("$@" readlink "/sys/class/net/$name/device/driver")
			drv=${drv##*/}
		fi
		got=$(echo "$row" | awk '{print $4}')
		[ "$got" = "$drv" ]
		ok $? "interface $name driver is $drv" "got $got"
		# links may come up while we look: sysfs just before or
		# just after the snapshot
		# (ENVIRON, not awk -v, which would unescape the odd name)
		state=$(n=$name awk '$1 == ENVIRON["n"] { print $2 }' /tmp/oper-before.$ns)
		state2=$(n=$name awk '$1 == ENVIRON["n"] { print $2 }' /tmp/oper-after.$ns)
		got=$(echo "$row" | awk '{print $8}')
		[ "$got" = "$state" ] || [ "$got" = "$state2" ]
		ok $? "interface $name operstate is $state" "got $got, sysfs $state then $state2"
		mtu=$("$@" cat "/sys/class/net/$name/mtu")
		[ "$(echo "$row" | awk '{print $7}')" = "$mtu" ]
		ok $? "interface $name mtu is $mtu" "row='$row'"
	done < /tmp/links.$ns
}

operstates() {	# operstates <file suffix> <exec prefix...>
	sfx=$1
	shift
	ns=$("$@" stat -L -c %i /proc/self/ns/net)
	for d in $("$@" ls /sys/class/net); do
		echo "$d $("$@" cat "/sys/class/net/$d/operstate")"
	done > "/tmp/oper-$sfx.$ns"
}

t_interfaces() {
	operstates before
	operstates before ip netns exec t1
	snap interfaces ifaces
	operstates after
	operstates after ip netns exec t1
	check_ns_ifaces
	check_ns_ifaces ip netns exec t1
	total=$(wc -l < /tmp/ifaces)
	want=$(($(cat /tmp/links.* | wc -l) + 2))
	[ "$total" -eq "$want" ]
	ok $? "interfaces has one row per interface of every namespace" "$total lines, want $want"
}

# ---- ring sizes and queues against ethtool ----
t_ethtool() {
	for dev in /sys/class/net/eth*; do
		name=${dev##*/}
		ix=$(cat "$dev/ifindex")
		row=$(iface_row "$(stat -L -c %i /proc/self/ns/net)" "$ix")
		rxq=$(ls -d "$dev"/queues/rx-* | wc -l)
		[ "$(echo "$row" | awk '{print $9}')" = "$rxq" ]
		ok $? "$name rx queues equal sysfs queues/rx-* ($rxq)" "row='$row'"
		if ethtool -l "$name" > /tmp/chan 2>/dev/null; then
			cur=$(awk '/^Current hardware settings/ { c = 1 } c && /^Combined:/ { print $2 }' /tmp/chan)
			rx=$(awk '/^Current hardware settings/ { c = 1 } c && /^RX:/ { print $2 }' /tmp/chan)
			case $rx in [0-9]*) ;; *) rx=0 ;; esac
			[ "$(echo "$row" | awk '{print $10}')" = "$((cur + rx))" ]
			ok $? "$name channels equal ethtool -l ($((cur + rx)))" "row='$row'"
		fi
		if ethtool -g "$name" > /tmp/ring 2>/dev/null; then
			max=$(awk '/^Pre-set maximums/ { c = 1 } /^Current/ { c = 0 } c && /^RX:/ { print $2; exit }' /tmp/ring)
			cur=$(awk '/^Current hardware settings/ { c = 1 } c && /^RX:/ { print $2; exit }' /tmp/ring)
			[ "$(echo "$row" | awk '{print $11}')" = "$cur" ] &&
				[ "$(echo "$row" | awk '{print $12}')" = "$max" ]
			ok $? "$name ring size equals ethtool -g ($cur of $max)" "row='$row'"
		fi
	done
	echo "# interfaces:"
	sed 's/^/#   /' /tmp/ifaces
}

# ---- virtio_net's receive virtqueues: walked where its buffers are its
# own page_frag's (up to 6.x; 7.x's are page_pool's), against ethtool ----
# "queue descs with_page no_page order pages" of one interface's rows
vq_rows() { awk -v ix="$1" '!/^#/ && $2 == ix { print $5, $6, $7, $8, $9, $10 }' /tmp/q; }

t_virtio_one() {	# t_virtio_one <dev>: an exact walk's rows against ethtool
	name=$1 ix=$(cat /sys/class/net/$1/ifindex)
	snap queues q
	snap interfaces ifaces
	row=$(iface_row "$(stat -L -c %i /proc/self/ns/net)" "$ix")
	maxq=$(ethtool -l "$name" | awk '/^Pre-set maximums/ { c = 1 } c && /^Combined:/ { print $2; exit }')
	curq=$(ethtool -l "$name" | awk '/^Current hardware settings/ { c = 1 } c && /^Combined:/ { print $2; exit }')
	ring=$(ethtool -g "$name" | awk '/^Current hardware settings/ { c = 1 } c && /^RX:/ { print $2; exit }')
	vq_rows "$ix" > /tmp/vq
	[ "$(wc -l < /tmp/vq)" -eq "$maxq" ] &&
		awk -v r="$ring" '$2 != r || $3 + $4 != r { exit 1 }' /tmp/vq
	ok $? "$name: one row per queue pair the device has ($maxq, $curq in use), each of ethtool's $ring descriptors, posted or free" "$(cat /tmp/vq)"
	# each posted buffer is at least a full frame (GOOD_PACKET_LEN 1518)
	# of its page, buffers never overlap, and a queue's pages are the
	# buffers' and its page_frag's: at most one more than its buffers
	awk -v ps="$(scan_field page_size "$D/summary")" -v cur="$curq" '{
		span = 1	# busybox awk has no ^
		for (i = 0; i < $5; i++) span *= 2
		if (($1 < cur && ($3 == 0 || $6 == 0)) || $6 * ps < $3 * 1518 ||
		    $6 > ($3 + 1) * span) exit 1 }' /tmp/vq
	ok $? "$name: every queue in use has buffers posted, and its pages hold them (>= 1518 bytes each, <= one page each)" "$(cat /tmp/vq)"
	[ "$(echo "$row" | awk '{ print $16, $17 }')" = "exact walked_btf_layout" ] &&
		[ "$(echo "$row" | awk '{ print $14 }')" = "$(awk '{ n += $6 } END { print n }' /tmp/vq)" ]
	ok $? "$name: counted exact, its RX pages the sum of its queues'" "row='$row'"
	# ethtool -G reallocates the vrings (where the device can reset a queue)
	if ethtool -G "$name" rx 128 2> /tmp/vqerr; then
		snap queues q
		vq_rows "$ix" > /tmp/vq2
		awk '$2 != 128 || $3 + $4 != 128 { exit 1 }' /tmp/vq2
		ok $? "$name: after ethtool -G rx 128 every queue has 128 descriptors" "$(cat /tmp/vq2)"
		ethtool -G "$name" rx "$ring"
	else
		echo "# $name: ethtool -G rx 128 refused ($(cat /tmp/vqerr)): the resize not tested"
	fi
}

t_virtio() {
	for dev in /sys/class/net/eth*; do
		case $(readlink "$dev/device/driver") in */virtio_net) ;; *) continue ;; esac
		name=${dev##*/}
		snap interfaces ifaces
		row=$(iface_row "$(stat -L -c %i /proc/self/ns/net)" "$(cat $dev/ifindex)")
		src=$(echo "$row" | awk '{ print $16 }') note=$(echo "$row" | awk '{ print $17 }')
		if [ ! -e /sys/kernel/btf/vmlinux ]; then
			[ "$src" = none ] && case $note in none:no_vmlinux_btf*) true ;; *) false ;; esac
			ok $? "$name: without vmlinux BTF no figure, and the note says why" "row='$row'"
		elif grep -q '^virtio_net .* alloc_frag.page .* btf$' /tmp/lay0; then
			t_virtio_one "$name"
		else
			# 7.x: no page_frag in receive_queue; the pools count
			[ "$src" = page_pool ]
			ok $? "$name: buffers from page_pools (no receive_queue.alloc_frag): counted by its pools" "row='$row'"
		fi
	done
}

# ---- census against itself and /proc/meminfo ----
t_census() {
	snap summary sum
	snap census cen
	ps=$(scan_field page_size /tmp/sum)
	kps=$(awk '/^KernelPageSize:/ { print $2 * 1024; exit }' /proc/self/smaps)
	[ "$ps" = "$kps" ]
	ok $? "page_size $ps is the kernel's page size (/proc/self/smaps: $kps)"
	nodes=$(ls -d /sys/devices/system/node/node[0-9]* | wc -l)
	[ "$(scan_field nodes /tmp/sum)" = "$nodes" ]
	ok $? "census walks every online node ($nodes)"
	counted=$(scan_field pages /tmp/sum)
	sum=$(awk '!/^#/ && $1 == "all" && $2 != "total" { s += $3 } END { print s }' /tmp/cen)
	total=$(census all total 3 /tmp/cen)
	[ "$sum" = "$total" ] && [ "$total" = "$counted" ]
	ok $? "census classes add up to the pages counted ($total)" "sum=$sum total=$total scan=$counted"
	pfns=$(scan_field pfns /tmp/sum)
	[ "$pfns" -ge "$total" ]
	ok $? "every counted page is a walked pfn ($total <= $pfns)"
	nodes_ok=0
	for nd in $(awk 'NR > 1 && !/^#/ && $1 != "all" { print $1 }' /tmp/cen | sort -u); do
		nt=$(census "$nd" total 3 /tmp/cen)
		nr=$(census "$nd" reserved 3 /tmp/cen)
		nm=$(census "$nd" managed 3 /tmp/cen)
		within_pct $((nt - nr)) "$nm" 1 || nodes_ok=1
		echo "# node $nd: counted $nt reserved $nr managed $nm"
	done
	ok $nodes_ok "per node, counted minus reserved is within 1% of managed pages"
	mt=$(awk '/^MemTotal:/ { print $2 * 1024 / '"$ps"' }' /proc/meminfo)
	mf=$(awk '/^MemFree:/ { print $2 * 1024 / '"$ps"' }' /proc/meminfo)
	res=$(census all reserved 3 /tmp/cen)
	within_pct $((total - res)) "$mt" 1
	ok $? "census total minus reserved within 1% of /proc/meminfo MemTotal" "$((total - res)) vs $mt"
	free=$(census all free 3 /tmp/cen)
	within_pct "$free" "$mf" 5
	ok $? "census free within 5% of /proc/meminfo MemFree" "$free vs $mf"
	bytes=$(census all total 4 /tmp/cen)
	[ "$bytes" = "$((total * ps))" ]
	ok $? "census bytes are pages x page_size ($ps)"
	awk '/^# meminfo/,/^$/' /tmp/sum | sed 's/^/# /'
}

# ---- pinned signature: a module pins pages as ixgbe does ----
pinned_now() {
	snap census pc
	snap histogram ph
	echo "$(census all pinned 3 /tmp/pc) $(census all pinned 5 /tmp/pc) $(hist_ffff /tmp/ph) $(census all pinned 4 /tmp/pc)"
}

t_pinned() {
	n0=2000 nc=100 ord=2
	ps=$(scan_field page_size /tmp/sum)
	try=0
	while [ $try -lt 3 ]; do
		try=$((try + 1))
		set -- $(pinned_now)
		p0=$1 o0=$2 h0=$3
		insmod $PIN npages=$n0 ncompound=$nc order=$ord || break
		set -- $(pinned_now)
		p1=$1 o1=$2 h1=$3 b1=$4
		rmmod nicmem_pin
		set -- $(pinned_now)
		p2=$1 o2=$2 h2=$3
		want=$((n0 + nc * (1 << ord)))
		[ $((p1 - p0)) -eq $want ] && [ $((o1 - o0)) -eq $((n0 + nc)) ] &&
			[ $((h1 - h0)) -eq $want ] && [ "$p2" -eq "$p0" ] && break
	done
	echo "# pinned pages: before $p0 with $want pinned $p1 after $p2 (tries $try)"
	[ $((p1 - p0)) -eq $want ]
	ok $? "pinning $n0 order-0 + $nc order-$ord pages grows the pinned class by $want pages" "grew by $((p1 - p0))"
	[ $((o1 - o0)) -eq $((n0 + nc)) ]
	ok $? "compound pages count once as objects ($((n0 + nc)))" "grew by $((o1 - o0))"
	[ $((h1 - h0)) -eq $want ]
	ok $? "the histogram's 32768..65535 bucket grows by $want" "grew by $((h1 - h0))"
	[ "$b1" -eq $((p1 * ps)) ]
	ok $? "pinned bytes are pages x $ps"
	[ "$p2" -eq "$p0" ] && [ "$h2" -eq "$h0" ]
	ok $? "freeing them returns the class and histogram to where they were" "$p2 vs $p0, $h2 vs $h0"
}

# ---- the RX estimate, on interfaces that present as ixgbe/i40e/igb ----
FAKE=/nicmem/nicmem_fakenic.ko

# the drivers' own order rule (ixgbe_set_rx_buffer_len(),
# i40e_vsi_configure_rx(), igb_set_rx_buffer_len(); NET_IP_ALIGN is 0 on
# x86 and 2 elsewhere)
want_order() {	# want_order driver mtu page_size
	limit=1500
	if [ "$1" = igb ]; then
		case $(uname -m) in x86_64) limit=1514 ;; *) limit=1512 ;; esac
	fi
	if [ "$3" -lt 8192 ] && [ "$2" -gt $limit ]; then echo 1; else echo 0; fi
}

check_estimate() {	# check_estimate dev: row against ethtool and sysfs
	dev=$1
	snap interfaces ifaces
	row=$(iface_row "$(stat -L -c %i /proc/self/ns/net)" "$(cat /sys/class/net/$dev/ifindex)")
	set -- $row
	drv=$(readlink /sys/class/net/$dev/device/driver)
	drv=${drv##*/}
	q=$(ethtool -l $dev | awk '/^Current/ { c = 1 } c && /^Combined:/ { print $2 }')
	r=$(ethtool -g $dev | awk '/^Current/ { c = 1 } c && /^RX:/ { print $2; exit }')
	mtu=$(cat /sys/class/net/$dev/mtu)
	o=$(want_order "$drv" "$mtu" "$ps")
	pages=$((q * r * (1 << o)))
	[ "$4" = "$drv" ] && [ "$9" = "$q" ] && [ "${11}" = "$r" ] &&
		[ "${13}" = "$o" ] && [ "${14}" = "$pages" ] &&
		[ "${15}" = "$((pages * ps))" ] && [ "${16}" = estimate ]
	ok $? "$dev ($drv, mtu $mtu): estimate $q queues x $r x $ps << $o = $((pages * ps)) bytes" "row='$row'"
	grep -q "^nicmem_rx_pinned_bytes{netns=\"[0-9]*\",device=\"$dev\",driver=\"$drv\"} $((pages * ps))\$" "$D/metrics" &&
		grep -q "^nicmem_interface_info{netns=\"[0-9]*\",device=\"$dev\",driver=\"$drv\",.*,rx_source=\"estimate\"} 1\$" "$D/metrics"
	ok $? "$dev: metrics nicmem_rx_pinned_bytes agrees"
}

t_estimate() {
	ps=$(scan_field page_size /tmp/sum)
	insmod $FAKE queues=8 ring=512
	ok $? "insmod nicmem_fakenic.ko (ixgbe, i40e, igb look-alikes)"
	fakes=$(ls -d /sys/class/net/fake* 2>/dev/null | sed 's|.*/||')
	[ "$(echo $fakes | wc -w)" -eq 3 ]
	ok $? "three fake interfaces registered" "$fakes"
	for dev in $fakes; do
		check_estimate $dev
	done
	for dev in $fakes; do
		drv=$(readlink /sys/class/net/$dev/device/driver)
		case ${drv##*/} in
		ixgbe) ethtool -G $dev rx 4096; ethtool -L $dev combined 5; ip link set $dev mtu 9000 ;;
		i40e)
			# the seeds' ring: 4096 descriptors, one page each at MTU 1500
			ethtool -G $dev rx 4096
			check_estimate $dev
			set -- $(iface_row "$(stat -L -c %i /proc/self/ns/net)" "$(cat /sys/class/net/$dev/ifindex)")
			[ $((${15} / $9)) -eq $((4096 * ps)) ]
			ok $? "$dev: an i40e queue of 4096 descriptors holds 4096 x $ps bytes" "${15} / $9"
			ip link set $dev mtu 1501 ;;
		igb) ip link set $dev mtu 1514; check_estimate $dev; ip link set $dev mtu 1515 ;;
		esac
		check_estimate $dev
	done
	snap summary sum2
	# every interface with a figure counts (from 7.x virtio_net's
	# page_pool too), from the summary's own interfaces table
	total=$(awk '/^# interfaces:/ { on = 1; next } on && /^$/ { exit }
		on && !/^#/ && $16 != "none" { s += $15 } END { print s + 0 }' /tmp/sum2)
	grep -q "^verdict: NIC RX rings hold $total bytes (.*estimate on 3 of " /tmp/sum2
	ok $? "the verdict's RX bytes are the interfaces' sum ($total)" "$(sed -n 2p /tmp/sum2)"
	emit_set estimate
	rmmod nicmem_fakenic
	ok $? "rmmod nicmem_fakenic"
	snap interfaces ifaces
	! grep -q ' fake[0-9]' /tmp/ifaces
	ok $? "removed interfaces leave the list"
}

# ---- bad parameters fail insmod with a clear message ----
t_params() {
	rmmod nicmem
	for p in threshold=1 threshold=63 threshold=16777217 threshold=abc \
		 cache_ms=3600001 cache_ms=-1 metrics_queues=2 metrics_queues=yes \
		 metrics_queues=-1; do
		dmesg -c > /dev/null
		insmod $KO "$p" 2>/dev/null
		rc=$?
		name=${p%%=*}
		msg=$(dmesg | grep "nicmem: $name=")
		[ $rc -ne 0 ] && echo "$msg" | grep -q "not valid: give an integer in \[" &&
			! grep -q '^nicmem ' /proc/modules
		ok $? "insmod nicmem.ko $p fails and says why" "rc=$rc msg='$msg'"
	done
	for p in severity_pct=25,10 severity_pct=10,10 severity_pct=0,25 \
		 severity_pct=10,101 severity_pct=10 severity_pct=10,25,30 \
		 severity_pct=10%,25%; do
		dmesg -c > /dev/null
		insmod $KO "$p" 2>/dev/null
		rc=$?
		msg=$(dmesg | grep "nicmem: severity_pct=")
		[ $rc -ne 0 ] && echo "$msg" | grep -q 'not valid: give "warn,crit"' &&
			! grep -q '^nicmem ' /proc/modules
		ok $? "insmod nicmem.ko $p fails and says why" "rc=$rc msg='$msg'"
	done
	insmod $KO threshold=64 cache_ms=3600000 severity_pct=1,100
	ok $? "insmod with every parameter at its limits loads"
	[ "$(cat /sys/module/nicmem/parameters/threshold)" = 64 ]
	ok $? "threshold=64 is in effect"
	[ "$(cat /sys/module/nicmem/parameters/severity_pct)" = 1,100 ]
	ok $? "severity_pct=1,100 is in effect"
	# metrics_queues, the one parameter writable at run time: strict there too
	q=/sys/module/nicmem/parameters/metrics_queues
	for v in 2 yes -1 ''; do
		dmesg -c > /dev/null
		echo "$v" > $q 2>/dev/null
		rc=$?
		msg=$(dmesg | grep "nicmem: metrics_queues=")
		[ $rc -ne 0 ] && [ "$(cat $q)" = 0 ] &&
			echo "$msg" | grep -q "not valid: give an integer in \[0, 1\]"
		ok $? "writing '$v' to metrics_queues fails, says why and changes nothing" "rc=$rc msg='$msg'"
	done
	echo 1 > $q && grep -q '^# TYPE nicmem_rx_queue_pages ' "$D/metrics" &&
		echo 0 > $q && ! grep -q '^# TYPE nicmem_rx_queue_pages ' "$D/metrics"
	ok $? "metrics_queues=1 at run time adds the per-queue series, 0 removes them"
	grep -q '^severity: [A-Z]* (.*; WARN above 1%, CRIT above 100%)$' "$D/summary"
	ok $? "the summary's severity line judges by severity_pct" "$(grep '^severity:' "$D/summary")"
	rmmod nicmem
	insmod $KO cache_ms=0
}

# ---- every call a read-only file must refuse (tests/badio/badio.c) ----
t_badio() {
	if [ ! -x /nicmem/badio ]; then
		echo "# badio: not run: no tests/badio helper for this guest's architecture"
		return
	fi
	dmesg -c > /dev/null
	# shellcheck disable=SC2046
	/nicmem/badio $(for f in $NICMEM_FILES; do echo "$D/$f"; done) > /tmp/badio.out 2>&1
	rc=$?
	n=0
	while read -r verdict what; do
		n=$((n + 1))
		[ "$verdict" = PASS ]
		ok $? "badio: $what"
	done < /tmp/badio.out
	[ $rc -eq 0 ] && [ $n -gt 0 ]
	ok $? "badio ran over every file and exited 0" "rc=$rc, $n checks"
	bad=$(dmesg | grep -E 'BUG|WARNING|Oops|general protection|Call Trace')
	[ -z "$bad" ]
	ok $? "no oops or warning in dmesg after the refused calls" "$bad"
}

# ---- memory hotplug during scans (scripts/vm-harness --hotplug) ----
# hp_census <step> <expected pages>: the census reconciles: its classes
# add up, it counts the expected pages outside the reserved class (the
# reserved ones grow with the node's span: a DIMM above the boot memory
# brings the firmware's pages at its top into the walk), and those are
# within 1% of MemTotal
hp_census() {
	snap census hpc
	total=$(census all total 3 /tmp/hpc)
	sum=$(awk '!/^#/ && $1 == "all" && $2 != "total" { s += $3 } END { print s }' /tmp/hpc)
	res=$(census all reserved 3 /tmp/hpc)
	mt=$(awk '/^MemTotal:/ { print $2 * 1024 / '"$ps"' }' /proc/meminfo)
	[ $((total - res)) = "$2" ] && [ "$sum" = "$total" ] && within_pct $((total - res)) "$mt" 1
	ok $? "hotplug, $1: the census counts $2 pages outside the reserved class, its classes add up, within 1% of MemTotal" \
		"total=$total reserved=$res sum=$sum MemTotal=$mt"
}
t_hotplug() {
	if ! grep -qw nicmem_hotplug=1 /proc/cmdline; then
		echo "# hotplug: not run (the VM has no --hotplug)"
		return
	fi
	ps=$(scan_field page_size /tmp/sum)
	bs=$(($(printf '%d' "0x$(cat /sys/devices/system/memory/block_size_bytes)")))
	per=$((256 * 1024 * 1024 / bs))
	dimm=$((256 * 1024 * 1024 / ps))
	# new blocks stay offline until the test onlines them (the 6.12 and
	# 7.x kernels online them at once by default, into ZONE_NORMAL,
	# where offlining them again may fail)
	policy=/sys/devices/system/memory/auto_online_blocks
	policy0=$(cat $policy)
	echo offline > $policy
	mem_blocks > /tmp/blocks0
	b0=$(wc -l < /tmp/blocks0)
	snap census hpc
	t0=$(($(census all total 3 /tmp/hpc) - $(census all reserved 3 /tmp/hpc)))
	dmesg -c > /dev/null
	rm -f /tmp/stop
	pids=""
	for r in 1 2; do
		( while [ ! -e /tmp/stop ]; do
			for f in $NICMEM_FILES; do cat "$D/$f" > /dev/null; done
		  done ) &
		pids="$pids $!"
	done
	echo "HARNESS-HOTPLUG add 1"
	hp_wait $((b0 + per))
	ok $? "hotplug: QEMU's 256 MiB DIMM appears as $per memory blocks of $bs bytes"
	mem_blocks | grep -vxF -f /tmp/blocks0 > /tmp/blocks1
	hp_census "DIMM plugged, its blocks offline" "$t0"
	bad=0
	while read -r b; do
		[ "$(cat "$b/state")" = online ] || echo online_movable > "$b/state" || bad=1
	done < /tmp/blocks1
	ok $bad "hotplug: its blocks onlined (movable) while readers loop"
	hp_census "DIMM online" $((t0 + dimm))
	bad=0
	while read -r b; do
		echo offline > "$b/state" || bad=1
	done < /tmp/blocks1
	ok $bad "hotplug: its blocks offlined while readers loop"
	hp_census "DIMM offline" "$t0"
	echo online_movable > "$(head -n 1 /tmp/blocks1)/state"
	echo "HARNESS-HOTPLUG del 1"
	hp_wait "$b0"
	ok $? "hotplug: the DIMM is unplugged (one block online: the guest offlines it itself to eject)"
	hp_census "DIMM removed" "$t0"
	echo "$policy0" > $policy
	touch /tmp/stop
	# shellcheck disable=SC2086
	wait $pids
	bad=$(dmesg | grep -E 'BUG|WARNING|Oops|general protection|Call Trace')
	[ -z "$bad" ]
	ok $? "hotplug: no oops or warning in dmesg" "$bad"
}

# ---- unload under readers: 20 rmmod/insmod cycles ----
t_cycles() {
	dmesg -c > /dev/null
	unload_under_readers "$KO" 20
	bad=$(dmesg | grep -E 'BUG|WARNING|Oops|general protection|Call Trace|refcount_t|use-after-free|list_del corruption')
	[ -z "$bad" ]
	ok $? "no oops or warning in dmesg" "$bad"
	insmod $KO cache_ms=0
	ok $? "nicmem loads again after the cycles"
}

# ---- benchmark: census against /proc/kpageflags + kpagecount ----
t_bench() {
	best=0
	for i in 1 2 3; do
		snap summary b
		d=$(scan_field duration_ns /tmp/b)
		p=$(scan_field pfns /tmp/b)
		[ $best -eq 0 ] || [ "$d" -lt $best ] && best=$d
	done
	kbest=0
	for i in 1 2 3; do
		t0=$(now_ns)
		cat /proc/kpageflags > /dev/null
		cat /proc/kpagecount > /dev/null
		t1=$(now_ns)
		k=$((t1 - t0))
		[ $kbest -eq 0 ] || [ $k -lt $kbest ] && kbest=$k
	done
	awk -v p="$p" -v d="$best" -v k="$kbest" 'BEGIN {
		printf "# bench: census_vs_kpageflags=%.1f census_ms=%.3f kpageflags_kpagecount_ms=%.3f pfns=%d\n",
			k / d, d / 1e6, k / 1e6, p }'
}

# ---- driver layouts from BTF against offsetof() from the drivers' headers ----
# "driver struct member offset size" rows of one source
layout_rows() {	# layout_rows file driver source
	awk -v d="$2" -v s="$3" '!/^#/ && $1 == d && $6 == s { print $1, $2, $3, $4, $5 }' "$1"
}

t_layouts() {
	snap layouts lay0
	bad=$(awk 'NR > 1 && !/^#/ && $6 != "btf" && $6 != "compiled" && $6 != "recognised" && $6 !~ /^none:/' /tmp/lay0)
	[ -z "$bad" ] && [ "$(grep -c '^ixgbe ' /tmp/lay0)" -gt 0 ]
	ok $? "layouts lists every member with a source, or why there is none" "$bad"
	if [ ! -e /sys/kernel/btf/vmlinux ] || [ ! -e /modules/ixgbe.ko ]; then
		echo "# layouts: no BTF or no driver modules on this kernel; BTF vs offsetof() not run"
		src=$(awk '$1 == "ixgbe" { print $6; exit }' /tmp/lay0)
		case $src in compiled|none:*) true ;; *) false ;; esac
		ok $? "without BTF the layouts come from the compiled headers or say why ($src)"
		return
	fi
	grep -q '^ixgbe .*ixgbe_ring .*count .* 84 .* 2 recognised$' /tmp/lay0 &&
		case $(uname -r) in
		[0-5].*|6.[01].*)	# i40e recognised up to 6.1 (compat.h)
			grep -q '^i40e .*i40e_ring .*count .* 74 .* 2 recognised$' /tmp/lay0 ;;
		*)	grep -q '^i40e .* none:module_not_loaded_or_no_module_btf' /tmp/lay0 ;;
		esac
	ok $? "before the drivers load: ixgbe's recognised layout; i40e's recognised up to 6.1, else why it has none"
	for m in ixgbe i40e igb mlx5_core ice iavf; do
		load_module $m
		ok $? "the real $m.ko loads without hardware"
	done
	# module BTF of every NIC driver nicmem knows; ice and iavf have no
	# member list (estimate or page_pool), virtio_net's members are
	# checked by t_virtio: their BTF is only required to be there
	for m in ixgbe i40e igb mlx5_core ice iavf virtio_net; do
		[ -s /sys/kernel/btf/$m ]
		ok $? "$m has module BTF ($(wc -c < /sys/kernel/btf/$m 2>/dev/null) bytes)"
	done
	snap layouts lay
	insmod /nicmem/nicmem_offsets.ko
	ok $? "insmod nicmem_offsets.ko (offsetof() from the drivers' headers)"
	cat /sys/kernel/debug/nicmem_offsets > /tmp/off
	for m in ixgbe i40e igb mlx5_core; do
		want=$(layout_rows /tmp/off $m offsetof)
		got=$(layout_rows /tmp/lay $m btf)
		n=$(echo "$want" | grep -c .)
		[ "$n" -gt 0 ] && [ "$want" = "$got" ]
		ok $? "$m: all $n members nicmem resolved from BTF equal offsetof()/sizeof() from $m's headers" "$(echo "$want" > /tmp/w; echo "$got" > /tmp/g; diff /tmp/w /tmp/g | head -5)"
	done
	emit layouts /tmp/lay
	rmmod nicmem_offsets
	rmmod ixgbe
	snap layouts lay2
	grep -q '^ixgbe .* recognised$' /tmp/lay2 && grep -q '^i40e .* btf$' /tmp/lay2
	ok $? "after rmmod ixgbe its layout falls back to recognised, i40e's stays btf"
	rmmod igb i40e ice iavf
}

# ---- exact ring walks of ixgbe/i40e/igb look-alikes built from the real headers ----
RINGS=/nicmem/nicmem_fakering.ko

# nicmem's queue rows "ifindex queue descs with no order pages bytes remote pinned state"
rings_nicmem() {
	snap queues q
	awk 'NR > 1 && !/^#/ && $3 ~ /^ring/ { print $2, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 }' /tmp/q | sort
}

# the module's own account of what it built, in the same shape
rings_oracle() {
	awk '$1 == "queue" { print $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 }' \
		/sys/kernel/debug/nicmem_fakering | sort
}

# per interface: "ifindex kind bucket pages", the interface table only
hists_nicmem() {
	snap histogram h
	awk '/^# per walked interface/ { on = 1; next } /^# per walked queue/ { on = 0 }
		on && !/^#/ && $3 ~ /^ring/ { n[$2 " " $5]++; print $2, $5, n[$2 " " $5] - 1, $8 }' /tmp/h | sort
}

hists_oracle() {
	awk '$1 == "hist" { print $3, $4, $5, $6 }' /sys/kernel/debug/nicmem_fakering | sort
}

# per queue: "ifindex queue kind bucket pages"
qhists_nicmem() {
	awk '/^# per walked queue/ { on = 1; next }
		on && !/^#/ && $3 ~ /^ring/ { k = $2 " " $5 " " $6; n[k]++; print k, n[k] - 1, $9 }' /tmp/h | sort
}

qhists_oracle() {
	awk '$1 == "qhist" { print $3, $4, $5, $6, $7 }' /sys/kernel/debug/nicmem_fakering | sort
}

compare_rings() {	# compare_rings <what>
	rings_nicmem > /tmp/rn
	rings_oracle > /tmp/ro
	[ -s /tmp/ro ] && cmp -s /tmp/rn /tmp/ro
	ok $? "$1: every queue's descriptors, pages, order, bytes and pinned pages equal what the rings hold ($(wc -l < /tmp/ro) queues)" "$(diff /tmp/ro /tmp/rn | head -4)"
	hists_nicmem > /tmp/hn
	hists_oracle > /tmp/ho
	[ -s /tmp/ho ] && cmp -s /tmp/hn /tmp/ho
	ok $? "$1: bias, outside-reference and drained histograms equal the rings', in base pages" "$(diff /tmp/ho /tmp/hn | head -4)"
	qhists_nicmem > /tmp/qhn
	qhists_oracle > /tmp/qho
	[ -s /tmp/qho ] && cmp -s /tmp/qhn /tmp/qho
	ok $? "$1: every queue's drained histogram (refill - bias) equals what its traffic took" "$(diff /tmp/qho /tmp/qhn | head -4)"
	snap interfaces ifaces
	bad=$(awk 'NR > 1 && !/^#/ && $3 ~ /^ring/ && $16 != "exact"' /tmp/ifaces)
	[ -z "$bad" ]
	ok $? "$1: the look-alike interfaces are counted exact" "$bad"
}

t_rings() {
	snap layouts lay
	lsrc=$(awk '$1 == "ixgbe" { print $6; exit }' /tmp/lay)
	if [ ! -e $RINGS ]; then
		echo "# rings: no look-alike module for this kernel; exact walks not run"
		return
	fi
	# layouts from BTF need the real modules loaded; compiled ones do not
	if [ -e /modules/ixgbe.ko ]; then
		for m in ixgbe i40e igb; do load_module $m; done
	fi
	snap layouts lay
	lsrc=$(awk '$1 == "ixgbe" { print $6; exit }' /tmp/lay)
	echo "# rings: layouts from $lsrc"
	case $lsrc in btf|compiled) ;; *)
		echo "# rings: no layout ($lsrc); exact walks not run"
		return ;;
	esac
	insmod $RINGS queues=4 ring=512
	ok $? "insmod nicmem_fakering.ko (rings built from ixgbe.h, i40e.h, igb.h)"
	compare_rings "order-0 rings"
	emit_set rings-order0
	if [ -d /sys/devices/system/node/node1 ]; then
		remote=$(awk '{ s += $9 } END { print s + 0 }' /tmp/rn)
		[ "$remote" -gt 0 ]
		ok $? "pages on another node than their device are counted remote ($remote)"
	fi
	claimed=$(awk '{ s += $10 } END { print s + 0 }' /tmp/ro)
	snap summary s3
	grep -q "; $claimed in walked rings, " /tmp/s3
	ok $? "the summary's pinned-signature pages split: $claimed in walked rings" "$(sed -n 2p /tmp/s3)"
	# the networking core's page_frag caches (frag.c): two per possible
	# CPU, placed with the vmlinux BTF; without it none, and why
	ncpu=$(awk -F, '{ for (i = 1; i <= NF; i++) { n = split($i, r, "-"); c += n == 2 ? r[2] - r[1] + 1 : 1 } } END { print c }' /sys/devices/system/cpu/possible)
	if [ -e /sys/kernel/btf/vmlinux ]; then
		want="caches $((2 * ncpu)) unreadable 0 with_page [0-9]* pages [0-9]* pinned [0-9]* source btf_percpu"
	else
		want="caches 0 unreadable 0 with_page 0 pages 0 pinned 0 source no_vmlinux_btf"
	fi
	grep -qx "page_frag: $want" /tmp/s3
	ok $? "the summary's page_frag line: $want ($ncpu possible CPUs)" "$(grep '^page_frag:' /tmp/s3)"
	r0=$(ls /sys/class/net | grep '^ring' | head -1)
	r1=$(ls /sys/class/net | grep '^ring' | sed -n 2p)
	ethtool -G "$r0" rx 256 && ethtool -L "$r1" combined 2
	ok $? "ethtool -G $r0 rx 256; ethtool -L $r1 combined 2"
	compare_rings "after ethtool -G/-L"
	# resizes and ifdown/ifup while two readers loop: no oops
	dmesg -c > /dev/null
	rm -f /tmp/stop
	reader & r1p=$!
	reader & r2p=$!
	for i in 1 2 3 4 5 6; do
		for d in $(ls /sys/class/net | grep '^ring'); do
			ethtool -G "$d" rx $((64 << (i % 3))) 2>/dev/null
			ip link set "$d" down; ip link set "$d" up
		done
	done
	touch /tmp/stop
	wait $r1p $r2p
	bad=$(dmesg | grep -E 'BUG|WARNING|Oops|general protection|Call Trace|refcount_t|use-after-free|list_del corruption')
	[ -z "$bad" ]
	ok $? "ring resizes and ifdown/ifup under two looping readers: dmesg clean" "$bad"
	compare_rings "after the resizes"
	emit_set rings-resized
	rmmod nicmem_fakering
	insmod $RINGS queues=3 ring=128 order1=1
	ok $? "insmod nicmem_fakering.ko order1=1"
	compare_rings "order-1 rings"
	emit_set rings-order1
	emit queues "$D/queues"
	if [ "$lsrc" = btf ]; then
		# without ixgbe's BTF: the recognised layout finds the same
		rmmod ixgbe
		compare_rings "ixgbe's recognised layout (no BTF)"
		grep -q ' ring[0-9]* *ixgbe .* exact *walked_recognised_layout' /tmp/ifaces
		ok $? "the ixgbe look-alike is walked with the recognised layout" "$(grep ' ixgbe ' /tmp/ifaces)"
		# without i40e's BTF: its recognised layout up to 6.1
		# (compat.h); later i40e rings are estimated, saying why
		rmmod i40e
		snap interfaces ifaces
		case $(uname -r) in
		[0-5].*|6.[01].*)
			awk 'NR > 1 && !/^#/ && $4 == "i40e" && $3 ~ /^ring/' /tmp/ifaces | grep -q ' exact *walked_recognised_layout'
			ok $? "without i40e's BTF its look-alike is walked with the recognised layout" "$(grep ' i40e ' /tmp/ifaces)" ;;
		*)
			bad=$(awk 'NR > 1 && !/^#/ && $4 == "i40e" && $3 ~ /^ring/ && !/ estimate *none:module_not_loaded_or_no_module_btf/' /tmp/ifaces)
			[ -z "$bad" ] && grep -q ' i40e ' /tmp/ifaces
			ok $? "without i40e's BTF its look-alike is estimated, saying why (no recognised layout after 6.1)" "$bad" ;;
		esac
		rmmod igb
	fi
	rmmod nicmem_fakering
}

# ---- page_pool interfaces: real pools, checked against the module's own account ----
PP=/nicmem/nicmem_fakepp.ko

# nicmem_fakepp's pools in nicmem's pools file (the kernel's own drivers
# have pools too: virtio_net from 6.x): by the device of their interfaces,
# and the pool on a device no interface has (device "-", no_interface)
pp_rows() {
	awk 'NR > 1 && !/^#/ && ($6 ~ /^pp(nic|dual)$/ || ($6 == "-" && $18 == "no_interface"))' /tmp/pl
}

# per pool: "name order pages objects inflight cached attributed_by"
pools_nicmem() {
	snap pools pl
	pp_rows | awk '{ print $3, $8, $11, $14, $15, $16, $18 }' | sort
}

# what nicmem must say of the interfaces of a device: one interface is
# its pools' owner; two on one device cannot be told apart before 6.8
pp_who() {
	case $1 in
	-) echo "- no_interface" ;;
	*) case $(readlink "/sys/class/net/$1/device/driver") in
	   */ppdual) echo "- ambiguous_parent_device" ;;
	   *) echo "$1 parent_device" ;;
	   esac ;;
	esac
}

pools_oracle() {
	awk '$1 == "pool" { print $2, $4, $6, $7, $8 }' /sys/kernel/debug/nicmem_fakepp |
	while read -r name order dp rec cache; do
		n=$((dp + rec + cache))
		set -- $(pp_who "$name")
		echo "$1 $order $((n << order)) $n $n $((rec + cache)) $2"
	done | sort
}

# an interface's pp_frag histogram: "lower_bound pages", nonzero buckets
frag_nicmem() {
	snap histogram h
	awk -v d="$1" '!/^#/ && $3 == d && $5 == "pp_frag" && $8 > 0 { print $6, $8 }' /tmp/h
}

frag_oracle() {
	awk -v d="$1" '$1 == "frag" && $2 == d {
		if ($4 == "max") lo = 131072
		else { lo = 0; for (v = $4; v >= 1; v = int(v / 2)) lo = lo ? lo * 2 : 1 }
		n[lo] += $5
	} END { for (lo in n) print lo, n[lo] }' /sys/kernel/debug/nicmem_fakepp | sort -n
}

compare_pools() {	# compare_pools <what>
	pools_nicmem > /tmp/pn
	pools_oracle > /tmp/po
	[ -s /tmp/po ] && cmp -s /tmp/pn /tmp/po
	ok $? "$1: every pool's pages, allocations, in-flight and cached pages and its interface equal what the module built ($(wc -l < /tmp/po) pools)" "$(diff /tmp/po /tmp/pn | head -4)"
}

t_pools() {
	if ! insmod $PP queues=4 ring=512 recycled=16 $1 2> /tmp/pperr; then
		echo "# page_pool: nicmem_fakepp does not load here ($(cat /tmp/pperr)); not run"
		return
	fi
	ok 0 "insmod nicmem_fakepp.ko (interfaces on real page_pools) $1"
	compare_pools "fragment pools"
	emit_set pp-frag
	pp0=$(awk '$1 == "pool" && $2 != "-" { print $2; exit }' /sys/kernel/debug/nicmem_fakepp)
	frag_nicmem "$pp0" > /tmp/fn
	frag_oracle "$pp0" > /tmp/fo
	[ -s /tmp/fo ] && cmp -s /tmp/fn /tmp/fo
	ok $? "$pp0: the fragment-count histogram equals the descriptors' fragments" "$(diff /tmp/fo /tmp/fn | tr '\n' ' ')"
	snap interfaces ifaces
	want=$(awk -v d="$pp0" '$1 == "pool" && $2 == d { s += $6 + $7 + $8 } END { print s + 0 }' /sys/kernel/debug/nicmem_fakepp)
	row=$(awk -v d="$pp0" 'NR > 1 && $3 == d { print $13, $14, $16 }' /tmp/ifaces)
	[ "$row" = "0 $want page_pool" ]
	ok $? "$pp0 is counted from its pools: order 0, $want pages, source page_pool" "$row"
	snap summary s
	n=$(awk '/^# interfaces:/ { on = 1; next } on && /^$/ { exit }
		on && !/^#/ && $16 == "page_pool"' /tmp/s | wc -l)
	[ "$n" -ge 1 ] && grep -q "page_pool on $n and" /tmp/s
	ok $? "the verdict counts the page_pool interfaces ($n, $pp0 among them)" "$(sed -n 2p /tmp/s)"
	descs=$((4 * 512))
	per=$(awk -v d="$pp0" '/^# per descriptor/ { on = 1; next } on && $1 == d { print $3, $4, $5, $7 }' /tmp/s)
	[ "$per" = "page_pool $descs $want $((want * 1000 / descs))" ]
	ok $? "the per-descriptor table shows $pp0: $want pages on $descs descriptors" "$per"
	unattr=$(awk '/^# page_pool:/ { on = 1; next } on && $3 == "(unattributed)" { print $5, $6 }' /tmp/s)
	want=$(awk '$1 == "-" { n++; s += $3 } END { print n + 0, s + 0 }' /tmp/po)
	[ "$unattr" = "$want" ]
	ok $? "the summary's page_pool table sums the pools no interface owns ($want)" "$unattr"
	total=$(awk '!/^#/ { s += $11 } END { print s + 0 }' /tmp/pl)
	cls=$(census all page_pool 3 /tmp/s)
	[ "$total" = "$cls" ]
	ok $? "the pools account for every page_pool page of the census ($cls)" "pools $total"
	if [ -n "$2" ]; then
		bad=$(pp_rows | awk '$13 != $11')
		[ -z "$bad" ]
		ok $? "pools whose device is on another node than their pages: all pages remote" "$bad"
	fi
	snap metrics mx
	n=$(grep -c '^nicmem_page_pool_pages{' /tmp/mx)
	[ "$n" = "$(awk 'NR > 1 && !/^#/ { print $1, $3 }' /tmp/pl | sort -u | wc -l)" ]
	ok $? "metrics: one nicmem_page_pool_pages series per interface with pools, one for the pools of none ($n)"
	echo 1 > /sys/module/nicmem/parameters/metrics_queues
	snap metrics mx
	echo 0 > /sys/module/nicmem/parameters/metrics_queues
	n=$(grep -c '^nicmem_page_pool_pages{' /tmp/mx)
	[ "$n" = "$(awk 'NR > 1 && !/^#/' /tmp/pl | wc -l)" ] && [ "$n" -ge "$(grep -c '^pool ' /sys/kernel/debug/nicmem_fakepp)" ]
	ok $? "metrics with metrics_queues=1: one nicmem_page_pool_pages series per pool ($n)"
	rmmod nicmem_fakepp
	ok $? "rmmod nicmem_fakepp"
	snap pools pl
	[ "$(pp_rows | wc -l)" = 0 ]
	ok $? "after rmmod none of its pools is listed" "$(pp_rows | head -3)"
	insmod $PP queues=2 ring=256 recycled=8 frag=0 order=1 $1
	ok $? "insmod nicmem_fakepp.ko frag=0 order=1 (whole order-1 pages)"
	compare_pools "order-1 whole-page pools"
	emit_set pp-order1
	# whether pages carry a fragment count: PP_FLAG_PAGE_FRAG pools up to
	# 6.6, every pool from 6.7 (the module says which it built)
	want=$(awk '$1 == "pool" { print $9 }' /sys/kernel/debug/nicmem_fakepp | sort | uniq -c)
	got=$(pp_rows | awk '{ print $17 }' | sort | uniq -c)
	[ -n "$want" ] && [ "$want" = "$got" ]
	ok $? "pools say whether their pages carry a fragment count: $(echo $want)" "$(echo $got)"
}

# ---- the kernel as oracle: netdev netlink page-pool-get (6.8+) ----
NL=/nicmem/pp-dump

t_pp_netlink() {
	case $(uname -r) in
	[0-5].*|6.[0-7].*)
		echo "# page-pool-get: not run: the netdev netlink family has no page-pool-get before 6.8 (kernel $(uname -r)); pools are checked against the module's own account only"
		return ;;
	esac
	if [ ! -x $NL ]; then
		echo "# page-pool-get: not run: no netlink client (pp-dump) in this guest"
		return
	fi
	grep -q '^nicmem_fakepp ' /proc/modules && rmmod nicmem_fakepp
	insmod $PP queues=4 ring=512 recycled=16 netdev=1 $1
	ok $? "insmod nicmem_fakepp.ko netdev=1 (each pool registered with its interface) $1"
	$NL > /tmp/nl 2> /tmp/nlerr
	ok $? "page-pool-get dumps $(wc -l < /tmp/nl) pools" "$(cat /tmp/nlerr)"
	snap pools pl
	snap summary s
	ifs=" $(cat /sys/class/net/pp*/ifindex | tr '\n' ' ')"
	# the test interfaces' pools, "id ifindex inflight inflight_bytes":
	# the kernel's (page_pool_inflight(): hold - release; inflight-mem =
	# inflight x PAGE_SIZE << order) and nicmem's (pools: id, its
	# interface, in flight, order). The pool on a device without an
	# interface has no net_device: netlink does not list it, nicmem shows
	# it with ifindex -. Other interfaces' pools are shown, not compared
	# (live traffic moves them between the two reads).
	awk -v ifs="$ifs" 'index(ifs, " " $2 " ") { print $1, $2, $3, $4 }' /tmp/nl | sort > /tmp/nk
	awk -v ifs="$ifs" -v ps="$(scan_field page_size /tmp/s)" 'NR > 1 && !/^#/ && index(ifs, " " $2 " ") {
		b = $15 * ps; for (i = 0; i < $8; i++) b *= 2; print $7, $2, $15, b }' /tmp/pl | sort > /tmp/nm
	awk -v ifs="$ifs" '!index(ifs, " " $2 " ") { print "# page-pool-get, other pool: id " $1 " ifindex " $2 " inflight " $3 }' /tmp/nl
	[ -s /tmp/nk ] && cmp -s /tmp/nk /tmp/nm
	ok $? "page-pool-get and nicmem's pools agree pool by pool on id, interface, in-flight pages and bytes ($(wc -l < /tmp/nk) pools)" "$(diff /tmp/nk /tmp/nm | head -6)"
	bad=$(awk -v ifs="$ifs" 'NR > 1 && !/^#/ && index(ifs, " " $2 " ") && $18 != "pool_netdev"' /tmp/pl)
	[ -z "$bad" ]
	ok $? "every registered pool, those of two interfaces on one device too, is tied to its interface by its own net_device" "$bad"
	rmmod nicmem_fakepp
}

# ---- an mlx5e look-alike: channels and RQs from en.h on real page_pools ----
FM=/nicmem/nicmem_fakemlx5.ko

# queue rows "name queue descs pages state desc_pages stride"
mlx5_nicmem() {
	snap queues q
	awk 'NR > 1 && !/^#/ && $4 == "mlx5_core" { print $3, $5, $6, $10, $14, $15, $16 }' /tmp/q | sort
}

mlx5_oracle() {
	awk '!/^#/ { print $1, $2, $3, $4 + $5, $6, $7, $8 }' /sys/kernel/debug/nicmem_fakemlx5 | sort
}

compare_mlx5() {	# compare_mlx5 <what> <kind>
	mlx5_nicmem > /tmp/mn
	mlx5_oracle > /tmp/mo
	[ -s /tmp/mo ] && cmp -s /tmp/mn /tmp/mo
	ok $? "$1: every channel's RQ type, WQEs, pages per WQE, stride and its pool's pages equal the look-alike's ($(wc -l < /tmp/mo) channels)" "$(diff /tmp/mo /tmp/mn | head -4)"
	snap pools pl
	bad=$(awk 'NR > 1 && !/^#/ && $4 == "mlx5_core" && ($18 != "adaptor" || $5 == "-")' /tmp/pl)
	n=$(awk 'NR > 1 && !/^#/ && $4 == "mlx5_core"' /tmp/pl | wc -l)
	[ -z "$bad" ] && [ "$n" = "$(wc -l < /tmp/mo)" ]
	ok $? "$1: each channel's pool is tied to its queue by the adaptor ($n pools)" "$bad"
	snap interfaces ifaces
	row=$(awk 'NR > 1 && $4 == "mlx5_core" { print $16, $17 }' /tmp/ifaces)
	ch=$(wc -l < /tmp/mo)
	[ "$row" = "page_pool mlx5_${2}_rq_${ch}_channels" ]
	ok $? "$1: the interface is counted from its pools, with its RQ type" "$row"
}

t_mlx5() {
	if [ ! -e $FM ]; then
		echo "# mlx5: no look-alike module for this kernel; not run"
		return
	fi
	[ -e /modules/mlx5_core.ko ] && load_module mlx5_core
	snap layouts lay
	lsrc=$(awk '$1 == "mlx5_core" { print $6; exit }' /tmp/lay)
	echo "# mlx5: layout from $lsrc"
	insmod $FM channels=4 wqes=32 pages_per_wqe=8
	ok $? "insmod nicmem_fakemlx5.ko (4 striding RQs, 32 WQEs of 8 pages)"
	compare_mlx5 "striding RQs" striding
	emit_set mlx5-striding
	snap summary s
	awk '/^# per descriptor/ { on = 1; next } on && /^$/ { exit } on' /tmp/s > /tmp/perdesc
	emit per-descriptor /tmp/perdesc
	rmmod nicmem_fakemlx5
	insmod $FM channels=3 wqes=256 striding=0
	ok $? "insmod nicmem_fakemlx5.ko striding=0 (3 cyclic RQs of 256 WQEs)"
	compare_mlx5 "cyclic RQs" cyclic
	emit_set mlx5-cyclic
	if [ "$lsrc" = btf ]; then
		# without mlx5_core's BTF: pools by their device, no queues
		rmmod mlx5_core
		snap interfaces ifaces
		row=$(awk 'NR > 1 && $4 == "mlx5_core" { print $14, $16, $17 }' /tmp/ifaces)
		want=$(awk '!/^#/ { s += $4 + $5 } END { print s + 0 }' /sys/kernel/debug/nicmem_fakemlx5)
		[ "$row" = "$want page_pool page_pool:3_pools_by_parent_device" ]
		ok $? "without mlx5_core's BTF its pools are still found by their device ($want pages)" "$row"
	fi
	rmmod nicmem_fakemlx5
}

# ---- side by side: bias rings, an mlx5e look-alike and page_pool interfaces ----
t_side() {
	[ -e $RINGS ] && [ -e $FM ] || return 0
	if [ -e /modules/ixgbe.ko ]; then
		for m in ixgbe i40e igb mlx5_core; do load_module $m; done
	fi
	grep -q '^nicmem_fakepp ' /proc/modules || insmod $PP queues=4 ring=512 recycled=16
	insmod $RINGS queues=4 ring=512 && insmod $FM channels=4 wqes=64 pages_per_wqe=8
	ok $? "bias-ring look-alikes, an mlx5e look-alike and page_pool interfaces loaded together"
	snap summary side
	snap queues q
	awk '/^# per descriptor/ { on = 1; next } on && /^$/ { exit } on' /tmp/side > /tmp/perdesc
	emit per-descriptor /tmp/perdesc
	exact=$(awk '$3 == "exact"' /tmp/perdesc | wc -l)
	pp=$(awk '$3 == "page_pool"' /tmp/perdesc | wc -l)
	[ "$exact" -ge 1 ] && [ "$pp" -ge 2 ]
	ok $? "the summary's per-descriptor table shows bias rings ($exact) beside page_pool interfaces ($pp)" "$(cat /tmp/perdesc)"
	# a bias ring: pages per descriptor = with_page / descs << order,
	# from its own queues; a page_pool interface: its pools' pages / descs
	bad=$(awk -v OFS=' ' 'NR == FNR { if ($0 !~ /^#/ && NR > 1 && $3 ~ /^ring/) { d[$3] += $6; p[$3] += $10 } next }
		$3 == "exact" && $1 in d && $5 != p[$1] { print $1, $5, p[$1] }' /tmp/q /tmp/perdesc)
	[ -z "$bad" ]
	ok $? "a bias ring's pages in the per-descriptor table are its queues' pages" "$bad"
	emit_set side
}

# ---- KUnit suites, where the kernel has KUnit (the arm64 test kernel) ----
t_kunit() {
	[ -e /nicmem/nicmem_kunit.ko ] || return 0
	grep -q '^nicmem ' /proc/modules || insmod $KO
	dmesg -c > /dev/null
	insmod /nicmem/nicmem_kunit.ko
	ok $? "insmod nicmem_kunit.ko (KUnit suites on $(uname -m))"
	dmesg | sed -n '/KTAP version\|TAP version/,$p' | sed 's/^\[ *[0-9.]*\] //' > /tmp/ktap
	emit ktap /tmp/ktap
	rmmod nicmem_kunit
}

# the operator tools' guest tests, when the harness brought them
[ -r /nicmem/tools.sh ] && . /nicmem/tools.sh

main() {
	mount -t debugfs none /sys/kernel/debug 2>/dev/null
	echo "# kernel $(uname -r), $(nproc) cpus, $(awk '/^MemTotal/ { print $2 / 1024 }' /proc/meminfo) MiB"
	setup_net
	if [ "$MODE" = demo ]; then
		insmod $KO
		emit summary "$D/summary"
		return
	fi
	t_load
	t_interfaces
	t_ethtool
	snap layouts lay0
	t_virtio
	t_census
	emit_set base
	t_pinned
	t_estimate
	t_params
	t_badio
	t_hotplug
	t_cycles
	t_bench
	command -v t_tools > /dev/null && t_tools
	t_layouts
	t_rings
	t_mlx5
	if [ -d /sys/devices/system/node/node1 ]; then
		t_pools "dev_node=1 page_node=0" remote
		t_pp_netlink "dev_node=1 page_node=0"
	else
		t_pools
		t_pp_netlink
	fi
	t_side
	t_kunit
	emit summary "$D/summary"
	emit metrics "$D/metrics"
	emit histogram "$D/histogram"
	echo "# guest: $N tests, $FAILED failed"
	[ $FAILED -eq 0 ]
}

main
