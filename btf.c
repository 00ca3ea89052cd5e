// SPDX-License-Identifier: GPL-2.0
/*
 * A strict BTF reader for nicmem's layouts: parse the vmlinux BTF and a
 * module's split BTF from the files under /sys/kernel/btf, and resolve
 * struct members by name. Every read is bounds-checked against the blob;
 * a malformed blob is rejected with -EINVAL, never followed.
 */
#include <uapi/linux/btf.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/overflow.h>
#include <linux/mm.h>
#include "btf.h"
#include "compat.h"

/*
 * The BTF format is a stable ABI (Documentation/bpf/btf.rst); kinds were
 * added over time (FUNC/FUNC_PROTO 5.0, VAR/DATASEC 5.2, FLOAT 5.13, DECL_TAG 5.16, TYPE_TAG
 * 5.17, ENUM64 5.19) and older <uapi/linux/btf.h> lack their names, so the
 * reader carries the numbers and record sizes itself.
 */
#define NICMEM_BTF_KIND_FUNC		12
#define NICMEM_BTF_KIND_FUNC_PROTO	13
#define NICMEM_BTF_KIND_VAR		14
#define NICMEM_BTF_KIND_DATASEC		15
#define NICMEM_BTF_KIND_FLOAT		16
#define NICMEM_BTF_KIND_DECL_TAG	17
#define NICMEM_BTF_KIND_TYPE_TAG	18
#define NICMEM_BTF_KIND_ENUM64		19
#ifndef BTF_INFO_KFLAG		/* 5.0, commit 9d5f9f701b18 */
#define BTF_INFO_KFLAG(info)		((info) >> 31)
#define BTF_MEMBER_BITFIELD_SIZE(val)	((val) >> 24)
#define BTF_MEMBER_BIT_OFFSET(val)	((val) & 0xffffff)
#endif

#define NICMEM_BTF_MAX_SIZE	(64U << 20)	/* vmlinux BTF is ~5 MiB */
/*
 * The header nicmem reads ends at str_len (24 bytes, 4.18 .. 7.1). 7.2's
 * uapi struct btf_header adds layout_off/layout_len (32 bytes), but a blob
 * without a layout section keeps hdr_len 24: Debian's 7.2.13 vmlinux BTF
 * has it. Only the fields up to str_len are read.
 */
#define NICMEM_BTF_HDR_MIN	offsetofend(struct btf_header, str_len)
#define NICMEM_BTF_MAX_DEPTH	8		/* nested anonymous members */
#define NICMEM_BTF_MAX_CHAIN	32		/* typedef/const/volatile hops */

/* bytes of kind-specific data after a struct btf_type, or -1 if unknown */
static long nicmem_btf_extra(const struct btf_type *t)
{
	u32 vlen = BTF_INFO_VLEN(t->info);

	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT:
		return sizeof(u32);
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case NICMEM_BTF_KIND_FUNC:
	case NICMEM_BTF_KIND_FLOAT:
	case NICMEM_BTF_KIND_TYPE_TAG:
		return 0;
	case BTF_KIND_ARRAY:
		return sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return (long)vlen * sizeof(struct btf_member);
	case BTF_KIND_ENUM:
		return (long)vlen * sizeof(struct btf_enum);
	case NICMEM_BTF_KIND_FUNC_PROTO:	/* struct btf_param */
		return (long)vlen * 2 * sizeof(u32);
	case NICMEM_BTF_KIND_VAR:		/* struct btf_var */
		return sizeof(u32);
	case NICMEM_BTF_KIND_DATASEC:	/* struct btf_var_secinfo */
		return (long)vlen * 3 * sizeof(u32);
	case NICMEM_BTF_KIND_DECL_TAG:	/* struct btf_decl_tag */
		return sizeof(u32);
	case NICMEM_BTF_KIND_ENUM64:
		return (long)vlen * 3 * sizeof(u32);	/* struct btf_enum64 */
	default:
		return -1;
	}
}

/**
 * nicmem_btf_parse() - index a BTF blob
 * @b: filled on success
 * @blob: the bytes (kvmalloc'd; @b owns them from now on, also on error)
 * @size: their length
 * @base: NULL for vmlinux, the vmlinux BTF for a module's split BTF
 *
 * Return: 0, or -EINVAL for anything malformed, -ENOMEM.
 */
