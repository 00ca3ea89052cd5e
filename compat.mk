# SPDX-License-Identifier: GPL-2.0
#
# The Kbuild half of compat.h: features probed by compiling a small file
# (probes/<name>.c) against the kernel being built for, WireGuard style,
# where a distribution's backports (RHEL) make LINUX_VERSION_CODE lie or
# nothing in C can tell (a bit-field, a driver's private struct). Each
# probe that compiles adds -DNICMEM_HAVE_<NAME> to ccflags-y; compat.h
# and drivers/*/compiled.c decide on those, and on nothing else here.
# Included by every Kbuild whose objects include compat.h; $(nicmem_top)
# is the directory of this file.

nicmem_top := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

# $(call nicmem_probe,NAME,file,extra flags): -DNICMEM_HAVE_NAME when
# probes/file.c compiles (syntax and types only, no object) with the
# kernel's own flags
nicmem_probe = $(shell $(CC) $(NOSTDINC_FLAGS) $(LINUXINCLUDE) \
	$(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) -DKBUILD_MODNAME='"nicmem_probe"' \
	$(3) -fsyntax-only $(nicmem_top)/probes/$(2).c >/dev/null 2>&1 && \
	echo -DNICMEM_HAVE_$(1))

nicmem_probed := $(call nicmem_probe,REG_STATE_U8,reg_state_u8)
nicmem_probed += $(call nicmem_probe,FILE_OPEN_ROOT_PATH,file_open_root_path)
ifneq ($(KSRC),)
nicmem_probed += $(call nicmem_probe,MLX5E_PAGES_PER_WQE,mlx5e_pages_per_wqe,\
	-I$(KSRC)/drivers/net/ethernet/mellanox/mlx5/core)
nicmem_probed += $(call nicmem_probe,XSK_POOL,xsk_pool,\
	-I$(KSRC)/drivers/net/ethernet/intel/ixgbe)
endif
ccflags-y += -DNICMEM_COMPAT_MK $(nicmem_probed)
