// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the BTF reader, on a blob built here (a struct with an anonymous
 * union of an anonymous struct, an array, a bitfield, a typedef; and a
 * split "module" BTF on top of it), then on thousands of corrupted and
 * truncated copies, which must be rejected or resolved without a fault.
 */
#include <kunit/test.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <uapi/linux/btf.h>
#include "btf.h"

#include "compat.h"

NICMEM_IMPORT_KUNIT_NS();

/* "\0int\0long\0s\0a\0b\0arr\0bits\0s_t\0m\0x\0y\0" */
static const char base_strs[] = "\0int\0long\0s\0a\0b\0arr\0bits\0s_t";
#define S_INT	1
#define S_LONG	5
#define S_S	10
#define S_A	12
#define S_B	14
#define S_ARR	16
#define S_BITS	20
#define S_ST	25

#define INFO(kind, vlen, kflag) (((kflag) << 31) | ((kind) << 24) | (vlen))

struct blob {
	u8 *p;
	size_t len;
};

static void put32(struct blob *b, u32 v)
{
	memcpy(b->p + b->len, &v, 4);
	b->len += 4;
}

static void put_type(struct blob *b, u32 name, u32 info, u32 size_type)
{
	put32(b, name);
	put32(b, info);
	put32(b, size_type);
}

static void put_member(struct blob *b, u32 name, u32 type, u32 off)
{
	put32(b, name);
	put32(b, type);
	put32(b, off);
}

/* Header, types, strings; returns a kvmalloc'd blob and its size. */
static void *make_blob(struct kunit *test, void (*types)(struct blob *),
		       const char *strs, size_t strs_len, size_t *size)
{
	struct blob t = { .p = kunit_kzalloc(test, 1024, GFP_KERNEL) };
	struct btf_header h = {
		.magic = BTF_MAGIC, .version = BTF_VERSION,
		.hdr_len = sizeof(h),
	};
	u8 *out;

	KUNIT_ASSERT_NOT_NULL(test, t.p);
	types(&t);
	h.type_off = 0;
	h.type_len = t.len;
	h.str_off = t.len;
	h.str_len = strs_len;
	*size = sizeof(h) + t.len + strs_len;
	out = kvmalloc(*size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	memcpy(out, &h, sizeof(h));
	memcpy(out + sizeof(h), t.p, t.len);
	memcpy(out + sizeof(h) + t.len, strs, strs_len);
	return out;
}

static void base_types(struct blob *b)
{
	put_type(b, S_INT, INFO(BTF_KIND_INT, 0, 0), 4);	/* 1 */
	put32(b, 32);
	put_type(b, S_LONG, INFO(BTF_KIND_INT, 0, 0), 8);	/* 2 */
	put32(b, 64);
	put_type(b, 0, INFO(BTF_KIND_ARRAY, 0, 0), 0);	/* 3: int[4] */
	put32(b, 1);
	put32(b, 1);
	put32(b, 4);
	put_type(b, 0, INFO(BTF_KIND_STRUCT, 1, 0), 8);	/* 4: { long b; } */
	put_member(b, S_B, 2, 0);
	put_type(b, 0, INFO(BTF_KIND_UNION, 1, 0), 8);	/* 5: union { 4 } */
	put_member(b, 0, 4, 0);
	put_type(b, S_S, INFO(BTF_KIND_STRUCT, 4, 1), 40);	/* 6: struct s */
	put_member(b, S_A, 1, 0);
	put_member(b, 0, 5, 64);
	put_member(b, S_ARR, 3, 128);
	put_member(b, S_BITS, 1, (3 << 24) | 288);
	put_type(b, S_ST, INFO(BTF_KIND_TYPEDEF, 0, 0), 6);	/* 7: s_t */
	put_type(b, 0, INFO(BTF_KIND_PTR, 0, 0), 6);		/* 8: struct s * */
}

/* split BTF: ids from 9, strings from sizeof(base_strs) */
static const char mod_strs[] = "m\0x\0y\0z";
#define M_STR(off) (sizeof(base_strs) + (off))

static void mod_types(struct blob *b)
{
	put_type(b, M_STR(0), INFO(BTF_KIND_STRUCT, 3, 0), 64);	/* 9: m */
	put_member(b, M_STR(2), 7, 0);		/* s_t x (base typedef) */
	put_member(b, M_STR(4), 8, 320);	/* struct s *y */
	put_member(b, M_STR(6), 1, 384);	/* int z */
}

static void btf_resolves(struct kunit *test)
{
	struct nicmem_btf base, mod;
	u32 id, off, size;
	size_t len;
	void *blob;

	blob = make_blob(test, base_types, base_strs, sizeof(base_strs), &len);
	KUNIT_ASSERT_EQ(test, nicmem_btf_parse(&base, blob, len, NULL), 0);
	KUNIT_EXPECT_EQ(test, base.nr_types, 8U);
	KUNIT_ASSERT_EQ(test, nicmem_btf_find_struct(&base, "s", &id), 0);
	KUNIT_EXPECT_EQ(test, id, 6U);
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&base, id, "a", &off, &size), 0);
	KUNIT_EXPECT_EQ(test, off, 0U);
	KUNIT_EXPECT_EQ(test, size, 4U);
	/* through the anonymous union and the anonymous struct in it */
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&base, id, "b", &off, &size), 0);
	KUNIT_EXPECT_EQ(test, off, 8U);
	KUNIT_EXPECT_EQ(test, size, 8U);
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&base, id, "arr", &off, &size), 0);
	KUNIT_EXPECT_EQ(test, off, 16U);
	KUNIT_EXPECT_EQ(test, size, 16U);
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&base, id, "bits", &off, &size),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&base, id, "nope", &off, &size),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&base, id, "a.b", &off, &size),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, nicmem_btf_type_size(&base, 7, &size), 0);
	KUNIT_EXPECT_EQ(test, size, 40U);
	KUNIT_EXPECT_EQ(test, nicmem_btf_find_struct(&base, "m", &id), -ENOENT);

	blob = make_blob(test, mod_types, mod_strs, sizeof(mod_strs), &len);
	KUNIT_ASSERT_EQ(test, nicmem_btf_parse(&mod, blob, len, &base), 0);
	KUNIT_EXPECT_EQ(test, mod.start_id, 9U);
	KUNIT_ASSERT_EQ(test, nicmem_btf_find_struct(&mod, "m", &id), 0);
	KUNIT_EXPECT_EQ(test, id, 9U);
	/* a path through a base typedef into the base struct */
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&mod, id, "x.b", &off, &size), 0);
	KUNIT_EXPECT_EQ(test, off, 8U);
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&mod, id, "y", &off, &size), 0);
	KUNIT_EXPECT_EQ(test, off, 40U);
	KUNIT_EXPECT_EQ(test, size, (u32)sizeof(void *));
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&mod, id, "z", &off, &size), 0);
	KUNIT_EXPECT_EQ(test, off, 48U);
	/* a pointer is not a struct to descend into */
	KUNIT_EXPECT_EQ(test, nicmem_btf_member(&mod, id, "y.a", &off, &size),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, nicmem_btf_find_struct(&mod, "s", &id), 0);
	KUNIT_EXPECT_EQ(test, id, 6U);
	nicmem_btf_free(&mod);
	nicmem_btf_free(&base);
}