int nicmem_btf_parse(struct nicmem_btf *b, void *blob, size_t size,
		     const struct nicmem_btf *base)
{
	const struct btf_header *h = blob;
	u32 pos, n, i;
	u64 end;

	memset(b, 0, sizeof(*b));
	b->blob = blob;
	b->base = base;
	if (size < NICMEM_BTF_HDR_MIN || size > NICMEM_BTF_MAX_SIZE)
		return -EINVAL;
	if (h->magic != BTF_MAGIC || h->version != BTF_VERSION ||
	    h->hdr_len < NICMEM_BTF_HDR_MIN || h->hdr_len > size)
		return -EINVAL;
	end = (u64)h->hdr_len + h->type_off + h->type_len;
	if (end > size || h->type_off % 4 || h->type_len % 4)
		return -EINVAL;
	end = (u64)h->hdr_len + h->str_off + h->str_len;
	if (end > size || !h->str_len)
		return -EINVAL;
	b->types = (const u8 *)blob + h->hdr_len + h->type_off;
	b->types_len = h->type_len;
	b->strs = (const char *)blob + h->hdr_len + h->str_off;
	b->strs_len = h->str_len;
	if (b->strs[b->strs_len - 1] != '\0')
		return -EINVAL;
	if (base) {
		b->start_id = base->start_id + base->nr_types;
		b->start_str = base->start_str + base->strs_len;
	} else {
		b->start_id = 1;	/* id 0 is void */
		if (b->strs[0] != '\0')
			return -EINVAL;
	}

	/* count, then index: each type must fit in the section */
	for (n = 0, pos = 0; pos < b->types_len; n++) {
		const struct btf_type *t;
		long extra;

		if (b->types_len - pos < sizeof(*t))
			return -EINVAL;
		t = (const struct btf_type *)(b->types + pos);
		extra = nicmem_btf_extra(t);
		if (extra < 0 || extra > b->types_len - pos - sizeof(*t))
			return -EINVAL;
		pos += sizeof(*t) + extra;
	}
	if (n > U32_MAX - b->start_id)
		return -EINVAL;
	b->type_off = kvmalloc_array(n ?: 1, sizeof(u32), GFP_KERNEL);
	if (!b->type_off)
		return -ENOMEM;
	for (i = 0, pos = 0; i < n; i++) {
		const struct btf_type *t = (const void *)(b->types + pos);

		b->type_off[i] = pos;
		pos += sizeof(*t) + nicmem_btf_extra(t);
	}
	b->nr_types = n;
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_btf_parse);

void nicmem_btf_free(struct nicmem_btf *b)
{
	kvfree(b->type_off);
	kvfree(b->blob);
	memset(b, 0, sizeof(*b));
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_btf_free);

/**
 * nicmem_btf_load() - read and index /sys/kernel/btf/@name, in init's mounts
 * @b: filled on success; release with nicmem_btf_free()
 * @name: "vmlinux" or a module name
 * @base: NULL for vmlinux, else the vmlinux BTF
 *
 * Return: 0, -ENOENT when the file is missing (no BTF, module not
 * loaded), -EINVAL when malformed, or another errno from the read.
 */
int nicmem_btf_load(struct nicmem_btf *b, const char *name,
		    const struct nicmem_btf *base)
{
	char path[64];
	struct file *f;
	loff_t size, pos = 0;
	void *blob;
	ssize_t n;
	int ret;

	memset(b, 0, sizeof(*b));
	snprintf(path, sizeof(path), "/sys/kernel/btf/%s", name);
	f = nicmem_open_initns(path);
	if (IS_ERR(f))
		return PTR_ERR(f);
	size = i_size_read(file_inode(f));
	if (size <= 0 || size > NICMEM_BTF_MAX_SIZE) {
		filp_close(f, NULL);
		return -EINVAL;
	}
	blob = kvmalloc(size, GFP_KERNEL);
	if (!blob) {
		filp_close(f, NULL);
		return -ENOMEM;
	}
	while (pos < size) {
		n = kernel_read(f, (char *)blob + pos, size - pos, &pos);
		if (n <= 0)
			break;
	}
	filp_close(f, NULL);
	if (pos != size) {
		kvfree(blob);
		return -EIO;
	}
	ret = nicmem_btf_parse(b, blob, size, base);
	if (ret)
		nicmem_btf_free(b);
	return ret;
}

