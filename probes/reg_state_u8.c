// SPDX-License-Identifier: GPL-2.0
/*
 * Probe (compat.mk): net_device.reg_state is a plain u8, so READ_ONCE()
 * can take its address; a ":8" bit-field of an enum before commit
 * 4d42b37def70 ("net: convert dev->reg_state to u8", 2024; Debian's
 * 6.1.y has it from the stable trees), and so in RHEL 8's 4.18.
 */
#include <linux/netdevice.h>

u8 nicmem_probe(struct net_device *dev);
u8 nicmem_probe(struct net_device *dev)
{
	return READ_ONCE(dev->reg_state);
}