static void btf_rejects(struct kunit *test)
{
	struct nicmem_btf b;
	struct btf_header *h;
	size_t len;
	void *blob;

	blob = make_blob(test, base_types, base_strs, sizeof(base_strs), &len);
	h = blob;
	h->magic = 0x9feb;		/* other endianness */
	KUNIT_EXPECT_EQ(test, nicmem_btf_parse(&b, blob, len, NULL), -EINVAL);
	nicmem_btf_free(&b);

	blob = make_blob(test, base_types, base_strs, sizeof(base_strs), &len);
	h = blob;
	h->str_len += 1;		/* strings past the end */
	KUNIT_EXPECT_EQ(test, nicmem_btf_parse(&b, blob, len, NULL), -EINVAL);
	nicmem_btf_free(&b);

	blob = make_blob(test, base_types, base_strs, sizeof(base_strs), &len);
	h = blob;
	h->type_len -= 4;		/* the last type cut short */
	KUNIT_EXPECT_EQ(test, nicmem_btf_parse(&b, blob, len, NULL), -EINVAL);
	nicmem_btf_free(&b);

	blob = make_blob(test, base_types, base_strs, sizeof(base_strs), &len);
	((u8 *)blob)[len - 1] = 'x';	/* unterminated strings */
	KUNIT_EXPECT_EQ(test, nicmem_btf_parse(&b, blob, len, NULL), -EINVAL);
	nicmem_btf_free(&b);
}

/* per-CPU variables: VARs in DATASECs (BTF_KIND_VAR 14, DATASEC 15) */
static const char sec_strs[] = "\0int\0s\0a\0v\0w\0.data..percpu\0.bss\0.bad";
#define K_VAR		14
#define K_DATASEC	15

static void put_secinfo(struct blob *b, u32 type, u32 off, u32 size)
{
	put32(b, type);
	put32(b, off);
	put32(b, size);
}

static void sec_types(struct blob *b)
{
	put_type(b, 1, INFO(BTF_KIND_INT, 0, 0), 4);		/* 1: int */
	put32(b, 32);
	put_type(b, 5, INFO(BTF_KIND_STRUCT, 1, 0), 4);	/* 2: struct s */
	put_member(b, 7, 1, 0);
	put_type(b, 9, INFO(K_VAR, 0, 0), 2);			/* 3: struct s v */
	put32(b, 1);
	put_type(b, 11, INFO(K_VAR, 0, 0), 1);			/* 4: int w */
	put32(b, 1);
	put_type(b, 13, INFO(K_DATASEC, 2, 0), 256);		/* 5: .data..percpu */
	put_secinfo(b, 3, 64, 4);
	put_secinfo(b, 4, 128, 4);
	put_type(b, 9, INFO(K_VAR, 0, 0), 1);			/* 6: int v */
	put32(b, 1);
	put_type(b, 27, INFO(K_DATASEC, 1, 0), 16);		/* 7: .bss */
	put_secinfo(b, 6, 8, 4);
	put_type(b, 32, INFO(K_DATASEC, 1, 0), 4);		/* 8: .bad */
	put_secinfo(b, 1, 0, 4);				/* not a VAR */
}

