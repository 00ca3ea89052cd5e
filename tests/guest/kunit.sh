# SPDX-License-Identifier: GPL-2.0
#
# The KUnit suites in the debug kernel's VM (scripts/kunit): which kernel
# and debug options they run under, the suites (nicmem_kunit.ko's init),
# then a kmemleak scan and the modules' unload. The KTAP and any splat go
# to the kernel log, which the harness keeps as console.log (loglevel=8);
# the host reads it there, so a crash mid-suite still leaves the evidence.
. /nicmem/lib.sh

mark() { echo "NICMEM-KUNIT: $*" > /dev/kmsg; }

echo "# kernel $(uname -r) $(uname -m)"
opts=$(zcat /proc/config.gz 2>/dev/null | grep -E '^CONFIG_(KUNIT|KASAN|KASAN_GENERIC|KFENCE|PROVE_LOCKING|PROVE_RCU|DEBUG_ATOMIC_SLEEP|DEBUG_OBJECTS|DEBUG_KMEMLEAK|DEBUG_INFO_BTF|DEBUG_INFO_BTF_MODULES)=y$' |
	sed 's/^CONFIG_//; s/=y$//' | tr '\n' ' ')
echo "# debug options: ${opts:-none (no /proc/config.gz)}"
[ -e /sys/kernel/debug/kmemleak ]
ok $? "kmemleak is on (booted with kmemleak=on)"
[ -e /sys/kernel/btf/vmlinux ]
ok $? "the kernel has BTF (/sys/kernel/btf/vmlinux)"

# one clean slate for kmemleak: what boot left is not ours
echo clear > /sys/kernel/debug/kmemleak 2>/dev/null
insmod /nicmem/nicmem.ko
ok $? "insmod nicmem.ko"
mark start
insmod /nicmem/nicmem_kunit.ko
ok $? "insmod nicmem_kunit.ko (the suites ran in its init)"
mark suites-done
rmmod nicmem_kunit
ok $? "rmmod nicmem_kunit"
rmmod nicmem
ok $? "rmmod nicmem"
# unload under readers here, under KASAN: a read in flight and the close
# of a file held across the unload must not touch the module's memory
# (the second is the stock kernels'; under KASAN, lockdep and TCG on a
# busy host the same unload has taken up to 1.3 s: 5 s here)
unload_under_readers /nicmem/nicmem.ko 10 500
# the real drivers load on the debug kernel and carry module BTF (after
# the suites, which build their rings from the headers, as in UML)
for m in ixgbe i40e igb mlx5_core; do
	load_module "$m" || echo "# $m did not load"
done
n=0
for m in ixgbe i40e igb mlx5_core; do
	[ -e "/sys/kernel/btf/$m" ] && n=$((n + 1))
done
[ $n -eq 4 ]
ok $? "module BTF of ixgbe, i40e, igb and mlx5_core ($n of 4)"

# kmemleak reports an object only after two scans have not found a
# reference to it; what the host reads is the list after the second
echo scan > /sys/kernel/debug/kmemleak
sleep 1
echo scan > /sys/kernel/debug/kmemleak
cat /sys/kernel/debug/kmemleak > /tmp/kmemleak
emit kmemleak /tmp/kmemleak

# ---- lockdown: raised at run time (it never goes down again), integrity
# then confidentiality; a locked-down kernel loads only signed modules ----
lockdown_level() { sed 's/.*\[\(.*\)\].*/\1/' /sys/kernel/security/lockdown; }
lockdown_reads() {	# lockdown_reads <level>: nicmem loads signed, every file reads
	insmod /nicmem/nicmem.ko 2> /tmp/unsigned.err
	rc=$?
	[ $rc -ne 0 ] && ! grep -q '^nicmem ' /proc/modules &&
		dmesg | grep -q 'Lockdown: insmod: unsigned module loading is restricted'
	ok $? "$1: the unsigned nicmem.ko is refused" "rc=$rc $(cat /tmp/unsigned.err)"
	insmod /nicmem/nicmem-signed.ko cache_ms=0
	ok $? "$1: the signed nicmem.ko loads"
	n=0 bad=""
	for f in $NICMEM_FILES; do
		if cat "/sys/kernel/debug/nicmem/$f" > /tmp/ld.$f 2> /tmp/ld.err && [ -s /tmp/ld.$f ]; then
			n=$((n + 1))
		else
			bad="$bad $f($(cat /tmp/ld.err))"
		fi
	done
	[ -z "$bad" ]
	ok $? "$1: every file reads ($n of them)" "$bad"
	grep -q '^severity: ' /tmp/ld.summary && grep -q '^nicmem_interface_info{' /tmp/ld.metrics &&
		grep -q '^nicmem_census_pages{' /tmp/ld.metrics
	ok $? "$1: the summary has its verdict, metrics its interface and census series"
	# the layouts came from module BTF read under lockdown
	awk '$1 == "igb" && $NF == "btf" { n++ } END { exit !n }' /tmp/ld.layouts
	ok $? "$1: igb's layout resolved from its module BTF" "$(grep '^igb ' /tmp/ld.layouts | head -3)"
	rmmod nicmem
	ok $? "$1: rmmod nicmem"
}
grep -q " /sys/kernel/security " /proc/mounts ||
	mount -t securityfs securityfs /sys/kernel/security 2> /dev/null
if [ -w /sys/kernel/security/lockdown ]; then
	[ "$(lockdown_level)" = none ]
	ok $? "lockdown is off at boot" "$(cat /sys/kernel/security/lockdown)"
	dmesg -c > /dev/null
	echo integrity > /sys/kernel/security/lockdown && [ "$(lockdown_level)" = integrity ]
	ok $? "lockdown raised to integrity" "$(cat /sys/kernel/security/lockdown)"
	lockdown_reads integrity
	dmesg -c > /dev/null
	echo confidentiality > /sys/kernel/security/lockdown &&
		[ "$(lockdown_level)" = confidentiality ]
	ok $? "lockdown raised to confidentiality" "$(cat /sys/kernel/security/lockdown)"
	lockdown_reads confidentiality
else
	ok 1 "the debug kernel has lockdown (/sys/kernel/security/lockdown)"
fi
mark end
[ "$FAILED" -eq 0 ]
