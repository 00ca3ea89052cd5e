// SPDX-License-Identifier: GPL-2.0
/* offsetof() of nicmem's i40e members, from the driver's own i40e.h */
#include "i40e.h"
#include "offsets.h"

void nicmem_offsets_i40e(struct seq_file *sf)
{
#define NICMEM_FIELD(s, m) \
	OFFSETS_ROW("i40e", s, #m, offsetof(struct s, m), \
		    sizeof_field(struct s, m));
#define NICMEM_SIZEOF(s) OFFSETS_ROW("i40e", s, "-", 0, sizeof(struct s));
#include "../../drivers/i40e_layout.h"
}
