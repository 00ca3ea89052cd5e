// SPDX-License-Identifier: GPL-2.0
/*
 * The adaptor registry and the estimator shared by the adaptors.
 */
#define pr_fmt(fmt) "nicmem: " fmt

#include <linux/kernel.h>
#include <linux/string.h>
#include "adaptor.h"
#include "../compat.h"

/* Every adaptor nicmem knows; one line per driver. */
static const struct nicmem_adaptor * const nicmem_adaptors[] = {
#define NICMEM_ADAPTOR(d)	(&nicmem_adaptor_##d),
#include "list.h"
#undef NICMEM_ADAPTOR
};

/**
 * nicmem_rx_page_order() - the estimator's RX page order for an interface
 * @ad: its adaptor, with NICMEM_AD_PAGE_PER_DESC
 * @ifi: the interface
 * @page_size: PAGE_SIZE of the kernel the figure is for
 *
 * With PAGE_SIZE < 8192, ixgbe, i40e, ice, iavf and igb switch their RX
 * buffers to 3 KiB (order-1 pages) once the frame no longer fits a
 * half-page buffer; with larger pages they always use order 0.
 */
unsigned int nicmem_rx_page_order(const struct nicmem_adaptor *ad,
				  const struct nicmem_iface *ifi,
				  unsigned int page_size)
{
	if (ad->rx_page_order)
		return ad->rx_page_order(ifi);
	if (page_size >= 8192)
		return 0;
	return ifi->mtu > ad->order0_max_mtu ? 1 : 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_rx_page_order);

/**
 * nicmem_decline() - an adaptor's walk declines
 * @ifi: the interface; its note gets the reason
 * @err: the walk's return value
 * @fmt: the reason, printf-style (a word or two, no spaces: the note is a
 *	column of the interfaces file)
 *
 * Return: @err.
 */
int nicmem_decline(struct nicmem_iface *ifi, int err, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(ifi->note, sizeof(ifi->note), fmt, args);
	va_end(args);
	return err;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_decline);

const struct nicmem_adaptor *
nicmem_adaptor_lookup(const struct nicmem_adaptor * const *table,
		      unsigned int n, const char *driver)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(table[i]->driver, driver))
			return table[i];
	return NULL;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_adaptor_lookup);

/**
 * nicmem_adaptor_check() - validate an adaptor table
 * @table: the adaptors
 * @n: how many
 *
 * Return: 0, or -EINVAL (with a pr_err naming the adaptor) when an entry
 * has no driver name, a duplicate name, a page-per-descriptor claim
 * without an order rule, a layout without its module, or a bias_ring
 * table without the walk that reads it.
 */
int nicmem_adaptor_check(const struct nicmem_adaptor * const *table,
			 unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct nicmem_adaptor *ad = table[i];

		if (!ad || !ad->driver || !ad->driver[0]) {
			pr_err("adaptor %u has no driver name\n", i);
			return -EINVAL;
		}
		if (nicmem_adaptor_lookup(table, i, ad->driver)) {
			pr_err("adaptor %s registered twice\n", ad->driver);
			return -EINVAL;
		}
		if ((ad->flags & NICMEM_AD_PAGE_PER_DESC) &&
		    !ad->rx_page_order && !ad->order0_max_mtu) {
			pr_err("adaptor %s: page per descriptor without an order rule\n",
			       ad->driver);
			return -EINVAL;
		}
		if (ad->bias_ring && (!ad->nr_fields ||
				      ad->walk_rx != nicmem_bias_ring_walk_rx)) {
			pr_err("adaptor %s: a bias_ring table needs fields and walk_rx = nicmem_bias_ring_walk_rx\n",
			       ad->driver);
			return -EINVAL;
		}
		if (ad->nr_fields && (!ad->fields || !ad->module ||
				      ad->nr_fields > NICMEM_MAX_FIELDS)) {
			pr_err("adaptor %s: a layout needs a module and at most %d fields\n",
			       ad->driver, NICMEM_MAX_FIELDS);
			return -EINVAL;
		}
	}
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_adaptor_check);

const struct nicmem_adaptor *nicmem_adaptor_find(const char *driver)
{
	return nicmem_adaptor_lookup(nicmem_adaptors,
				     ARRAY_SIZE(nicmem_adaptors), driver);
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_adaptor_find);

unsigned int nicmem_adaptor_count(void)
{
	return ARRAY_SIZE(nicmem_adaptors);
}

const struct nicmem_adaptor *nicmem_adaptor_at(unsigned int i)
{
	return i < ARRAY_SIZE(nicmem_adaptors) ? nicmem_adaptors[i] : NULL;
}

int nicmem_adaptors_init(void)
{
	return nicmem_adaptor_check(nicmem_adaptors,
				    ARRAY_SIZE(nicmem_adaptors));
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_adaptors_init);

/**
 * nicmem_rx_estimate() - RX memory a page-per-descriptor driver pins
 * @ad: the interface's adaptor, or NULL
 * @ifi: the interface, with rx_queues, ring_cur and mtu read
 * @page_size: PAGE_SIZE of the running kernel
 *
 * rx_queues x ring_cur descriptors, each holding one page of
 * page_size << order bytes. Leaves the interface at NICMEM_RX_NONE with a
 * note when the driver is not known to work that way or the ring size is
 * unknown.
 */
void nicmem_rx_estimate(const struct nicmem_adaptor *ad,
			struct nicmem_iface *ifi, unsigned int page_size)
{
	unsigned int order;

	if (!ad || !(ad->flags & NICMEM_AD_PAGE_PER_DESC)) {
		ifi->source = NICMEM_RX_NONE;
		strscpy(ifi->note, ad ? "no_page_per_descriptor" : "no_adaptor",
			sizeof(ifi->note));
		return;
	}
	if (!ifi->ring_cur) {
		ifi->source = NICMEM_RX_NONE;
		strscpy(ifi->note, "ring_size_unknown", sizeof(ifi->note));
		return;
	}
	order = nicmem_rx_page_order(ad, ifi, page_size);
	nicmem_iface_set_rx(ifi, (u64)ifi->rx_queues * ifi->ring_cur << order,
			    order, page_size);
	ifi->source = NICMEM_RX_ESTIMATE;
	if (ad->rx_page_order || page_size >= 8192)
		snprintf(ifi->note, sizeof(ifi->note), "order%u_page_per_desc",
			 ifi->page_order);
	else
		snprintf(ifi->note, sizeof(ifi->note),
			 "order%u_page_per_desc(order1_if_mtu>%u)",
			 ifi->page_order, ad->order0_max_mtu);
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_rx_estimate);
