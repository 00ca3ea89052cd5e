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
 *  - the integer constants the script applies (rules.h, consts.h,
 *    drivers/mlx5/mlx5.h), by their C names.
 *
 * scripts/nicmem-vmcore builds it on first use into $NICMEM_CACHE, named
 * by a hash of its inputs (cc -I scripts/host -I . -I drivers), and
 * tests/vmcore/rules-drift checks the result.
 */
#include <stdio.h>
#include "census.h"
#include "consts.h"
#include "mlx5/mlx5.h"

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

static const char * const adaptors[] = {
#define NICMEM_ADAPTOR(d)	(#d),
#include "list.h"
#undef NICMEM_ADAPTOR
};

int main(void)
{
	unsigned int key, b, seen = 0;
	long long r;

	print_names("classes", class_names, NICMEM_NR_CLASSES);
	print_names("class_ids", class_ids, NICMEM_NR_CLASSES);
	print_names("adaptors", adaptors, ARRAY_SIZE(adaptors));
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
	INT(NICMEM_MLX5_WQ_CYCLIC);
	INT(NICMEM_MLX5_WQ_STRIDING);
	INT(MLX5_MAX_CHANNELS);
	INT(MLX5_MAX_WQES);
	printf("\n}\n");
	return ferror(stdout) ? 1 : 0;
}
