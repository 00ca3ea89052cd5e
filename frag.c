// SPDX-License-Identifier: GPL-2.0
/*
 * The networking core's page_frag caches, by name: netdev_alloc_cache and
 * napi_alloc_cache's page, one of each per possible CPU (net/core/skbuff.c).
 * Each biases the page it carves as an RX ring does
 * (__page_frag_cache_refill(): PAGE_FRAG_CACHE_MAX_SIZE references, a
 * 32 KiB compound page where it can), so the census counts it among the
 * pinned-signature pages; named here, it is no longer "unattributed".
 *
 * Both variables are static. Their per-CPU offsets come from the vmlinux
 * BTF (pahole encodes the per-CPU variables in a DATASEC ".data..percpu"),
 * taken relative to softnet_data's, which is exported
 * (EXPORT_PER_CPU_SYMBOL in net/core/dev.c on every kernel nicmem builds
 * for): a CPU's cache is per_cpu_ptr(&softnet_data, cpu) plus the
 * difference. The members come from the same BTF: page_frag_cache's "va"
 * (6.12 has it) or "encoded_page" (the page's address with its order and
 * pfmemalloc bit in the low bits, encoded_page_create() in
 * mm/page_frag_cache.c: after 6.12, as far as checked; 7.2 has it).
 * Without vmlinux BTF the caches stay unnamed, and the snapshot says why.
 * Every read is nofault, of RAM only, and the page it names is validated
 * like a ring's.
 */
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include "nicmem.h"
#include "btf.h"
#include "census.h"
#include "nofault.h"

#define NICMEM_FRAG_SEC	".data..percpu"

/* the caches, in output order (frag_caches.h) */
static const struct {
	const char *var;
	const char *member;	/* "" when the variable is the cache */
} nicmem_frag_vars[] = {
#define NICMEM_FRAG_CACHE(var, member)	{ #var, member },
#include "frag_caches.h"
#undef NICMEM_FRAG_CACHE
};

static_assert(ARRAY_SIZE(nicmem_frag_vars) == NICMEM_FRAG_CACHES,
	      "frag_caches.h lists NICMEM_FRAG_CACHES caches");

/* What the BTF gave, resolved once (a missing BTF does not appear later) */
struct nicmem_frag_layout {
	int err;			/* 0, or why there is none */
	const char *why;
	bool encoded;			/* "encoded_page", not "va" */
	u32 va_size;			/* of it, in struct page_frag_cache */
	long delta[NICMEM_FRAG_CACHES];	/* its va's per-CPU address - softnet_data's */
};

static DEFINE_MUTEX(nicmem_frag_lock);
static struct nicmem_frag_layout nicmem_frag_layout;
static bool nicmem_frag_resolved;

/* The cache @k's offset from softnet_data and its va member, from @b */
static int nicmem_frag_cache_resolve(const struct nicmem_btf *b,
				     struct nicmem_frag_layout *l,
				     unsigned int k, u32 sd_off)
{
	u32 off, type, moff = 0, msize, size;
	const char *va = l->encoded ? "encoded_page" : "va";
	char path[32];
	int err;

	err = nicmem_btf_find_var(b, NICMEM_FRAG_SEC, nicmem_frag_vars[k].var,
				  &off, &type);
	if (err)
		return err;
	if (*nicmem_frag_vars[k].member)
		snprintf(path, sizeof(path), "%s.%s", nicmem_frag_vars[k].member, va);
	else
		strscpy(path, va, sizeof(path));
	err = nicmem_btf_member(b, type, path, &moff, &msize);
	if (err)
		return err;
	/* the member must be where the cache's va was resolved to be */
	if (msize != l->va_size || nicmem_btf_type_size(b, type, &size) ||
	    moff + msize > size)
		return -EINVAL;
	l->delta[k] = (long)off - (long)sd_off + (long)moff;
	return 0;
}

static void nicmem_frag_resolve(struct nicmem_frag_layout *l)
{
	struct nicmem_btf b;
	u32 id, va_off, sd_off, sd_type, sd_size;
	unsigned int k;
	int err;

	memset(l, 0, sizeof(*l));
	err = nicmem_btf_load(&b, "vmlinux", NULL);
	if (err) {
		l->err = err;
		l->why = err == -ENOENT ? "no_vmlinux_btf" : "vmlinux_btf_unreadable";
		return;
	}
	err = nicmem_btf_find_struct(&b, "page_frag_cache", &id);
	if (!err) {
		err = nicmem_btf_member(&b, id, "va", &va_off, &l->va_size);
		if (err == -ENOENT) {
			l->encoded = true;
			err = nicmem_btf_member(&b, id, "encoded_page",
						&va_off, &l->va_size);
		}
	}
	if (err || l->va_size != sizeof(unsigned long)) {
		l->err = err ?: -EINVAL;
		l->why = "no_page_frag_cache_va";
		goto out;
	}
	/* the anchor: exported, and its BTF size must be this kernel's */
	err = nicmem_btf_find_var(&b, NICMEM_FRAG_SEC, "softnet_data",
				  &sd_off, &sd_type);
	if (!err && (nicmem_btf_type_size(&b, sd_type, &sd_size) ||
		     sd_size != sizeof(struct softnet_data)))
		err = -EINVAL;
	if (err) {
		l->err = err;
		l->why = "no_percpu_btf";
		goto out;
	}
	for (k = 0; k < NICMEM_FRAG_CACHES; k++) {
		err = nicmem_frag_cache_resolve(&b, l, k, sd_off);
		if (err) {
			l->err = err;
			l->why = "no_percpu_btf";
			goto out;
		}
	}
out:
	nicmem_btf_free(&b);
}

