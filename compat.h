/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every kernel version and architecture difference nicmem depends on, in
 * one place. Each shim names the upstream version (and commit where known)
 * behind it. Baseline: Debian 12's 6.1; supported range: 4.18 (RHEL 8) to
 * 7.0. Nothing here or elsewhere assumes PAGE_SIZE == 4096.
 */
#ifndef _NICMEM_COMPAT_H
#define _NICMEM_COMPAT_H

/* What follows decides on the probes' flags (compat.mk): a Kbuild that
 * does not include it would silently take every probed feature as absent
 */
#ifndef NICMEM_COMPAT_MK
#error "the Kbuild of this object must include compat.mk"
#endif

#include <linux/version.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/hugetlb.h>
#include <linux/poison.h>
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/path.h>

/*
 * RHEL 8 is 4.18 by LINUX_VERSION_CODE but backports by minor release; its
 * <linux/version.h> defines RHEL_RELEASE_CODE for exactly this.
 */
#ifdef RHEL_RELEASE_CODE
#define NICMEM_RHEL_GE(maj, min) \
	(RHEL_RELEASE_CODE >= RHEL_RELEASE_VERSION(maj, min))
#else
#define NICMEM_RHEL_GE(maj, min) 0
#endif

/*
 * Largest valid buddy order. MAX_ORDER was exclusive up to 6.3 and became
 * inclusive in 6.4 (commit 23baf831a32c "mm, treewide: redefine MAX_ORDER
 * sanely"); 6.8 renamed it MAX_PAGE_ORDER (commit 5e0a760b4441).
 */
#if defined(MAX_PAGE_ORDER)
#define NICMEM_MAX_BUDDY_ORDER	MAX_PAGE_ORDER
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#define NICMEM_MAX_BUDDY_ORDER	MAX_ORDER
#else
#define NICMEM_MAX_BUDDY_ORDER	(MAX_ORDER - 1)
#endif

/*
 * A page's flags word: a plain unsigned long up to 6.17; 6.18 wrapped it
 * in memdesc_flags_t with the word in .f ("mm: introduce
 * memdesc_flags_t"; from source reading, not build-tested here).
 */
static __always_inline unsigned long nicmem_page_flags(struct page *page)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 18, 0)
	return READ_ONCE(page->flags.f);
#else
	return READ_ONCE(page->flags);
#endif
}

/*
 * The anon bit of page->mapping: PAGE_MAPPING_ANON up to 6.16; 6.17
 * renamed it FOLIO_MAPPING_ANON ("mm: rename PAGE_MAPPING_* to
 * FOLIO_MAPPING_*"), same value; the macro's presence decides.
 */
#ifdef FOLIO_MAPPING_ANON
#define NICMEM_MAPPING_ANON	FOLIO_MAPPING_ANON
#else
#define NICMEM_MAPPING_ANON	PAGE_MAPPING_ANON
#endif

/*
 * Order of a free buddy block: page_private() of its first page, as
 * mm/internal.h's buddy_order_unsafe() reads it (not exported). Racy by
 * nature; the caller bounds it.
 */
static inline unsigned int nicmem_buddy_order(struct page *page)
{
	unsigned long order = READ_ONCE(page->private);

	return order > NICMEM_MAX_BUDDY_ORDER ? 0 : order;
}

/*
 * The AF_XDP zero-copy member of the drivers' RX rings: ixgbe's and i40e's
 * xsk_umem and mlx5e's umem (a struct xdp_umem) became xsk_pool (a struct
 * xsk_buff_pool) in 5.10, commit 1742b3d52869 ("xsk: i40e: ice: ixgbe:
 * mlx5: Pass buffer pool to driver instead of umem"); RHEL 8.9 has
 * xsk_pool. Only the compiled layouts (KSRC builds) meet the old names,
 * module BTF being 5.11+: compat.mk probes ixgbe_ring.xsk_pool
 * (NICMEM_HAVE_XSK_POOL, one commit for all three drivers) and
 * drivers/compiled_layout.h takes the old member for the xsk_pool entry,
 * non-NULL in the same case (a zero-copy socket bound to the queue).
 */
#ifndef NICMEM_HAVE_XSK_POOL
#define CL_RENAMED_ixgbe_ring_xsk_pool	1
#define CL_OLD_ixgbe_ring_xsk_pool	xsk_umem
#define CL_RENAMED_i40e_ring_xsk_pool	1
#define CL_OLD_i40e_ring_xsk_pool	xsk_umem
#define CL_RENAMED_mlx5e_rq_xsk_pool	1
#define CL_OLD_mlx5e_rq_xsk_pool	umem
#endif

