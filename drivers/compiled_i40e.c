// SPDX-License-Identifier: GPL-2.0
/*
 * i40e's layout from the driver's own headers: offsetof() and sizeof of the
 * members in i40e_layout.h. Built only with KSRC=<kernel source> (Kbuild).
 */
#include "i40e.h"
#include "adaptor.h"

enum {
#include "fields_enum.h"
#include "i40e_layout.h"
	NR_FIELDS
};

const struct nicmem_compiled nicmem_compiled_i40e = {
	.driver	= "i40e",
	.nr	= NR_FIELDS,
	.f	= {
#undef NICMEM_FIELD
#undef NICMEM_SIZEOF
#define NICMEM_FIELD(s, m) { offsetof(struct s, m), sizeof_field(struct s, m) },
#define NICMEM_SIZEOF(s) { 0, sizeof(struct s) },
#include "i40e_layout.h"
	},
};
