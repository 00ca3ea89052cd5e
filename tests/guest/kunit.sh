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
unload_under_readers /nicmem/nicmem.ko 10
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
mark end
[ "$FAILED" -eq 0 ]