/* The type @id, from this blob or its base; NULL for void or out of range. */
const struct btf_type *nicmem_btf_type(const struct nicmem_btf *b, u32 id)
{
	while (b && id < b->start_id)
		b = b->base;
	if (!b || id - b->start_id >= b->nr_types)
		return NULL;
	return (const struct btf_type *)(b->types +
					  b->type_off[id - b->start_id]);
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_btf_type);

/* The string at @off, from this blob or its base; "" if out of range. */
const char *nicmem_btf_name(const struct nicmem_btf *b, u32 off)
{
	while (b && off < b->start_str)
		b = b->base;
	if (!b || off - b->start_str >= b->strs_len)
		return "";
	return b->strs + (off - b->start_str);
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_btf_name);

/* Skip typedefs and qualifiers; 0 (void) on a broken chain. */
static u32 nicmem_btf_resolve(const struct nicmem_btf *b, u32 id)
{
	unsigned int hops;

	for (hops = 0; hops < NICMEM_BTF_MAX_CHAIN; hops++) {
		const struct btf_type *t = nicmem_btf_type(b, id);

		if (!t)
			return 0;
		switch (BTF_INFO_KIND(t->info)) {
		case BTF_KIND_TYPEDEF:
		case BTF_KIND_VOLATILE:
		case BTF_KIND_CONST:
		case BTF_KIND_RESTRICT:
		case NICMEM_BTF_KIND_TYPE_TAG:
			id = t->type;
			continue;
		default:
			return id;
		}
	}
	return 0;
}

/**
 * nicmem_btf_find_struct() - a struct (with a body) by name
 * @b: the BTF to search first (a module's), then its base
 * @name: the struct's name
 * @id: its type id
 *
 * Return: 0, or -ENOENT.
 */
int nicmem_btf_find_struct(const struct nicmem_btf *b, const char *name,
			   u32 *id)
{
	for (; b; b = b->base) {
		u32 i;

		for (i = 0; i < b->nr_types; i++) {
			const struct btf_type *t = (const void *)(b->types +
								   b->type_off[i]);

			if (BTF_INFO_KIND(t->info) != BTF_KIND_STRUCT ||
			    !t->size || strcmp(nicmem_btf_name(b, t->name_off), name))
				continue;
			*id = b->start_id + i;
			return 0;
		}
	}
	return -ENOENT;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_btf_find_struct);

static int nicmem_btf_size_depth(const struct nicmem_btf *b, u32 id,
				 u32 *size, unsigned int depth)
{
	const struct btf_type *t = nicmem_btf_type(b, nicmem_btf_resolve(b, id));
	const struct btf_array *a;
	u32 elem;

	if (!t || depth > NICMEM_BTF_MAX_DEPTH)
		return -EINVAL;
	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT:
	case BTF_KIND_ENUM:
	case NICMEM_BTF_KIND_ENUM64:
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
	case NICMEM_BTF_KIND_FLOAT:
		*size = t->size;
		return 0;
	case BTF_KIND_PTR:
		*size = sizeof(void *);
		return 0;
	case BTF_KIND_ARRAY:
		a = (const struct btf_array *)(t + 1);
		/* arrays of arrays, but not forever (a cycle is malformed) */
		if (nicmem_btf_size_depth(b, a->type, &elem, depth + 1))
			return -EINVAL;
		if (check_mul_overflow(elem, a->nelems, size))
			return -EINVAL;
		return 0;
	default:
		return -EINVAL;
	}
}

/**
 * nicmem_btf_type_size() - sizeof a type
 * @b: the BTF
 * @id: the type
 * @size: its size in bytes
 *
 * Return: 0, or -EINVAL for void, functions, broken chains, cycles and
 * overflow.
 */
int nicmem_btf_type_size(const struct nicmem_btf *b, u32 id, u32 *size)
{
	return nicmem_btf_size_depth(b, id, size, 0);
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_btf_type_size);

/* Find @name among the members of struct/union @id, looking into
 * anonymous struct/union members; adds the byte offset to *offset.
 */
