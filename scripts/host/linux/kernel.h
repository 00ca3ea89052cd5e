/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/kernel.h>: min_t() and ARRAY_SIZE(). */
#ifndef _NICMEM_HOST_KERNEL_H
#define _NICMEM_HOST_KERNEL_H
#define min_t(t, a, b)	((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif
