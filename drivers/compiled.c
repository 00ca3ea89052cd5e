// SPDX-License-Identifier: GPL-2.0
/*
 * The layouts compiled from the drivers' headers (KSRC builds only): one per
 * drivers/<driver>/compiled.c, which Kbuild lists in
 * NICMEM_COMPILED_LIST as CL(<driver>) entries.
 */
#include "adaptor.h"

extern const struct nicmem_compiled
#define CL(d)	nicmem_compiled_##d,
	NICMEM_COMPILED_LIST
#undef CL
	nicmem_compiled_list_end;	/* declared only: ends the list */

static const struct nicmem_compiled * const nicmem_compiled[] = {
#define CL(d)	(&nicmem_compiled_##d),
	NICMEM_COMPILED_LIST
#undef CL
};

const struct nicmem_compiled *nicmem_compiled_find(const char *driver)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nicmem_compiled); i++)
		if (!strcmp(nicmem_compiled[i]->driver, driver))
			return nicmem_compiled[i];
	return NULL;
}
