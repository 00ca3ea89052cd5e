/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a driver's spec.h (drivers/<driver>/spec.h) is made of: its
 * members, how its rings hang together, the plain members of its adaptor.
 * Constants and plain types only, so that two readers compile the same
 * text: the module (adaptor.h includes this, adaptor.c its spec.h) and, for
 * the host, scripts/vmcore-defs.c, which turns every spec.h into the
 * post-mortem script's definitions (there the stand-ins of
 * scripts/host/linux/ supply <linux/bitops.h>, <linux/kernel.h> and
 * <linux/types.h>). NET_IP_ALIGN and compat.h's switches, where a spec
 * uses them, come from its includer: the kernel and compat.h, or the
 * generator.
 */
#ifndef _NICMEM_SPEC_H
#define _NICMEM_SPEC_H

#include <linux/bitops.h>	/* BIT() */
#include <linux/kernel.h>	/* ARRAY_SIZE(), USHRT_MAX */
#include <linux/types.h>

/*
 * A driver's spec.h defines, once (it has an include guard):
 *  - where the driver has a layout.h: the NICMEM_F_ enum and the
 *    <driver>_fields[] array made from it (fields_enum.h, fields_init.h);
 *  - where it has one: its struct nicmem_bias_ring <driver>_rings;
 *  - NICMEM_SPEC_<driver>: the designated initializers of its adaptor's
 *    plain members (driver, flags, module, fields, nr_fields, bias_ring,
 *    order0_max_mtu), which adaptor.c puts first in its struct
 *    nicmem_adaptor; the members that are code (walk_rx, rx_page_order)
 *    or only the module's (recognised) stay in adaptor.c.
 * Every driver listed in list.h has one: the generator uses
 * NICMEM_SPEC_<driver> for each line.
 */

/* The adaptor's driver keeps one whole RX page (of some order) per
 * descriptor, so queues x ring size x page size is what the rings pin.
 */
#define NICMEM_AD_PAGE_PER_DESC	BIT(0)

/**
 * struct nicmem_field - one member of a driver's private struct
 * @sname: the struct's name, without "struct"
 * @path: the member, '.'-separated through named members, anonymous ones
 *	looked through; NULL for the struct's own size
 * @id: the entry's name in the driver's NICMEM_F_ enum, without the prefix
 *	(e.g. "ixgbe_ring_count", "sizeof_ixgbe_rx_buffer"): how the
 *	post-mortem script names it
 */
struct nicmem_field {
	const char *sname;
	const char *path;
	const char *id;
};

/**
 * struct nicmem_bias_ring - how to reach a pagecnt_bias driver's RX rings
 *
 * Every member is an index into the adaptor's @fields (its layout.h list),
 * resolved at run time. ixgbe, i40e and igb share this shape:
 * netdev_priv() (or, with @priv_root >= 0, the pointer stored there) is
 * the root object, which points back at the net_device and holds @nq
 * queues in @rings, an inline array of ring pointers or, with
 * @rings_indirect, a pointer to one (bounded by @rings_max when set).
 * Each ring points back at the net_device and holds @count buffers of
 * @buf_size bytes at @buffers, each with a page pointer and a u16 bias.
 * @order says which ring member decides the page order on PAGE_SIZE <
 * 8192 and how (NICMEM_ORDER_*). @refill is the bias the driver gives a
 * page when it (re)stocks it (USHRT_MAX for ixgbe, i40e and igb): what it
 * has consumed of the bias, the drain, is @refill - bias.
 */
struct nicmem_bias_ring {
	int priv_root;
	int root_netdev, nq, rings, rings_max;
	bool rings_indirect;
	int ring_netdev, ring_count, ring_buffers, ring_xsk_pool;
	int order, order_how;
	int buf_page, buf_bias, buf_size;
	u32 refill;
};

#define NICMEM_ORDER_BIT0		1	/* bit 0 set: 3 KiB buffers, order 1 */
#define NICMEM_ORDER_BUFLEN_HALF	2	/* > PAGE_SIZE / 2: order 1 */

#endif /* _NICMEM_SPEC_H */
