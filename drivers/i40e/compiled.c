// SPDX-License-Identifier: GPL-2.0
/*
 * i40e's layout from the driver's own headers. Built only with
 * KSRC=<kernel source> (Kbuild).
 */
#include "i40e.h"

#define CL_NAME		nicmem_compiled_i40e
#define CL_DRIVER	"i40e"
#define CL_LIST		"i40e/layout.h"
#include "../compiled_layout.h"
