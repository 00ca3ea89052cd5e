// SPDX-License-Identifier: GPL-2.0
/* The layouts compiled from the drivers' headers (KSRC builds only). */
#include "adaptor.h"

static const struct nicmem_compiled * const nicmem_compiled[] = {
	&nicmem_compiled_ixgbe,
	&nicmem_compiled_i40e,
	&nicmem_compiled_igb,
	&nicmem_compiled_mlx5,
};

const struct nicmem_compiled *nicmem_compiled_find(const char *driver)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nicmem_compiled); i++)
		if (!strcmp(nicmem_compiled[i]->driver, driver))
			return nicmem_compiled[i];
	return NULL;
}
