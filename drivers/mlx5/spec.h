/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mlx5's description as plain data (drivers/spec.h): compiled into the
 * module by adaptor.c and, for the host, into the post-mortem script's
 * definitions by scripts/vmcore-defs.c.
 */
#ifndef _NICMEM_MLX5_SPEC_H
#define _NICMEM_MLX5_SPEC_H

#include "../spec.h"

enum {
#include "../fields_enum.h"
#include "layout.h"
};

static const struct nicmem_field mlx5_fields[] = {
#include "../fields_init.h"
#include "layout.h"
};

/* the plain members of nicmem_adaptor_mlx5 */
#define NICMEM_SPEC_mlx5						\
	.driver		= "mlx5_core",					\
	.module		= "mlx5_core",					\
	.fields		= mlx5_fields,					\
	.nr_fields	= ARRAY_SIZE(mlx5_fields)

#endif /* _NICMEM_MLX5_SPEC_H */
