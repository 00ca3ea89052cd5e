// SPDX-License-Identifier: GPL-2.0
/*
 * scripts/nicmem-vmcore's definitions, made by the C compiler from the
 * module's own headers, the way the kernel's scripts/gdb/linux/constants.py
 * is made from constants.py.in: compiled for the host (the kernel headers
 * replaced by scripts/host/linux/, which census.h's pure functions and the
 * plain constants need) and run, it prints as JSON (data the script loads,
 * never code it runs):
 *
 *  - the census's classes and their identifiers (rules.h), the snapshot
 *    flags in the order of the census key's bits (census.h);
 *  - the census table: for every key, nicmem_census_entry() itself, i.e.
 *    the class nicmem_classify() gives and whether nicmem_hist_counts()
 *    counts it. The script classifies a page by its key, as census.c does:
 *    the rules are never read as text nor evaluated in Python;
 *  - the histogram's buckets, as the first refcount of each
 *    (nicmem_hist_bucket());
 *  - the adaptors, in the registry's order (drivers/list.h);
 *  - compiled with -DNICMEM_SPEC_OF=<driver> -include
 *    drivers/<driver>/spec.h, that one adaptor's spec instead: the plain
 *    members of its struct nicmem_adaptor, its fields (with their
 *    NICMEM_F_ names) and its bias_ring table, by the members' C names.
 *    One driver per program: two drivers' NICMEM_F_ names may be the same
 *    (struct names a driver shares with its sibling). The script reads no
 *    adaptor as text: it runs this once per driver in list.h;
 *  - the integer constants the script applies (rules.h, consts.h,
 *    drivers/spec.h, drivers/mlx5/mlx5.h), by their C names.
 *
 * scripts/nicmem-vmcore builds it on first use into $NICMEM_CACHE, named
 * by a hash of its inputs (cc -I scripts/host -I . -I drivers), and
 * tests/vmcore/rules-drift checks the result.
 */
#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include "census.h"
#include "consts.h"
#include "mlx5/mlx5.h"
#include "spec.h"

static const char *const class_names[] = {
#define NICMEM_CLASS(id, name)	name,
#include "rules.h"
};

#define STRINGIFY(x)	#x

static const char *const class_ids[] = {
#define NICMEM_CLASS(id, name)	STRINGIFY(id),
#include "rules.h"
};

/* JSON, one member per line; every member but the first after a comma */
static const char *sep = "{\n";

static void print_int(const char *name, long long v)
{
	printf("%s\"%s\": %lld", sep, name, v);
	sep = ",\n";
}

static void print_flag(const char *name, int bit)
{
	printf("%s\"%s\": %d", sep, name, bit);
	sep = ", ";
}

static void print_names(const char *member, const char *const *v,
			unsigned int n)
{
	unsigned int i;

	printf("%s\"%s\": [", sep, member);
	for (i = 0; i < n; i++)
		printf("%s\"%s\"", i ? ", " : "", v[i]);
	printf("]");
	sep = ",\n";
}

#define INT(name)	print_int(#name, (name))

/* frag.c's page_frag caches: [per-CPU variable, member or ""] */
static const char * const frag_caches[][2] = {
#define NICMEM_FRAG_CACHE(var, member)	{ #var, member },
#include "frag_caches.h"
#undef NICMEM_FRAG_CACHE
};

static const char * const adaptors[] = {
#define NICMEM_ADAPTOR(d)	(#d),
#include "list.h"
#undef NICMEM_ADAPTOR
};

#ifdef NICMEM_SPEC_OF
/*
 * What the specs use from outside them. NET_IP_ALIGN: the kernel's is 0
 * on x86 and 2 on the other arches the module runs on; each adaptor is
 * printed with both (print_one_spec()). compat.h's switches of iavf and ice
 * to page_pool (6.10, 6.19) as on the kernels whose dumps the script
 * decodes (struct page as 5.14 to 6.5 lay it out: census.py refuses
 * others): before either, one page per descriptor.
 */
static int net_ip_align;
#define NET_IP_ALIGN		net_ip_align
#define NICMEM_IAVF_RX_PAGE_POOL	0
#define NICMEM_ICE_RX_PAGE_POOL		0

/* struct nicmem_adaptor's plain members: what a NICMEM_SPEC_<d> may set */
struct spec {
	const char *name, *driver, *module, *also_module;
	unsigned int flags, order0_max_mtu, nr_fields;
	const struct nicmem_field *fields;
	const struct nicmem_bias_ring *bias_ring;
};

/* a JSON string or null */
static void json_str(const char *v)
{
	if (v)
		printf("\"%s\"", v);
	else
		printf("null");
}

static void print_str(const char *name, const char *v)
{
	printf("%s\"%s\": ", sep, name);
	json_str(v);
	sep = ", ";
}

/* every member of struct nicmem_bias_ring is printed below: one more, or
 * one changed, changes its size
 */
static_assert(sizeof(struct nicmem_bias_ring) == 64,
	      "print_spec() prints each member of struct nicmem_bias_ring");

