/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Include before a drivers/<driver>/layout.h inside a struct nicmem_field
 * array initializer: each entry becomes { "struct", "member", "id" }, the id
 * being its NICMEM_F_ name without the prefix (fields_enum.h). No include
 * guard: included once per list.
 */
#undef NICMEM_FIELD
#undef NICMEM_SIZEOF
#define NICMEM_FIELD(s, m)	{ #s, #m, #s "_" #m },
#define NICMEM_SIZEOF(s)	{ #s, NULL, "sizeof_" #s },
#undef NICMEM_PATH
#define NICMEM_PATH(s, id, p)	{ #s, #p, #s "_" #id },
