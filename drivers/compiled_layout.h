/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A driver's compiled layout: offsetof() and sizeof of the entries of its
 * _layout.h list, from the driver's own headers. Included once by
 * drivers/compiled_<drv>.c after the driver's header, with CL_NAME (the
 * object), CL_DRIVER (its name) and CL_LIST (the list's file) defined.
 * No include guard.
 */
#include "adaptor.h"

enum {
#include "fields_enum.h"
#include CL_LIST
	CL_NR_FIELDS
};

const struct nicmem_compiled CL_NAME = {
	.driver	= CL_DRIVER,
	.nr	= CL_NR_FIELDS,
	.f	= {
#undef NICMEM_FIELD
#undef NICMEM_SIZEOF
#define NICMEM_FIELD(s, m) { offsetof(struct s, m), sizeof_field(struct s, m) },
#define NICMEM_SIZEOF(s) { 0, sizeof(struct s) },
#undef NICMEM_PATH
#define NICMEM_PATH(s, id, p) { offsetof(struct s, p), sizeof_field(struct s, p) },
#include CL_LIST
	},
};
