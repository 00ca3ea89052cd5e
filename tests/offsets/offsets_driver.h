/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One driver's rows: offsetof()/sizeof() of every entry of its layout.h
 * list, from its own headers. Included once by drivers/<drv>/offsets.c
 * after the driver's header, with OFF_FN (nicmem_offsets_<drv>),
 * OFF_DRIVER (as nicmem's layouts file names it) and OFF_LIST (the list's
 * path from the module's top) defined.
 * No include guard.
 */
#include "offsets.h"

static const struct offsets_row rows[] = {
#define NICMEM_FIELD(s, m) \
	{ #s, #m, offsetof(struct s, m), sizeof_field(struct s, m) },
#define NICMEM_SIZEOF(s) { #s, "-", 0, sizeof(struct s) },
#define NICMEM_PATH(s, id, p) \
	{ #s, #p, offsetof(struct s, p), sizeof_field(struct s, p) },
#include OFF_LIST
};

void OFF_FN(struct seq_file *sf)
{
	offsets_print(sf, OFF_DRIVER, rows, ARRAY_SIZE(rows));
}