/* The layout, resolved on first use; a failed read is tried again later */
static void nicmem_frag_layout_get(struct nicmem_frag_layout *l)
{
	mutex_lock(&nicmem_frag_lock);
	if (!nicmem_frag_resolved) {
		nicmem_frag_resolve(&nicmem_frag_layout);
		nicmem_frag_resolved =
			!nicmem_btf_transient(nicmem_frag_layout.err);
	}
	*l = nicmem_frag_layout;
	mutex_unlock(&nicmem_frag_lock);
}

/*
 * The (head) page the cache whose va member is at @addr holds: 0 and the
 * page, -ENODATA when it holds none, -EFAULT when its va or the page it
 * names cannot be read or is not a valid online page.
 */
static int nicmem_frag_head(const struct nicmem_frag_layout *l,
			    unsigned long addr, struct page **headp)
{
	struct page *head;
	unsigned long va;

	if (nicmem_read_ram(&va, addr, sizeof(va)))
		return -EFAULT;
	if (l->encoded)
		va &= PAGE_MASK;
	if (!va)
		return -ENODATA;
	head = nicmem_va_head_page(va);
	if (!head)
		return -EFAULT;
	*headp = head;
	return 0;
}

/*
 * At load: the vmlinux BTF is read here once, not in the first reader's
 * snapshot (which then holds only what a snapshot holds); a failure worth
 * retrying (-ENOMEM, -EINTR) is retried there. The summary says why
 * there are no caches.
 */
void nicmem_frag_init(void)
{
	struct nicmem_frag_layout l;

	nicmem_frag_layout_get(&l);
}

/* One cache's page, counted into @f */
static void nicmem_frag_count(struct nicmem_frag *f,
			      const struct nicmem_frag_layout *l,
			      unsigned long addr, unsigned int threshold)
{
	struct nicmem_page_snap s;
	struct page *head;
	u64 pages;
	int err = nicmem_frag_head(l, addr, &head);

	f->caches++;
	if (err == -ENODATA)
		return;
	if (err) {
		f->unreadable++;
		return;
	}
	nicmem_snap_page(head, &s);
	pages = 1ULL << nicmem_snap_span_order(head, s.order);
	f->with_page++;
	f->pages += pages;
	if (nicmem_classify(&s, threshold) == NICMEM_PINNED)
		f->pinned += pages;
}

/* the address of cache @k's va member on @cpu */
static unsigned long nicmem_frag_addr(const struct nicmem_frag_layout *l,
				      int cpu, unsigned int k)
{
	return (unsigned long)per_cpu_ptr(&softnet_data, cpu) + l->delta[k];
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * nicmem_frag_page() - the page one cache holds now (for the KUnit suite)
 * @cpu: a possible CPU
 * @k: the cache, 0 .. NICMEM_FRAG_CACHES - 1 (netdev_alloc_cache first)
 * @headp: its head page
 *
 * Return: 0, -ENODATA when it holds none, -EFAULT when unreadable, or the
 * layout's error (the caches cannot be placed on this kernel).
 */
int nicmem_frag_page(int cpu, unsigned int k, struct page **headp)
{
	struct nicmem_frag_layout l;

	nicmem_frag_layout_get(&l);
	if (l.err)
		return l.err;
	if (k >= NICMEM_FRAG_CACHES || !cpu_possible(cpu))
		return -EINVAL;
	return nicmem_frag_head(&l, nicmem_frag_addr(&l, cpu, k), headp);
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_frag_page);
#endif

/**
 * nicmem_frag_read() - the page_frag caches' pages, now
 * @f: filled (zeroed first)
 * @threshold: the census's, for which of their pages are pinned
 *
 * May sleep (the first call reads the vmlinux BTF). The caches change
 * under the read: a sample, as the rings are.
 */
void nicmem_frag_read(struct nicmem_frag *f, unsigned int threshold)
{
	struct nicmem_frag_layout l;
	unsigned int k;
	int cpu;

	memset(f, 0, sizeof(*f));
	nicmem_frag_layout_get(&l);
	f->err = l.err;
	f->why = l.why;
	if (l.err)
		return;
	for_each_possible_cpu(cpu) {
		for (k = 0; k < NICMEM_FRAG_CACHES; k++)
			nicmem_frag_count(f, &l, nicmem_frag_addr(&l, cpu, k),
					  threshold);
		cond_resched();
	}
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_frag_read);
