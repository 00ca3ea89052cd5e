// SPDX-License-Identifier: GPL-2.0
/*
 * ice's adaptor: the whole adaptor is its spec (spec.h).
 */
#include "../adaptor.h"
#include "spec.h"
#include "../../compat.h"

const struct nicmem_adaptor nicmem_adaptor_ice = {
	NICMEM_SPEC_ice,
};
