// SPDX-License-Identifier: GPL-2.0
/*
 * igb's layout from the driver's own headers: offsetof() and sizeof of the
 * members in igb_layout.h. Built only with KSRC=<kernel source> (Kbuild).
 */
#include "igb.h"
#include "adaptor.h"

enum {
#include "fields_enum.h"
#include "igb_layout.h"
	NR_FIELDS
};

const struct nicmem_compiled nicmem_compiled_igb = {
	.driver	= "igb",
	.nr	= NR_FIELDS,
	.f	= {
#undef NICMEM_FIELD
#undef NICMEM_SIZEOF
#define NICMEM_FIELD(s, m) { offsetof(struct s, m), sizeof_field(struct s, m) },
#define NICMEM_SIZEOF(s) { 0, sizeof(struct s) },
#include "igb_layout.h"
	},
};
