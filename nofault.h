/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Checks before reading another driver's memory: is an address RAM, is a
 * page pointer a real struct page. Shared by the ring walks (drivers/)
 * and the page_pool attribution (pool.c); the reads themselves go through
 * nicmem_read_nofault() (compat.h).
 */
#ifndef _NICMEM_NOFAULT_H
#define _NICMEM_NOFAULT_H

#include <linux/mm.h>
#include <linux/memory_hotplug.h>
#include <linux/vmalloc.h>
#include "compat.h"

/*
 * Only RAM is read: a driver pointer must be in the direct map (kmalloc)
 * or a RAM-backed vmalloc area, never an ioremap()ped register window,
 * where even a read can have side effects. Checked at both ends.
 */
static inline bool nicmem_ram(unsigned long p, size_t len)
{
	unsigned long end = p + len - 1;

	if (!len || end < p)
		return false;
	if (is_vmalloc_addr((void *)p))
		return is_vmalloc_addr((void *)end) &&
		       vmalloc_to_page((void *)p) && vmalloc_to_page((void *)end);
	return virt_addr_valid((void *)p) && virt_addr_valid((void *)end);
}

/* Is @p a struct page of an online pfn (no garbage, no offset pointer)? */
static inline struct page *nicmem_valid_page(unsigned long p)
{
	struct page *page = (struct page *)p;
	unsigned long pfn;

	if (!nicmem_page_ptr_plausible(p))
		return NULL;
	pfn = page_to_pfn(page);
	if (!pfn_valid(pfn) || pfn_to_page(pfn) != page)
		return NULL;
	return pfn_to_online_page(pfn) == page ? page : NULL;
}

/*
 * The head page (compound_head()) of the struct page pointer @p, when it
 * and its head are valid online pages; NULL otherwise.
 */
static inline struct page *nicmem_head_page(unsigned long p)
{
	struct page *page = nicmem_valid_page(p), *head;

	if (!page)
		return NULL;
	head = compound_head(page);
	return nicmem_valid_page((unsigned long)head) == head ? head : NULL;
}

/* The valid head page of the direct-map address @va, or NULL. */
static inline struct page *nicmem_va_head_page(unsigned long va)
{
	if (!virt_addr_valid((void *)va))
		return NULL;
	return nicmem_head_page((unsigned long)virt_to_page((void *)va));
}

/* One value of @len bytes at @addr, if @addr is RAM and the read works. */
static inline int nicmem_read_ram(void *dst, unsigned long addr, size_t len)
{
	if (!nicmem_ram(addr, len))
		return -EFAULT;
	return nicmem_read_nofault(dst, (const void *)addr, len);
}

/* An unsigned value of 1, 2, 4 or 8 bytes at @addr, if RAM, read nofault. */
static inline int nicmem_read_uint(unsigned long addr, u32 size, u64 *v)
{
	union { u8 b; u16 h; u32 w; u64 d; } u;

	if (!size || size > sizeof(u) || nicmem_read_ram(&u, addr, size))
		return -EFAULT;
	switch (size) {
	case 1:
		*v = u.b;
		break;
	case 2:
		*v = u.h;
		break;
	case 4:
		*v = u.w;
		break;
	case 8:
		*v = u.d;
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

#endif /* _NICMEM_NOFAULT_H */
