#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The vmcore test's guest half (x86_64 VM, scripts/vm-harness --dump):
# the real ixgbe, i40e, igb and mlx5_core (their BTF gives nicmem its
# layouts), the ring and mlx5e look-alikes built from their headers,
# page_pool interfaces and pinned pages; then nicmem's summary and metrics, each read while
# nicmem_freeze.ko stops the VM at the start of the census for the host
# to dump memory (vmcore-1 for the summary, vmcore-2 for the metrics).
# The host runs scripts/nicmem-vmcore on the dumps and compares.

D=/sys/kernel/debug/nicmem
. /nicmem/lib.sh

# no IPv6 chatter (router solicitations, DAD, MLD) while memory is read
for f in /proc/sys/net/ipv6/conf/*/disable_ipv6; do
	echo 1 > "$f"
done 2> /dev/null
for m in ixgbe i40e igb mlx5_core; do
	load_module $m
	ok $? "the real $m.ko loads (its BTF and debuginfo describe the look-alikes)"
done
insmod /nicmem/nicmem.ko cache_ms=0
ok $? "insmod nicmem.ko cache_ms=0"
insmod /nicmem/nicmem_fakering.ko queues=4 ring=512
ok $? "insmod nicmem_fakering.ko queues=4 ring=512"
insmod /nicmem/nicmem_fakepp.ko queues=2 ring=256 recycled=8
ok $? "insmod nicmem_fakepp.ko queues=2 ring=256 recycled=8"
insmod /nicmem/nicmem_fakemlx5.ko channels=3 wqes=16 pages_per_wqe=4
ok $? "insmod nicmem_fakemlx5.ko channels=3 wqes=16 pages_per_wqe=4 (striding RQs on page_pools)"
insmod /nicmem/nicmem_pin.ko npages=300 ncompound=20 order=2
ok $? "insmod nicmem_pin.ko npages=300 ncompound=20 order=2"
# one walk first: layouts resolved, caches warm, the previous snapshot
# held (as it is at every later walk)
cat $D/summary > /dev/null
[ "$(awk '$3 ~ /^ring[0-9]/ && $16 == "exact" && $17 == "walked_btf_layout"' $D/interfaces | wc -l)" = 3 ] &&
	grep -q ' page_pool  *mlx5_striding_rq_3_channels$' $D/interfaces
ok $? "the ring look-alikes are walked exactly, the mlx5e one by its channels" "$(grep -E 'ring|mlx5' $D/interfaces)"
# no traffic either: the VM's NICs down (the host's tap still sends IPv6
# neighbour and router traffic, and every received skb is allocated and
# freed; e1000e's watchdog runs every 2 s while up)
for d in /sys/class/net/eth*; do
	/sbin/ip link set "${d##*/}" down
done
# a plain int3 kprobe: no optimizer work that could run during a census
echo 0 > /proc/sys/debug/kprobes-optimization
frozen_reads summary metrics
echo "# guest: $N tests, $FAILED failed"
[ $FAILED -eq 0 ]
