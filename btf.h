/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A strict, read-only BTF reader: enough to resolve "struct S, member
 * a.b" to a byte offset and size from /sys/kernel/btf/vmlinux and a
 * module's split BTF, with every offset, count and id bounds-checked.
 * The kernel exports no BTF lookup a module can use (btf_get_module_btf()
 * is static; struct module::btf_data is cleared after load), so nicmem
 * reads the files sysfs exposes.
 */
#ifndef _NICMEM_BTF_H
#define _NICMEM_BTF_H

#include <linux/errno.h>
#include <linux/types.h>

struct btf_type;

struct nicmem_btf {
	const u8 *types;		/* the type section */
	u32 types_len;
	const char *strs;		/* the string section, NUL-terminated */
	u32 strs_len;
	u32 *type_off;			/* offset of each type in types */
	u32 nr_types;
	u32 start_id;			/* id of this blob's first type */
	u32 start_str;			/* string offset of this blob's first byte */
	const struct nicmem_btf *base;	/* vmlinux, for a module's split BTF */
	void *blob;			/* what was read, owned */
};

int nicmem_btf_parse(struct nicmem_btf *b, void *blob, size_t size,
		     const struct nicmem_btf *base);
int nicmem_btf_load(struct nicmem_btf *b, const char *name,
		    const struct nicmem_btf *base);

/* A BTF read that may succeed when tried again (not: missing, malformed) */
static inline bool nicmem_btf_transient(int err)
{
	return err && err != -ENOENT && err != -EINVAL;
}

void nicmem_btf_free(struct nicmem_btf *b);

const struct btf_type *nicmem_btf_type(const struct nicmem_btf *b, u32 id);
const char *nicmem_btf_name(const struct nicmem_btf *b, u32 off);
int nicmem_btf_find_struct(const struct nicmem_btf *b, const char *name,
			   u32 *id);
int nicmem_btf_type_size(const struct nicmem_btf *b, u32 id, u32 *size);
int nicmem_btf_member(const struct nicmem_btf *b, u32 struct_id,
		      const char *path, u32 *offset, u32 *size);
int nicmem_btf_find_var(const struct nicmem_btf *b, const char *sec,
			const char *name, u32 *offset, u32 *type);

#endif /* _NICMEM_BTF_H */
