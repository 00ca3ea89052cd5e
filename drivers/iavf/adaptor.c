// SPDX-License-Identifier: GPL-2.0
/*
 * iavf's adaptor: the whole adaptor is its spec (spec.h).
 */
#include "../adaptor.h"
#include "spec.h"
#include "../../compat.h"

const struct nicmem_adaptor nicmem_adaptor_iavf = {
	NICMEM_SPEC_iavf,
};