/*
 * hugetlbfs pages. PageHuge() is an exported function up to 6.8; 6.9
 * (commit d99e3140a4d3 "mm: turn folio_test_hugetlb into a PageType") made
 * the hugetlb test an inline page-type check on the folio.
 */
static inline bool nicmem_page_hugetlb(struct page *head)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)
	return folio_test_hugetlb(page_folio(head));
#else
	return PageHuge(head);
#endif
}

/*
 * Slab pages: PG_slab until 6.9; 6.10 (commit 46df8e73a4a3 "mm: free up
 * PG_slab") made it a page type, tested by PageSlab() on the page itself.
 */
static inline bool nicmem_page_slab(struct page *page, unsigned long flags)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
	return PageSlab(page);
#else
	return flags & (1UL << PG_slab);
#endif
}

/*
 * A page type other than buddy (page tables, offline/balloon, guard).
 * page_has_type() came in 5.0 (absent in 4.20, backported to RHEL 8.3+);
 * its encoding changed in 6.10 and 6.12 (commit 4ffca5a96678 "mm: support
 * only one page_type per page"), so only the helper may decode page_type.
 * 4.18 has page_type (commit 6e292b9be7f4) with PAGE_MAPCOUNT_RESERVE.
 */
static inline bool nicmem_page_typed(struct page *page)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0) || NICMEM_RHEL_GE(8, 3)
	return page_has_type(page);
#else
	return (int)READ_ONCE(page->page_type) < PAGE_MAPCOUNT_RESERVE;
#endif
}

/*
 * Whether a (compound) page is mapped to user space: page_mapped() is
 * exported up to 6.1, inline later and gone by 7.2; folio_mapped() exists
 * from 5.16 (commit 7b230db3b8d3 "mm: Add folio").
 */
static inline bool nicmem_page_mapped(struct page *page)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 16, 0)
	return folio_mapped(page_folio(page));
#else
	return page_mapped(page);
#endif
}

/*
 * page_pool pages, from struct page alone. pp_magic and PP_SIGNATURE came
 * in 5.14 (commit c07aea3ef4d4 "mm: add a signature in struct page"); 6.16
 * keeps a DMA index in the high bits and masks with PP_MAGIC_MASK (commits
 * cd3c93167da0 "page_pool: Move pp_magic check into helper functions" and
 * ee62ce7a1d90 "page_pool: Track DMA-mapped pages and unmap them when
 * destroying the pool", also in 6.12.y), hence the test on the macro, not
 * the version. Before 5.14 a page_pool page is not recognisable.
 */
static inline bool nicmem_page_is_pp(struct page *page)
{
#if defined(PP_MAGIC_MASK)
	return (READ_ONCE(page->pp_magic) & PP_MAGIC_MASK) == PP_SIGNATURE;
#elif defined(PP_SIGNATURE)
	return (READ_ONCE(page->pp_magic) & ~0x3UL) == PP_SIGNATURE;
#else
	return false;
#endif
}

/*
 * page_pool internals nicmem reads (pool.c), compiled against the running
 * kernel's own public header, so offsets are exact by construction.
 * struct page_pool lives in <net/page_pool.h> from 4.18 to 6.5; 6.6 split
 * it into <net/page_pool/types.h> and helpers.h. Attribution needs
 * page->pp, which came with pp_magic in 5.14 (research/driver-layouts.md
 * 9): NICMEM_HAVE_PP is off before.
 */
#if defined(PP_SIGNATURE) && IS_ENABLED(CONFIG_PAGE_POOL)
#define NICMEM_HAVE_PP	1
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
#include <net/page_pool/helpers.h>	/* and types.h; the test modules' API */
#else
#include <net/page_pool.h>
#endif
#else
#define NICMEM_HAVE_PP	0
#endif

/*
 * A page_pool page's fragment reference count: atomic_long_t pp_frag_count
 * from 5.15 (5.14 has none), meaningful only in PP_FLAG_PAGE_FRAG pools;
 * 6.8 renamed it pp_ref_count (research/driver-layouts.md 9: 6.1 has
 * pp_frag_count@40, 6.8 .. 7.0 pp_ref_count). Whether a pool's pages
 * carry one: nicmem_pp_frag().
 */