/* one adaptor: @a0 made with NET_IP_ALIGN 0, @a2 with 2 */
static void print_spec(const struct spec *a0, const struct spec *a2)
{
	const struct nicmem_bias_ring *br = a0->bias_ring;
	unsigned int i;

	sep = "{";
	print_str("name", a0->name);
	print_str("driver", a0->driver);
	print_str("module", a0->module);
	print_str("also_module", a0->also_module);
	print_int("page_per_desc", !!(a0->flags & NICMEM_AD_PAGE_PER_DESC));
	print_int("order0_max_mtu_ip_align0", a0->order0_max_mtu);
	print_int("order0_max_mtu_ip_align2", a2->order0_max_mtu);
	/* [struct, member path or null for its size, NICMEM_F_ name] */
	printf(", \"fields\": [");
	for (i = 0; i < a0->nr_fields; i++) {
		printf("%s[", i ? ", " : "");
		json_str(a0->fields[i].sname);
		printf(", ");
		json_str(a0->fields[i].path);
		printf(", ");
		json_str(a0->fields[i].id);
		printf("]");
	}
	printf("]");
	if (br) {
		printf(", \"bias_ring\": ");
		sep = "{";
		print_int("priv_root", br->priv_root);
		print_int("root_netdev", br->root_netdev);
		print_int("nq", br->nq);
		print_int("rings", br->rings);
		print_int("rings_max", br->rings_max);
		print_int("rings_indirect", br->rings_indirect);
		print_int("ring_netdev", br->ring_netdev);
		print_int("ring_count", br->ring_count);
		print_int("ring_buffers", br->ring_buffers);
		print_int("ring_xsk_pool", br->ring_xsk_pool);
		print_int("order", br->order);
		print_int("order_how", br->order_how);
		print_int("buf_page", br->buf_page);
		print_int("buf_bias", br->buf_bias);
		print_int("buf_size", br->buf_size);
		print_int("refill", br->refill);
		printf("}");
	}
	printf("}");
}

#define SPEC_(d)	NICMEM_SPEC_##d
#define SPEC(d)		SPEC_(d)
#define XSTRINGIFY(x)	STRINGIFY(x)

/* NICMEM_SPEC_OF's spec, made with NET_IP_ALIGN 0 and 2 */
static int print_one_spec(void)
{
	const struct spec a0 = { .name = XSTRINGIFY(NICMEM_SPEC_OF),
				 SPEC(NICMEM_SPEC_OF) };
	struct spec a2;

	net_ip_align = 2;
	a2 = (struct spec){ .name = a0.name, SPEC(NICMEM_SPEC_OF) };
	sep = "";
	printf("{\"spec\": ");
	print_spec(&a0, &a2);
	printf("\n}\n");
	return ferror(stdout) ? 1 : 0;
}
#endif

int main(void)
{
	unsigned int key, b, seen = 0;
	long long r;

#ifdef NICMEM_SPEC_OF
	return print_one_spec();
#endif
	print_names("classes", class_names, NICMEM_NR_CLASSES);
	print_names("class_ids", class_ids, NICMEM_NR_CLASSES);
	print_names("adaptors", adaptors, ARRAY_SIZE(adaptors));
	printf(",\n\"frag_caches\": [");
	for (key = 0; key < ARRAY_SIZE(frag_caches); key++)
		printf("%s[\"%s\", \"%s\"]", key ? ", " : "", frag_caches[key][0],
		       frag_caches[key][1]);
	printf("]");
	/* each flag at its key bit: the order is census.h's enum */
	printf(",\n\"snap_flags\": ");
	sep = "{";
#define NICMEM_SNAP_FLAG(f)	print_flag(#f, NICMEM_SB_##f),
#include "rules.h"
	(void)0;
	printf("}");
	sep = ",\n";
	INT(NICMEM_SB_NONPOS);
	INT(NICMEM_SB_OVER);
	INT(NICMEM_SB_KEY_BITS);
	INT(NICMEM_ENTRY_HIST);
	INT(NICMEM_ENTRY_CLASS);
	printf(",\n\"census_table\": \"");
	for (key = 0; key < NICMEM_CENSUS_KEYS; key++)
		printf("%02x", nicmem_census_entry(key));
	printf("\"");
	/* bucket b holds refcounts from hist_first[b] (bucket 0: <= 0) */
	printf(",\n\"hist_first\": [0");
	for (r = 1; r <= 0x7fffffff; r *= 2) {
		b = nicmem_hist_bucket((int)r);
		if (b >= NICMEM_HIST_BUCKETS || b > seen + 1)
			return 1;	/* not power-of-two buckets: say so */
		if (b == seen + 1) {
			printf(", %lld", r);
			seen = b;
		}
	}
	printf("]");
	INT(NICMEM_HIST_BUCKETS);
	INT(NICMEM_THRESHOLD_DEFAULT);
	INT(NICMEM_THRESHOLD_MIN);
	INT(NICMEM_THRESHOLD_MAX);
	INT(NICMEM_SEVERITY_WARN_PCT);
	INT(NICMEM_SEVERITY_CRIT_PCT);
	INT(NICMEM_FORMAT_VERSION);
	INT(NICMEM_NOTE_LEN);
	INT(NICMEM_TOP_IFACES);
	INT(NICMEM_MAX_IFACES);
	INT(NICMEM_MAX_COMPOUND_ORDER);
	INT(NICMEM_MAX_POOLS);
	INT(NICMEM_POOL_SLOTS);
	INT(NICMEM_PP_MAX_SIZE);
	INT(NICMEM_MAX_RXQ);
	INT(NICMEM_RING_MIN);
	INT(NICMEM_RING_MAX);
	INT(NICMEM_MAX_STRIDE);
	INT(NICMEM_ORDER_BIT0);
	INT(NICMEM_ORDER_BUFLEN_HALF);
	INT(NICMEM_MLX5_WQ_CYCLIC);
	INT(NICMEM_MLX5_WQ_STRIDING);
	INT(MLX5_MAX_CHANNELS);
	INT(MLX5_MAX_WQES);
	printf("\n}\n");
	return ferror(stdout) ? 1 : 0;
}
