// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: pins pages the way ixgbe_alloc_mapped_page() does, so the
 * VM tests can check that nicmem's census finds exactly them.
 *
 *   page = dev_alloc_pages(order); page_ref_add(page, USHRT_MAX - 1);
 *
 * leaves each page (the head, for order > 0) with refcount 0xffff, no
 * mapping, not mapped and off the LRU: the seed analyses' signature.
 * Never load this on a real host; it exists for the test VM.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/page_ref.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

static unsigned int npages = 1000;
module_param(npages, uint, 0444);
MODULE_PARM_DESC(npages, "order-0 pages to pin");

static unsigned int ncompound;
module_param(ncompound, uint, 0444);
MODULE_PARM_DESC(ncompound, "compound pages of order 'order' to pin");

static unsigned int order = 1;
module_param(order, uint, 0444);
MODULE_PARM_DESC(order, "order of the compound pages (1..3)");

static struct page **pin_pages;
static unsigned int pin_nr;

static void pin_release(void)
{
	while (pin_nr) {
		struct page *page = pin_pages[--pin_nr];

		/* drop the bias and our own reference, as the driver's
		 * __page_frag_cache_drain(page, pagecnt_bias) does
		 */
		__page_frag_cache_drain(page, USHRT_MAX);
	}
	kvfree(pin_pages);
}

static int pin_alloc(unsigned int count, unsigned int ord)
{
	while (count--) {
		struct page *page = dev_alloc_pages(ord);

		if (!page)
			return -ENOMEM;
		page_ref_add(page, USHRT_MAX - 1);
		pin_pages[pin_nr++] = page;
	}
	return 0;
}

static int __init pin_init(void)
{
	int ret;

	if (order < 1 || order > 3)
		return -EINVAL;
	pin_pages = kvcalloc(npages + ncompound, sizeof(*pin_pages),
			     GFP_KERNEL);
	if (!pin_pages)
		return -ENOMEM;
	ret = pin_alloc(npages, 0);
	if (!ret)
		ret = pin_alloc(ncompound, order);
	if (ret) {
		pin_release();
		return ret;
	}
	pr_info("pinned %u order-0 and %u order-%u pages\n", npages, ncompound,
		order);
	return 0;
}

static void __exit pin_exit(void)
{
	pin_release();
}

module_init(pin_init);
module_exit(pin_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("nicmem test: pin pages with an ixgbe-style refcount bias");
