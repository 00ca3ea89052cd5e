/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A driver's compiled layout: offsetof() and sizeof of the entries of its
 * layout.h list, from the driver's own headers. Included once by
 * drivers/<drv>/compiled.c after the driver's header, with CL_NAME
 * (the object), CL_DRIVER (its name) and CL_LIST (the list's file, from
 * drivers/) defined.
 * A member this kernel's driver lacks (compat.mk's probes tell) is
 * declared by defining CL_ABSENT_<struct>_<member or id> to 1 before:
 * its entry is { 0, 0 }, which layout.c reports as -ENOENT. A member an
 * older kernel names differently (compat.h says which) is declared by
 * defining CL_RENAMED_<struct>_<member> to 1 and CL_OLD_<struct>_<member>
 * to the old name: its entry is the old member's. No include guard.
 */
#include "adaptor.h"
#include "../compat.h"

enum {
#include "fields_enum.h"
#include CL_LIST
	CL_NR_FIELDS
};

extern const struct nicmem_compiled CL_NAME;

const struct nicmem_compiled CL_NAME = {
	.driver	= CL_DRIVER,
	.nr	= CL_NR_FIELDS,
	.f	= {
#undef NICMEM_FIELD
#undef NICMEM_SIZEOF
#undef NICMEM_PATH
/* the entry of member path @p of struct @s, or { 0, 0 } when @absent is 1 */
#define CL_ENTRY(absent, s, p)		__CL_ENTRY(absent, s, p)
#define __CL_ENTRY(absent, s, p)	__CL_ENTRY_##absent(s, p)
#define __CL_ENTRY_0(s, p) { offsetof(struct s, p), sizeof_field(struct s, p) },
#define __CL_ENTRY_1(s, p) { 0, 0 },
/* member @m of struct @s, or the name it had before an upstream rename */
#define CL_MEMBER(s, m)		__CL_MEMBER(__is_defined(CL_RENAMED_##s##_##m), s, m)
#define __CL_MEMBER(renamed, s, m)	___CL_MEMBER(renamed, s, m)
#define ___CL_MEMBER(renamed, s, m)	__CL_MEMBER_##renamed(s, m)
#define __CL_MEMBER_0(s, m)	m
#define __CL_MEMBER_1(s, m)	CL_OLD_##s##_##m
#define NICMEM_FIELD(s, m) \
	CL_ENTRY(__is_defined(CL_ABSENT_##s##_##m), s, CL_MEMBER(s, m))
#define NICMEM_SIZEOF(s) { 0, sizeof(struct s) },
#define NICMEM_PATH(s, id, p)	CL_ENTRY(__is_defined(CL_ABSENT_##s##_##id), s, p)
#include CL_LIST
	},
};
