/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The driver adaptor interface: what nicmem knows about one NIC driver.
 *
 * Each driver has one folder, drivers/<driver>/: adaptor.c defines exactly
 * one const struct nicmem_adaptor nicmem_adaptor_<driver>, whose plain data
 * is its spec.h (see spec.h, here); beside them, where the driver has
 * them, its member list (layout.h), the layout compiled from
 * its headers (compiled.c, KSRC builds), the offsets probe's rows
 * (offsets.c), its ring look-alike (fakering.c) and, in driver.mk, where
 * its private headers are in a kernel tree. The Kbuild files find them by
 * name (drivers/drivers.mk); drivers/list.h registers the adaptor. Adding a
 * driver is one folder and one line in list.h.
 */
#ifndef _NICMEM_ADAPTOR_H
#define _NICMEM_ADAPTOR_H

#include "../nicmem.h"
#include "spec.h"

/**
 * struct nicmem_adaptor - what nicmem knows about one NIC driver
 * @driver: driver name as dev_driver_string() of the net_device's parent
 *	returns it ("ixgbe", "i40e", "mlx5_core"). Required, unique.
 * @flags: NICMEM_AD_* capabilities.
 * @order0_max_mtu: with NICMEM_AD_PAGE_PER_DESC, the largest MTU for which
 *	the driver's RX buffers are order-0 pages when PAGE_SIZE < 8192; above
 *	it they are order 1 (3 KiB buffers). With PAGE_SIZE >= 8192 they are
 *	always order 0. This is the estimator's rule for every Intel driver.
 * @rx_page_order: optional; overrides @order0_max_mtu for drivers with
 *	another rule. Called without locks, must not sleep, must not touch
 *	@ifi->dev (it sees only what the core read: MTU, queues, ring sizes).
 * @module: optional; the driver's module, whose BTF (/sys/kernel/btf/<module>)
 *	describes @fields.
 * @also_module: optional; a second module whose BTF describes the structs of
 *	@fields that @module's (and vmlinux's) does not (virtio_net's
 *	virtqueues are virtio_ring's).
 * @fields: optional; the private-struct members the adaptor reads, from
 *	drivers/<driver>/layout.h. nicmem resolves them at run time (see
 *	layout.c) and shows them in the layouts file.
 * @nr_fields: how many.
 * @bias_ring: optional; with @fields, where a pagecnt_bias driver keeps its
 *	rings, for @walk_rx = nicmem_bias_ring_walk_rx (the one walk of
 *	ixgbe, i40e and igb); the core never reads it.
 * @recognised: optional; the layout known without BTF or headers.
 * @walk_rx: optional; the exact count. Called with rtnl held (taken
 *	killably by the core, for this interface only) and with a reference
 *	on @ifi->dev; may sleep and should cond_resched() in long loops. Reads
 *	of the driver's memory must be nofault and validated. On success it
 *	fills @ifi->rx_pages, @ifi->rx_bytes, @ifi->page_order and @ifi->note
 *	and returns 0; otherwise it returns a negative errno, writes the
 *	reason to @ifi->note and the core falls back to the estimate.
 */
struct nicmem_adaptor {
	const char *driver;
	unsigned int flags;
	unsigned int order0_max_mtu;
	unsigned int (*rx_page_order)(const struct nicmem_iface *ifi);
	const char *module;
	const char *also_module;
	const struct nicmem_field *fields;
	unsigned int nr_fields;
	const struct nicmem_bias_ring *bias_ring;
	const struct nicmem_recognised *recognised;
	int (*walk_rx)(struct nicmem_iface *ifi);
};

unsigned int nicmem_rx_page_order(const struct nicmem_adaptor *ad,
				  const struct nicmem_iface *ifi,
				  unsigned int page_size);

const struct nicmem_adaptor *
nicmem_adaptor_lookup(const struct nicmem_adaptor * const *table,
		      unsigned int n, const char *driver);
int nicmem_adaptor_check(const struct nicmem_adaptor * const *table,
			 unsigned int n);

const struct nicmem_adaptor *nicmem_adaptor_find(const char *driver);
unsigned int nicmem_adaptor_count(void);
const struct nicmem_adaptor *nicmem_adaptor_at(unsigned int i);
int nicmem_adaptors_init(void);
void nicmem_rx_estimate(const struct nicmem_adaptor *ad,
			struct nicmem_iface *ifi, unsigned int page_size);

__printf(3, 4) int nicmem_decline(struct nicmem_iface *ifi, int err,
				  const char *fmt, ...);
int nicmem_bias_ring_walk(struct nicmem_iface *ifi,
			  const struct nicmem_bias_ring *br);
int nicmem_bias_ring_walk_rx(struct nicmem_iface *ifi);

/**
 * struct nicmem_compiled - a layout compiled from a driver's headers
 * @driver: the adaptor it is for
 * @nr: entries in @f, in the order of the driver's layout.h list
 * @f: offsetof() and sizeof of each entry
 *
 * Only in builds with KSRC=<the running kernel's source> (drivers/
 * compiled_*.c); the RHEL 8 path, whose kernels have no module BTF.
 */
struct nicmem_compiled {
	const char *driver;
	unsigned int nr;
	struct {
		u32 offset, size;
	} f[NICMEM_MAX_FIELDS];
};

const struct nicmem_compiled *nicmem_compiled_find(const char *driver);

/**
 * struct nicmem_recognised - the members whose place never moved
 * @span: bytes of the root object to search for the ring-pointer array
 * @f: offset and size per layout.h entry; size 0: not known, found on
 *	the live object (root members) or not used (e.g. xsk_pool)
 *
 * The third layout source, for kernels with neither module BTF nor a KSRC
 * build: only what was verified identical from 4.18 to 7.0.
 */
struct nicmem_recognised {
	u32 span;
	struct {
		u32 offset, size;
	} f[NICMEM_MAX_FIELDS];
};

/* the adaptors: one folder each, drivers/<driver>/, listed in list.h */
extern const struct nicmem_adaptor
#define NICMEM_ADAPTOR(d)	nicmem_adaptor_##d,
#include "list.h"
#undef NICMEM_ADAPTOR
	nicmem_adaptor_list_end;	/* declared only: ends the list */

#endif /* _NICMEM_ADAPTOR_H */