static void btf_datasec(struct kunit *test)
{
	struct nicmem_btf b;
	unsigned int i, accepted = 0;
	u32 off, type;
	size_t len;
	u8 *good = make_blob(test, sec_types, sec_strs, sizeof(sec_strs), &len);
	void *blob = kvmalloc(len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, blob);
	memcpy(blob, good, len);
	KUNIT_ASSERT_EQ(test, nicmem_btf_parse(&b, blob, len, NULL), 0);
	KUNIT_EXPECT_EQ(test, nicmem_btf_find_var(&b, ".data..percpu", "v", &off, &type), 0);
	KUNIT_EXPECT_EQ(test, off, 64U);
	KUNIT_EXPECT_EQ(test, type, 2U);
	KUNIT_EXPECT_EQ(test, nicmem_btf_find_var(&b, ".data..percpu", "w", &off, &type), 0);
	KUNIT_EXPECT_EQ(test, off, 128U);
	KUNIT_EXPECT_EQ(test, type, 1U);
	/* the same name in another section is another variable */
	KUNIT_EXPECT_EQ(test, nicmem_btf_find_var(&b, ".bss", "v", &off, &type), 0);
	KUNIT_EXPECT_EQ(test, off, 8U);
	KUNIT_EXPECT_EQ(test, type, 1U);
	KUNIT_EXPECT_EQ(test, nicmem_btf_find_var(&b, ".bss", "w", &off, &type), -ENOENT);
	KUNIT_EXPECT_EQ(test, nicmem_btf_find_var(&b, ".data", "v", &off, &type), -ENOENT);
	KUNIT_EXPECT_EQ(test, nicmem_btf_find_var(&b, ".bad", "v", &off, &type), -EINVAL);
	nicmem_btf_free(&b);

	/* corrupted copies: rejected, or searched without a fault */
	for (i = 0; i < 2000; i++) {
		u8 *copy = kvmalloc(len, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, copy);
		memcpy(copy, good, len);
		copy[get_random_u32() % len] ^= 1 << (get_random_u32() % 8);
		if (!nicmem_btf_parse(&b, copy, len, NULL)) {
			accepted++;
			nicmem_btf_find_var(&b, ".data..percpu", "w", &off, &type);
			nicmem_btf_find_var(&b, ".bss", "v", &off, &type);
		}
		nicmem_btf_free(&b);
	}
	kvfree(good);
	kunit_info(test, "2000 corrupted blobs, %u accepted and searched safely\n", accepted);
}

/* Whatever a parse accepted must resolve without a fault or a hang. */
static void btf_poke(struct nicmem_btf *b)
{
	static const char * const paths[] = { "a", "b", "arr", "bits", "x.b", "y" };
	u32 id, off, size, i;

	for (i = 0; i < 12; i++)
		nicmem_btf_type_size(b, i, &size);
	for (i = 0; i < ARRAY_SIZE(paths); i++) {
		nicmem_btf_member(b, 6, paths[i], &off, &size);
		nicmem_btf_member(b, 9, paths[i], &off, &size);
	}
	nicmem_btf_find_struct(b, "s", &id);
	nicmem_btf_name(b, U32_MAX);
}

static void btf_fuzz(struct kunit *test)
{
	size_t len, cut;
	unsigned int i, accepted = 0;
	void *good = make_blob(test, base_types, base_strs, sizeof(base_strs),
			       &len);

	for (i = 0; i < 5000; i++) {
		struct nicmem_btf b;
		u8 *copy = kvmalloc(len, GFP_KERNEL);
		unsigned int flips = 1 + get_random_u32() % 4, f;

		KUNIT_ASSERT_NOT_NULL(test, copy);
		memcpy(copy, good, len);
		for (f = 0; f < flips; f++)
			copy[get_random_u32() % len] ^= 1 << (get_random_u32() % 8);
		if (!nicmem_btf_parse(&b, copy, len, NULL)) {
			accepted++;
			btf_poke(&b);
		}
		nicmem_btf_free(&b);
	}
	for (cut = 0; cut < len; cut++) {
		struct nicmem_btf b;
		u8 *copy = kvmalloc(len, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, copy);
		memcpy(copy, good, len);
		KUNIT_EXPECT_NE(test, nicmem_btf_parse(&b, copy, cut, NULL), 0);
		nicmem_btf_free(&b);
	}
	kvfree(good);
	kunit_info(test, "5000 corrupted blobs, %u accepted and resolved safely; %zu truncations rejected\n",
		   accepted, len);
}

static struct kunit_case btf_cases[] = {
	KUNIT_CASE(btf_resolves),
	KUNIT_CASE(btf_rejects),
	KUNIT_CASE(btf_fuzz),
	KUNIT_CASE(btf_datasec),
	{}
};

static struct kunit_suite btf_suite = {
	.name = "nicmem_btf",
	.test_cases = btf_cases,
};

kunit_test_suites(&btf_suite);
