/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/kernel.h>: min_t(), ARRAY_SIZE(), USHRT_MAX. */
#ifndef _NICMEM_HOST_KERNEL_H
#define _NICMEM_HOST_KERNEL_H
#include <limits.h>
#define min_t(t, a, b)	((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif
