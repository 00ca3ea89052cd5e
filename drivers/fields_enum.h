/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Include before a drivers/<driver>/layout.h inside an enum: each entry
 * becomes NICMEM_F_<struct>_<member> (NICMEM_F_sizeof_<struct>;
 * NICMEM_F_<struct>_<id> for a NICMEM_PATH(struct, id, a.b.c)), its index
 * in the adaptor's fields[]. No include guard: included once per list.
 */
#undef NICMEM_FIELD
#undef NICMEM_SIZEOF
#define NICMEM_FIELD(s, m)	NICMEM_F_##s##_##m,
#define NICMEM_SIZEOF(s)	NICMEM_F_sizeof_##s,
#undef NICMEM_PATH
#define NICMEM_PATH(s, id, p)	NICMEM_F_##s##_##id,