#if NICMEM_HAVE_PP
static inline long nicmem_page_pp_frag(struct page *page)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
	return atomic_long_read(&page->pp_ref_count);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(5, 15, 0)
	return atomic_long_read(&page->pp_frag_count);
#else
	return 0;
#endif
}

/*
 * Whether a pool's pages carry a fragment count: PP_FLAG_PAGE_FRAG pools
 * only (5.15+), until the flag was removed and every page got one (6.7,
 * with the unified fragment handling; the macro's presence decides).
 */
static inline bool nicmem_pp_frag(const struct page_pool *pool)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 15, 0)
	return false;
#elif defined(PP_FLAG_PAGE_FRAG)
	return pool->p.flags & PP_FLAG_PAGE_FRAG;
#else
	return true;
#endif
}

/*
 * A pool's net_device and netlink id: 6.8 split page_pool_params into
 * fast and slow groups and keeps them in slow.netdev and user.id
 * (research/driver-layouts.md 9.1); before, only the DMA device (p.dev)
 * ties a pool to hardware.
 */
static inline unsigned long nicmem_pp_netdev(const struct page_pool *pool)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
	return (unsigned long)pool->slow.netdev;
#else
	return 0;
#endif
}

static inline u32 nicmem_pp_id(const struct page_pool *pool)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
	return pool->user.id;
#else
	return 0;
#endif
}

/*
 * A test pool registered with its interface (page_pool_params.netdev,
 * 6.8: "net: page_pool: record pools per netdev"), which makes it
 * visible to netdev netlink's page-pool-get; before 6.8 a pool has none.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
#define NICMEM_PP_HAVE_NETDEV		1
#define nicmem_pp_params_netdev(pp, dev)	((pp)->netdev = (dev))
#else
#define NICMEM_PP_HAVE_NETDEV		0
#define nicmem_pp_params_netdev(pp, dev)	((void)(pp), (void)(dev))
#endif

/*
 * The flag a test pool sets to get fragment counting: PP_FLAG_PAGE_FRAG
 * up to 6.6; 6.7 removed it, every pool counting fragments (research/
 * driver-layouts.md; the macro's presence decides). The test modules'
 * pools only; nicmem_pp_frag() above reads the flag itself.
 */
#ifdef PP_FLAG_PAGE_FRAG
#define NICMEM_PP_FLAG_FRAG	PP_FLAG_PAGE_FRAG
#else
#define NICMEM_PP_FLAG_FRAG	0
#endif

/*
 * The fragment count of a page fresh from the page allocator, waiting in
 * a pool's alloc cache: 0 up to 6.6; from 6.7 page_pool_set_pp_info()
 * sets 1 on every page it takes in ("page_pool: unify frag_count handling
 * in page_pool_is_last_frag()", the series that removed the flag). For
 * the test modules' own account.
 */
#define NICMEM_PP_FRESH_FRAGS	(NICMEM_PP_FLAG_FRAG ? 0 : 1)
#else
static inline long nicmem_page_pp_frag(struct page *page)
{
	return 0;
}
#endif

/*
 * A page_pool page's pool, as a key (never dereferenced by the census):
 * page->pp came with pp_magic in 5.14 (commit c07aea3ef4d4); without
 * NICMEM_HAVE_PP (before 5.14, RHEL 8's 4.18) struct page has neither and
 * nicmem_page_is_pp() is false, so this is never called for a real pool.
 */
static inline unsigned long nicmem_page_pp(struct page *page)
{
#if NICMEM_HAVE_PP
	return (unsigned long)READ_ONCE(page->pp);
#else
	return 0;
#endif
}

/*
 * A net_device's registration state, read once. reg_state is a u8 from
 * commit 4d42b37def70 ("net: convert dev->reg_state to u8", 2024; Debian's
 * 6.1.y has it from the stable trees); before, a ":8" bit-field of an
 * enum (RHEL 8's 4.18), whose address READ_ONCE() cannot take. Stable
 * backports make the version useless: compat.mk's probe decides.
 */
static inline u8 nicmem_dev_reg_state(const struct net_device *dev)
{
#ifdef NICMEM_HAVE_REG_STATE_U8
	return READ_ONCE(dev->reg_state);
#else
	u8 state;

	barrier();
	state = dev->reg_state;
	barrier();
	return state;
#endif
}