static int nicmem_btf_find_member(const struct nicmem_btf *b, u32 id,
				  const char *name, size_t len, u32 *offset,
				  u32 *member_type, unsigned int depth)
{
	const struct btf_type *t = nicmem_btf_type(b, nicmem_btf_resolve(b, id));
	const struct btf_member *m;
	u32 i, vlen;

	if (!t || depth > NICMEM_BTF_MAX_DEPTH)
		return -ENOENT;
	if (BTF_INFO_KIND(t->info) != BTF_KIND_STRUCT &&
	    BTF_INFO_KIND(t->info) != BTF_KIND_UNION)
		return -ENOENT;
	vlen = BTF_INFO_VLEN(t->info);
	m = (const struct btf_member *)(t + 1);
	for (i = 0; i < vlen; i++, m++) {
		const char *mname = nicmem_btf_name(b, m->name_off);
		u32 bits = BTF_INFO_KFLAG(t->info) ?
			   BTF_MEMBER_BIT_OFFSET(m->offset) : m->offset;
		u32 inner = 0;

		if (!*mname) {
			if (!nicmem_btf_find_member(b, m->type, name, len,
						    &inner, member_type,
						    depth + 1)) {
				if (bits % 8)
					return -EINVAL;
				*offset += bits / 8 + inner;
				return 0;
			}
			continue;
		}
		if (strlen(mname) != len || strncmp(mname, name, len))
			continue;
		/* bitfields have no byte offset to read from */
		if (bits % 8 || (BTF_INFO_KFLAG(t->info) &&
				 BTF_MEMBER_BITFIELD_SIZE(m->offset)))
			return -EINVAL;
		*offset += bits / 8;
		*member_type = m->type;
		return 0;
	}
	return -ENOENT;
}

/**
 * nicmem_btf_member() - byte offset and size of a member path
 * @b: the BTF (a module's split BTF or vmlinux)
 * @struct_id: the containing struct
 * @path: member names separated by '.', anonymous members looked through
 * @offset: bytes from the start of the struct
 * @size: sizeof the member
 *
 * Return: 0, -ENOENT when a name is missing, -EINVAL for bitfields and
 * malformed types.
 */
int nicmem_btf_member(const struct nicmem_btf *b, u32 struct_id,
		      const char *path, u32 *offset, u32 *size)
{
	u32 id = struct_id, type = 0, off = 0;
	int ret;

	while (*path) {
		const char *dot = strchr(path, '.');
		size_t len = dot ? dot - path : strlen(path);

		if (!len)
			return -EINVAL;
		ret = nicmem_btf_find_member(b, id, path, len, &off, &type, 0);
		if (ret)
			return ret;
		id = type;
		path += len + (dot ? 1 : 0);
	}
	ret = nicmem_btf_type_size(b, type, size);
	if (!ret)
		*offset = off;
	return ret;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_btf_member);

/**
 * nicmem_btf_find_var() - a variable of a data section (DATASEC)
 * @b: the BTF (vmlinux: pahole encodes its per-CPU variables, in the
 *	section ".data..percpu")
 * @sec: the section's name
 * @name: the variable's name
 * @offset: its offset in the section
 * @type: its type
 *
 * Return: 0, -ENOENT when the section or the variable is missing,
 * -EINVAL when the section's entry is malformed.
 */
int nicmem_btf_find_var(const struct nicmem_btf *b, const char *sec,
			const char *name, u32 *offset, u32 *type)
{
	u32 i, j;

	for (i = 0; i < b->nr_types; i++) {
		const struct btf_type *t = (const void *)(b->types + b->type_off[i]);
		const u32 *vs = (const u32 *)(t + 1);	/* type, offset, size */

		if (BTF_INFO_KIND(t->info) != NICMEM_BTF_KIND_DATASEC ||
		    strcmp(nicmem_btf_name(b, t->name_off), sec))
			continue;
		for (j = 0; j < BTF_INFO_VLEN(t->info); j++, vs += 3) {
			const struct btf_type *v = nicmem_btf_type(b, vs[0]);

			if (!v || BTF_INFO_KIND(v->info) != NICMEM_BTF_KIND_VAR)
				return -EINVAL;
			if (strcmp(nicmem_btf_name(b, v->name_off), name))
				continue;
			*offset = vs[1];
			*type = v->type;
			return 0;
		}
	}
	return -ENOENT;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_btf_find_var);
