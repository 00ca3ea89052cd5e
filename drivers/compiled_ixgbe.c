// SPDX-License-Identifier: GPL-2.0
/*
 * ixgbe's layout from the driver's own headers: offsetof() and sizeof of the
 * members in ixgbe_layout.h. Built only with KSRC=<kernel source> (Kbuild).
 */
#include "ixgbe.h"
#include "adaptor.h"

enum {
#include "fields_enum.h"
#include "ixgbe_layout.h"
	NR_FIELDS
};

const struct nicmem_compiled nicmem_compiled_ixgbe = {
	.driver	= "ixgbe",
	.nr	= NR_FIELDS,
	.f	= {
#undef NICMEM_FIELD
#undef NICMEM_SIZEOF
#define NICMEM_FIELD(s, m) { offsetof(struct s, m), sizeof_field(struct s, m) },
#define NICMEM_SIZEOF(s) { 0, sizeof(struct s) },
#include "ixgbe_layout.h"
	},
};