/*
 * Open @path read-only from the init task's root, whatever the reader's
 * mount namespace or chroot (a reader in a container may have no /sys, or
 * another one): what kernel_read_file_from_path_initns() does, which is
 * 5.7+ and changed its signature in 5.10, and RHEL 8 lacks. file_open_root()
 * takes the root as a struct path since 5.12, commit ffb37ca3bd16 ("switch
 * file_open_root() to struct path"), a dentry and a vfsmount before:
 * compat.mk's probe decides (RHEL backports).
 */
static inline struct file *nicmem_open_initns(const char *path)
{
	struct path root;
	struct file *f;

	task_lock(&init_task);
	get_fs_root(init_task.fs, &root);
	task_unlock(&init_task);
#ifdef NICMEM_HAVE_FILE_OPEN_ROOT_PATH
	f = file_open_root(&root, path, O_RDONLY, 0);
#else
	f = file_open_root(root.dentry, root.mnt, path, O_RDONLY, 0);
#endif
	path_put(&root);
	return f;
}

/*
 * Managed pages of a zone: an atomic_long_t read by zone_managed_pages()
 * since 5.0 (commit 9705bea5f833 "mm: convert zone->managed_pages to
 * atomic variable"), a plain unsigned long before. RHEL 8.5 has the new
 * form on a 4.18 version code, RHEL 8.3 the old one: decide on the field's
 * type, not the version.
 */
#define nicmem_zone_managed(z)						\
	__builtin_choose_expr(__same_type((z)->managed_pages, atomic_long_t), \
		atomic_long_read((atomic_long_t *)&(z)->managed_pages),	\
		*(unsigned long *)&(z)->managed_pages)

/*
 * ethtool_ops->get_ringparam gained kernel_ringparam and extack in 5.17
 * (commit 7462494408cd "ethtool: extend ringparam setting/getting API with
 * rx_buf_len"), backported to RHEL 8.7.
 */
static inline void nicmem_get_ringparam(struct net_device *dev,
					struct ethtool_ringparam *rp)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 17, 0) || NICMEM_RHEL_GE(8, 7)
	struct kernel_ethtool_ringparam krp = {};

	dev->ethtool_ops->get_ringparam(dev, rp, &krp, NULL);
#else
	dev->ethtool_ops->get_ringparam(dev, rp);
#endif
}

/*
 * Reads of another driver's memory that fault safely instead of oopsing:
 * copy_from_kernel_nofault() since 5.8 (commit fe557319aa06 "maccess:
 * rename probe_kernel_{read,write} to copy_{from,to}_kernel_nofault"),
 * probe_kernel_read() before. Returns 0 or -EFAULT.
 */
static inline int nicmem_read_nofault(void *dst, const void *src, size_t len)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 8, 0)
	return copy_from_kernel_nofault(dst, src, len) ? -EFAULT : 0;
#else
	return probe_kernel_read(dst, src, len) ? -EFAULT : 0;
#endif
}

/*
 * Whether a driver's page pointer may be checked by page_to_pfn() and
 * back: arithmetic with SPARSEMEM_VMEMMAP (x86_64, arm64) and FLATMEM
 * (UML); classic SPARSEMEM reads page->flags, so there nicmem trusts no
 * driver page pointer and declines.
 */
static inline bool nicmem_page_ptr_plausible(unsigned long p)
{
#if defined(CONFIG_SPARSEMEM) && !defined(CONFIG_SPARSEMEM_VMEMMAP)
	return false;
#else
	return !(p % sizeof(unsigned long));
#endif
}

/*
 * rtnl, taken so that a fatal signal can interrupt the wait.
 * rtnl_lock_killable() is exported from 4.17 until 6.14 (commit
 * 7bd72a4aa226 "rtnetlink: Add rtnl_net_lock_killable()" unexported it);
 * there nicmem checks for a fatal signal and takes rtnl_lock(), held only
 * per interface anyway.
 */
static inline int nicmem_rtnl_lock_killable(void)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 14, 0)
	if (fatal_signal_pending(current))
		return -EINTR;
	rtnl_lock();
	return 0;
#else
	return rtnl_lock_killable();
#endif
}

/*
 * pfns to skip past one that has no online struct page: the rest of its
 * memory section with SPARSEMEM (sections go online and offline whole);
 * one pfn with FLATMEM (UML), where only holes lack a valid page.
 */
static inline unsigned long nicmem_offline_skip(unsigned long pfn)
{
#ifdef CONFIG_SPARSEMEM
	return ALIGN(pfn + 1, PAGES_PER_SECTION) - pfn;
#else
	return 1;
#endif
}

/*
 * Whether i40e's ring prefix (count at 74) and 24-byte rx buffer are
 * those nicmem recognises without BTF or headers (drivers/i40e/adaptor.c): so in
 * 4.18 .. 6.1 and in RHEL 8.3 .. 8.10; by 6.4.6 a struct xdp_buff in the
 * ring moved count and the rx buffer gained page_count (i40e XDP
 * multi-buffer; research/driver-layouts.md 3.2, 3.3), so only kernels up
 * to 6.1 are recognised. Every candidate is validated on the live rings.
 */
#define NICMEM_I40E_RECOGNISED	(LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0))

/*
 * Internals the KUnit suites call: static and unexported in production
 * builds, exported in the EXPORTED_FOR_KUNIT_TESTING namespace when the
 * kernel has KUnit; the same contract as <kunit/visibility.h>'s
 * VISIBLE_IF_KUNIT / EXPORT_SYMBOL_IF_KUNIT (6.2, commit 9c988fae6f6a,
 * absent from 4.18 .. 6.1.0), under nicmem's own names so no kernel
 * header can clash (the export's begins EXPORT_SYMBOL, as checkpatch
 * expects of a line right after a function). Symbol namespaces came in 5.4 (commit 8651ec01daed
 * "module: add support for symbol namespaces"); RHEL 8 has KUnit
 * (CONFIG_KUNIT=m in 8.9) but no namespaces, so there the symbols are
 * plain GPL exports (the macro's presence decides). The namespace
 * argument became a string literal in 6.13 (commit cdd30ebb1b9f "module:
 * Convert symbol namespace to string literal").
 */
#if IS_ENABLED(CONFIG_KUNIT)
#define NICMEM_VISIBLE_IF_KUNIT
#if !defined(EXPORT_SYMBOL_NS_GPL)
#define EXPORT_SYMBOL_FOR_NICMEM_KUNIT(symbol)	EXPORT_SYMBOL_GPL(symbol)
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define EXPORT_SYMBOL_FOR_NICMEM_KUNIT(symbol) \
	EXPORT_SYMBOL_NS_GPL(symbol, "EXPORTED_FOR_KUNIT_TESTING")
#else
#define EXPORT_SYMBOL_FOR_NICMEM_KUNIT(symbol) \
	EXPORT_SYMBOL_NS_GPL(symbol, EXPORTED_FOR_KUNIT_TESTING)
#endif
#else
#define EXPORT_SYMBOL_FOR_NICMEM_KUNIT(symbol)
#define NICMEM_VISIBLE_IF_KUNIT static
#endif

/* The KUnit module's import of that namespace (none before 5.4) */
#if !defined(MODULE_IMPORT_NS)
#define NICMEM_IMPORT_KUNIT_NS()
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define NICMEM_IMPORT_KUNIT_NS() \
	MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING")
#else
#define NICMEM_IMPORT_KUNIT_NS() \
	MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING)
#endif

/*
 * Intel drivers whose RX rings moved to libeth's page_pool
 * (libeth_rx_fq_create(), each pool registered with the net_device, so
 * nicmem ties it by pool_netdev): iavf in 6.10 ("iavf: switch to Page
 * Pool"; 6.12's iavf_txrx.c calls libeth_rx_fq_create()), ice in 6.19
 * (6.12's ice still dev_alloc_pages() with a bias; 7.2's ice_base.c calls
 * libeth_rx_fq_create()). From then their RX memory is what their pools
 * hold, not one page per descriptor: no estimate.
 */
#define NICMEM_IAVF_RX_PAGE_POOL	\
	(LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0))
#define NICMEM_ICE_RX_PAGE_POOL		\
	(LINUX_VERSION_CODE >= KERNEL_VERSION(6, 19, 0))

/*
 * The test modules' platform drivers: .remove returned int up to 6.10;
 * 6.11 made it return void (commit 0edb555a65d1 "platform: Make
 * platform_driver::remove() return void"). Declare the callback as
 * `static NICMEM_PLATFORM_REMOVE_T f(struct platform_device *)` and end it
 * with `return NICMEM_PLATFORM_REMOVE_OK;`.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
#define NICMEM_PLATFORM_REMOVE_T	void
#define NICMEM_PLATFORM_REMOVE_OK
#else
#define NICMEM_PLATFORM_REMOVE_T	int
#define NICMEM_PLATFORM_REMOVE_OK	0
#endif

#endif /* _NICMEM_COMPAT_H */
